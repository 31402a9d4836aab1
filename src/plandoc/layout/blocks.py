"""Model blocks → boxes: one layout function per block kind, registered in LAYOUTS.

Each function gets the block and the layout's running State (caption numbers, link targets,
whether the next box starts a page) and returns one box.  This is where captions are numbered,
labels composed, rows formed and page breaks decided — once, for every writer.
"""

from __future__ import annotations

import dataclasses

import functools
import math
from dataclasses import dataclass, field, replace
from decimal import Decimal

from plandoc import model as m
from plandoc.labels import format_amount, parse_amount
from plandoc.layout import boxes as b
from plandoc.layout import casework, cite, meeting, signing
from plandoc.layout.chartdata import data_table
from plandoc.layout.lists import label, style_at
from plandoc.layout.palette import fill, under_white
from plandoc.layout.refs import numbered_as
from plandoc.layout.styles import text_styles
from plandoc.layout.tables import CELL_PAD_PT, table
from plandoc.layout.text import keep_together
from plandoc.labels import wrap_words
from plandoc.model import Span, plain
from plandoc.style.assets import text_width
from plandoc.style.theme import Theme

ROOM = {1: 0.30, 2: 0.18, 3: 0.12}   # share of the page a heading needs below it
CHART_HEIGHT = 0.5                    # a chart is the text width wide and half as high
CHART_BARS = ("bar", "grouped_bar", "stacked_bar")
CHART_FONT_PT = 8.5                   # the size of a chart's labels (plandoc.charts.draw)
CHART_AXIS_MM = 18                    # what the value axis takes of a vertical chart's width
CHART_LABEL_LINES = 3                 # a vertical bar's label may wrap to this many lines
CHART_LABEL_SHARE = 0.38              # of a horizontal chart's width for its category labels
PT_MM = 25.4 / 72
IMAGE_MAX_HEIGHT = 0.75               # of the text block
TIME_MM = 22                          # the time column of a program
SPAN_TIME_MM = 31                     # … when a time has an end: '18.00–18.15' on one line
CARDS_PER_ROW = 4                     # value words side by side


@dataclass
class State:
    """What the layout of one document keeps track of while it walks the blocks."""

    theme: Theme
    words: dict
    lists: tuple
    targets: dict = field(default_factory=dict)     # model anchor → target
    figures: int = 0
    tables: int = 0
    headings: int = 0
    refs: int = 0
    notes: int = 0                                   # footnotes numbered so far
    language: str = "nb"
    page_start: bool = True                          # nothing on the current page yet
    goals: tuple = ()                                # every goal of the document, in order
    appendices: tuple = ()                           # the document's Appendix blocks
    chief_executive: str | None = None               # whose innstilling: 'Rådmannen'
    kind: str = "plan"                               # the document's kind (model.Meta.kind)
    public: bool = False                             # a public build: no exempt content
    meeting: m.BodyMeeting | None = None             # a meeting notice's or minutes' meeting
    cases: int = 0                                   # saksliste rows so far (layout/meeting)

    def appendix_target(self, block: m.Appendix) -> str:
        """The bookmark of an appendix: known before it is laid out, so the list of
        appendices (which may stand before it) links to it."""
        name = f"_TocApp{self.appendices.index(block) + 1:05d}"
        for key in (block.anchor, block.id):
            if key:
                self.targets.setdefault(key, name)
        return name

    @functools.cached_property
    def styles(self) -> dict:
        """The document's text styles (sizes for measuring what must fit)."""
        return text_styles(self.theme)

    def target(self, anchor: str, ident: str = "") -> str:
        """A fresh bookmark name for a heading (safe in Word, PDF and HTML); links to its
        anchor '#h3' and to its author's id go there."""
        self.headings += 1
        name = f"_Toc{self.headings:05d}"
        for key in (anchor, ident):
            if key:
                self.targets.setdefault(key, name)
        return name

    def ref_target(self, ident: str) -> str:
        """A fresh bookmark name for a goal, figure or table with an id ('' without one)."""
        if not ident:
            return ""
        self.refs += 1
        name = f"_Ref{self.refs:05d}"
        self.targets.setdefault(ident, name)
        return name

    def caption(self, kind: str, text, above: bool = False, ident: str = "") -> b.Caption:
        """A numbered caption: 'Figur 3' / 'Tabell 2' and the text (numbered_as says which
        blocks have one; cross-references count the same way)."""
        if kind == "table":
            self.tables += 1
            number = self.tables
        else:
            self.figures += 1
            number = self.figures
        return b.Caption(f"{self.words[kind]} {number}", tuple(text), above,
                         self.ref_target(ident))

    def numbered_notes(self, text) -> tuple:
        """`text` with each footnote reference numbered 1, 2, 3 … through the document (each
        reference is a note of its own, even when two refer to the same definition)."""
        if not any(span.note is not None for span in text):
            return text
        out = []
        for span in text:
            if span.note is not None:
                self.notes += 1
                span = Span(str(self.notes), note=span.note)
            out.append(span)
        return tuple(out)

    def source(self, name: str | None) -> str | None:
        """'Kilde: SSB'."""
        return f"{self.words['source']}: {name}" if name else None


