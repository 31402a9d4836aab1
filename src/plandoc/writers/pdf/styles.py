"""The look of one build: registered fonts, the palette in reportlab colours, paragraph styles.

Every ParagraphStyle is made from plandoc.layout.styles.text_styles(theme) — the same text
styles the DOCX writer makes Word styles of — so size, weight, colour, spacing, alignment and
keep-with-next agree between the formats.  What reportlab adds of its own: widows and orphans
are never allowed, over-long words split, and running text hyphenates in the document's
language and breaks URLs.  reportlab cannot track letters, so `tracking` is not drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from plandoc.layout import Layout
from plandoc.layout.boxes import Palette
from plandoc.layout.lists import DEPTHS
from plandoc.layout.styles import TextStyle, text_styles
from plandoc.style.theme import Colour, Sizes
from plandoc.writers.pdf.colours import markup_colour, rl_colour
from plandoc.writers.pdf.fonts import Fonts, register_fonts
from plandoc.writers.pdf.profile import PdfProfile
from plandoc.writers.pdf.reading import hyphenator

HYPHENATION = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}   # pyphen dictionaries
ALIGN = {"left": TA_LEFT, "centre": TA_CENTER, "justify": TA_JUSTIFY, "right": TA_RIGHT}


@dataclass(frozen=True)
class Look:
    """Everything the handlers need to know about appearance."""

    fonts: Fonts
    styles: dict          # name → ParagraphStyle
    palette: Palette
    sizes: Sizes
    press: bool = False
    min_dpi: float = 0    # print: images below this resolution get a warning (0: no check)
    bleed: float = 0      # print: points the page decoration extends beyond the trim

    def __getitem__(self, name: str) -> ParagraphStyle:
        return self.styles[name]

    def colour(self, colour: Colour) -> colors.Color:
        """A layout colour (palette or box) in this build's colour space."""
        return rl_colour(colour, self.press)

    @property
    def link(self) -> str:
        """The colour of links, as markup."""
        return markup_colour(self.colour(self.palette.primary))


def make_look(layout: Layout, profile: PdfProfile = PdfProfile()) -> Look:
    """Fonts, colours and paragraph styles of a laid-out document."""
    theme = layout.theme
    fonts = register_fonts(theme)
    look = Look(fonts, {}, layout.palette, theme.sizes, profile.press, profile.min_dpi,
                profile.bleed_mm * mm)
    language = HYPHENATION.get(layout.meta.language, "") if theme.typography.hyphenate else ""
    hyphenate = hyphenator(language) if language else ""    # breaks marked for reading.py
    for name, ts in text_styles(theme).items():
        look.styles[name] = paragraph_style(name, ts, look, hyphenate)
    return look


def paragraph_style(name: str, ts: TextStyle, look: Look, hyphenate) -> ParagraphStyle:
    """One text style as a reportlab paragraph style; a label hangs in `hanging` points."""
    font = look.fonts.face(ts.font, ts.bold, ts.italic)
    style = ParagraphStyle(
        name, fontName=font, fontSize=ts.size, leading=ts.size * ts.leading,
        textColor=look.colour(getattr(look.palette, ts.colour)), spaceBefore=ts.before,
        spaceAfter=ts.after, alignment=ALIGN[ts.align], keepWithNext=int(ts.keep_with_next),
        leftIndent=ts.indent, bulletIndent=ts.indent - ts.hanging, bulletFontName=font,
        bulletFontSize=ts.size, splitLongWords=1, allowWidows=0, allowOrphans=0,
        textTransform="uppercase" if ts.caps else None)
    if ts.running:
        style.uriWasteReduce = 0.3          # URLs may break after / . - rather than overflow
        style.embeddedHyphenation = 1       # words with hyphens may break at them
        style.hyphenationLang = hyphenate
    return style


def nested(style: ParagraphStyle, depth: int) -> ParagraphStyle:
    """`style` for a list `depth` levels deep: text and label move in by its indent per level,
    down to the deepest level Word's list numbering has (DEPTHS); deeper lists stay there, as
    in the DOCX — 30 levels of indent left no room for the text."""
    depth = min(depth, DEPTHS - 1)
    if depth == 0:
        return style
    shift = style.leftIndent * depth
    return ParagraphStyle(f"{style.name}{depth}", parent=style,
                          leftIndent=style.leftIndent + shift,
                          bulletIndent=style.bulletIndent + shift)
