"""PDF/A-2a and PDF/UA-1 after reportlab: what reportlab cannot write, added with pikepdf.

reportlab already embeds every font (TrueType only, see styles.py), writes no JavaScript, no
encryption and PDF 1.4; tags.py gives every PDF its structure tree.  This adds the rest: XMP
metadata that repeats the document information dictionary and identifies the file (pdfuaid
part 1 on every tagged PDF, with the extension schema PDF/A asks for; pdfaid part 2 conformance A
when archival, B if the file were untagged), an sRGB output intent with the ICC profile shipped
in plandoc/data (its header date fixed, so output stays byte-identical), and the Print flag on
every annotation.  File identifiers come from pikepdf's deterministic /ID when saving.
"""

from __future__ import annotations

import re
from importlib.resources import files
from plandoc.writers.xmltext import escape

import pikepdf

ICC_NAME = "sRGB IEC61966-2.1"
ANNOT_PRINT = 4          # annotation flag bit 3: Print

# PDF/A lets only its listed schemas into XMP; pdfuaid is declared by an extension schema.
UA_SCHEMA = (
    "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">"
    "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>"
    "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>"
    "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"
    "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">"
    "<pdfaProperty:name>part</pdfaProperty:name>"
    "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>"
    "<pdfaProperty:category>internal</pdfaProperty:category>"
    "<pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>"
    "</rdf:li></rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas>")


def make_pdfa(pdf: pikepdf.Pdf) -> None:
    """Turn reportlab's finished PDF into PDF/A-2 (call after the document info and the
    structure tree are final): level A when tagged, else B."""
    _output_intent(pdf)
    _print_annotations(pdf)
    if "/Trapped" in pdf.docinfo:       # reportlab's; XMP's pdf schema has no Trapped in PDF/A
        del pdf.docinfo["/Trapped"]
    write_metadata(pdf, pdfa=True)


def write_metadata(pdf: pikepdf.Pdf, pdfa: bool = False) -> None:
    """The XMP metadata stream: the document information (title, author, …, dates) and the
    language, with the PDF/UA identification when the file is tagged and the PDF/A one when
    it is archival."""
    lang = str(pdf.Root.get("/Lang", "")) or None
    tagged = "/StructTreeRoot" in pdf.Root
    level = ("A" if tagged else "B") if pdfa else None
    xmp = xmp_packet(_info(pdf), lang, level, ua=tagged)
    pdf.Root.Metadata = pdf.make_stream(xmp.encode("utf-8"),
                                        {"/Type": pikepdf.Name.Metadata,
                                         "/Subtype": pikepdf.Name.XML})


def icc_profile() -> bytes:
    """The sRGB profile embedded as output intent (made once with Pillow's ImageCms)."""
    return files("plandoc.data").joinpath("sRGB.icc").read_bytes()


def _output_intent(pdf: pikepdf.Pdf) -> None:
    profile = pdf.make_stream(icc_profile(), {"/N": 3})
    intent = pikepdf.Dictionary(Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFA1,
                                OutputConditionIdentifier=pikepdf.String(ICC_NAME),
                                Info=pikepdf.String(ICC_NAME),
                                RegistryName=pikepdf.String("http://www.color.org"),
                                DestOutputProfile=profile)
    pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(intent)])


def _print_annotations(pdf: pikepdf.Pdf) -> None:
    """PDF/A: every annotation is printed and none is hidden."""
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", []):
            annot.F = ANNOT_PRINT


def _info(pdf: pikepdf.Pdf) -> dict:
    return {str(k): str(v) for k, v in pdf.docinfo.items()}


def xmp_date(pdf_date: str) -> str:
    """'D:20210512000000Z' (or +01'00') → '2021-05-12T00:00:00Z' (or +01:00)."""
    m = re.match(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(Z|[+-]\d\d'?\d\d'?)?", pdf_date)
    if not m:
        raise ValueError(f"not a PDF date: {pdf_date!r}")
    y, mo, d, h, mi, s, tz = m.groups()
    zone = "Z" if tz in (None, "Z") else f"{tz[:3]}:{tz.replace(chr(39), '')[3:5]}"
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}{zone}"


def xmp_packet(info: dict, lang: str | None, pdfa: str | None = "B", ua: bool = False) -> str:
    """XMP carrying pdfaid part 2 at level `pdfa` (A or B; None: not PDF/A), pdfuaid part 1
    when `ua`, and the same title, author, subject, keywords, tools, dates."""
    props = [f"<pdfaid:part>2</pdfaid:part><pdfaid:conformance>{pdfa}</pdfaid:conformance>"] \
        if pdfa else []
    if ua:
        props += ["<pdfuaid:part>1</pdfuaid:part>", UA_SCHEMA]
    props += _described(info, lang) + _simple(info) + _dates(info)
    body = "\n    ".join(props)
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about=""\n'
        '    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"\n'
        '    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"\n'
        '    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"\n'
        '    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"\n'
        '    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#"\n'
        '    xmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"\n'
        '    xmlns:xmp="http://ns.adobe.com/xap/1.0/">\n'
        f"    {body}\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>')


def _described(info: dict, lang: str | None) -> list[str]:
    """Dublin Core: title, creator, description, language."""
    props, alt_lang = [], "x-default"
    if "/Title" in info:
        props.append(_alt("dc:title", info["/Title"], alt_lang))
    if "/Author" in info:
        props.append(f"<dc:creator><rdf:Seq><rdf:li>{escape(info['/Author'])}</rdf:li>"
                     "</rdf:Seq></dc:creator>")
    if "/Subject" in info:
        props.append(_alt("dc:description", info["/Subject"], alt_lang))
    if lang:
        props.append(f"<dc:language><rdf:Bag><rdf:li>{escape(lang)}</rdf:li></rdf:Bag>"
                     "</dc:language>")
    return props


def _simple(info: dict) -> list[str]:
    """Keywords, producer and creator tool, as they stand in the document information."""
    simple = {"/Keywords": "pdf:Keywords", "/Producer": "pdf:Producer",
              "/Creator": "xmp:CreatorTool"}
    return [f"<{tag}>{escape(info[key])}</{tag}>" for key, tag in simple.items() if key in info]


def _dates(info: dict) -> list[str]:
    """Creation, modification and metadata dates from the document information's dates."""
    dates = {"/CreationDate": ["xmp:CreateDate"], "/ModDate": ["xmp:ModifyDate",
                                                                "xmp:MetadataDate"]}
    return [f"<{tag}>{xmp_date(info[key])}</{tag}>" for key, tags in dates.items()
            if key in info for tag in tags]


def _alt(tag: str, text: str, lang: str) -> str:
    return (f'<{tag}><rdf:Alt><rdf:li xml:lang="{lang}">{escape(text)}</rdf:li></rdf:Alt>'
            f"</{tag}>")
