"""The example content reproduces the Vefsn plan word for word.

The seed is text extracted from the designed PDF of Vefsn's strategic plan
(../shared/seeds/004_9a6be926213045d5.txt): lines broken, words hyphenated at line ends, a few
parts out of reading order.  These tests normalise it, cut it into fragments (sentences, bullet
items, headings, labels) and assert that

- every fragment is in the text of the Document read from content/vefsn.yaml, and in the built PDF;
- nothing in the body was invented: every text of the Document comes from the seed (except the
  chart's title and alternative text, and the metadata — the only things the content adds);
- the bullets, the SWOT groups and the numbered goals and strategies have the seed's structure.

There are no known exceptions: every fragment of the seed must be found.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from itertools import zip_longest
from pathlib import Path

import pytest

from plandoc import model as m
from plandoc.labels import labels

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content" / "vefsn.yaml"
SEED = ROOT / "tests" / "data" / "vefsn-seed.txt"  # copy of ../shared/seeds/004_9a6be926213045d5.txt

pytestmark = pytest.mark.skipif(not SEED.exists(), reason=f"seed text not found: {SEED}")

# --- the seed ----------------------------------------------------------------------------------

BULLET = "❖"
GOAL_MARK = re.compile(r"^\d+\.\d+\.?\s*MÅL:\s*")       # typed "1.1 MÅL:" / "2.2. MÅL:"
STRATEGY_MARK = re.compile(r"^[a-z]\)\s+")                # typed "a) "
STRATEGY_LINE = "STRATEGI"                                 # typed label, printed by plandoc
HYPHEN_BREAK = re.compile(r"(\w+)-[ \t]*\n\s*(?=\w)")
SENTENCE_END = re.compile(r"(?<=[.?!;])\s+")
# Lines the seed holds that the content turns into more than one unit, each with its reason.
SPLIT_LINES = {
    # The SWOT was a 2×2 graphic; extraction put its four quadrant labels on one line.
    # plandoc prints each label (labels.py) on its own quadrant.
    "Trusler Muligheter Svakheter Styrker": ["Trusler", "Muligheter", "Svakheter", "Styrker"],
}
# The three "Steg" lines stand apart without a glyph in the seed; the content makes them a list.
STEP_LINE = re.compile(r"^Steg \d: ")


def seed_text() -> str:
    """The seed with line-end hyphenation joined.

    'nærings-⏎planen' was hyphenated by the layout → 'næringsplanen'; after a capitalised word
    ('VGS-⏎nivå', 'Vefsn-⏎samfunnet') the hyphen belongs to the compound and stays.
    """
    def join(match: re.Match) -> str:
        word = match.group(1)
        return word + "-" if word[0].isupper() else word

    return HYPHEN_BREAK.sub(join, SEED.read_text(encoding="utf-8"))


def starts_item(line: str) -> bool:
    """A seed line that begins a bullet, a goal, a strategy or a step."""
    return bool(line.startswith((BULLET, "- ")) or GOAL_MARK.match(line)
                or STRATEGY_MARK.match(line) or STEP_LINE.match(line))


def strip_marks(line: str) -> str:
    """A line without its typed bullet glyph, '- ', goal or strategy numbering."""
    line = line.lstrip(BULLET).strip()
    line = re.sub(r"^- ", "", line)
    return STRATEGY_MARK.sub("", GOAL_MARK.sub("", line))


def continues(previous: str, line: str) -> bool:
    """True when `line` continues the sentence of `previous` (a broken line, not a new unit)."""
    if previous.endswith((".", "?", "!", ";", ":")):
        return False
    return line[0].islower() or line[0] == "«" or previous.endswith("–")


def seed_units() -> list[tuple[str, bool]]:
    """The seed as units (a bullet, a heading, a label, a run of prose) with 'is an item' flags.

    A unit runs over broken lines as long as the next line starts in lower case; a capital
    letter after an unfinished line also starts a new unit, which splits a few sentences at a
    proper noun ('… av Strategisk' | 'Næringsplan.') — harmless, both halves are still checked.
    """
    units: list[list] = []
    for raw in seed_text().splitlines():
        line = " ".join(raw.split())
        if not line or line == STRATEGY_LINE:
            continue
        for part in SPLIT_LINES.get(line, [line]):
            item = starts_item(part)
            text = strip_marks(part)
            if units and not item and continues(units[-1][0], text):
                units[-1][0] += " " + text
            else:
                units.append([text, item])
    return [(text, item) for text, item in units if text]


def seed_fragments() -> list[str]:
    """Every sentence, bullet, heading and label of the seed, whitespace collapsed."""
    return [fragment for text, _ in seed_units() for fragment in SENTENCE_END.split(text)
            if fragment]


def is_heading(text: str) -> bool:
    """All-capital text is a heading set in capitals by the layout; compare it caseless."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


# --- the document ------------------------------------------------------------------------------


def norm(text: str) -> str:
    """Whitespace (no-break spaces too) collapsed to single spaces."""
    return " ".join(text.split())


