"""The document model: what every reader produces and every writer consumes.

Frozen dataclasses only; this module imports nothing of plandoc and no third-party library.
Inline Markdown is already parsed into spans here, numbers (chapters 1, goals 1.1, strategies
a) …) are already assigned, and file references are absolute paths, so neither the layout nor a
writer parses text or looks for files.  How blocks are laid out (captions and their numbers,
page breaks, rows) is plandoc.layout's business, not the model's.  Each block keeps its structure role (heading level, list and
item, table header and cells, figure and its alternative text) for tagged PDF later.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Union, get_args


# --- inline text -------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """A run of text with one formatting; `href` makes it a link.

    `ref`: a cross-reference written `[](#id)` — its text is the target's generated label
    ('mål 1.2', 'figur 4'), which the layout fills in (the reader leaves `text` empty); the
    reader has checked that `href` names a goal, heading, figure or table of the document.
    A footnote reference carries the note's text in `note`; the reader leaves its `text`
    empty and the layout puts the note's number there (numbered once, through the document).
    `cite`: a citation written `[@tøi2017]` or `[@ssb2023, tabell 07459; @tøi2017]` — pairs of
    the source's id (with its '@') and the locator ('' without one); the reader has checked
    each id names an entry of the references block, and the layout writes '(TØI, 2017)' there.
    `lang`: the language of a span in another language than the document's, written
    `[climate adaptation]{lang=en}` — a BCP 47 tag as the author wrote it ('en', 'se',
    'en-GB'; the reader has checked its form); None: the document's language.
    """

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    ref: bool = False
    note: tuple["Span", ...] | None = None
    cite: tuple[tuple[str, str], ...] = ()
    lang: str | None = None


Inline = tuple[Span, ...]


def plain(inline: Inline) -> str:
    """The text of an inline sequence without formatting; a reference the layout has not yet
    given its label reads as its '#id' (so a change list compares what the author wrote)."""
    return "".join(span.href if span.ref and not span.text else
                   _cited(span.cite) if span.cite and not span.text else span.text
                   for span in inline)


def _cited(cite) -> str:
    """A citation as its author wrote it: '[@ssb2023, tabell 07459; @tøi2017]'."""
    return "[" + "; ".join(f"{key}, {where}" if where else key for key, where in cite) + "]"


# --- blocks ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """A chapter (level 1), section (2) or subsection (3); `number` is '1', '2.3' or None.

    `kind` is 'focus_area' for the heading of a focus area (satsingsområde), else 'chapter'.
    """

    level: int
    text: Inline
    number: str | None = None
    anchor: str = ""
    in_toc: bool = True
    kind: str = "chapter"
    id: str = ""               # the author's `id:`: '#id' links here as well as '#hN'
    exempt: "Exemption | None" = None   # unntatt offentlighet: this section (plandoc.layout.exempt)


@dataclass(frozen=True)
class Paragraph:
    """Body text; `quote` for a paragraph of a block quote (Markdown '> …')."""

    text: Inline
    quote: bool = False
    exempt: "Exemption | None" = None   # unntatt offentlighet: this paragraph


@dataclass(frozen=True)
class ListItem:
    """One list item: its text and optional nested lists."""

    text: Inline
    children: tuple["ListBlock", ...] = ()
    exempt: "Exemption | None" = None   # unntatt offentlighet: this item and its sub-lists


@dataclass(frozen=True)
class ListBlock:
    """A bullet list or, when `ordered`, a numbered list (numbers from `start`)."""

    items: tuple[ListItem, ...]
    ordered: bool = False
    start: int = 1


@dataclass(frozen=True)
class KeyFigure:
    """A large number with its label, e.g. '13 278' — 'Befolkning i 2020'."""

    value: str
    label: Inline


@dataclass(frozen=True)
class KeyFigures:
    """A row of key figures with an optional caption and source line."""

    items: tuple[KeyFigure, ...]
    caption: Inline = ()
    source: str | None = None


@dataclass(frozen=True)
class Series:
    """One data series of a chart."""

    name: str
    values: tuple[float, ...]


CHART_TYPES = ("bar", "grouped_bar", "stacked_bar", "line", "pie", "donut")
CHART_ORIENTATIONS = ("vertical", "horizontal")
PIE_SLICES = 8   # a pie or donut holds at most this many slices


@dataclass(frozen=True)
class Chart:
    """A chart of one of CHART_TYPES; the writers get the image from plandoc.charts."""

    kind: str  # one of CHART_TYPES ("bar" with several series is drawn grouped)
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    alt: str
    source: str | None = None
    x_label: str | None = None
    y_label: str | None = None
    id: str = ""               # the author's `id:`, for cross-references ('figur 4')
    orientation: str = ""      # bars: "" (decided by the label widths), vertical, horizontal
    labels: bool | None = None  # values written on bars/slices; None: bars and pies yes, lines no


@dataclass(frozen=True)
class SwotGroup:
    """A category heading with its bullets inside one SWOT quadrant."""

    title: Inline
    items: tuple[Inline, ...]


SWOT_QUADRANTS = ("strengths", "weaknesses", "opportunities", "threats")   # S, W, O, T: the order


@dataclass(frozen=True)
class SwotQuadrant:
    """One of 'strengths', 'weaknesses', 'opportunities', 'threats'."""

    kind: str
    groups: tuple[SwotGroup, ...]


@dataclass(frozen=True)
class Swot:
    """A SWOT analysis: always four quadrants in the order of SWOT_QUADRANTS."""

    quadrants: tuple[SwotQuadrant, ...]
    caption: Inline = ()


@dataclass(frozen=True)
class Strategy:
    """A lettered strategy under a goal: letter 'a', 'b', …"""

    letter: str
    text: Inline


@dataclass(frozen=True)
class Measurement:
    """A value of an indicator in a year: '12,5 %' in 2022 (the value as the author wrote it)."""

    value: str
    year: int


@dataclass(frozen=True)
class Indicator:
    """What tells whether a goal is reached: what is measured, where it stands and should go.

    The reader has checked that the target has a year and the baseline (when given) a year no
    later than the target's.
    """

    measure: Inline
    target: Measurement
    baseline: Measurement | None = None
    source: str | None = None          # 'SSB/KOSTRA'
    comparison: str | None = None      # 'KOSTRA-gruppe 13'
    frequency: str | None = None       # 'årlig'


GOAL_STATUSES = ("planlagt", "pågår", "fullført", "utsatt")   # said in the document's language


@dataclass(frozen=True)
class Goal:
    """A goal (MÅL) numbered like '1.1' with its strategies (STRATEGI), its attributes (deadline,
    responsible body, status: one of GOAL_STATUSES or free text) and indicators.

    `level` 2 is a sub-goal (delmål, '1.1.1') of the goal before it; its blocks follow the
    goal's.  `label` and `strategies_label` are the plan's own words ('Hovedmål', 'Tiltak'; ''
    for none); None leaves them to the document's language ('MÅL', 'Delmål', 'STRATEGI').
    """

    number: str
    text: Inline
    strategies: tuple[Strategy, ...] = ()
    id: str = ""               # the author's `id:`, for cross-references ('mål 1.2')
    deadline: str | None = None        # 'innen 2026'
    responsible: str | None = None     # 'Kommunedirektøren'
    status: str | None = None
    indicators: tuple[Indicator, ...] = ()
    level: int = 1
    label: str | None = None
    strategies_label: str | None = None


@dataclass(frozen=True)
class StrategyList:
    """Lettered strategies a), b) … standing on their own (a plan that puts its strategies
    before its goals); `label` as for a goal's strategies."""

    strategies: tuple[Strategy, ...]
    label: str | None = None


