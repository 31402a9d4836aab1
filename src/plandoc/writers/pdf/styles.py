"""Theme → registered TrueType fonts, colours and paragraph styles for the PDF.

Only TrueType fonts are used (no base-14 font may reach the file): the body and heading
families are registered with their bold/italic faces so <b> and <i> pick the right file, and
the symbol font carries glyphs such as '❖' that a body font may lack.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.units import mm
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from plandoc.style.theme import FontFamily, Theme
from plandoc.writers.pdf.profile import PdfProfile

HYPHENATION = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}   # pyphen dictionaries
# Running text that may be hyphenated and justified; headings, titles and numbers never are.
HYPHENATED = ("body", "list", "cell", "goal", "strategy", "swot_item", "panel_text", "caption")
JUSTIFIED = ("body", "list", "panel_text")


@dataclass(frozen=True)
class Fonts:
    """Registered font names: regular and bold of body and heading, and the symbol font."""

    body: str
    body_bold: str
    heading: str
    heading_bold: str
    symbol: str


@dataclass(frozen=True)
class Look:
    """Everything the flowable builders need to know about appearance."""

    fonts: Fonts
    colors: dict        # name → reportlab Color
    hex: dict           # name → '#RRGGBB' (for markup)
    swot: dict          # quadrant kind → reportlab Color
    sizes: dict
    styles: dict        # name → ParagraphStyle
    bullet: str
    min_dpi: float = 0  # print: images below this resolution get a warning (0: no check)
    bleed: float = 0    # print: points the page decoration extends beyond the trim

    def __getitem__(self, name: str) -> ParagraphStyle:
        return self.styles[name]


def font_name(path: Path) -> str:
    """Register one TrueType file (once per process) and return its reportlab name."""
    digest = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:8]
    name = f"pd-{path.stem}-{digest}"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path)))
    return name


def register_family(family: FontFamily) -> tuple[str, str]:
    """Register a family with its bold/italic mapping; returns (regular, bold) names."""
    names = [font_name(p) for p in (family.regular, family.bold, family.italic,
                                    family.bold_italic)]
    pdfmetrics.registerFontFamily(names[0], normal=names[0], bold=names[1], italic=names[2],
                                  boldItalic=names[3])
    return names[0], names[1]


def register_fonts(theme: Theme) -> Fonts:
    """Register every font of the theme."""
    body, body_bold = register_family(theme.body_font)
    heading, heading_bold = register_family(theme.heading_font)
    return Fonts(body, body_bold, heading, heading_bold, font_name(theme.symbol_font))


def tint(color: colors.Color, amount: float) -> colors.Color:
    """`color` mixed with white: amount 0 is white, 1 is the colour itself (CMYK stays CMYK)."""
    if isinstance(color, colors.CMYKColor):
        return colors.CMYKColor(*(amount * c for c in color.cmyk()))
    return colors.Color(*(1 - amount * (1 - c) for c in (color.red, color.green, color.blue)))


def _colors(hexes: dict, cmyk: dict, press: bool) -> dict:
    """name → Color: the style's CMYK values in the print profile where given, else RGB."""
    return {k: colors.CMYKColor(*(x / 100 for x in cmyk[k])) if press and k in cmyk
            else colors.HexColor(v) for k, v in hexes.items()}


def make_look(theme: Theme, lang: str = "nb", profile: PdfProfile = PdfProfile()) -> Look:
    """Fonts, colours and styles of a theme, for a document in `lang`."""
    fonts = register_fonts(theme)
    cols = _colors(theme.colors, theme.cmyk, profile.press)
    cols["white"] = colors.CMYKColor(0, 0, 0, 0) if profile.press else colors.white
    swot = _colors(theme.swot_colors, theme.swot_cmyk, profile.press)
    styles = make_styles(fonts, cols, theme.sizes)
    _typography(styles, theme.typography, lang)
    return Look(fonts, cols, dict(theme.colors), swot, dict(theme.sizes), styles, theme.bullet,
                min_dpi=profile.min_dpi, bleed=profile.bleed_mm * mm)


