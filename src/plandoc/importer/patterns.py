"""Plan patterns: goals with strategies, SWOT, key figures, panels, action plans, captions.

plandoc's own DOCX is mapped by its style ids (Mål, Strategi, Nøkkeltall …); a foreign DOCX by
what is unambiguous: "Mål 1.1 …" paragraphs followed by a list, a table headed
Styrker/Svakheter/Muligheter/Trusler, a table headed Tiltak | Ansvar | Frist.  Anything else
stays a paragraph or a table, and the report says so.
"""

from __future__ import annotations

import re

from plandoc.importer.walk import Item
from plandoc.importer.yamlout import Note
from plandoc.importer.refs import GOAL_MARK
from plandoc.labels import LANGUAGES, labels, parse_amount

GOAL = re.compile(r"^(?:\*\*)?(?:hoved|del)?m[åa]l\b\s*(\d+(?:\.\d+)*)?\s*[:.)]?(?:\*\*)?\s*",
                  re.IGNORECASE)
STRATEGY_LABEL = re.compile(r"^(?:\*\*)?(?:strategi(?:er|ar)?|tiltak)\s*:?(?:\*\*)?$",
                            re.IGNORECASE)
CAPTION = re.compile(r"^(?:\*\*)?(Tabell|Table|Figur|Figure)\s+[\dA-Z.]+\s*[:.]\s*(?:\*\*)?\s*")
BULLET = re.compile(r"^[^\w\\*\[(«\"'“]+\s*")
QUADRANTS = ("strengths", "weaknesses", "opportunities", "threats")
ACTION_COLUMNS = {"action": "act.action", "goal": "act.goal", "responsible": "act.responsible",
                  "deadline": "act.deadline", "cost": "act.cost", "status": "act.status"}
PLAIN_OWN = {"Bibliography": "reference list entry", "SignaturePlace": "signature line",
             "Signer": "signature line", "SignerTitle": "signature line",
             "ProgramTime": "program line", "ProgramPart": "program line",
             "ProgramItem": "program line", "Title": "title outside the cover",
             "Subtitle": "subtitle outside the cover", "GoalAttributes": "goal details line"}


def words(key: str) -> set[str]:
    """The word `key` in every language, folded (e.g. Styrker, Styrkar, Strengths)."""
    return {labels(lang)[key].casefold() for lang in LANGUAGES}


def handle(sh, items: list[Item], i: int) -> int:
    """Shape items[i], an own-style paragraph or a table; the index of the next item."""
    item = items[i]
    if item.kind == "table":
        return table(sh, items, i)
    if item.kind == "cover":
        return i + 1
    if item.style in ("Strategy", "StrategyLabel"):
        found: dict = {}
        j = strategies(sh, found, items, i)
        sh.add(found) if found else None
        return max(j, i + 1)
    if item.style in ("Goal", "Subgoal"):
        goal, j = read_goal(sh, items, i)
        sh.add(goal)
        return j
    paragraph(sh, item, items[i + 1] if i + 1 < len(items) else None)
    return i + 1


def paragraph(sh, item: Item, following: Item | None) -> None:
    """One paragraph in one of plandoc's styles (a caption, a source, a quote …)."""
    style, last = item.style, sh.last or {}
    if style == "PanelTitle" and following and "ValueWord" in styles_in(following):
        sh.pending_title = item.text
    elif style == "PanelText" and "values" in last and "text" not in last["values"]:
        last["values"]["text"] = item.text
    elif style in ("Caption", "Source"):
        (caption if style == "Caption" else source)(sh, item)
    elif style == "Quote":
        sh.prose.append(Item("para", "> " + item.text, notes=item.notes))
    elif style == "AppendixList":
        appendix_list(sh) if "appendix_list" not in last else None
    elif style == "PartTitle":
        part(sh, item)
    elif style == "PartIntro" and "part" in last:
        last["part"]["intro"] = item.text
    elif style in PLAIN_OWN or style.startswith(("Cover", "Panel")) or item.text and \
            style not in ("Spacer", "StrategyLabel", "TOCHeading", "PartLabel"):
        sh.report.kept(f"{PLAIN_OWN.get(style, 'text in style ' + style)}: as a paragraph")
        sh.prose.append(Item("para", item.text, notes=item.notes))