def rows_of(items: tuple, most: int) -> tuple[tuple, ...]:
    """Items in as few rows as `most` per row allows, the rows as even as can be (5 → 3 + 2)."""
    if not items:
        return ()
    per_row = math.ceil(len(items) / math.ceil(len(items) / most))
    return tuple(tuple(items[i:i + per_row]) for i in range(0, len(items), per_row))


def heading(block: m.Heading, s: State) -> b.HeadingBox:
    settings = s.theme.layout
    wanted = block.level == 1 and (settings.focus_area_new_page if block.kind == "focus_area"
                                   else settings.chapter_new_page and block.in_toc)
    title = plain(block.text)
    numbered = f"{block.number} {title}" if block.number else title
    listed = block.in_toc and block.level <= settings.toc_levels
    flow = b.Flow(new_page=wanted and not s.page_start, room=ROOM.get(block.level, 0.12))
    return b.HeadingBox(block.level, block.number, block.text, s.target(block.anchor, block.id),
                        numbered if listed else None, numbered, flow)


def paragraph(block: m.Paragraph, s: State) -> b.TextBox:
    return b.TextBox(s.numbered_notes(block.text), "quote" if block.quote else "body")


def list_block(block: m.ListBlock, s: State, depth: int = 0) -> b.ListBox:
    style = style_at(s.lists[1] if block.ordered else s.lists[0], depth)
    entries = []
    for i, item in enumerate(block.items):
        text = s.numbered_notes(item.text)      # before the children: numbers in reading order
        entries.append(b.ListEntry(label(style, block.start + i), text,
                                   tuple(list_block(c, s, depth + 1) for c in item.children)))
    entries = tuple(entries)
    return b.ListBox(entries, block.ordered, block.start, depth, style)


def key_figures(block: m.KeyFigures, s: State) -> b.KeyFiguresBox:
    items = tuple(m.KeyFigure(keep_together(kf.value), kf.label) for kf in block.items)
    rows = rows_of(items, s.theme.layout.key_figures_per_row)
    caption = b.Caption("", block.caption) if block.caption else None
    columns = max((len(r) for r in rows), default=1)
    return b.KeyFiguresBox(rows, columns, caption, s.source(block.source),
                           _figure_size(s, items, columns))


def _figure_size(s: State, items, columns: int) -> float:
    """The key figures' type size: the style's, or smaller so the widest value fits its card
    on one line ('350 000 kr' never breaks, however many cards share a row)."""
    style = s.styles["key_figure"]
    font = s.theme.fonts.heading.bold
    room = s.theme.page.text_width_mm / columns / PT_MM - CELL_PAD_PT
    widest = max((text_width(font, kf.value, style.size) for kf in items
                  if len(kf.value) < 200), default=0)
    if widest <= room * 0.97:
        return style.size
    return round(max(style.size * room * 0.97 / widest, 1.0), 2)


