"""The Theme: how a document looks, as typed values the layout and the writers read.

Built by plandoc.style.load from `styles/<name>/style.yaml`; nothing here reads files.  Colours
carry their screen value ('#RRGGBB') and, where the style gives one, their CMYK ink for print.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path



@dataclass(frozen=True)
class Colour:
    """A colour: '#RRGGBB' on screen, and C, M, Y, K (0–100) for print when the style has them."""

    hex: str
    cmyk: tuple[float, float, float, float] | None = None

    @property
    def rgb(self) -> tuple[float, float, float]:
        """Red, green and blue from 0 to 1."""
        return tuple(int(self.hex[i:i + 2], 16) / 255 for i in (1, 3, 5))

    def tint(self, amount: float) -> "Colour":
        """This colour mixed with white: amount 1 is the colour itself, 0 is white."""
        mixed = (round(255 - (255 - c * 255) * amount) for c in self.rgb)
        cmyk = tuple(round(x * amount, 2) for x in self.cmyk) if self.cmyk else None
        return Colour("#" + "".join(f"{c:02X}" for c in mixed), cmyk)


WHITE = Colour("#FFFFFF", (0, 0, 0, 0))


@dataclass(frozen=True)
class SwotColours:
    """The colour of each SWOT quadrant."""

    strengths: Colour
    weaknesses: Colour
    opportunities: Colour
    threats: Colour

    def of(self, kind: str) -> Colour:
        """The colour of quadrant `kind` ('strengths' …)."""
        return getattr(self, kind)


@dataclass(frozen=True)
class Colours:
    """The style's named colours."""

    primary: Colour
    secondary: Colour
    accent: Colour
    text: Colour
    muted: Colour
    light: Colour
    swot: SwotColours
    white: Colour = WHITE


@dataclass(frozen=True)
class FontFamily:
    """A font family: the name Word sees and the TrueType files the PDF embeds."""

    family: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path

    @property
    def files(self) -> tuple[Path, ...]:
        """The four faces."""
        return (self.regular, self.bold, self.italic, self.bold_italic)


@dataclass(frozen=True)
class Fonts:
    """Body and heading families, and the font that carries symbols such as '❖'."""

    body: FontFamily
    heading: FontFamily
    symbol: Path


@dataclass(frozen=True)
class Sizes:
    """Type sizes in points."""

    body: float
    small: float
    h1: float
    h2: float
    h3: float
    title: float
    key_figure: float


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres."""

    top: float
    bottom: float
    left: float
    right: float


@dataclass(frozen=True)
class Page:
    """Paper size and margins, in millimetres."""

    size: str
    width_mm: float
    height_mm: float
    margins: Margins

    @property
    def text_width_mm(self) -> float:
        """Width of the text block."""
        return self.width_mm - self.margins.left - self.margins.right

    @property
    def text_height_mm(self) -> float:
        """Height of the text block."""
        return self.height_mm - self.margins.top - self.margins.bottom

    @property
    def landscape_width_mm(self) -> float:
        """Width of the text block of a landscape page: the paper turned, the margins kept
        (the side margins at the sides, the header and footer at top and bottom)."""
        return self.height_mm - self.margins.left - self.margins.right

    @property
    def landscape_height_mm(self) -> float:
        """Height of the text block of a landscape page."""
        return self.width_mm - self.margins.top - self.margins.bottom


@dataclass(frozen=True)
class Typography:
    """Hyphenation and justification of running text."""

    justify: bool = False
    hyphenate: bool = False


@dataclass(frozen=True)
class LayoutSettings:
    """The style's page-flow choices (its `layout:` key); plandoc.layout applies them."""

    toc_levels: int = 2                 # heading levels listed in the contents
    chapter_new_page: bool = False      # every chapter starts on a new page
    focus_area_new_page: bool = True    # every focus area (satsingsområde) does
    key_figures_per_row: int = 4        # more key figures wrap to a new row


@dataclass(frozen=True)
class Theme:
    """Everything about how a document looks."""

    name: str
    folder: Path | None
    colours: Colours
    fonts: Fonts
    sizes: Sizes
    page: Page
    logo: Path | None
    word_template: Path | None
    bullet: str
    typography: Typography = Typography()
    layout: LayoutSettings = LayoutSettings()
    print_enabled: bool = False
    web_enabled: bool = False     # html among the formats built by default
    web_chapters: bool = False    # the web edition as a front page and a page per chapter
    docx_toc_pages: bool = False  # the DOCX's contents with page numbers (LibreOffice)
    pdfa: bool | None = None
    inputs: tuple[Path, ...] = field(default=())