def appendix_list(sh) -> None:
    """plandoc's list of appendices (its title, when not the usual word, before it)."""
    title, sh.pending_title = sh.pending_title, None
    default = labels(sh.language)["appendices"]
    sh.add({"appendix_list": {"title": title} if title and title != default else {}})
    sh.report.saw("appendix list")


def part(sh, item: Item) -> None:
    """A part's title page: 'Del 1' (its label) and the title."""
    sh.close(1)
    title, label = sh.plain(item), item.label.strip()
    if label and title.startswith(label):
        title = title[len(label):].strip()
    sh.add({"part": {**({"label": label} if label else {}), "title": title}})
    sh.report.saw("part")


def foreword(sh, items: list[Item], i: int) -> int:
    """"Forord" (an unnumbered first-level heading of that name), its text and plandoc's
    signature lines → `foreword:`."""
    from plandoc.importer.cover import parse_date

    sh.close(1)
    block: dict = {}
    text, j = prose_until(sh, items, i + 1, lambda item: False)
    if text:
        block["text"] = text
    signature: dict = {}
    if j < len(items) and items[j].style == "SignaturePlace":
        place, _, when = items[j].text.partition(", ")
        signature.update(place=place, **({"date": parse_date(when)} if parse_date(when) else {}))
        j += 1
    if j < len(items) and "Signer" in styles_in(items[j]):
        cells = [c for row in items[j].rows for cell in row for c in cell]
        signature.update({"name": c.text for c in cells if c.style == "Signer"})
        signature.update({"title": c.text for c in cells if c.style == "SignerTitle"})
        j += 1
    if signature:
        block["signature"] = signature
    sh.add({"foreword": block})
    sh.report.saw("foreword")
    return j


# -- goals -------------------------------------------------------------------------------

def goal_like(item: Item) -> bool:
    """A goal: plandoc's Mål/Delmål style, or a paragraph "Mål 1.1: …" / "MÅL" + text."""
    return item.kind == "own" and item.style in ("Goal", "Subgoal") or \
        item.kind == "para" and bool(GOAL.match(item.text)) and len(item.text) < 400


def goal_with_strategies(items: list[Item], i: int) -> bool:
    """A "Mål …" paragraph outside a focus area followed by its list of strategies (after an
    optional "Strategier:" line): a goal on its own."""
    if not goal_like(items[i]):
        return False
    j = i + 1
    if j < len(items) and items[j].kind == "para" and STRATEGY_LABEL.match(items[j].text):
        j += 1
    return j < len(items) and items[j].kind == "item"


def goals_follow(items: list[Item], j: int) -> bool:
    """Whether goals numbered under a focus area (1.1, 1.2) follow before the next heading."""
    for item in items[j:]:
        if item.kind == "heading":
            return False
        if item.kind == "own" and item.style == "Goal":
            return item.level >= 2
        if item.kind == "para" and (m := GOAL.match(item.text)):
            return bool(m.group(1) and "." in m.group(1))
    return False


def prose_until(sh, items: list[Item], j: int, stop) -> tuple[str, int]:
    """The paragraphs and list items from `j` up to one that is not, or that `stop`s, as one
    Markdown text ('' for none); and the index after them."""
    prose = []
    while j < len(items) and items[j].kind in ("para", "item") and not stop(items[j]):
        prose.append(items[j])
        j += 1
    if not prose:
        return "", j
    sh.prose = prose
    sh.flush()
    return sh.body.pop()["text"], j


def focus_area(sh, items: list[Item], i: int, title: str) -> int:
    """A heading whose goals are numbered under it → `focus_area:` with intro and goals."""
    sh.close(items[i].level)
    block: dict = {"title": title}
    sh.target(items[i].marks, block, "område", title)
    intro, j = prose_until(sh, items, i + 1, goal_like)
    if intro:
        block["intro"] = intro
    goals, body = [], []
    while (j := spacers(items, j)) < len(items):
        if goal_like(items[j]):
            goal, j = read_goal(sh, items, j)
            goals.append(goal)
        elif items[j].style in ("Strategy", "StrategyLabel") and items[j].kind == "own":
            found: dict = {}
            j = strategies(sh, found, items, j)
            body.append(found)
        else:
            break
    if body:
        block["body"] = body
    block["goals"] = goals
    sh.add({"focus_area": block})
    sh.report.saw("focus area")
    return j