def chart(block: m.Chart, s: State) -> b.ChartBox:
    width = s.theme.page.text_width_mm
    block = replace(block, orientation=chart_orientation(block, s.theme, width))
    height = width * CHART_HEIGHT
    if block.orientation == "horizontal":   # a row per category, each as high as its label
        rows = sum(len(_wrapped(c, width * CHART_LABEL_SHARE, s.theme)) for c in block.categories)
        height = min(max(height, rows * 4.2 + len(block.categories) * 2.5 + 24),
                     s.theme.page.text_height_mm * IMAGE_MAX_HEIGHT)
    return b.ChartBox(block, block.alt, s.caption("figure", (Span(block.title),), ident=block.id),
                      s.source(block.source), width, round(height, 2),
                      data_table(block, s.words, s.language))


def chart_orientation(block: m.Chart, theme: Theme, width_mm: float) -> str:
    """How a bar chart's bars run: the author's `orientation:`, else vertical when every
    category label, wrapped at its spaces, fits under its bar's slot in at most
    CHART_LABEL_LINES lines, else horizontal.  The slot is the plot width (the chart's width
    less CHART_AXIS_MM for the value axis) divided by the number of categories, less 10 %
    for the gap between labels; labels are measured in the theme's body font at CHART_FONT_PT.
    Other chart types have no orientation ('')."""
    if block.kind not in CHART_BARS:
        return ""
    if block.orientation:
        return block.orientation
    slot = (width_mm - CHART_AXIS_MM) / max(len(block.categories), 1) * 0.9
    font = theme.fonts.body.regular
    for cat in block.categories:
        lines = _wrapped(cat, slot, theme)
        if len(lines) > CHART_LABEL_LINES or any(
                text_width(font, line, CHART_FONT_PT) * PT_MM > slot for line in lines):
            return "horizontal"
    return "vertical"


def _wrapped(text: str, width_mm: float, theme: Theme) -> list[str]:
    font = theme.fonts.body.regular
    return wrap_words(text, width_mm, lambda t: text_width(font, t, CHART_FONT_PT) * PT_MM)


def image(block: m.Image, s: State) -> b.ImageBox:
    page = s.theme.page
    width = min(block.width_cm * 10, page.text_width_mm) if block.width_cm else \
        page.text_width_mm
    caption = s.caption("figure", block.caption, ident=block.id) if numbered_as(block) else None
    return b.ImageBox(block.path, block.alt, width, page.text_height_mm * IMAGE_MAX_HEIGHT,
                      caption, block.credit)


def swot(block: m.Swot, s: State) -> b.SwotBox:
    found = {q.kind: q for q in block.quadrants}
    quads = [b.Quadrant(kind, s.words[kind], under_white(s.theme.colours.swot.of(kind)),
                        fill(s.theme.colours.swot.of(kind)),
                        found[kind].groups if kind in found else ())
             for kind in m.SWOT_QUADRANTS]
    caption = b.Caption("", block.caption, above=True) if block.caption else None
    return b.SwotBox(((quads[0], quads[1]), (quads[2], quads[3])), caption, s.theme.bullet)


def goal(block: m.Goal, s: State) -> b.GoalBox:
    """'1.1  MÅL: text' (a sub-goal: '1.1.1  Delmål: text'; the plan's own label, or none)."""
    default = s.words["subgoal" if block.level == 2 else "goal"]
    label = default if block.label is None else block.label
    parent = any(g.level == 2 and g.number.startswith(f"{block.number}.") for g in s.goals)
    return b.GoalBox(block.number, f"{label}:" if label else "", block.text,
                     *_strategies(block.strategies, block.strategies_label, s),
                     s.ref_target(block.id), goal_attributes(block, s.words),
                     _indicator_table(block.indicators, s) if block.indicators else None,
                     "subgoal" if block.level == 2 else "goal",
                     bool(block.strategies or block.indicators) or parent)