@dataclass(frozen=True)
class Callout:
    """A highlighted panel.

    kind: 'slogan' (a short line set large, with optional taglines as items),
    'values' (a title with a row of words and a text), 'vision', or 'note'.
    """

    kind: str
    title: Inline = ()
    paragraphs: tuple[Inline, ...] = ()
    items: tuple[Inline, ...] = ()


@dataclass(frozen=True)
class TableGroup:
    """A subheading row of a table ('Oppvekst'), across all its columns."""

    text: Inline


ALIGNMENTS = ("left", "right", "center", "decimal")
MAX_COLUMNS = 13     # a table's columns at most: what fits across a landscape A4 page at the
                     # layout's least column width (18 mm)


@dataclass(frozen=True)
class Table:
    """A generic table: a header row and body rows of inline cells (or group rows)."""

    header: tuple[Inline, ...]
    rows: tuple[Union[tuple[Inline, ...], TableGroup], ...]
    caption: Inline = ()
    widths: tuple[float, ...] = ()  # relative column widths; empty means equal
    id: str = ""               # the author's `id:` (only a captioned table has one): 'tabell 2'
    align: tuple[str, ...] = ()     # one of ALIGNMENTS per column, or "" (a column the layout
                                    # aligns: numbers right or on the comma); empty: all so
    landscape: bool = False    # on a landscape page of its own (the layout may decide it too)