def read_goal(sh, items: list[Item], i: int, sub: bool = False) -> tuple[dict, int]:
    """A goal at `i` with its strategies and sub-goals; (the goal, the next index)."""
    item = items[i]
    text, j = _unbold(sh.plain(item)), i + 1
    if item.kind == "para":
        text = text[GOAL.match(text).end():].strip() or text
        if text == item.text.strip() or not text:
            text = item.text
        if GOAL.fullmatch(item.text) and j < len(items) and items[j].kind == "para":
            text, j = sh.plain(items[j]), j + 1
    goal: dict = {"goal": text}
    sh.target(item.marks, goal, "mål", text)
    sh.report.saw("sub-goal" if sub else "goal")
    if item.kind == "own":
        sh.goal_label("subgoal" if item.style == "Subgoal" else "goal", item.label)
    j = attributes(sh, goal, items, j)
    j = strategies(sh, goal, items, j)
    j = indicators(sh, goal, items, j)
    subs = []
    j = spacers(items, j)
    while not sub and j < len(items) and items[j].kind == "own" and items[j].style == "Subgoal":
        child, j = read_goal(sh, items, j, sub=True)
        subs.append(child)
        j = spacers(items, j)
    if subs:
        goal["goals"] = subs
    return goal, j


def _unbold(text: str) -> str:
    """A paragraph bold as a whole ("**Mål 2.1: …**") without its bold: the goal's own
    style shows it."""
    if text.startswith("**") and text.endswith("**") and text.count("**") == 2:
        return text[2:-2]
    return text


def spacers(items: list[Item], j: int) -> int:
    """The index of the first item from `j` that is not an empty spacer paragraph."""
    while j < len(items) and items[j].kind == "own" and items[j].style == "Spacer":
        j += 1
    return j


def attributes(sh, goal: dict, items: list[Item], j: int) -> int:
    """plandoc's "Frist: … · Ansvar: … · Status: …" line under a goal → its fields."""
    if j >= len(items) or items[j].style != "GoalAttributes":
        return j
    names = {labels(lang)[f"goal.{k}"].casefold(): k for lang in LANGUAGES
             for k in ("deadline", "responsible", "status")}
    states = {labels(lang)[f"goal.status.{s}"].casefold(): s for lang in LANGUAGES
              for s in ("planlagt", "pågår", "fullført", "utsatt")}
    for part in items[j].text.split(" · "):
        key, _, value = part.partition(": ")
        field = names.get(key.strip().casefold())
        if field == "status":
            value = states.get(value.strip().casefold(), value)
        if field:
            goal[field] = value.strip()
    return j + 1


def strategies(sh, goal: dict, items: list[Item], j: int) -> int:
    """The strategies after a goal: plandoc's Strategi paragraphs, or a list (after an
    optional "Strategier:"/"Tiltak:" line)."""
    if j < len(items) and items[j].kind == "para" and STRATEGY_LABEL.match(items[j].text):
        j += 1
    found = []
    while j < len(items):
        item = items[j]
        if item.kind == "own" and item.style == "Strategy" or item.kind == "item":
            if item.kind == "item" and item.level > 0:
                found[-1] += " " + item.text if found else None
            else:
                found.append(sh.plain(item))
            j += 1
        elif item.kind == "own" and item.style == "StrategyLabel":
            sh.goal_label("strategies", item.text)
            j += 1
        else:
            break
    if found:
        goal["strategies"] = found
        sh.report.saw("strategy", len(found))
    return j


FREQUENCY = re.compile(r"^(?:\w+(?:lig|leg|vis|ly)|årleg|annual)$", re.IGNORECASE)
INDICATOR_HEADER = ("ind.measure", "ind.baseline", "ind.target", "ind.source")
VALUE_YEAR = re.compile(r"^(.*\S)\s*\((\d{4})\)$")