def _typography(styles: dict, typo: dict, lang: str) -> None:
    """Hyphenation (pyphen's nb_NO/nn_NO) and justification where the style asks for them."""
    for name in HYPHENATED:
        st = styles[name]
        st.uriWasteReduce = 0.3          # URLs may break after / . - rather than overflow
        st.embeddedHyphenation = 1       # words with hyphens may break at them
        if typo.get("hyphenate"):
            st.hyphenationLang = HYPHENATION.get(lang, "")
    if typo.get("justify"):
        for name in JUSTIFIED:
            styles[name].alignment = TA_JUSTIFY


def make_styles(f: Fonts, c: dict, s: dict) -> dict:
    """The paragraph styles, by name."""
    body = s["body"]
    base = ParagraphStyle("body", fontName=f.body, fontSize=body, leading=body * 1.42,
                          textColor=c["text"], alignment=TA_LEFT, spaceAfter=body * 0.7,
                          bulletFontName=f.symbol, bulletFontSize=body, splitLongWords=1,
                          allowOrphans=0, allowWidows=0)

    def st(name, parent=base, **kw):
        return ParagraphStyle(name, parent=parent, **kw)

    small = st("small", fontSize=s["small"], leading=s["small"] * 1.35, textColor=c["muted"])
    out = {"body": base, "small": small}
    out.update(_heading_styles(f, c, s, base))
    out.update({
        "list": st("list", spaceAfter=body * 0.25),
        "caption": st("caption", parent=small, textColor=c["text"], spaceBefore=4,
                      spaceAfter=1),
        "source": st("source", parent=small, spaceAfter=body),
        "cell": st("cell", fontSize=body * 0.9, leading=body * 1.25, spaceAfter=0),
        "cell_head": st("cell_head", fontName=f.body_bold, fontSize=body * 0.9,
                        leading=body * 1.25, spaceAfter=0, textColor=c["white"]),
        "cell_head_dark": st("cell_head_dark", fontName=f.body_bold, fontSize=body * 0.95,
                             leading=body * 1.3, spaceAfter=0, textColor=c["primary"]),
        "cell_time": st("cell_time", fontName=f.body_bold, fontSize=body * 0.95,
                        leading=body * 1.25, spaceAfter=0, textColor=c["primary"]),
        "cell_item": st("cell_item", fontSize=body * 0.9, leading=body * 1.25, spaceAfter=0,
                        leftIndent=10, bulletIndent=0),
        "header": st("header", parent=small),
        "toc0": st("toc0", fontSize=body, leading=body * 1.5, spaceBefore=7,
                   textColor=c["text"]),
        "toc1": st("toc1", fontSize=body * 0.95, leading=body * 1.4, leftIndent=14,
                   textColor=c["text"]),
        "toc2": st("toc2", fontSize=body * 0.9, leading=body * 1.35, leftIndent=28,
                   textColor=c["muted"]),
    })
    out.update(_panel_styles(f, c, s, base, st))
    out.update(_cover_styles(f, c, s, base, st))
    return out


def _heading_styles(f: Fonts, c: dict, s: dict, base: ParagraphStyle) -> dict:
    def h(name, size, color, before, after):
        return ParagraphStyle(name, parent=base, fontName=f.heading_bold, fontSize=size,
                              leading=size * 1.22, textColor=color, spaceBefore=before,
                              spaceAfter=after, keepWithNext=1)
    return {"h1": h("h1", s["h1"], c["primary"], s["h1"] * 1.2, s["h1"] * 0.55),
            "h2": h("h2", s["h2"], c["primary"], s["h2"] * 1.1, s["h2"] * 0.35),
            "h3": h("h3", s["h3"], c["text"], s["h3"] * 0.9, s["h3"] * 0.25),
            "toc_title": h("toc_title", s["h1"], c["primary"], 0, s["h1"] * 0.8)}