@dataclass(frozen=True)
class IndicatorOverview:
    """Every indicator of the document's goals in one table, the goal's number first."""

    caption: Inline = ()


@dataclass(frozen=True)
class ActionRow:
    """One action (tiltak) of an action plan and the goal it serves, by the goal's `id:`."""

    action: Inline
    goal: str = ""             # a goal's id (the reader has checked it exists)
    responsible: str | None = None
    deadline: str | None = None
    cost: str | None = None            # '350 000 kr'
    status: str | None = None


@dataclass(frozen=True)
class ActionPlan:
    """A handlingsplan: actions tied to goals, laid out as a table; `sum` adds up the costs
    (the reader has checked each one reads as an amount)."""

    rows: tuple[ActionRow, ...]
    caption: Inline = ()
    sum: bool = False


@dataclass(frozen=True)
class Image:
    """A raster image file with its alternative text; width in cm (None: text width).

    `alt` '' is a decorative image (the author wrote `decorative: true`): an artifact in the
    PDF, marked decorative in the DOCX; the reader refuses an empty alt otherwise."""

    path: Path
    alt: str
    caption: Inline = ()
    width_cm: float | None = None
    id: str = ""               # the author's `id:` (only a captioned image has one): 'figur 4'
    credit: str | None = None  # 'Foto: Ola Nordmann', printed small under the picture


@dataclass(frozen=True)
class PageBreak:
    """Start a new page."""


@dataclass(frozen=True)
class ProgramItem:
    """One item of a meeting program: '18.00', 'Velkommen', 'ordfører Paul Asphaug', sub-items.

    Items of a part may have no time; top-level items always have one (the reader checks).
    """

    title: Inline
    time: str | None = None
    speaker: Inline = ()
    items: tuple[Inline, ...] = ()
    end: str | None = None             # '18.15': the item runs from `time` to `end`
    questions: tuple[Inline, ...] = ()  # questions to discuss, numbered under the item


@dataclass(frozen=True)
class ProgramPart:
    """A part of a program ('Del 1: Muligheter …') with its items."""

    title: Inline
    items: tuple[ProgramItem, ...] = ()


@dataclass(frozen=True)
class Program:
    """A meeting program laid out as a timetable: items and parts in order."""

    entries: tuple[Union[ProgramItem, ProgramPart], ...]
    title: Inline = ()


@dataclass(frozen=True)
class PartTitle:
    """The title page of one part of a plan ('Del 2' — 'Naturbruksplan'); listed in the TOC."""

    label: str
    text: Inline
    anchor: str = ""
    intro: Inline = ()