def header_is(sh, t: Item, keys) -> bool:
    """Whether table `t`'s first row is the label words `keys` (in any language)."""
    header = [cell_text(sh, c).strip("* ").replace("\u00ad", "").casefold()
              for c in t.rows[0]] if t.rows else []
    return len(header) == len(keys) and all(h in {labels(lang)[k].casefold()
                                                  for lang in LANGUAGES}
                                            for h, k in zip(header, keys))


def indicators(sh, goal: dict, items: list[Item], j: int) -> int:
    """plandoc's indicator table under a goal (Indikator | Utgangspunkt | Mål | Kilde)."""
    if j >= len(items) or items[j].kind != "table" or \
            not header_is(sh, items[j], INDICATOR_HEADER):
        return j
    found = []
    for row in items[j].rows[1:]:
        cells = [cell_text(sh, c) for c in row]
        if len(cells) != 4:
            return j
        entry = {"measure": cells[0], "baseline": _value_year(cells[1]),
                 "target": _value_year(cells[2])}
        if entry["baseline"] is None:
            del entry["baseline"]
        if entry["target"] is None:
            return j
        entry.update(_source(cells[3]))
        found.append(entry)
    goal["indicators"] = found
    sh.report.saw("indicator", len(found))
    return j + 1


def _value_year(text: str):
    m = VALUE_YEAR.match(text)
    return {"value": m.group(1), "year": int(m.group(2))} if m else None


def _source(text: str) -> dict:
    """'SSB, bilparken, årlig; sammenlignet med KOSTRA-gruppe 1' → source, frequency,
    comparison."""
    out = {}
    main, _, compared = text.partition("; ")
    parts = [p.strip() for p in main.split(", ")]
    if len(parts) > 1 and FREQUENCY.match(parts[-1]):
        out["frequency"] = parts.pop()
    if parts and parts[0]:
        out["source"] = ", ".join(parts)
    compared = re.sub(r"^(?:sammenlignet|samanlikna|compared)\s+(?:med|with)\s+", "", compared)
    if compared:
        out["comparison"] = compared
    return out


# -- captions and sources ----------------------------------------------------------------

def caption(sh, item: Item) -> None:
    """A caption: "Figur 1: …" belongs to the image before it, "Tabell 1: …" to the table
    after it; an unnumbered one to the block before it, or else the one after."""
    m = CAPTION.match(item.text)
    text = item.text[m.end():] if m else item.text
    last = sh.last
    kind = next(iter(last)) if last else None
    if m and m.group(1).startswith("Fig") and kind == "image" or \
            not m and kind in ("key_figures", "image") and "caption" not in last[kind]:
        last[kind]["caption"] = text
        sh.target(item.marks, last[kind], "fig", text) if kind == "image" else None
    else:
        sh.pending_caption, sh.caption_marks = text, item.marks
    sh.report.saw("caption")


def source(sh, item: Item) -> None:
    """"Kilde: SSB" under key figures → their source; elsewhere kept as a paragraph."""
    text = re.sub(r"^(?:Kilde|Kjelde|Source)\s*:\s*", "", item.text)
    if sh.last and "key_figures" in sh.last and "source" not in sh.last["key_figures"]:
        sh.last["key_figures"]["source"] = text
        sh.report.saw("source")
        return
    sh.report.kept("source line under an image or table: as a paragraph")
    sh.prose.append(Item("para", item.text))


# -- tables ------------------------------------------------------------------------------

def cell_text(sh, cell: list[Item]) -> str:
    """A table cell's paragraphs as one line of inline Markdown."""
    parts = [sh.plain(i) for i in cell if i.kind in ("para", "item", "own", "heading")
             and i.text]
    if any(i.kind == "item" for i in cell) or len(parts) > 1:
        sh.report.kept("table cell with several paragraphs or a list: joined into one line")
    return " ".join(parts)


