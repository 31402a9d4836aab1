"""Malformed styles: every key with the wrong type or an impossible value, extends chains that
go nowhere, and assets (fonts, logos, Word templates) that are not what their names say.

Each case overwrites `styles/default/style.yaml` (the style of the corpus document) or adds a
style `kommune` that content/doc.yaml names; each message names the file and the line of the
offending value.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from tests.conftest import ROOT
from tests.malformed.harness import VALID, Case

DEFAULT = "styles/default/style.yaml"
FONT = ROOT / "styles/vefsn/fonts/LiberationSans-Regular.ttf"
EXPECT_TEMPLATE = "expected a .docx or .dotx file saved by Word"
EMPTY_BODY = ("expected an empty body (it would open in every document made from the template): "
              "delete it in Word and save the template again")


def style(text: str, **assets: str | bytes) -> dict[str, str | bytes]:
    """styles/default/style.yaml (the corpus document's style) and files beside it."""
    return {DEFAULT: text, **{f"styles/default/{k.replace('__', '.')}": v
                              for k, v in assets.items()}}


def kommune(files: dict[str, str | bytes]) -> dict[str, str | bytes]:
    """content/doc.yaml names the style 'kommune'; `files` are the styles."""
    return {"content/doc.yaml": VALID.replace("  date:", "  style: kommune\n  date:"), **files}


SVG_NS = "http://www.w3.org/2000/svg"


def _svg(inside: str) -> str:
    """An SVG drawing 10 × 10 holding `inside`."""
    return f'<svg xmlns="{SVG_NS}" viewBox="0 0 10 10">{inside}</svg>'


def _png(width: int, height: int, fmt: str = "PNG", mode: str = "RGB") -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new(mode, (width, height), "white").save(out, fmt)
    return out.getvalue()


def _png_header(width: int, height: int) -> bytes:
    """A PNG that only claims its size: a header, no pixels (a 'decompression bomb')."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + \
            struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 16)) + chunk(b"IEND", b""))


def _docx(drop: tuple[str, ...] = (), change: dict[str, bytes] | None = None) -> bytes:
    """python-docx's own blank document, with parts left out or replaced."""
    import docx

    blank = io.BytesIO()
    docx.Document().save(blank)
    out = io.BytesIO()
    with zipfile.ZipFile(blank) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            if name not in drop:
                dst.writestr(name, (change or {}).get(name, src.read(name)))
    return out.getvalue()


def _template_with(what: str) -> bytes:
    """python-docx's blank document with text, a table or a picture in its body."""
    import docx

    word = docx.Document()
    if what == "text":
        word.add_paragraph("Lorem ipsum dolor sit amet, consectetur adipiscing elit")
    elif what == "table":
        word.add_table(rows=1, cols=2)
    else:
        word.add_picture(io.BytesIO(_png(20, 20)))
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _font_without(table: str) -> bytes:
    from fontTools.ttLib import TTFont

    font = TTFont(str(FONT))
    del font[table]
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _font_with_garbled_outlines() -> bytes:
    from fontTools.ttLib import TTFont

    data = bytearray(FONT.read_bytes())
    loca = TTFont(str(FONT)).reader.tables["loca"].offset
    data[loca + 100:loca + 500] = b"\xff" * 400
    return bytes(data)


def _font_with_dangling_component() -> bytes:
    """A composite glyph whose first component names a glyph the font does not have."""
    import struct

    from fontTools.ttLib import TTFont

    data = bytearray(FONT.read_bytes())
    font = TTFont(str(FONT))
    glyf = font.reader.tables["glyf"].offset
    offsets = list(font["loca"])
    start = next(a for a, b in zip(offsets, offsets[1:])
                 if b - a >= 14 and struct.unpack_from(">h", data, glyf + a)[0] < 0)
    struct.pack_into(">H", data, glyf + start + 12, 0xFFF0)   # flags, then the glyph index
    return bytes(data)


def _msg(line: int, text: str, file: str = DEFAULT) -> str:
    return f"{file}:{line}: {text}"


NUMBER = ("is not a number plandoc can use — expected a finite number of at most 15 digits "
          "(put text in quotes)")

CASES = [
    # --- a section of the wrong type (each crashed with AttributeError or TypeError) ----------
    Case("style-colors-number", style("name: X\ncolors: 12\n"),
         (_msg(2, "colors must be a mapping of keys, got 12"),)),
    Case("style-sizes-list", style("name: X\nsizes: [10, 12]\n"),
         (_msg(2, "sizes must be a mapping of keys, got [10, 12]"),)),
    Case("style-fonts-string", style("name: X\nfonts: Arial\n"),
         (_msg(2, "fonts must be a mapping of keys, got 'Arial'"),)),
    Case("style-print-null", style("name: X\nprint:\n"),
         (_msg(2, "print must be a mapping of keys, got nothing"),)),
    Case("style-typography-bool", style("name: X\ntypography: true\n"),
         (_msg(2, "typography must be a mapping of keys, got true"),)),
    Case("style-layout-string", style("name: X\nlayout: compact\n"),
         (_msg(2, "layout must be a mapping of keys, got 'compact'"),)),
    Case("style-page-number", style("name: X\npage: 4\n"),
         (_msg(2, "page must be a mapping of keys, got 4"),)),
    Case("style-cmyk-list", style("name: X\ncmyk: [0, 0, 0, 100]\n"),
         (_msg(2, "cmyk must be a mapping of keys, got [0, 0, 0, 100]"),)),
    Case("style-colors-swot-list", style("name: X\ncolors:\n  swot: ['#FF0000']\n"),
         (_msg(3, "colors swot must be a mapping of keys, got ['#FF0000']"),)),
    Case("style-fonts-body-string", style("name: X\nfonts:\n  body: DejaVuSans.ttf\n"),
         (_msg(3, "fonts body must be a mapping of keys, got 'DejaVuSans.ttf'"),)),
    Case("style-file-is-a-list", style("# a list, not a style\n- name: X\n- colors: {}\n"),
         (_msg(2, "a style must be a mapping of keys such as 'name:', 'colors:' and 'fonts:', "
                  "got [{…}, {…}]"),)),
    Case("style-file-is-a-word", style("Vefsn\n"),
         (_msg(1, "a style must be a mapping of keys such as 'name:', 'colors:' and 'fonts:', "
                  "got 'Vefsn'"),)),
    Case("style-python-tag", style("name: !!python/object:os.system X\n"),
         (_msg(1, "YAML tag !!python/object:os.system is not supported — write plain values "
                  "(text, numbers, true or false)"),)),

    # --- values: the line of the key, its path, YAML's words for what was given --------------
    Case("style-colour-number", style("name: X\ncolors:\n  secondary: '#2E75B6'\n  primary: 12\n"),
         (_msg(4, "colour primary must be '#RRGGBB', got 12"),)),
    Case("style-colour-swot-null", style("name: X\ncolors:\n  swot:\n    threats:\n"),
         (_msg(4, "colour swot threats must be '#RRGGBB', got nothing"),)),
    Case("style-size-zero", style("name: X\nsizes:\n  body: 0\n"),
         (_msg(3, "sizes body must be a number of points from 4 to 24, got 0"),)),
    Case("style-size-negative", style("name: X\nsizes:\n  h2: -14\n"),
         (_msg(3, "sizes h2 must be a number of points from 4 to 72, got -14"),)),
    Case("style-size-10000", style("name: X\nsizes:\n  title: 10000\n"),
         (_msg(3, "sizes title must be a number of points from 4 to 96, got 10000"),)),
    Case("style-size-nan", style("name: X\nsizes:\n  h1: .nan\n"),
         (_msg(3, "'.nan' " + NUMBER),)),
    Case("style-size-inf", style("name: X\nsizes:\n  small: .inf\n"),
         (_msg(3, "'.inf' " + NUMBER),)),
    Case("style-size-400-digits", style("name: X\nsizes:\n  key_figure: " + "9" * 400 + "\n"),
         (_msg(3, "'99999999999999999999…' " + NUMBER),)),
    Case("style-size-string", style("name: X\nsizes: {body: '11pt'}\n"),
         (_msg(2, "sizes body must be a number of points from 4 to 24, got '11pt'"),)),
    Case("style-margin-negative", style("name: X\npage:\n  size: A4\n  margin_top: -5\n"),
         (_msg(4, "page margin_top must be a number of millimetres above 0, got -5"),)),
    Case("style-margin-zero", style("name: X\npage:\n  margin_left: 0\n"),
         (_msg(3, "page margin_left must be a number of millimetres above 0, got 0"),)),
    Case("style-margin-bool", style("name: X\npage:\n  margin_right: false\n"),
         (_msg(3, "page margin_right must be a number of millimetres above 0, got false"),)),
    Case("style-page-size-list", style("name: X\npage:\n  size: [210, 297]\n"),
         (_msg(3, "page size must be a paper size (A4, A5, Letter), got [210, 297]"),)),
    Case("style-page-size-unknown", style("name: X\npage:\n  size: A3\n"),
         (_msg(3, "page size 'A3' is unknown — expected one of: A4, A5, Letter"),)),
    Case("style-unknown-nested-key", style("name: X\nsizes:\n  bdy: 10\n"),
         (_msg(3, "unknown style key 'bdy' in sizes — did you mean 'body'?"),)),
    Case("style-toc-levels-bool", style("name: X\nlayout:\n  toc_levels: true\n"),
         (_msg(3, "layout toc_levels must be a whole number from 1 to 3, got true"),)),
    Case("style-cmyk-nan", style("name: X\ncmyk:\n  primary: [0, .nan, 0, 0]\n"),
         (_msg(3, "'.nan' " + NUMBER),)),
    Case("style-pdfa-date", style("name: X\npdfa: 2024-01-01\n"),
         (_msg(2, "pdfa must be true or false, got '2024-01-01'"),)),
    Case("style-name-control-character", style('name: "Vefsn\\u0007"\n'),
         (_msg(1, "name contains the control character(s) U+0007 — expected plain text"),)),
    Case("style-family-blank", style("name: X\nfonts:\n  body:\n    family: '  '\n"),
         (_msg(4, "fonts body family must be text, got '  '"),)),
    Case("style-logo-number", style("name: X\nlogo: 12\n"),
         (_msg(2, "logo must be a file name, got 12"),)),
    Case("style-bullet-no-glyph", style("name: X\nbullet: '⍟'\n"),
         (_msg(2, "bullet '⍟' is in neither the body font (DejaVuSans.ttf) nor the symbol "
                  "font (DejaVuSans.ttf) — expected a character one of them can draw, such as "
                  "'•'"),)),
    Case("style-every-mistake-in-order",
         style("name: X\nsizes: {body: 0}\ncolors:\n  primary: blue\npage: {size: B5}\n"),
         (_msg(2, "sizes body must be a number of points from 4 to 24, got 0"),
          _msg(4, "colour primary must be '#RRGGBB', got 'blue'"),
          _msg(5, "page size 'B5' is unknown — expected one of: A4, A5, Letter"))),

    # --- the page: margins and type that leave no room (they crashed the PDF writer) --------
    Case("style-margins-wider-than-page",
         style("name: X\npage:\n  size: A4\n  margin_left: 150\n  margin_right: 90\n"),
         (_msg(4, "the margins leave a text block of -30 × 247 mm on A4 — expected at least "
                  "40 mm each way"),)),
    Case("style-margins-leave-a-narrow-column",
         style("name: X\npage:\n  size: A5\n  margin_top: 20\n  margin_left: 40\n"
               "  margin_right: 40\n"),
         (_msg(5, "the margins leave a text block of 68 × 165 mm on A5 — expected at least "
                  "70 mm wide and 100 mm high"),)),
    Case("style-heading-too-large-for-column", style("name: X\nsizes:\n  h1: 72\n"),
         (_msg(3, "sizes h1 of 72 pt is too large for the text block of 163 × 247 mm on A4 — "
                  "expected at most 57 pt"),)),
    Case("style-key-figures-too-large-for-their-row",
         style("name: X\nlayout:\n  key_figures_per_row: 6\nsizes:\n  key_figure: 72\n"),
         (_msg(5, "sizes key_figure of 72 pt is too large for 6 key figures in a row in the text "
                  "block of 163 × 247 mm on A4 — expected at most 61 pt"),)),
    Case("style-child-margins-blamed", kommune({
        "styles/kommune/style.yaml": "name: K\npage:\n  size: A5\n  margin_bottom: 120\n"}),
         (_msg(4, "the margins leave a text block of 101 × 65 mm on A5 — expected at least "
                  "70 mm wide and 100 mm high", "styles/kommune/style.yaml"),)),

    # --- extends ----------------------------------------------------------------------------
    Case("style-extends-itself", style("name: X\nextends: default\n"),
         (_msg(2, "style 'default' extends itself through 'default'"),)),
    Case("style-extends-circle", kommune({
        "styles/kommune/style.yaml": "name: K\nextends: base\n",
        "styles/base/style.yaml": "name: B\n\nextends: kommune\n"}),
         (_msg(3, "style 'base' extends 'kommune', which leads back to it (kommune → base → "
                  "kommune) — expected a chain of styles that ends at 'default'",
               "styles/base/style.yaml"),)),
    Case("style-extends-missing", kommune({
        "styles/kommune/style.yaml": "name: K\nextends: vefsm\ncolors: {primary: red}\n"}),
         (_msg(2, "unknown style 'vefsm' — did you mean 'vefsn'?", "styles/kommune/style.yaml"),
          _msg(3, "colour primary must be '#RRGGBB', got 'red'", "styles/kommune/style.yaml"))),
    Case("style-extends-list", style("name: X\nextends: [vefsn]\n"),
         (_msg(2, "extends must be text, got ['vefsn']"),)),
    Case("style-extends-mapping", style("name: X\nextends: {name: vefsn}\n"),
         (_msg(2, "extends must be text, got {name: 'vefsn'}"),)),
    Case("style-parent-is-broken", kommune({
        "styles/kommune/style.yaml": "name: K\nextends: base\nsizes: {h9: 3}\n",
        "styles/base/style.yaml": "- not a style\n"}),
         (_msg(1, "a style must be a mapping of keys such as 'name:', 'colors:' and 'fonts:', "
                  "got ['not a style']", "styles/base/style.yaml"),
          _msg(3, "unknown style key 'h9' in sizes — expected one of: body, h1, h2, h3, "
                  "key_figure, small, title", "styles/kommune/style.yaml"))),

    # --- logos ------------------------------------------------------------------------------
    Case("style-logo-is-text", style("name: X\nlogo: emblem.png\n", emblem__png="not a PNG"),
         (_msg(2, "image emblem.png is not a PNG, JPEG or SVG file — expected a .png, .jpg or "
                  ".svg logo"),)),
    Case("style-logo-truncated",
         style("name: X\nlogo: emblem.png\n",
               emblem__png=(ROOT / "styles/vefsn/emblem.png").read_bytes()[:400]),
         (_msg(2, "image emblem.png cannot be read: the file is damaged or incomplete — "
                  "expected a PNG or JPEG file"),)),
    Case("style-logo-cmyk-jpeg",
         style("name: X\nlogo: logo.jpg\n", logo__jpg=_png(20, 20, "JPEG", "CMYK")),
         (_msg(2, "image logo.jpg is a JPEG without a JFIF or Exif header (as CMYK JPEGs are "
                  "saved), which a Word document cannot hold — expected a PNG, or a JPEG saved "
                  "as RGB"),)),
    Case("style-logo-too-wide", style("name: X\nlogo: band.png\n", band__png=_png(1000, 100)),
         (_msg(2, "logo band.png is 10.0 times as wide as it is high: 22 mm high on the cover "
                  "it would be 220 mm wide, too wide beside the municipality's name in the text "
                  "block of 163 × 247 mm on A4 — expected at most 6.0 times as wide as high"),)),
    Case("style-logo-bomb", style("name: X\nlogo: huge.png\n", huge__png=_png_header(30000, 30000)),
         (_msg(2, "image huge.png is 30000 × 30000 pixels — expected at most 40 million pixels "
                  "(a logo needs no more than 2000 × 2000)"),)),
    # SVG emblems (plandoc.svg): a plain drawing that needs nothing outside itself
    Case("style-logo-svg-not-xml", style("name: X\nlogo: v.svg\n", v__svg="<svg><g></svg>"),
         (_msg(2, "image v.svg is not well-formed XML (mismatched tag: line 1, column 10) — "
                  "expected an SVG file"),)),
    Case("style-logo-svg-html", style("name: X\nlogo: v.svg\n", v__svg="<html></html>"),
         (_msg(2, "image v.svg is not an SVG drawing (its outer element is <html>) — expected "
                  "an <svg> element in the SVG namespace"),)),
    Case("style-logo-svg-no-size",
         style("name: X\nlogo: v.svg\n", v__svg=f'<svg xmlns="{SVG_NS}" width="100%"/>'),
         (_msg(2, "image v.svg has no size: neither a viewBox nor a width and height in "
                  "absolute units — expected e.g. <svg viewBox=\"0 0 100 120\">"),)),
    Case("style-logo-svg-script", style("name: X\nlogo: v.svg\n", v__svg=_svg(
        "<script>fetch('https://x.no')</script>")),
         (_msg(2, "image v.svg contains a script (<script>) — expected a plain SVG drawing "
                  "without scripts"),)),
    Case("style-logo-svg-onload", style("name: X\nlogo: v.svg\n", v__svg=_svg(
        '<rect width="4" height="4" onload="alert(1)"/>')),
         (_msg(2, "image v.svg has a script in <rect onload> — expected a plain SVG drawing "
                  "without scripts"),)),
    Case("style-logo-svg-foreign", style("name: X\nlogo: v.svg\n", v__svg=_svg(
        "<foreignObject><p>Hei</p></foreignObject>")),
         (_msg(2, "image v.svg contains a <foreignObject> (HTML inside the drawing) — expected "
                  "a plain SVG drawing"),)),
    Case("style-logo-svg-external", style("name: X\nlogo: v.svg\n", v__svg=_svg(
        '<use xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="https://x.no/v.svg#a"/>')),
         (_msg(2, "image v.svg refers to something outside the drawing (<use> "
                  "'https://x.no/v.svg#a') — expected a plain SVG drawing that needs no other "
                  "file or address"),)),
    Case("style-logo-svg-entity", style("name: X\nlogo: v.svg\n", v__svg=(
        '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + _svg("&x;"))),
         (_msg(2, "image v.svg declares entities in its DOCTYPE — expected a plain SVG "
                  "drawing (save it as plain SVG, without entities)"),)),
    Case("style-logo-svg-text", style("name: X\nlogo: v.svg\n", v__svg=_svg(
        "<text x='1' y='9'>Vefsn</text>")),
         (_msg(2, "image v.svg contains text (<text>) — convert the text to paths (outlines) "
                  "in the drawing program: a PDF/A file must embed every font it uses"),)),
    Case("style-logo-svg-too-wide",
         style("name: X\nlogo: v.svg\n", v__svg=f'<svg xmlns="{SVG_NS}" viewBox="0 0 100 10">'
               '<rect width="100" height="10"/></svg>'),
         (_msg(2, "logo v.svg is 10.0 times as wide as it is high: 22 mm high on the cover "
                  "it would be 220 mm wide, too wide beside the municipality's name in the text "
                  "block of 163 × 247 mm on A4 — expected at most 6.0 times as wide as high"),)),

    # --- Word templates ---------------------------------------------------------------------
    Case("style-template-is-text", style("name: X\nword_template: mal.dotx\n", mal__dotx="tekst"),
         (_msg(2, f"word_template mal.dotx is not a Word document or template — "
                  f"{EXPECT_TEMPLATE}"),)),
    Case("style-template-without-document",
         style("name: X\nword_template: mal.dotx\n", mal__dotx=_docx(drop=("word/document.xml",))),
         (_msg(2, "word_template mal.dotx is not a Word document or template (it has no "
                  f"word/document.xml) — {EXPECT_TEMPLATE}"),)),
    Case("style-template-broken-styles",
         style("name: X\nword_template: mal.docx\n",
               mal__docx=_docx(change={"word/styles.xml": b"<w:styles>"})),
         (_msg(2, "word_template mal.docx is damaged: word/styles.xml is not well-formed XML "
                  f"(unbound prefix: line 1, column 0) — {EXPECT_TEMPLATE}"),)),
    Case("style-template-missing-part",
         style("name: X\nword_template: mal.docx\n", mal__docx=_docx(drop=("word/settings.xml",))),
         (_msg(2, "word_template mal.docx is damaged: word/_rels/document.xml.rels points to "
                  f"settings.xml, which is not in the file — {EXPECT_TEMPLATE}"),)),

    Case("style-template-body-text",
         style("name: X\nword_template: mal.docx\n", mal__docx=_template_with("text")),
         (_msg(2, f"word_template mal.docx has text ('Lorem ipsum dolor sit amet, co …') "
                  f"in its body — {EMPTY_BODY}"),)),
    Case("style-template-body-table",
         style("name: X\nword_template: mal.docx\n", mal__docx=_template_with("table")),
         (_msg(2, f"word_template mal.docx has a table in its body — {EMPTY_BODY}"),)),
    Case("style-template-body-picture",
         style("name: X\nword_template: mal.docx\n", mal__docx=_template_with("picture")),
         (_msg(2, f"word_template mal.docx has a picture in its body — {EMPTY_BODY}"),)),

    # --- fonts ------------------------------------------------------------------------------
    Case("style-font-is-text", style("name: X\nfonts:\n  body:\n    regular: f.ttf\n",
                                     f__ttf="not a font"),
         (_msg(4, "font f.ttf is not a TrueType font (.ttf with glyf outlines) — the PDF needs "
                  "TrueType"),)),
    Case("style-font-is-cff", style("name: X\nfonts:\n  body:\n    bold: f.otf\n",
                                    f__otf=b"OTTO" + FONT.read_bytes()[4:]),
         (_msg(4, "font f.otf is not a TrueType font (.ttf with glyf outlines) — the PDF needs "
                  "TrueType"),)),
    Case("style-font-is-collection", style("name: X\nfonts:\n  symbol: f.ttc\n",
                                           f__ttc=b"ttcf" + FONT.read_bytes()[4:]),
         (_msg(3, "font f.ttc is not a TrueType font (.ttf with glyf outlines) — the PDF needs "
                  "TrueType"),)),
    Case("style-font-without-norwegian",
         style("name: X\nfonts:\n  heading:\n    regular: builtin:cmr10.ttf\n"),
         (_msg(4, "font cmr10.ttf lacks the Norwegian letters æ ø å Æ Ø Å — expected a "
                  "font with all of æøåÆØÅ"),)),
    Case("style-font-truncated", style("name: X\nfonts:\n  body:\n    italic: f.ttf\n",
                                       f__ttf=FONT.read_bytes()[:5000]),
         (_msg(4, "font f.ttf cannot be read: the file is damaged — expected a TrueType font "
                  "(.ttf)"),)),
    Case("style-font-garbled-outlines",
         style("name: X\nfonts:\n  body:\n    bold_italic: f.ttf\n",
               f__ttf=_font_with_garbled_outlines()),
         (_msg(4, "font f.ttf cannot be read: the file is damaged — expected a TrueType font "
                  "(.ttf)"),)),
    Case("style-font-dangling-component",
         style("name: X\nfonts:\n  body:\n    bold: f.ttf\n",
               f__ttf=_font_with_dangling_component()),
         (_msg(4, "font f.ttf cannot be read: the file is damaged — expected a TrueType font "
                  "(.ttf)"),)),
    Case("style-font-without-post-table",
         style("name: X\nfonts:\n  body:\n    regular: f.ttf\n", f__ttf=_font_without("post")),
         (_msg(4, "font f.ttf lacks the table post the PDF needs — expected a complete TrueType "
                  "font (.ttf)"),)),
]