@dataclass(frozen=True)
class Appendix:
    """The heading of an appendix after the main text ('Vedlegg 1' — 'Kartgrunnlag').

    `number` is '1', '2' … or 'A', 'B' … (the document's `appendix_numbering`), assigned by
    the reader; the appendix's body follows as ordinary blocks, its sections numbered 'V1.1'
    ('A1.1' in English) or 'A.1' (letters).  It starts on a new page and is in the contents.
    """

    number: str
    text: Inline
    anchor: str = ""
    id: str = ""               # the author's `id:`: '[](#id)' reads 'vedlegg 1'


@dataclass(frozen=True)
class AppendixList:
    """The list of the document's appendices (number and title); `title` '' → 'Vedlegg'."""

    title: Inline = ()


@dataclass(frozen=True)
class Reference:
    """One entry of the reference list: a source the text may cite as `[@id]`.

    `year` is the year as text ('2017') or what stands for none ('u.å.'); `short` is the name
    the text cites it by ('TØI') when not `author`; `url` is an http(s) address the reader
    has checked.
    """

    id: str
    author: str
    year: str
    title: str
    short: str | None = None
    publisher: str | None = None
    url: str | None = None
    accessed: date | None = None
    note: Inline = ()


@dataclass(frozen=True)
class References:
    """The reference list (Kilder / Kjelder / References); its title is the Heading before it."""

    entries: tuple[Reference, ...]


@dataclass(frozen=True)
class Signer:
    """One who signs: a name and, optionally, a title ('Ordfører')."""

    name: str
    title: str | None = None


MAX_SIGNERS = 4   # a signature block holds at most this many signers (two rows of two)


@dataclass(frozen=True)
class Signatures:
    """Signature lines for 1–MAX_SIGNERS signers, after an optional place and date."""

    signers: tuple[Signer, ...]
    place: str | None = None
    date: date | None = None


@dataclass(frozen=True)
class Foreword:
    """A foreword (forord): an unnumbered opening chapter with its text, usually signed.

    `title` () is the language's word ('Forord'); the layout puts it before the first chapter.
    """

    body: tuple["Block", ...]
    title: Inline = ()
    signature: Signatures | None = None


@dataclass(frozen=True)
class CaseFacts:
    """A saksframlegg's header: Saksbehandler, Arkiv, Arkivsaksnr (label, value pairs without
    the empty ones) and the saksgang, one row per body in the order written."""

    facts: tuple[tuple[str, str], ...]
    steps: tuple["CaseStep", ...] = ()


@dataclass(frozen=True)
class Point:
    """One numbered point of an innstilling or a vedtak ('2.'), with lettered sub-points (a),
    b) …) and bullets; `changed`: the body's vedtak changed it from the innstilling."""

    number: int
    text: Inline
    points: tuple[Inline, ...] = ()
    bullets: tuple[Inline, ...] = ()
    changed: bool = False


@dataclass(frozen=True)
class Recommendation:
    """The innstilling: numbered points, or (the older form) paragraphs without numbers.
    `title` () → the chief executive's innstilling in the document's language."""

    points: tuple[Point, ...] = ()
    paragraphs: tuple[Inline, ...] = ()
    title: Inline = ()


@dataclass(frozen=True)
class Decision:
    """A body's behandling of the case (its saksgang row, what was proposed and voted) and the
    vedtak it made: the innstilling's points with the changed ones replaced (and marked)."""

    step: "CaseStep"
    treatment: tuple[Inline, ...] = ()
    votes: tuple[int, int] | None = None        # (for, against)
    unanimous: bool = False
    points: tuple[Point, ...] = ()
    paragraphs: tuple[Inline, ...] = ()          # the vedtak of an unnumbered innstilling