def styles_in(table: Item) -> set[str]:
    """The own styles used in a table's cells."""
    if table.kind != "table":
        return set()
    return {i.style for row in table.rows for cell in row for i in cell if i.kind == "own"}


def table(sh, items: list[Item], i: int) -> int:
    """A table: a panel of plandoc's own, a SWOT, an action plan or a plain table."""
    t, step = items[i], 1
    if (joined := swot_halves(items, i)) is not None:
        t, step = joined, 2
    own = styles_in(t)
    if "KeyFigure" in own or figure_cells(t):
        sh.add({"key_figures": {"items": key_figures(t) or figure_cells(t)}})
        sh.report.saw("key figures")
    elif "SwotTitle" in own or swot_header(t):
        block = swot(sh, t)
        if sh.pending_caption:
            block = {"caption": sh.pending_caption, **block}
            sh.pending_caption = None
        sh.add({"swot": block})
        sh.report.saw("SWOT")
    elif "Slogan" in own:
        panel_slogan(sh, t)
    elif "ValueWord" in own or "PanelTitle" in own or "PanelText" in own:
        panel(sh, t, own, items, i)
    elif own <= {"Spacer"} and t.style == "LayoutTable" and not any(
            cell_text(sh, c) for r in t.rows for c in r):
        sh.report.drop("empty layout table (signature lines): plandoc lays them out itself")
    elif header_is(sh, t, ("ind.goal", "ind.measure", "ind.baseline", "ind.target_value",
                           "ind.source")):
        sh.add({"indicator_overview": {"caption": sh.pending_caption}
                if sh.pending_caption else {}})
        sh.pending_caption = None
        sh.report.saw("indicator overview")
    elif not action_plan(sh, t):
        plain_table(sh, t)
    return i + step


def key_figures(t: Item) -> list[dict]:
    out = []
    for row in t.rows:
        for cell in row:
            value = next((c.text for c in cell if c.style == "KeyFigure"), None)
            label = " ".join(c.text for c in cell if c.style == "KeyFigureLabel")
            if value is not None:
                out.append({"value": _number(value), "label": label})
    return out


BIG_NUMBER = re.compile(r"^(?:\*\*)?([−–+-]?\d[\d \u00a0]*(?:,\d+)?(?:\s?%)?)(?:\*\*)?$")


def figure_cells(t: Item) -> list[dict]:
    """A table of key figures in another program's file: every cell a number over a label
    ('13 278' ⏎ 'innbyggere'); [] when it is not one."""
    out = []
    for row in t.rows:
        for cell in row:
            texts = [i.text for i in cell if i.text]
            if not texts:
                continue
            m = BIG_NUMBER.match(texts[0]) if len(texts) == 2 else None
            if not m or len(texts[1]) > 80:
                return []
            out.append({"value": _number(m.group(1)), "label": texts[1]})
    return out if len(out) >= 2 else []


def figure_paragraphs(sh, items: list[Item], i: int) -> int:
    """Bold numbers each followed by a short label ('**13 278**' ⏎ 'innbyggere'), at least
    two → `key_figures:`; the index after them (`i` when there are none)."""
    found, j = [], i
    while j + 1 < len(items) and items[j].kind == items[j + 1].kind == "para":
        m = BIG_NUMBER.match(items[j].text)
        if not (m and items[j].text.startswith("**")) or len(items[j + 1].text) > 80 \
                or BIG_NUMBER.match(items[j + 1].text):
            break
        found.append({"value": _number(m.group(1)), "label": items[j + 1].text})
        j += 2
    if len(found) < 2:
        return i
    sh.add({"key_figures": {"items": found}})
    sh.report.saw("key figures")
    return j


def _number(text: str):
    """'13 278' → 13278, '−20 %' stays text."""
    plain = text.replace("\u00a0", "").replace(" ", "")
    return int(plain) if plain.isdigit() and not plain.startswith("0") else text


def _quadrant_of(text: str) -> str | None:
    title = text.strip("*: ").casefold()
    return next((q for q in QUADRANTS if title in words(q)), None)


def _lead(cell: list[Item]) -> str:
    """The first words of a cell (its title, when it has one)."""
    return next((i.text for i in cell if i.text), "")


