"""What the layout decided: one box kind per block kind, and the document's frame around them.

A box carries everything a reader of the output sees — generated words and numbers (captions,
'MÅL:', 'a)', list labels, 'Kilde: SSB'), the order of parts, rows of a grid, page-flow
choices and resolved colours — so a writer only draws.  Frozen dataclasses, no imports of a
writer library.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Union

from plandoc.model import Chart, Inline, KeyFigure, Meta, SwotGroup
from plandoc.style.theme import Colour, Theme

WATERMARK = Colour("#DCDCDC", (0, 0, 0, 14))   # light grey: the PDF's 45 % grey at 25 % opacity

# --- shared parts ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Caption:
    """'Figur 1: title' — `label` is '' for an unnumbered caption (key figures, SWOT)."""

    label: str
    text: Inline
    above: bool = False          # tables carry their caption above, figures below
    target: str = ""             # bookmark / destination of a figure or table with an `id:`

    @property
    def lead(self) -> str:
        """The label as printed before the text: 'Figur 1: ', 'Figur 1' or ''."""
        if not self.label:
            return ""
        return f"{self.label}: " if self.text else self.label

    @property
    def title(self) -> str:
        """The caption as one line of plain text: a picture's title, a table's name."""
        return self.lead + "".join(span.text for span in self.text)


@dataclass(frozen=True)
class Flow:
    """Page-flow choices for a heading."""

    new_page: bool = False       # starts on a new page (never leaving an empty one)
    room: float = 0.0            # share of the text block that must remain below it, else it
                                 # moves to the next page (the PDF; Word keeps it with the next
                                 # paragraph, which every heading style does)


@dataclass(frozen=True)
class ListStyle:
    """How one depth of a list is marked: Word numbering format and the label template.

    `format` is 'bullet', 'decimal', 'lowerLetter' or 'lowerRoman'; `template` is '{n}.',
    '{n})' or the bullet character itself.
    """

    format: str
    template: str


# --- boxes -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeadingBox:
    """A heading: its number, text, link target, contents entry and page flow."""

    level: int
    number: str | None
    text: Inline
    target: str                  # bookmark / destination name, unique in the document
    toc_text: str | None         # '1 Slagkraft …' when the contents lists it, else None
    outline_text: str            # its entry in the PDF outline / navigation
    flow: Flow = Flow()


@dataclass(frozen=True)
class TextBox:
    """A paragraph of body text; `style` is 'body' or 'quote' (a paragraph of a block quote).

    A footnote reference in `text` is a span with `note` set and its number as its text.
    """

    text: Inline
    style: str = "body"


@dataclass(frozen=True)
class ListEntry:
    """One item of a list, with the label a reader sees ('1.', 'a)', '•')."""

    label: str
    text: Inline
    children: tuple["ListBox", ...] = ()
    mark: bool = False           # a vedtak point changed from the innstilling: a bar in the
                                 # margin beside it (with '(endret)' in its text)


@dataclass(frozen=True)
class ListBox:
    """A bullet or numbered list at `depth` (0 is the outermost)."""

    entries: tuple[ListEntry, ...]
    ordered: bool
    start: int
    depth: int
    style: ListStyle


@dataclass(frozen=True)
class KeyFiguresBox:
    """Large numbers with labels as cards in rows of equal length; caption and source below."""

    rows: tuple[tuple[KeyFigure, ...], ...]
    columns: int                 # cards per row (the last row may have fewer)
    caption: Caption | None
    source: str | None           # 'Kilde: SSB'
    value_size: float = 0.0      # the values' type size in points (0: the text style's); the
                                 # widest value fits its card on one line, made unbreakable


@dataclass(frozen=True)
class ChartBox:
    """A chart: the model's chart (for the renderer), its alt text, caption and source."""

    chart: Chart
    alt: str
    caption: Caption
    source: str | None
    width_mm: float
    height_mm: float
    data: "TableBox | None" = None   # the numbers as a table (the web page shows it beside)