def _strategies(strategies, label: str | None, s: State):
    """The strategies' label ('STRATEGI', the plan's own, or None) and 'a)' … items."""
    items = tuple(b.Strategy(f"{st.letter})", st.text) for st in strategies)
    label = s.words["strategy"] if label is None else label
    return (label or None) if items else None, items


def strategy_list(block: m.StrategyList, s: State) -> b.StrategiesBox:
    """Strategies standing on their own, drawn as a goal's are."""
    return b.StrategiesBox(*_strategies(block.strategies, block.label, s))


def said(status: str | None, words: dict) -> str:
    """A status as the document's language says it: a known one in its words, else as given."""
    return words.get(f"goal.status.{status}", status) if status else ""


def goal_attributes(block: m.Goal, words: dict) -> str:
    """'Frist: innen 2026 · Ansvar: Kommunedirektøren · Status: Pågår' ('' without any)."""
    parts = [(words["goal.deadline"], block.deadline),
             (words["goal.responsible"], block.responsible),
             (words["goal.status"], said(block.status, words))]
    return " · ".join(f"{label}: {value}" for label, value in parts if value)


def _measured(x: m.Measurement | None) -> str:
    return f"{x.value}\u00a0({x.year})" if x else "–"     # '12,5 % (2022)' never breaks


def _indicator_source(ind: m.Indicator, words: dict) -> str:
    """'SSB/KOSTRA, årlig; sammenlignet med KOSTRA-gruppe 13'."""
    text = ", ".join(x for x in (ind.source, ind.frequency) if x)
    if ind.comparison:
        text += ("; " if text else "") + f"{words['ind.compared']} {ind.comparison}"
    return text[:1].upper() + text[1:]


def _indicator_table(pairs, s: State, overview: bool = False,
                     caption=()) -> b.TableBox:
    """Indikator | Utgangspunkt | Mål | Kilde (the Kilde column only when one has a source);
    the overview puts the goal's number first and says 'Målverdi' for the target."""
    w = s.words
    items = [(None, p) if isinstance(p, m.Indicator) else p for p in pairs]
    sources = [_indicator_source(ind, w) for _, ind in items]
    header = [w["ind.measure"], w["ind.baseline"],
              w["ind.target_value" if overview else "ind.target"]]
    widths, align = [3.0, 1.4, 1.4], ["left", "right", "right"]
    if any(sources):
        header, widths, align = header + [w["ind.source"]], widths + [2.2], align + ["left"]
    rows = []
    for (number, ind), source in zip(items, sources):
        row = [ind.measure, (Span(_measured(ind.baseline)),), (Span(_measured(ind.target)),)]
        rows.append(tuple(row + ([(Span(source),)] if any(sources) else [])))
    if overview:
        header, widths, align = [w["ind.goal"]] + header, [0.6] + widths, ["left"] + align
        rows = [((Span(number, href=f"#{ident}" if ident else None),),) + r
                for (number, ident), r in zip((n for n, _ in items), rows)]
    return table(m.Table(tuple((Span(h),) for h in header), tuple(rows), tuple(caption),
                         tuple(widths), align=tuple(align)), s)


def indicator_overview(block: m.IndicatorOverview, s: State) -> b.TableBox:
    """Every indicator of the document, each after its goal's number (a link to the goal)."""
    pairs = [((g.number, g.id), ind) for g in s.goals for ind in g.indicators]
    return _indicator_table(pairs, s, overview=True, caption=block.caption)