def _panel_styles(f: Fonts, c: dict, s: dict, base, st) -> dict:
    body = s["body"]
    return {
        "kf_value": st("kf_value", fontName=f.heading_bold, fontSize=s["key_figure"],
                       leading=s["key_figure"] * 1.15, textColor=c["primary"],
                       alignment=TA_CENTER, spaceAfter=2),
        "kf_label": st("kf_label", fontSize=body * 0.95, leading=body * 1.3,
                       textColor=c["muted"], alignment=TA_CENTER, spaceAfter=0),
        "goal": st("goal", fontSize=body * 1.05, leading=body * 1.45, spaceBefore=body * 0.9,
                   spaceAfter=body * 0.35, keepWithNext=1),
        "strategy_label": st("strategy_label", fontName=f.body_bold, fontSize=s["small"],
                             leading=s["small"] * 1.4, textColor=c["muted"],
                             spaceAfter=2, keepWithNext=1),
        "strategy": st("strategy", leftIndent=body * 1.9, bulletIndent=0,
                       bulletFontName=f.body, spaceAfter=body * 0.3),
        "swot_title": st("swot_title", fontName=f.heading_bold, fontSize=s["h3"],
                         leading=s["h3"] * 1.25, textColor=c["white"], spaceAfter=0),
        "swot_group": st("swot_group", fontName=f.body_bold, fontSize=body * 0.92,
                         leading=body * 1.3, spaceBefore=5, spaceAfter=2, keepWithNext=1),
        "swot_item": st("swot_item", fontSize=body * 0.88, leading=body * 1.22,
                        leftIndent=body * 1.2, bulletIndent=0, bulletFontSize=body * 0.75,
                        spaceAfter=1.5),
        "slogan": st("slogan", fontName=f.heading_bold, fontSize=s["h1"] * 1.35,
                     leading=s["h1"] * 1.6, textColor=c["primary"], alignment=TA_CENTER,
                     spaceAfter=4),
        "tagline": st("tagline", fontName=f.heading_bold, fontSize=body * 1.05,
                      leading=body * 1.35, textColor=c["secondary"], alignment=TA_CENTER,
                      spaceAfter=0),
        "panel_title": st("panel_title", fontName=f.heading_bold, fontSize=s["h3"],
                          leading=s["h3"] * 1.3, textColor=c["primary"], spaceAfter=4,
                          keepWithNext=1),
        "panel_text": st("panel_text", spaceAfter=body * 0.4),
        "value_word": st("value_word", fontName=f.heading_bold, fontSize=body * 1.1,
                         leading=body * 1.4, textColor=c["primary"], alignment=TA_CENTER,
                         spaceAfter=0),
    }


def _cover_styles(f: Fonts, c: dict, s: dict, base, st) -> dict:
    return {
        "cover_municipality": st("cover_municipality", fontName=f.heading_bold,
                                 fontSize=s["h2"], leading=s["h2"] * 1.25,
                                 textColor=c["primary"], spaceAfter=0),
        "cover_part": st("cover_part", fontName=f.heading_bold, fontSize=s["body"],
                         leading=s["body"] * 1.4, textColor=c["accent"], spaceAfter=6),
        "cover_title": st("cover_title", fontName=f.heading_bold, fontSize=s["title"],
                          leading=s["title"] * 1.15, textColor=c["primary"], spaceAfter=10),
        "part_title": st("part_title", fontName=f.heading_bold, fontSize=s["title"],
                         leading=s["title"] * 1.15, textColor=c["primary"], spaceAfter=14),
        "cover_subtitle": st("cover_subtitle", fontName=f.heading, fontSize=s["h2"],
                             leading=s["h2"] * 1.35, textColor=c["text"], spaceAfter=14),
        "cover_period": st("cover_period", fontSize=s["body"] * 1.1,
                           leading=s["body"] * 1.5, textColor=c["muted"], spaceAfter=0),
        "cover_band": st("cover_band", fontSize=s["body"], leading=s["body"] * 1.5,
                         textColor=c["white"], spaceAfter=2),
        "cover_band_strong": st("cover_band_strong", fontName=f.body_bold,
                                fontSize=s["body"] * 1.15, leading=s["body"] * 1.55,
                                textColor=c["white"], spaceAfter=2),
    }