@dataclass(frozen=True)
class ImageBox:
    """A raster image at a width, with alt text and an optional caption."""

    path: Path
    alt: str
    width_mm: float
    max_height_mm: float
    caption: Caption | None
    credit: str | None = None    # 'Foto: …' in small, muted type under the picture, unnumbered

    @property
    def decorative(self) -> bool:
        """An image with empty alt text (`alt: ""`) is ornament: screen readers skip it."""
        return not self.alt.strip()


@dataclass(frozen=True)
class GroupRow:
    """A table's subheading row ('Oppvekst'): bold on a tint, across every column."""

    text: Inline
    fill: Colour


@dataclass(frozen=True)
class TableBox:
    """A data table: header row (repeated on every page), body rows, column shares.

    Rows of tables, SWOT rows and program rows move to the next page whole; only a row taller
    than a page may split.  Cells hold numbers, time spans, case numbers and dates already made
    unbreakable (layout/text.py); `align` is each column's alignment, header cell included.
    A `landscape` table stands on landscape pages of its own; its `widths` are shares of the
    landscape page's text width; the headings right before it (`headings`) go on its first
    landscape page with it; `turn_before` / `turn_after` say whether the page turns to
    landscape before it and back to portrait after it (not between landscape tables in a row,
    not at the document's end).  In a 'decimal' column each body cell is right-aligned with
    `trailing` points of room after it (the fraction it lacks), so the commas line up.
    """

    header: tuple[Inline, ...]
    rows: tuple[Union[tuple[Inline, ...], GroupRow], ...]
    widths: tuple[float, ...]    # shares of the text width, summing to 1
    caption: Caption | None
    align: tuple[str, ...] = ()  # 'left' | 'right' | 'centre' | 'decimal' per column
                                 # (empty: all left)
    landscape: bool = False
    trailing: tuple[tuple[float, ...], ...] = ()   # per body row, points after each cell
    headings: tuple[Union["HeadingBox", "AppendixBox"], ...] = ()
    turn_before: bool = True
    turn_after: bool = True
    total: bool = False          # the last row sums the rows above: it never stands alone


@dataclass(frozen=True)
class Quadrant:
    """One SWOT quadrant: its title, its colours and its groups of bullets."""

    kind: str
    title: str
    colour: Colour               # the title bar, dark enough for its white title
    fill: Colour                 # the body
    groups: tuple[SwotGroup, ...]


@dataclass(frozen=True)
class SwotBox:
    """The SWOT as two rows of two quadrants (S W / O T)."""

    rows: tuple[tuple[Quadrant, Quadrant], ...]
    caption: Caption | None
    bullet: str


@dataclass(frozen=True)
class Strategy:
    """'a)' and the strategy's text."""

    label: str
    text: Inline


@dataclass(frozen=True)
class GoalBox:
    """'1.1' 'MÅL:' text, the line of attributes, 'STRATEGI' and the lettered strategies, then
    the indicator table.  (An action plan and an indicator overview are laid out as TableBoxes.)"""

    number: str
    label: str                   # 'MÅL:'
    text: Inline
    strategies_label: str | None  # 'STRATEGI' when there are strategies
    strategies: tuple[Strategy, ...]
    target: str = ""             # bookmark / destination of a goal with an `id:`
    attributes: str = ""         # 'Frist: innen 2026 · Ansvar: Kommunedirektøren' ('' none)
    indicators: TableBox | None = None   # Indikator | Utgangspunkt | Mål | Kilde, after the
                                         # strategies
    style: str = "goal"          # the text style: 'goal', or 'subgoal' for a delmål
    keep: bool = False           # the goal stays on the page of what follows: its strategies,
                                 # indicators or sub-goals (a goal with none of them lets go)


@dataclass(frozen=True)
class StrategiesBox:
    """Lettered strategies on their own: the label ('STRATEGI', or None) and the items."""

    label: str | None
    strategies: tuple[Strategy, ...]


@dataclass(frozen=True)
class CalloutBox:
    """A highlighted panel.

    variant 'slogan': the title set large and centred between rules, items as a row of
    taglines; 'values': a title, items as cards in rows, then the text; 'box': title, text and
    bulleted items in a tinted box with a bar at the left.  A slogan's paragraphs are set
    centred (text style 'slogan_text') between its title and its taglines.
    """

    variant: str
    kind: str                    # the model's kind: slogan, values, vision, note, recommendation
    title: Inline
    paragraphs: tuple[Inline, ...]
    items: tuple[Inline, ...]
    item_rows: tuple[tuple[Inline, ...], ...]   # cards, for slogan and values
    columns: int
    bar: Colour
    fill: Colour
    bullet: str