def action_plan(block: m.ActionPlan, s: State) -> b.TableBox:
    """Tiltak | Mål | Ansvar | Frist | Økonomi | Status: the goal's generated number (a link to
    the goal), amounts right-aligned and unbreakable, the sum row when asked.  A column no
    row fills is left out (Tiltak always stays)."""
    w, numbers = s.words, {g.id: g.number for g in s.goals if g.id}
    columns = [("action", 3.0, "left"), ("goal", 0.7, "left"), ("responsible", 1.6, "left"),
               ("deadline", 1.1, "left"), ("cost", 1.4, "right"), ("status", 1.1, "left")]

    def cell(row: m.ActionRow, key: str):
        if key == "action":
            return row.action
        if key == "goal":
            return (Span(numbers.get(row.goal, row.goal), href=f"#{row.goal}"),) \
                if row.goal else ()
        value = said(row.status, w) if key == "status" else getattr(row, key)
        return (Span(value),) if value else ()

    used = [c for c in columns if c[0] == "action" or any(cell(r, c[0]) for r in block.rows)]
    rows = [tuple(cell(r, key) for key, _, _ in used) for r in block.rows]
    if block.sum:
        total = sum((parse_amount(r.cost) for r in block.rows
                     if r.cost and parse_amount(r.cost) is not None), Decimal(0))
        rows.append(tuple((Span(w["act.sum"], bold=True),) if key == "action" else
                          (Span(format_amount(total, s.language), bold=True),)
                          if key == "cost" else () for key, _, _ in used))
    box = table(m.Table(tuple((Span(w[f"act.{key}"]),) for key, _, _ in used), tuple(rows),
                        block.caption, tuple(x for _, x, _ in used),
                        align=tuple(a for _, _, a in used)), s)
    return dataclasses.replace(box, total=block.sum)


def callout(block: m.Callout, s: State) -> b.CalloutBox:
    c = s.theme.colours
    if block.kind == "slogan":
        variant, rows, bar, panel = "slogan", (block.items,) if block.items else (), \
            c.primary, c.white
    elif block.kind == "values":
        variant, rows, bar, panel = "values", rows_of(block.items, CARDS_PER_ROW), \
            c.light, c.light
    elif block.kind == "vision":
        variant, rows, bar, panel = "box", (), c.primary, c.light
    else:
        variant, rows, bar, panel = "box", (), c.accent, fill(c.accent)
    return b.CalloutBox(variant, block.kind, block.title, block.paragraphs, block.items, rows,
                        max((len(r) for r in rows), default=1), bar, panel, s.theme.bullet)


def page_break(block: m.PageBreak, s: State) -> b.PageBreakBox | None:
    return None if s.page_start else b.PageBreakBox()


def program(block: m.Program, s: State) -> b.ProgramBox:
    """The timetable; its time column is wider when an item gives its end ('18.00–18.15')."""
    rows: list = []
    for entry in block.entries:
        if isinstance(entry, m.ProgramPart):
            rows.append(b.ProgramPartRow(entry.title))
            rows += [_program_row(item, s) for item in entry.items]
        else:
            rows.append(_program_row(entry, s))
    spans = any(isinstance(r, b.ProgramRow) and "–" in r.time for r in rows)
    return b.ProgramBox(block.title, tuple(rows), SPAN_TIME_MM if spans else TIME_MM)


def _program_row(item: m.ProgramItem, s: State) -> b.ProgramRow:
    title = tuple(Span(x.text, True, x.italic, x.href, lang=x.lang) for x in item.title) \
        if item.time \
        else item.title
    speaker = tuple(Span(x.text, x.bold, True, x.href, lang=x.lang) for x in
                    ((Span(f"{s.words['by']} "),) + item.speaker)) if item.speaker else ()
    time = keep_together(f"{item.time}–{item.end}") if item.time and item.end else \
        item.time or ""
    items = tuple(("–", x) for x in item.items) + \
        tuple((f"{n}.", x) for n, x in enumerate(item.questions, 1))
    return b.ProgramRow(time, title, speaker, items)


def part_title(block: m.PartTitle, s: State) -> b.PartBox:
    text = f"{block.label} {plain(block.text)}" if block.label else plain(block.text)
    return b.PartBox(block.label, block.text, block.intro, s.target(block.anchor),
                     text, text)