def swot_header(t: Item) -> bool:
    """Whether the table's cells name the four SWOT quadrants: as cells of their own (the
    items in the cell below) or as the first line of the cell that holds the items."""
    titled = {_quadrant_of(" ".join(i.text for i in cell)) for row in t.rows for cell in row}
    leading = {_quadrant_of(_lead(cell)) for row in t.rows for cell in row}
    return set(QUADRANTS) <= titled or set(QUADRANTS) <= leading


def swot(sh, t: Item) -> dict:
    """The four quadrants: each titled cell's contents are in the cell below it, or after
    the title in the same cell."""
    out: dict = {}
    for r, row in enumerate(t.rows[:-1]):
        for c, cell in enumerate(row):
            q = _quadrant_of(" ".join(i.text for i in cell))
            if q and c < len(t.rows[r + 1]):
                out[q] = quadrant(sh, t.rows[r + 1][c])
    if len(out) < len(QUADRANTS):
        for cell in (cell for row in t.rows for cell in row):
            if q := _quadrant_of(_lead(cell)):
                rest = cell[next(n for n, i in enumerate(cell) if i.text) + 1:]
                out[q] = quadrant(sh, rest)
    return {q: out.get(q, []) for q in QUADRANTS}


def swot_halves(items: list[Item], i: int) -> Item | None:
    """Two tables in a row, headed Styrker | Svakheter and Muligheter | Trusler: one SWOT
    table (as Word users often make it)."""
    if i + 1 >= len(items) or items[i + 1].kind != "table":
        return None
    first, second = items[i], items[i + 1]
    heads = [{_quadrant_of(" ".join(x.text for x in c)) for c in t.rows[0]} if t.rows else set()
             for t in (first, second)]
    if heads[0] | heads[1] >= set(QUADRANTS) and heads[0].isdisjoint(heads[1] - {None}):
        return Item("table", rows=first.rows + second.rows, header=first.header)
    return None


def quadrant(sh, cell: list[Item]) -> list:
    items, group = [], None
    for i in cell:
        if not i.text:
            continue
        text = BULLET.sub("", i.text) if i.style == "SwotItem" else i.text
        if i.style == "SwotGroup" or i.kind == "para" and i.text.startswith("**"):
            group = {"group": i.text.strip("*"), "items": []}
            items.append(group)
        else:
            if group is None:           # items before any group: a group without a title
                group = {"group": Note(labels(sh.language)["swot.group"],
                                       "TODO: gi gruppen et navn"), "items": []}
                items.append(group)
            group["items"].append(text)
    return items


def panel_slogan(sh, t: Item) -> None:
    cells = [c for row in t.rows for cell in row for c in cell]
    text = next(c.text for c in cells if c.style == "Slogan")
    tags = [c.text for c in cells if c.style == "Tagline"]
    sh.add({"slogan": {"text": text, **({"items": tags} if tags else {})}})
    sh.report.saw("slogan")


def panel(sh, t: Item, own: set, items: list[Item], i: int) -> None:
    """Values (a title before the table, words in it, a text after it), a vision or a
    callout (a title and a text in one cell)."""
    cells = [c for row in t.rows for cell in row for c in cell]
    title = next((c.text for c in cells if c.style == "PanelTitle"), None)
    text = "\n\n".join(c.text for c in cells if c.style == "PanelText")
    bullets = [c.text for c in cells if c.style == "PanelItem"]
    if "ValueWord" in own:
        title, sh.pending_title = sh.pending_title, None
        block = {**({"title": title} if title else {}),
                 "items": [c.text for c in cells if c.style == "ValueWord"]}
        sh.add({"values": block})
        sh.report.saw("values")
        return
    kind = "vision" if title and title.casefold() in words("vision") else "callout"
    block = {**({"title": title} if title else {}), **({"text": text} if text else {}),
             **({"items": bullets} if bullets else {})}
    sh.add({kind: block})
    sh.report.saw(kind)