@dataclass(frozen=True)
class CaseItem:
    """One row of a meeting's saksliste, taken from a saksframlegg content file.

    `case` is that document's metadata (title, archive_case, exempt); `number` its
    utvalgssaksnr in this meeting's body (its proceedings step, else its `case`), found by the
    reader.  The minutes add what the body did (`deliberation`: behandling, `decision`: vedtak);
    `papers` are the case document's own blocks when the notice includes them.
    """

    case: "Meta"
    number: str | None = None
    deliberation: tuple["Block", ...] = ()
    decision: tuple["Block", ...] = ()
    papers: tuple["Block", ...] = ()


@dataclass(frozen=True)
class CaseList:
    """A saksliste: Saksnr | Arkivsaksnr | Innhold, one row per case, in the order written;
    `include_cases` puts each case's papers after the notice, each on a new page."""

    items: tuple[CaseItem, ...]
    include_cases: bool = False


Block = Union[
    Heading, Paragraph, ListBlock, KeyFigures, Chart, Swot, Goal, Callout, Table, Image, PageBreak,
    Program, PartTitle, IndicatorOverview, ActionPlan, Appendix, AppendixList, StrategyList,
    References, Signatures, Foreword, CaseFacts, Recommendation, Decision, CaseList,
]
BLOCK_KINDS: tuple[type, ...] = get_args(Block)   # the registry the layout and writers cover


# --- document ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseRef:
    """A council decision or case the document refers to, e.g. 'sak 38/20'."""

    ref: str
    body: str | None = None
    date: date | None = None
    title: str | None = None


@dataclass(frozen=True)
class CoverImage:
    """The cover's photo: a PNG or JPEG file, its alternative text ('' : decorative, as an
    Image's) and the photographer's credit; `pixels` (width, height) as the reader measured
    them, for the layout's crop."""

    path: Path
    alt: str
    credit: str | None = None
    pixels: tuple[int, int] = (1, 1)


@dataclass(frozen=True)
class Exemption:
    """Unntatt offentlighet: the legal basis ('offl. § 13, jf. fvl. § 13'), printed as the
    marking, and the title a public build may show in its place (None: the title is shown,
    '' : no title at all)."""

    basis: str
    public_title: str | None = None


@dataclass(frozen=True)
class CaseStep:
    """One row of a case's saksgang: the body that treats it, its number there, the meeting day
    ('Formannskapet', '14/21', 2021-04-28); the reader keeps them in the order written."""

    body: str
    case: str | None = None            # utvalgssaksnr
    date: date | None = None           # møtedato


@dataclass(frozen=True)
class Meeting:
    """One meeting an invitation asks to: its day, its time ('18.00', '21.00' or None, the
    reader has checked both are real times and the end is after the start), place and address."""

    date: date | None
    start: str | None = None
    end: str | None = None
    place: str | None = None
    address: str | None = None


@dataclass(frozen=True)
class Registration:
    """Påmelding: the last day (the reader has checked it is not after the first meeting) and
    where to register — a web address and/or an e-mail address."""

    deadline: date | None = None
    url: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class Contact:
    """The invitation's contact person: name, title, phone (as written) and e-mail."""

    name: str
    title: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class Venue:
    """How to find the place: a text note and/or a map or picture (with its alternative text)."""

    note: Inline = ()
    image: Path | None = None
    alt: str = ""


@dataclass(frozen=True)
class Attendee:
    """A member of a body as the meeting papers name them: 'Jann-Arne Løvdahl', 'leder', 'Ap';
    a vararepresentant names the member met `for`."""

    name: str
    role: str | None = None            # 'leder', 'nestleder', 'medlem'
    party: str | None = None           # 'Ap', 'H'
    substitutes_for: str | None = None


MEETING_KINDS = ("meeting_notice", "meeting_minutes")   # møteinnkalling, møteprotokoll