def read_vefsn() -> m.Document:
    """The Document plandoc's reader makes of content/vefsn.yaml."""
    from plandoc.reader.content import read_document

    return read_document(CONTENT)


def meta_texts(meta: m.Meta) -> list[str]:
    """What the cover, footer and properties may print from the metadata."""
    fields = [meta.municipality, meta.title, meta.subtitle, meta.part, meta.period,
              meta.organisation, meta.author]
    for case in meta.cases:
        fields += [case.ref, case.body, case.title]
    return [f for f in fields if f]


def _heading(b: m.Heading, lang):
    yield "heading", f"{b.number} {m.plain(b.text)}" if b.number else m.plain(b.text)


def _paragraph(b: m.Paragraph, lang):
    yield "text", m.plain(b.text)


def _list(b: m.ListBlock, lang):
    for item in b.items:
        yield "item", m.plain(item.text)
        for child in item.children:
            yield from _list(child, lang)


def _key_figures(b: m.KeyFigures, lang):
    for figure in b.items:
        yield "text", figure.value
        yield "text", m.plain(figure.label)
    yield "text", m.plain(b.caption)
    yield "text", b.source or ""


def _chart(b: m.Chart, lang):
    yield "added", b.title                  # chart title and alt text are the content's own
    yield "added", b.alt
    yield "text", b.source or ""


def _swot(b: m.Swot, lang):
    for quadrant in b.quadrants:
        yield "label", labels(lang)[quadrant.kind]
        for group in quadrant.groups:
            yield "group", m.plain(group.title)
            for item in group.items:
                yield "item", m.plain(item)
    yield "text", m.plain(b.caption)


def _goal(b: m.Goal, lang):
    yield "goal", m.plain(b.text)
    for strategy in b.strategies:
        yield "strategy", m.plain(strategy.text)


def _callout(b: m.Callout, lang):
    yield "text", m.plain(b.title)
    for inline in b.paragraphs + b.items:
        yield "text", m.plain(inline)


def _table(b: m.Table, lang):
    for cell in b.header + tuple(c for row in b.rows for c in row):
        yield "text", m.plain(cell)
    yield "text", m.plain(b.caption)


def _image(b: m.Image, lang):
    yield "added", b.alt
    yield "text", m.plain(b.caption)


def _page_break(b: m.PageBreak, lang):
    return iter(())


WALK = {m.Heading: _heading, m.Paragraph: _paragraph, m.ListBlock: _list,
        m.KeyFigures: _key_figures, m.Chart: _chart, m.Swot: _swot, m.Goal: _goal,
        m.Callout: _callout, m.Table: _table, m.Image: _image, m.PageBreak: _page_break}


def body_texts(doc: m.Document) -> list[tuple[str, str]]:
    """(kind, text) of every text in the body, in reading order; unknown block kinds fail."""
    texts = []
    for block in doc.blocks:
        assert type(block) in WALK, f"the test does not know block kind {type(block).__name__}"
        texts += [(kind, text) for kind, text in WALK[type(block)](block, doc.meta.language)
                  if text]
    return texts


def missing(fragments: list[str], haystack: str, squeeze=norm) -> list[str]:
    """The fragments not found in `haystack` (headings in capitals compared caseless)."""
    plain, caseless = squeeze(haystack), squeeze(haystack).casefold()
    return [f for f in fragments if squeeze(f) not in plain
            and not (is_heading(f) and squeeze(f).casefold() in caseless)]


@pytest.fixture(scope="module")
def doc() -> m.Document:
    """content/vefsn.yaml, read once for the module."""
    return read_vefsn()


# --- tests on the document model ---------------------------------------------------------------


def test_the_seed_is_cut_into_many_fragments():
    fragments = seed_fragments()
    assert len(fragments) > 250, len(fragments)
    assert "Skal MON lykkes med tiltakene i næringsplanen og snu de lokale utfordringene, " \
           "ligger det noen forutsetninger i bunn." in fragments
    assert "Samtidig ser vi at Vefsn-samfunnet er over landsgjennomsnitt på antallet innbyggere " \
           "hvor høyeste fullførte utdanningsnivå er på VGS-nivå, men under landsgjennomsnitt " \
           "hvor høyeste fullførte utdanningsnivå er mastergrad eller høyere." in fragments
    assert not [f for f in fragments if BULLET in f or "MÅL:" in f or f == STRATEGY_LINE]


def test_every_seed_fragment_is_in_the_document(doc):
    haystack = "\n".join(norm(t) for t in meta_texts(doc.meta) + [t for _, t in body_texts(doc)])
    assert missing(seed_fragments(), haystack) == []


def test_document_text_comes_from_the_seed(doc):
    """Nothing paraphrased or invented: each body text is a piece of the normalised seed."""
    seed = " ".join(text for text, _ in seed_units())
    invented = [text for kind, text in body_texts(doc)
                if kind not in ("added", "label") and norm(text) not in seed
                and not (kind == "heading" and norm(text).casefold() in seed.casefold())]
    assert invented == []