@dataclass(frozen=True)
class PageBreakBox:
    """Start a new page."""


@dataclass(frozen=True)
class ProgramRow:
    """A timed item (or an item of a part): time ('18.00' or '18.00–18.15'), title (bold spans
    when timed), 'ved …' (italic spans) and sub-items and questions, each after its mark ('–',
    or '1.', '2.' … for questions)."""

    time: str
    title: Inline
    speaker: Inline              # 'ved ordfører Paul Asphaug', empty when none
    items: tuple[tuple[str, Inline], ...]


@dataclass(frozen=True)
class ProgramPartRow:
    """A part of the program ('Del 1: …'): a full-width tinted row."""

    title: Inline


@dataclass(frozen=True)
class ProgramBox:
    """A meeting program as a timetable."""

    title: Inline
    rows: tuple[Union[ProgramRow, ProgramPartRow], ...]
    time_width_mm: float


@dataclass(frozen=True)
class PartBox:
    """A part's title page: label over the title, intro; the part's body starts a new page."""

    label: str                   # 'Del 2' ('' when none), shown in capitals by its text style
    text: Inline
    intro: Inline
    target: str
    toc_text: str
    outline_text: str
    drop: float = 0.3            # share of the text block's height above the label


@dataclass(frozen=True)
class AppendixBox:
    """An appendix's heading: 'Vedlegg 1' (`label`) and the title, drawn like a chapter
    heading (level 1) on a new page, listed in the contents after the chapters."""

    number: str                  # '1' or 'A'
    label: str                   # 'Vedlegg 1' / 'Appendix A'
    text: Inline
    target: str
    toc_text: str | None         # 'Vedlegg 1 Kartgrunnlag' (None: the contents lists no levels)
    outline_text: str
    flow: Flow = Flow(new_page=True)


@dataclass(frozen=True)
class AppendixEntry:
    """One line of the list of appendices: 'Vedlegg 1', the title, the appendix's target."""

    label: str
    text: str
    target: str


@dataclass(frozen=True)
class AppendixListBox:
    """The list of appendices: its title and one entry per appendix (the PDF adds pages)."""

    title: str
    entries: tuple[AppendixEntry, ...]


@dataclass(frozen=True)
class ReferenceEntry:
    """One source of the reference list: its text as printed and its bookmark / destination."""

    target: str
    text: Inline                 # 'TØI (2017a). *Title*. Publisher. https://… (lest …)'


@dataclass(frozen=True)
class ReferencesBox:
    """The reference list's entries, sorted, each a paragraph with a hanging indent (its title
    is the HeadingBox before it)."""

    entries: tuple[ReferenceEntry, ...]


@dataclass(frozen=True)
class SignatureSlot:
    """Room to sign, a line, and under it the name and the title ('Ordfører' or '')."""

    name: str
    title: str


@dataclass(frozen=True)
class SignaturesBox:
    """'Mosjøen, 12. november 2026' (or ''), then the signers in rows of `columns`, each slot
    `width_share` of the text width and `room_mm` of space above its line; kept on one page."""

    place_date: str
    rows: tuple[tuple[SignatureSlot, ...], ...]
    columns: int
    width_share: float
    room_mm: float


@dataclass(frozen=True)
class ForewordBox:
    """The foreword: an unnumbered chapter heading (listed in the contents), its text, and the
    signature under it."""

    heading: HeadingBox
    body: tuple["Box", ...]
    signature: SignaturesBox | None


@dataclass(frozen=True)
class CaseListBox:
    """A meeting's saksliste: its heading and table and, in the minutes, each case's heading,
    behandling and vedtak — boxes the writers draw in order (layout/meeting.py)."""

    parts: tuple["Box", ...]


Box = Union[HeadingBox, TextBox, ListBox, KeyFiguresBox, ChartBox, ImageBox, TableBox, SwotBox,
            GoalBox, StrategiesBox, CalloutBox, PageBreakBox, ProgramBox, PartBox, AppendixBox,
            AppendixListBox, ReferencesBox, SignaturesBox, ForewordBox, CaseListBox]


