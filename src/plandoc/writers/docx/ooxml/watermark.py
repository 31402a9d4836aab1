"""The draft watermark as Word makes it: a VML WordArt text path in the header.

This is the shape Word inserts for Design → Watermark ('UTKAST'): anchored to the margin,
centred, rotated, filled in the given grey, inside a run of the header, so it shows behind the text
of every page of the section and Word lists it as the document's watermark.
"""

from __future__ import annotations

from docx.oxml import parse_xml

from plandoc.writers.xmltext import quoteattr

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

ROTATION = 315        # Word's 'diagonal' layout


def _style(width_pt: float, height_pt: float) -> str:
    return (f"position:absolute;margin-left:0;margin-top:0;width:{width_pt:.1f}pt;"
            f"height:{height_pt:.1f}pt;rotation:{ROTATION};z-index:-251657216;"
            "mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
            "mso-position-vertical:center;mso-position-vertical-relative:margin")


def add_watermark(header, text: str, font: str, width_mm: float, colour: str,
                  index: int) -> None:
    """Put the watermark `text` into `header` (a python-docx header) behind the page's text."""
    mark_paragraph(header.paragraphs[0], text, font, width_mm, colour, index)


def mark_paragraph(paragraph, text: str, font: str, width_mm: float, colour: str,
                   index: int) -> None:
    """Anchor the watermark in `paragraph` (of a header, or of a cover without one); the shape
    is centred on the margins of the section the paragraph is in."""
    paragraph._p.append(_run(text, font, width_mm, colour, index))


def _run(text: str, font: str, width_mm: float, colour: str, index: int):
    width_pt = width_mm * 72 / 25.4
    height_pt = width_pt / max(len(text), 4) * 1.3
    return parse_xml(
        f'<w:r {NS}><w:rPr><w:noProof/></w:rPr><w:pict>{SHAPETYPE}'
        f'<v:shape id="PowerPlusWaterMarkObject{index}" o:spid="_x0000_s{2049 + index}" '
        f'type="#_x0000_t136" style="{_style(width_pt, height_pt)}" o:allowincell="f" '
        f'fillcolor="{colour}" stroked="f">'
        f'<v:textpath style={quoteattr(f"font-family:&quot;{font}&quot;;font-size:1pt")} '
        f'string={quoteattr(text)}/><w10:wrap anchorx="margin" anchory="margin"/></v:shape>'
        '</w:pict></w:r>')
