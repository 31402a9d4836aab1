"""Word's own draft watermark and line numbering: section-level marks of a consultation draft.

The watermark is the VML WordArt shape Word inserts for Design → Watermark ('UTKAST'): a text
path shape anchored to the margin, rotated, in light grey, inside a run of the section's header,
so it appears behind the text of every page of that section and Word lists it as the document's
watermark.  Line numbering is the section property w:lnNumType (Word and LibreOffice show it).
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from docx.oxml import parse_xml
from docx.oxml.ns import qn

from plandoc.writers.docx.ooxml import child, element, sort_props

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:o="urn:schemas-microsoft-com:office:office" '
      'xmlns:w10="urn:schemas-microsoft-com:office:word"')

SHAPETYPE = """<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800"
 path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas><v:f eqn="sum #0 0 10800"/>
<v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>
<v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/>
<v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/>
<v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/>
<v:f eqn="sum @6 0 @5"/></v:formulas><v:path textpathok="t" o:connecttype="custom"
 o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>
<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight"
 xrange="6629,14971"/></v:handles><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>"""

COLOR = "#D9D9D9"     # light grey, as the PDF's watermark
ROTATION = 315        # Word's 'diagonal' layout


def add_watermark(header, text: str, font: str, width_mm: float, index: int) -> None:
    """Put the watermark `text` into `header` (a python-docx header), behind the page text."""
    width_pt = width_mm * 72 / 25.4
    height_pt = width_pt / max(len(text), 4) * 1.3
    style = (f"position:absolute;margin-left:0;margin-top:0;width:{width_pt:.1f}pt;"
             f"height:{height_pt:.1f}pt;rotation:{ROTATION};z-index:-251657216;"
             "mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
             "mso-position-vertical:center;mso-position-vertical-relative:margin")
    run = parse_xml(
        f'<w:r {NS}><w:rPr><w:noProof/></w:rPr><w:pict>{SHAPETYPE}'
        f'<v:shape id="PowerPlusWaterMarkObject{index}" o:spid="_x0000_s{2049 + index}" '
        f'type="#_x0000_t136" style="{style}" o:allowincell="f" fillcolor="{COLOR}" '
        f'stroked="f"><v:fill opacity=".5"/>'
        f'<v:textpath style={quoteattr(f"font-family:&quot;{font}&quot;;font-size:1pt")} '
        f'string={quoteattr(text)}/><w10:wrap anchorx="margin" anchory="margin"/></v:shape>'
        '</w:pict></w:r>')
    header.paragraphs[0]._p.append(run)


# w:sectPr children that come after w:lnNumType in the schema
_AFTER_LNNUM = ("pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
                "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings",
                "sectPrChange")


def number_lines(section) -> None:
    """Word's line numbering in `section`: every line, restarting on each page."""
    sect = section._sectPr
    for old in sect.findall(qn("w:lnNumType")):
        sect.remove(old)
    ln = element("w:lnNumType", countBy=1, distance=340, restart="newPage")
    later = [el for el in sect if el.tag.rsplit("}", 1)[-1] in _AFTER_LNNUM]
    if later:
        later[0].addprevious(ln)
    else:
        sect.append(ln)


def suppress_line_numbers(word, cover: bool, styles=("Spacer",)) -> None:
    """No line numbers on the cover (LibreOffice numbers every section alike) or on spacers."""
    body = word.element.body
    for p in body.iterchildren(qn("w:p")) if cover else ():
        _suppress(p.get_or_add_pPr())
        if p.pPr.find(qn("w:sectPr")) is not None:   # the cover ends here
            break
    for name in styles:
        _suppress(word.styles[name].element.get_or_add_pPr())


def _suppress(ppr) -> None:
    child(ppr, "w:suppressLineNumbers")
    sort_props(ppr)
