"""The reader's working state: the file being read, problems found so far, numbering counters.

Every check records a Problem and returns a usable fallback, so one pass reports every mistake.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

from plandoc.errors import Problem, did_you_mean, display_path
from plandoc.files import YList, YMap, as_text, inside
from plandoc.reader.inline import link_problem

_CONTROL_NAMES = {0x0B: " (a line break copied from Word)", 0x0C: " (a page break in text)"}
BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
ID = re.compile(r"[\w-]+")          # an author's id: letters, digits, '-' and '_'
OUTSIDE = ("keep the files a document uses inside its folder, or allow the folder with "
           "--allow-dir")


@dataclass
class Counters:
    """Numbers assigned while reading: chapters, sections, anchors (captions: plandoc.layout)."""

    chapter: int = 0
    section: int = 0
    subsection: int = 0
    anchor: int = 0
    chapter_numbered: bool = False
    appendix: int = 0           # appendices so far: once one has begun, no chapter may follow
    prefix: str = ""            # what an appendix's sections are numbered under: 'V1', 'A'
    focus_area: int = 0         # focus areas so far (numbers one inside an unnumbered chapter)
    goal: int = 0               # main goals outside focus areas: 1, 2 …


@dataclass
class Ctx:
    """Where we are reading and what went wrong."""

    path: Path
    problems: list[Problem] = field(default_factory=list)
    inputs: list[Path] = field(default_factory=list)
    counters: Counters = field(default_factory=Counters)
    language: str = "nb"
    number_chapters: bool = True
    appendix_numbering: str = "numbers"   # or 'letters'
    roots: tuple[Path, ...] = ()    # where files may be read from: content folder, --allow-dir
    anchor_links: list[tuple[str, int | None, Path | None, bool]] = field(default_factory=list)
    ids: dict[str, tuple[str, int | None]] = field(default_factory=dict)  # id → (kind, line)
    goal_refs: list[tuple[str, int | None]] = field(default_factory=list)  # action plans' goals
    indicators: int = 0                 # indicators of the document's goals
    overviews: list[int] = field(default_factory=list)   # lines of indicator_overview blocks
    appendix_lists: list[int] = field(default_factory=list)   # lines of 'appendix_list:'
    goal_labels: dict = field(default_factory=dict)   # the document's names for goal levels
    scope: object = None                # the focus area being read (reader.goals.Scope)
    heading_level: int = 0              # the level of the heading whose body is being read
    subgoals: dict = field(default_factory=dict)      # a goal's number → its sub-goals so far
    citations: list[tuple[str, int | None, Path | None]] = field(default_factory=list)
    sources: dict[str, int] = field(default_factory=dict)      # reference id → its line
    references: list[int] = field(default_factory=list)        # lines of 'references:'
    steps: tuple = ()                   # the saksgang (model.CaseStep), for 'decision:' blocks
    recommendation: object = None       # the innstilling read so far (model.Recommendation)
    kind: str = "plan"                   # the document's kind (reader.meta)
    meeting: object = None              # a meeting document's model.BodyMeeting (reader.meeting)

    @property
    def folder(self) -> Path:
        """The folder relative file references are resolved against."""
        return self.path.parent

    @property
    def content_folder(self) -> Path:
        """The folder a document's files must stay in (unless --allow-dir names another)."""
        return self.roots[0] if self.roots else self.folder

    def problem(self, line: int | None, message: str, file: Path | None = None) -> None:
        """Record one mistake."""
        self.problems.append(Problem(file or self.path, line, message))

    def keys(self, m: YMap, where: str, required=(), optional=()) -> bool:
        """Check `m` has every required key and no unknown one; False when something is missing."""
        allowed = tuple(required) + tuple(optional)
        for key in m:
            if key not in allowed:
                self.problem(m.line_of(key), f"unknown key '{key}' in {where}"
                             + did_you_mean(str(key), allowed))
        missing = [k for k in required if m.get(k) is None
                   or (isinstance(m.get(k), str) and not m.get(k).strip())]
        for key in missing:
            self.problem(m.line, f"{where} is missing '{key}' — expected '{key}: …'")
        return not missing

    def check_chars(self, text: str, line: int | None, file: Path | None = None) -> str:
        """Text without characters XML cannot hold (each one is reported)."""
        for match in BAD_CHARS.finditer(text):
            code = ord(match.group())
            what = _CONTROL_NAMES.get(code, "")
            self.problem(line, f"character U+{code:04X}{what} cannot be used in a document — "
                         + ("replace it with a new line" if code in (0x0B, 0x0C) else
                            "remove it"), file)
        return BAD_CHARS.sub("", text)

    def string(self, value, line: int, what: str) -> str:
        """A text value; numbers and dates are accepted as their text."""
        if isinstance(value, bool) or isinstance(value, (YMap, YList)) or value is None:
            self.problem(line, f"{what} must be text, got {describe(value)}")
            return ""
        return self.check_chars(as_text(value), line)

    def mapping(self, value, line: int, what: str) -> YMap | None:
        """`value` when it is a mapping, else a problem and None."""
        if isinstance(value, YMap):
            return value
        self.problem(line, f"{what} must be a mapping of keys, got {describe(value)}")
        return None

    def sequence(self, value, line: int, what: str) -> YList:
        """`value` when it is a list, else a problem and an empty list."""
        if isinstance(value, YList):
            return value
        self.problem(line, f"{what} must be a list (lines starting with '- '), "
                     f"got {describe(value)}")
        return YList()

    def boolean(self, value, line: int, what: str) -> bool:
        """A yes/no switch."""
        if isinstance(value, bool):
            return value
        self.problem(line, f"{what} must be true or false, got {describe(value)}")
        return True

    def next_anchor(self) -> str:
        """A fresh anchor for a heading."""
        self.counters.anchor += 1
        return f"h{self.counters.anchor}"

    def check_links(self, spans, line: int | None, file: Path | None = None) -> tuple:
        """`spans` without links the outputs may not carry (each one is reported).

        A web, mail or phone address is kept; '#anchor' is kept and checked once the whole
        document is read (`anchor_problems`), and so are the sources a citation names.
        """
        out = []
        for span in spans:
            self.citations += [(key, line, file) for key, _ in span.cite]
            if span.href is not None:
                message = link_problem(span.href)
                if message:
                    self.problem(line, message, file)
                    span = dataclasses.replace(span, href=None)
                elif span.href.startswith("#"):
                    self.anchor_links.append((span.href, line, file, span.ref))
            out.append(span)
        return tuple(out)

    def target_id(self, m: YMap, kind: str) -> str:
        """The optional `id:` of a block `m` that cross-references can name ('' without one).

        `kind` ('goal', 'heading', 'figure', 'table') is how messages name it.  An id is a
        plain word, used once in the document, and not of the form 'h3' (the anchor plandoc
        gives the third heading).
        """
        if "id" not in m:
            return ""
        line = m.line_of("id")
        text = self.string(m["id"], line, "id")
        if not text:
            return ""
        if not ID.fullmatch(text):
            self.problem(line, f"id '{text}' must be a plain word of letters, digits, '-' and "
                         "'_' — e.g. 'mål-næring'")
            return ""
        if re.fullmatch(r"h\d+", text):
            self.problem(line, f"id '{text}' is the anchor plandoc gives a heading by its "
                         "place ('#h3' is the third) — choose a name, e.g. 'mål-næring'")
            return ""
        if text in self.ids:
            first_kind, first_line = self.ids[text]
            self.problem(line, f"id '{text}' is already the id of the {first_kind} at line "
                         f"{first_line} — expected each id once in a document")
            return ""
        self.ids[text] = (kind, line)
        return text

    def resolve(self, name, line: int, what: str) -> Path | None:
        """A file next to the content file; missing or unreadable files are problems."""
        text = self.string(name, line, what)
        if not text:
            return None
        target = (self.folder / text)
        if not inside(target, self.roots or (self.folder,)):
            self.problem(line, f"{what} '{text}' is outside the content folder "
                         f"{display_path(self.content_folder)} — {OUTSIDE}")
            return None
        try:
            found = target.is_file()
        except (OSError, ValueError):  # a name the file system cannot hold (too long, NUL)
            found = False
        if not found:
            shown = text if len(text) <= 80 else text[:80] + "…"
            where = display_path(target) if len(text) <= 80 else "the content folder"
            self.problem(line, f"{what} '{shown}' not found (looked for {where})")
            return None
        self.inputs.append(target)
        return target


def describe(value) -> str:
    """A short description of a YAML value's type for messages."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (a yes/no value)"
    if isinstance(value, YMap):
        return "a mapping"
    if isinstance(value, YList):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {as_text(value)}"
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"
