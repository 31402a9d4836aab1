"""Vector charts into the finished PDF: each chart's one-page PDF becomes a Form XObject.

reportlab cannot import PDF pages, so the writer leaves an empty slot (ChartSlot) that records
its page and rectangle in the final pass; here pikepdf lays the chart page into that rectangle.
matplotlib puts characters beyond Latin-1 (the '₂' of CO₂, '–', '≥') in a font of their own
whose first glyph is CID 0, the code PDF/A and PDF/UA reserve for .notdef: such a font's codes
are moved up by one (_free_cid_zero), which changes nothing a reader sees.
"""

from __future__ import annotations

from io import BytesIO

import pikepdf

from plandoc.writers.pdf.flowables import ChartRecord
from plandoc.writers.pdf.tags import marked_bytes
from plandoc.writers.pdf.tounicode import shifted


def place_charts(pdf: pikepdf.Pdf, records: list[ChartRecord]) -> list[pikepdf.Pdf]:
    """Overlay every recorded chart; returns the opened chart PDFs (keep them until saved)."""
    opened = []
    for record in records:
        if record.page < 0:
            raise RuntimeError(f"chart {record.index + 1} was never placed on a page")
        chart = pikepdf.open(BytesIO(record.pdf))
        _free_cid_zero(chart)
        opened.append(chart)
        _overlay(pdf, pdf.pages[record.page], chart.pages[0], record)
    return opened


def _overlay(pdf: pikepdf.Pdf, page: pikepdf.Page, chart: pikepdf.Page, record) -> None:
    """Like Page.add_overlay, but with a fixed resource name so output is reproducible."""
    formx = pdf.copy_foreign(chart.as_form_xobject())
    name = page.add_resource(formx, pikepdf.Name.XObject,
                             pikepdf.Name(f"/Chart{record.index + 1}"))
    placement = page.calc_form_xobject_placement(formx, name, pikepdf.Rectangle(*record.rect),
                                                 allow_shrink=True, allow_expand=True)
    page.contents_add(b"q\n", prepend=True)
    page.contents_add(b"Q\n" + marked_bytes("Figure", record.mcid, placement), prepend=False)
    page.contents_coalesce()


def _free_cid_zero(chart: pikepdf.Pdf) -> None:
    """Renumber the codes of every Identity-H font that draws a glyph with CID 0 (one up)."""
    page = chart.pages[0]
    fonts = page.obj.get("/Resources", {}).get("/Font", {})
    moved = {name for name, font in fonts.items() if _uses_cid_zero(font)}
    if not moved:
        return
    for name in moved:
        _shift_font(fonts[name])
    ops, current = [], None
    for operands, operator in pikepdf.parse_content_stream(page):
        if operator == pikepdf.Operator("Tf"):
            current = str(operands[0])
        elif current in moved and str(operator) in ("Tj", "TJ", "'", '"'):
            operands = [_shift_text(o) for o in operands]
        ops.append((operands, operator))
    page.obj.Contents = chart.make_stream(pikepdf.unparse_content_stream(ops))


def _uses_cid_zero(font) -> bool:
    """An Identity-H TrueType font whose CID 0 maps to a real glyph (GID ≠ 0)."""
    if font.get("/Encoding") != "/Identity-H" or "/DescendantFonts" not in font:
        return False
    cid_map = font.DescendantFonts[0].get("/CIDToGIDMap")
    return isinstance(cid_map, pikepdf.Stream) and cid_map.read_bytes()[:2] not in (b"", b"\0\0")


def _shift_font(font) -> None:
    """CIDToGIDMap, widths and ToUnicode of `font` moved one code up (CID 0 → .notdef)."""
    cid = font.DescendantFonts[0]
    cid.CIDToGIDMap.write(b"\0\0" + cid.CIDToGIDMap.read_bytes())
    if "/W" in cid:
        cid.W = pikepdf.Array(_shift_widths(list(cid.W)))
    if "/ToUnicode" in font:
        font.ToUnicode.write(shifted(font.ToUnicode.read_bytes(), 1))


def _shift_widths(widths: list) -> list:
    """A /W array one code up: 'c [w …]' and 'first last w' entries."""
    out, n = [], 0
    while n < len(widths):
        if isinstance(widths[n + 1], pikepdf.Array):
            out += [int(widths[n]) + 1, widths[n + 1]]
            n += 2
        else:
            out += [int(widths[n]) + 1, int(widths[n + 1]) + 1, widths[n + 2]]
            n += 3
    return out


def _shift_text(operand):
    """A text operand (string, or TJ array of strings and numbers) with each code + 1."""
    if isinstance(operand, pikepdf.Array):
        return pikepdf.Array([_shift_text(o) for o in operand])
    if isinstance(operand, pikepdf.String):
        raw = bytes(operand)
        codes = [int.from_bytes(raw[n:n + 2], "big") + 1 for n in range(0, len(raw), 2)]
        return pikepdf.String(b"".join(c.to_bytes(2, "big") for c in codes))
    return operand