def test_text_has_no_line_breaks_or_typed_numbers(doc):
    texts = [t for _, t in body_texts(doc)]
    assert [t for t in texts if "\n" in t] == []
    assert [t for t in texts if BULLET in t or GOAL_MARK.match(t) or STRATEGY_MARK.match(t)] == []


def test_bullets_match_the_seed_one_to_one(doc):
    """Each bullet (❖, '- ', 'Steg n:'), goal and strategy of the seed starts exactly one item,
    goal or strategy of the document, in the same order: none dropped, merged, split or moved."""
    seed_items = [text for text, item in seed_units() if item]
    doc_items = [norm(t) for kind, t in body_texts(doc) if kind in ("item", "goal", "strategy")]
    pairs = zip_longest(seed_items, doc_items, fillvalue="")
    first = next(((s, d) for s, d in pairs if not s or not d.startswith(s)), None)
    assert first is None, f"first mismatch — seed: {first[0]!r}, content: {first[1]!r}"


def test_goal_and_strategy_numbers_match_the_seed(doc):
    """The seed's typed numbers (1.1 … 3.5, a) … g)) are the numbers plandoc assigns."""
    expected, goal = [], None
    for raw in seed_text().splitlines():
        line = raw.strip()
        if mark := re.match(r"^(\d+\.\d+)\.?\s*MÅL:", line):
            goal = mark.group(1)
            expected.append(goal)
        elif mark := re.match(r"^([a-z])\)\s", line):
            expected.append(f"{goal}{mark.group(1)}")
    goals = [b for b in doc.blocks if isinstance(b, m.Goal)]
    numbered = [x for g in goals for x in [g.number] + [g.number + s.letter for s in g.strategies]]
    assert numbered == expected


def test_focus_areas_are_numbered_1_to_3(doc):
    numbered = [(h.number, m.plain(h.text)) for h in doc.blocks
                if isinstance(h, m.Heading) and h.number]
    assert numbered == [("1", "Slagkraft for næringsutvikling"), ("2", "Attraktivt fellesskap"),
                        ("3", "Fremtidens samfunn")]


def seed_swot_quadrants() -> list[str]:
    """The SWOT part of the seed cut into its four quadrants.

    In the extracted text the quadrants follow each other (S, W, O, T) separated by runs of
    blank lines, from 'Beliggenhet' up to the line of the four labels.
    """
    text = seed_text()
    start, end = text.index("Beliggenhet"), text.index("Trusler Muligheter Svakheter Styrker")
    chunks = re.split(r"\n(?:[ \t]*\n){4,}", text[start:end])
    return [norm(" ".join(strip_marks(line) for line in chunk.splitlines() if line.strip()))
            for chunk in chunks if chunk.strip()]


def test_swot_groups_and_items_follow_the_seed(doc):
    """Each quadrant's group titles and items, read in order, are that quadrant of the seed."""
    swot = next(b for b in doc.blocks if isinstance(b, m.Swot))
    assert [q.kind for q in swot.quadrants] == ["strengths", "weaknesses", "opportunities",
                                                "threats"]
    ours = [norm(" ".join(m.plain(g.title) + " " + " ".join(m.plain(i) for i in g.items)
                          for g in q.groups)) for q in swot.quadrants]
    assert ours == seed_swot_quadrants()


# --- test on the built PDF ---------------------------------------------------------------------


def build_pdf(out: Path) -> Path:
    """Build content/vefsn.yaml into `out` with the command line; the PDF's path."""
    run = subprocess.run([sys.executable, "-m", "plandoc", "build", str(CONTENT),
                          "--format", "pdf", "--out", str(out)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    return out / "vefsn.pdf"


def pdf_text(path: Path) -> str:
    """The PDF's text without running headers and footers (lines repeated on most pages)."""
    from pypdf import PdfReader

    pages = [page.extract_text() or "" for page in PdfReader(path).pages]
    key = lambda line: re.sub(r"\d+", "#", norm(line))  # noqa: E731 - 'Side 3 av 24'
    seen = Counter(k for page in pages for k in {key(line) for line in page.splitlines()})
    furniture = {k for k, n in seen.items() if len(pages) >= 4 and n > len(pages) / 2}
    return "\n".join(line for page in pages for line in page.splitlines()
                     if key(line) not in furniture)


def test_every_seed_fragment_is_in_the_pdf(tmp_path):
    """Words are compared without spaces: line breaks and spacing are the layout's business.

    So is hyphenation (the Vefsn style hyphenates): a fragment counts as found if it is in the
    text as extracted or in the text with every hyphen at a line end removed.
    """
    text = pdf_text(build_pdf(tmp_path))
    joined = re.sub(r"-\n", "", text)
    squeeze = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
    lost = set(missing(seed_fragments(), joined, squeeze))
    assert [f for f in missing(seed_fragments(), text, squeeze) if f in lost] == []
