"""Alternative text, the decorative mark and cropping of a picture (python-docx's InlineShape has
no API for them)."""

from __future__ import annotations

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn

DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SVG_URI = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
SVG_NS = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"


def set_alt_text(shape, descr: str, title: str | None = None) -> None:
    """wp:docPr @descr (and @title, @name), and @descr on pic:cNvPr, of an InlineShape."""
    inline = shape._inline
    doc_pr = inline.docPr
    doc_pr.set("descr", descr)
    if title:
        doc_pr.set("title", title)
        doc_pr.set("name", title)
    for cnv in inline.iter(qn("pic:cNvPr")):
        cnv.set("descr", descr)


def mark_decorative(shape) -> None:
    """Mark an InlineShape as decorative, as Word 365's 'Mark as decorative' does: no alt text,
    and an a:extLst on wp:docPr with adec:decorative val="1" (screen readers skip it)."""
    doc_pr = shape._inline.docPr
    for name in ("descr", "title"):
        doc_pr.attrib.pop(name, None)
    doc_pr.append(parse_xml(
        f'<a:extLst xmlns:a="{A_NS}"><a:ext uri="{DECORATIVE_URI}">'
        f'<adec:decorative xmlns:adec="{DECORATIVE_NS}" val="1"/></a:ext></a:extLst>'))


def attach_svg(shape, part, data: bytes) -> None:
    """The SVG beside an InlineShape's PNG, as Word 2016+ keeps a drawing: an image/svg+xml
    part and an a:ext with asvg:svgBlip naming it on the a:blip.  Word draws the SVG; a reader
    that knows no SVG draws the PNG."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.part import Part

    name = part.package.next_partname("/word/media/image%d.svg")
    rid = part.relate_to(Part(name, "image/svg+xml", data, part.package),
                         RELATIONSHIP_TYPE.IMAGE)
    blip = next(shape._inline.iter(qn("a:blip")))
    blip.append(parse_xml(
        f'<a:extLst xmlns:a="{A_NS}"><a:ext uri="{SVG_URI}"><asvg:svgBlip '
        f'xmlns:asvg="{SVG_NS}" xmlns:r="{R_NS}" r:embed="{rid}"/></a:ext></a:extLst>'))


def crop(shape, left: float, top: float, right: float, bottom: float) -> None:
    """a:srcRect on an InlineShape: fractions of the picture cut from each side (Word and
    LibreOffice stretch what is left to the shape's size)."""
    blip = next(shape._inline.iter(qn("a:blip")))
    rect = OxmlElement("a:srcRect")
    for name, value in zip("ltrb", (left, top, right, bottom)):
        rect.set(name, str(round(value * 100_000)))
    blip.addnext(rect)


def flush(shape) -> None:
    """No wrap distance around an InlineShape (LibreOffice assumes about 3 mm on each side when
    wp:inline does not say, which pushed a page-wide picture off the page's edge)."""
    for side in ("distT", "distB", "distL", "distR"):
        shape._inline.set(side, "0")