# --- the frame around the blocks ---------------------------------------------------------------


@dataclass(frozen=True)
class CoverLine:
    """A line of the cover: its role (part, title, subtitle, period, organisation, status …)."""

    role: str
    text: str


@dataclass(frozen=True)
class CoverPhoto:
    """The cover's photo across the page's top edge, `height_mm` down from it.

    `crop` is the part of the picture shown, as fractions (left, top, right, bottom) cut from
    each side, so it fills the page width × height_mm without distortion; `bleed_crop` is the
    same for that area grown by `bleed_mm` on the trimmed edges (left, top, right), for print.
    """

    path: Path
    alt: str
    credit: str
    height_mm: float
    crop: tuple[float, float, float, float]
    bleed_crop: tuple[float, float, float, float]
    bleed_mm: float

    @property
    def decorative(self) -> bool:
        """A photo with empty alt text is ornament, as an image's (ImageBox.decorative)."""
        return not self.alt.strip()


@dataclass(frozen=True)
class Cover:
    """The cover page: masthead, the title block and the lines on the band at its foot."""

    municipality: str
    logo: Path | None
    logo_alt: str
    logo_height_mm: float
    title_drop_mm: float         # space above the title block
    lines: tuple[CoverLine, ...]
    band_lines: tuple[CoverLine, ...]
    band_height_mm: float
    band_stripe_mm: float = 1.6  # the accent-coloured stripe on the band's top edge
    band_inset_mm: float = 14.0  # the band's lines end this far above the foot of the page
    photo: CoverPhoto | None = None  # across the top; the masthead and title stand below it


@dataclass(frozen=True)
class Masthead:
    """The letterhead an invitation or a case paper opens with on its first page: the emblem
    (when the style has one) beside the municipality's name, the paper's kind under the name
    ('SAKSFRAMLEGG'; '' for none), a rule in the primary colour beneath."""

    municipality: str
    logo: Path | None
    logo_alt: str
    logo_height_mm: float
    rule: Colour
    rule_pt: float = 1.5
    label: str = ""


@dataclass(frozen=True)
class ContentsEntry:
    """One line of the table of contents."""

    level: int
    text: str
    target: str


@dataclass(frozen=True)
class Contents:
    """The table of contents: its title and entries; the body starts on a new page after it."""

    title: str
    levels: int
    entries: tuple[ContentsEntry, ...]


@dataclass(frozen=True)
class Running:
    """Running header and footer of body pages; `page` is 'Side {page} av {total}'."""

    header_left: str
    header_right: str
    footer_left: str
    page: str
    first_header: bool = True    # False: page 1 has no header (an invitation's letterhead)


@dataclass(frozen=True)
class Palette:
    """The theme's colours and the tints the layout derived from them, by role."""

    primary: Colour
    secondary: Colour
    accent: Colour
    text: Colour
    muted: Colour
    light: Colour
    white: Colour
    rule: Colour                 # hairlines between table rows and program items
    band: Colour                 # every other body row of a data table
    header_rule: Colour          # under the running header
    accent_text: Colour          # text in the accent colour, darkened where it would be faint

    @property
    def link(self) -> Colour:
        """Links in running text."""
        return self.primary

    @property
    def mark(self) -> Colour:
        """List bullets and numbers, a goal's number and its 'MÅL:'."""
        return self.primary

    @property
    def watermark(self) -> Colour:
        """The draft watermark, as it shows over white paper."""
        return WATERMARK


@dataclass(frozen=True)
class Layout:
    """A document laid out: everything the writers draw, in order."""

    meta: Meta
    theme: Theme
    words: dict
    palette: Palette
    cover: Cover | None
    contents: Contents | None
    running: Running
    watermark: str               # '' when none
    line_numbers: bool
    lists: tuple[tuple[ListStyle, ...], tuple[ListStyle, ...]]   # (bullet, ordered) by depth
    targets: dict                # the model's heading anchors → target names (for '#' links)
    blocks: tuple[Box, ...]
    masthead: Masthead | None = None   # an invitation's letterhead above its first block