def action_plan(sh, t: Item) -> bool:
    """A table headed Tiltak | (Mål |) Ansvar | Frist (…) → `action_plan:`, its Mål cells
    links to goals (`goal:`), a last "Sum" row `sum: true`; False when it is not one."""
    if len(t.rows) < 2:
        return False
    fields = action_fields(sh, t.rows[0])
    if None in fields or "action" not in fields or len(set(fields)) < 2:
        return False
    rows = [[cell_text(sh, c) for c in row] for row in t.rows[1:]]
    add_up = bool(rows[-1]) and rows[-1][0].strip("* ").casefold() in words("act.sum")
    if "goal" not in fields and not add_up and sh.pending_caption and sh.caption_marks:
        return False             # a table a link points at: a table, which can have an id
    if add_up:
        rows.pop()
    found = [action_row(sh, fields, row) for row in rows]
    if None in found or add_up and not all(
            parse_amount(r["cost"]) is not None for r in found if r.get("cost", "-") != "-"):
        sh.report.kept("action plan whose Mål or Sum cells plandoc cannot read back "
                       "(a goal's number linked to the goal, amounts): as a plain table")
        return False
    block = {"rows": [r for r in found if r.get("action")], **({"sum": True} if add_up else {})}
    if getattr(sh, "pending_caption", None):
        block = {"caption": sh.pending_caption, **block}
        sh.pending_caption = None
    sh.add({"action_plan": block})
    sh.report.saw("action plan")
    return True


def action_fields(sh, header: list) -> list:
    """The action_plan field of each header cell (None for a word that is none)."""
    names = {labels(lang)[key].casefold(): field for lang in LANGUAGES
             for field, key in ACTION_COLUMNS.items()}
    names.update({"ansvarlig": "responsible", "ansvarleg": "responsible", "tid": "deadline",
                  "kostnad": "cost"})
    return [names.get(cell_text(sh, c).strip("* ").casefold()) for c in header]


GOAL_LINK = re.compile(r"^\[[^\]]*\]\(#([^)\s]+)\)$")


def action_row(sh, fields: list, cells: list[str]) -> dict | None:
    """One action's fields: its goal as a mark for refs.py to give the goal's id, its status
    as plandoc's status word; None when its Mål cell is not a link to a goal."""
    values = {f: c for f, c in zip(fields, cells) if c}
    if "goal" in values:
        link = GOAL_LINK.match(values["goal"])
        if not link or link.group(1) not in sh.goal_marks:
            return None
        values["goal"] = GOAL_MARK + link.group(1)
    if "status" in values:
        states = {labels(lang)[f"goal.status.{s}"].casefold(): s for lang in LANGUAGES
                  for s in ("planlagt", "pågår", "fullført", "utsatt")}
        values["status"] = states.get(values["status"].casefold(), values["status"])
    return values


def plain_table(sh, t: Item) -> None:
    rows = [[cell_text(sh, c) for c in row] for row in t.rows]
    width = max(len(r) for r in rows) if rows else 0
    rows = [r + [""] * (width - len(r)) for r in rows if any(r)]
    if not rows or not width:
        sh.report.drop("empty table")
        return
    block: dict = {}
    if getattr(sh, "pending_caption", None):
        block["caption"], sh.pending_caption = sh.pending_caption, None
        sh.target(sh.caption_marks, block, "tab", block["caption"])
    if numeric(rows[1:]) and sh.csv is not None:
        block["csv"] = sh.csv(rows)
        sh.report.saw("table of numbers (as CSV)")
    else:
        block["columns"] = rows[0]
        block["rows"] = rows[1:] or [[""] * width]
    if t.header > 1:
        sh.report.kept("header rows after the first: as body rows")
    sh.add({"table": block})
    sh.report.saw("table")


NUMBER = re.compile(r"^[−–+-]?\s?\d{1,3}(?:[ \u00a0]?\d{3})*(?:,\d+)?(?:\s?%)?$|^[–-]?$")


def numeric(rows: list[list[str]]) -> bool:
    """Whether a table's body is numbers (every column after the first), worth a CSV file."""
    return len(rows) >= 3 and len(rows[0]) >= 2 and all(
        NUMBER.match(cell.strip()) for row in rows for cell in row[1:])