def appendix(block: m.Appendix, s: State) -> b.AppendixBox:
    """'Vedlegg 1 Kartgrunnlag' as a chapter heading that always starts a page."""
    label = f"{s.words['appendix']} {block.number}"
    text = f"{label} {plain(block.text)}"
    return b.AppendixBox(block.number, label, block.text, s.appendix_target(block),
                         text if s.theme.layout.toc_levels >= 1 else None, text,
                         b.Flow(new_page=not s.page_start, room=ROOM[1]))


def appendix_list(block: m.AppendixList, s: State) -> b.AppendixListBox:
    """Every appendix of the document, in order, with its label and title."""
    entries = tuple(b.AppendixEntry(f"{s.words['appendix']} {a.number}", plain(a.text),
                                    s.appendix_target(a)) for a in s.appendices)
    return b.AppendixListBox(plain(block.title) or s.words["appendices"], entries)


def references(block: m.References, s: State) -> b.ReferencesBox:
    """The sources sorted by author and year, each with its bookmark ('#@id' links there)."""
    entries = []
    for ref, year in cite.ordered(block.entries):
        s.refs += 1
        target = f"_Ref{s.refs:05d}"
        s.targets.setdefault(f"@{ref.id}", target)
        entries.append(b.ReferenceEntry(target, cite.entry_text(ref, year, s.words, s.language)))
    return b.ReferencesBox(tuple(entries))


LAYOUTS = {
    m.Heading: heading, m.Paragraph: paragraph, m.ListBlock: list_block,
    m.KeyFigures: key_figures, m.Chart: chart, m.Image: image, m.Table: table, m.Swot: swot,
    m.Goal: goal, m.Callout: callout, m.PageBreak: page_break, m.Program: program,
    m.PartTitle: part_title, m.IndicatorOverview: indicator_overview,
    m.ActionPlan: action_plan,
    m.Appendix: appendix, m.AppendixList: appendix_list, m.StrategyList: strategy_list,
    m.References: references, m.Signatures: signing.signatures, m.Foreword: signing.foreword,
    m.CaseFacts: casework.case_facts,
    m.Recommendation: casework.recommendation, m.Decision: casework.decision,
    m.CaseList: meeting.case_list,
}


def lay_out_blocks(blocks, s: State) -> tuple[b.Box, ...]:
    """Every block's box, in order; page breaks that would leave an empty page are dropped.
    A block laid out as several boxes (the innstilling: heading, text, points) gives a tuple."""
    out = []
    s.appendices = tuple(x for x in blocks if isinstance(x, m.Appendix))
    for block in blocks:
        laid = LAYOUTS[type(block)](block, s)
        for box in laid if isinstance(laid, tuple) else (laid,) if laid else ():
            out.append(box)
            s.page_start = isinstance(box, (b.PageBreakBox, b.PartBox))
    return tuple(landscape_runs(out))


def _landscape(box) -> bool:
    return isinstance(box, b.TableBox) and box.landscape


def landscape_runs(boxes: list) -> list:
    """Landscape tables with the headings right before them on their landscape page (a
    chapter heading is not left alone at the foot of a portrait page), a page break right
    before them dropped (the turn is one), and no turn between two of them or after the last
    box."""
    out: list = []
    for n, box in enumerate(boxes):
        if not _landscape(box):
            out.append(box)
            continue
        headings: list = []
        while out and isinstance(out[-1], (b.HeadingBox, b.AppendixBox)):
            headings.insert(0, replace(out.pop(), flow=b.Flow(new_page=False, room=0)))
        if out and isinstance(out[-1], b.PageBreakBox):
            out.pop()
        after = boxes[n + 1] if n + 1 < len(boxes) else None
        out.append(replace(box, headings=tuple(headings), turn_after=after is not None and not
                           _landscape(after), turn_before=not (out and _landscape(out[-1]))))
    return out