@dataclass(frozen=True)
class BodyMeeting:
    """One meeting of a body (utvalg): when and where, who is summoned, whom to tell of
    absence (forfall); the minutes add who met, who was absent and the substitutes."""

    body: str                          # 'Formannskapet'
    date: date | None = None
    time: str | None = None            # '09.00' or '09.00–15.00'
    place: str | None = None
    members: tuple[Attendee, ...] = ()     # innkalte medlemmer
    absence_to: str | None = None          # 'Forfall meldes til …'
    present: tuple[Attendee, ...] = ()     # møtende medlemmer
    absent: tuple[Attendee, ...] = ()      # forfall
    substitutes: tuple[Attendee, ...] = ()  # møtende varamedlemmer


@dataclass(frozen=True)
class Meta:
    """Document metadata from the content file."""

    title: str
    municipality: str
    kind: str = "plan"
    subtitle: str | None = None
    part: str | None = None
    period: str | None = None
    organisation: str | None = None
    author: str | None = None
    language: str = "nb"
    status: str | None = "utkast"       # None: a document without a status (e.g. invitation)
    date: date | None = None
    adopted_by: str | None = None
    case: str | None = None              # saksnummer, e.g. '38/20'
    cases: tuple[CaseRef, ...] = ()
    consultation_deadline: date | None = None   # høringsfrist
    archive_case: str | None = None      # arkivsak, e.g. '20/1234'
    version: str | None = None           # rullering: this version …
    replaces: str | None = None          # … and the version it replaces
    line_numbers: bool = False
    case_officer: str | None = None      # saksframlegg: saksbehandler
    archive_code: str | None = None      # saksframlegg: arkiv, e.g. 'FE-140, TI-&13'
    proceedings: tuple[CaseStep, ...] = ()   # saksframlegg: saksgang, body by body
    exempt: Exemption | None = None      # the whole document is unntatt offentlighet
    audience: str = "internal"           # 'public': always built without exempt content
    committee: str | None = None         # saksframlegg: utvalg
    meeting_date: date | None = None     # saksframlegg: møtedato
    chief_executive: str | None = None   # saksframlegg: 'Rådmannen' (None: Kommunedirektøren)
    time: str | None = None              # invitation: '18–21'
    place: str | None = None             # invitation: 'Aulaen på Hemnesberget'
    meetings: tuple[Meeting, ...] = ()   # invitation: every meeting (date/time/place: one)
    registration: Registration | None = None   # invitation: påmelding
    contact: Contact | None = None       # invitation: kontaktperson
    venue: Venue | None = None           # invitation: map or note on how to get there
    subject: str | None = None
    keywords: tuple[str, ...] = ()
    style: str = "default"
    toc: bool = True
    appendix_numbering: str = "numbers"  # appendices 1, 2 … or, with 'letters', A, B …
    cover_image: CoverImage | None = None  # a plan's cover photo
    meeting: BodyMeeting | None = None      # meeting_notice / meeting_minutes: the meeting

    def is_public(self, public: bool) -> bool:
        """Whether the document is laid out for the public: `plandoc build --public`
        (`public`), or its own `audience: public`."""
        return public or self.audience == "public"

    @property
    def steps(self) -> tuple[CaseStep, ...]:
        """The saksgang: `proceedings`, or the older one-body form (committee, case,
        meeting_date) as one row; () when the document names neither."""
        if self.proceedings or not (self.committee or self.case or self.meeting_date):
            return self.proceedings
        return (CaseStep(self.committee or "", self.case, self.meeting_date),)


@dataclass(frozen=True)
class Document:
    """One document: metadata, the body blocks and where it came from."""

    meta: Meta
    blocks: tuple[Block, ...]
    source: Path
    inputs: tuple[Path, ...] = field(default=())  # every file read, for incremental builds

    @property
    def name(self) -> str:
        """The output base name: the content file's stem."""
        return self.source.stem


@functools.cache
def field_names(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass (a model or layout class), worked out once per class;
    None for anything else.  The walkers over a whole document (glyph check, references,
    captions) ask it for every node."""
    return tuple(f.name for f in fields(cls)) if hasattr(cls, "__dataclass_fields__") else None
