"""Items → the content format's `body:` list (plain dicts, lists and strings, as YAML holds).

Headings nest into chapters, sections and subsections; runs of paragraphs and list items become
one `text:` block of Markdown with its footnotes; tables, images and plandoc's own panels go
through patterns.py.  What becomes what is counted in the report.
"""

from __future__ import annotations

import re

from plandoc.importer import patterns
from plandoc.importer.walk import Item
from plandoc.labels import labels

KINDS = {1: "chapter", 2: "section", 3: "subsection"}
APPENDIX = re.compile(r"^(?:Vedlegg|Appendix)\s+(?:\d+|[A-Z])\s*[:.]?\s+(?=\S)")


class Shaper:
    """Builds the body; `notes(id)` gives a footnote's Markdown, `media(item)` an image block."""

    def __init__(self, report, notes, media, language: str, csv=None):
        self.report, self.notes, self.media, self.language = report, notes, media, language
        self.csv = csv                              # rows → the CSV file's name, or None
        self.root: list = []
        self.stack: list = [(0, self.root, None)]   # (level, body list, the heading's dict)
        self.prose: list = []
        self.note_labels: dict = {}
        self.last: dict | None = None               # the last block written (for captions)
        self.numbered_chapters: list = []
        self.pending_caption: str | None = None     # "Tabell 1: …" before its table
        self.pending_title: str | None = None       # "Verdier" before the values' table
        self.labels: dict = {}                      # goal_labels that differ from plandoc's
        self.targets: dict = {}       # bookmark → (the dict its `id:` goes in, kind, words)
        self.goal_marks: set = set()  # bookmarks on goals (an action plan's Mål links there)
        self.caption_marks: list = []               # the pending caption's bookmarks

    # -- output ---------------------------------------------------------------------------

    @property
    def body(self) -> list:
        return self.stack[-1][1]

    def add(self, block) -> None:
        """Append `block` to the current body (after the prose before it)."""
        self.flush()
        self.body.append(block)
        self.last = block if isinstance(block, dict) else None

    def shape(self, items: list[Item]) -> list:
        """The whole body."""
        self.goal_marks = {m for item in items if patterns.goal_like(item) for m in item.marks}
        i = 0
        while i < len(items):
            i = self.one(items, i)
        self.flush()
        return self.root

    def one(self, items: list[Item], i: int) -> int:
        """Shape the item at `i` (and what belongs to it); the index of the next item."""
        item = items[i]
        if item.kind == "para" and (j := patterns.figure_paragraphs(self, items, i)) > i:
            return j
        if item.kind == "para" and patterns.goal_with_strategies(items, i):
            goal, j = patterns.read_goal(self, items, i)
            self.add(goal)
            return j
        if item.kind in ("para", "item"):
            self.prose.append(item)
            return i + 1
        if item.kind == "heading":
            return self.heading(items, i)
        if item.kind == "break":
            self.add("page_break")
            self.report.saw("page break")
            return i + 1
        if item.kind == "image":
            self.add(self.media(item))
            return i + 1
        return patterns.handle(self, items, i)

    # -- headings -------------------------------------------------------------------------

    def heading(self, items: list[Item], i: int) -> int:
        item = items[i]
        title = self.plain(item)
        if item.style.endswith("NoTOC") and i + 1 < len(items) and \
                items[i + 1].style == "AppendixList":
            self.pending_title = title                # the appendix list's own title
            return i + 1
        if item.level == 1 and not item.numbered and title.casefold() in \
                patterns.words("foreword"):
            return patterns.foreword(self, items, i)
        self.close(item.level)         # the previous chapter's open section too
        if item.level <= 2 and self.stack[-1][0] < 2 and patterns.goals_follow(items, i + 1):
            return patterns.focus_area(self, items, i, title)
        appendix = APPENDIX.match(title) if item.level == 1 else None
        if appendix:
            block = {"appendix": {"title": title[appendix.end():], "body": []}}
            self.target(item.marks, block["appendix"], "vedlegg", block["appendix"]["title"])
            self.add(block)
            self.stack.append((1, block["appendix"]["body"], block))
            self.report.saw("appendix")
            return i + 1
        kind = KINDS[min(max(item.level, self.stack[-1][0] + 1 if self.stack[-1][0] else 1), 3)]
        block = {kind: title, "body": []}
        if item.style.endswith("NoTOC"):
            block["toc"] = False
        self.target(item.marks, block, "kap", title)
        self.add(block)
        self.numbered_chapters.append((block, item.numbered, kind))
        self.stack.append((item.level, block["body"], block))
        self.report.saw(kind)
        return i + 1

    def target(self, marks: list, block: dict, kind: str, words: str) -> None:
        """Note `block` (where its `id:` would go) as the target of the bookmarks `marks`."""
        for mark in marks:
            self.targets.setdefault(mark, (block, kind, words))

    def close(self, level: int) -> None:
        """Close open headings at `level` or deeper (dropping an empty `body:`)."""
        self.flush()
        while len(self.stack) > 1 and self.stack[-1][0] >= level:
            _, body, block = self.stack.pop()
            inner = block.get("appendix", block)
            if not body and "body" in inner:
                del inner["body"]
                if "appendix" in block:
                    inner["body"] = [{"paragraph": "TODO"}]

    def finish_numbering(self) -> bool:
        """Whether chapters are numbered (most are, in Word); mark the headings that are
        not as the rest with `numbered:`."""
        chapters = [n for _, n, kind in self.numbered_chapters if kind == "chapter"]
        on = sum(chapters) > len(chapters) / 2
        for block, n, _ in self.numbered_chapters:
            if n != on:                              # `numbered:` after the title, before body
                body = block.pop("body", None)
                block["numbered"] = n
                if body is not None:
                    block["body"] = body
        return on

    def goal_label(self, key: str, label: str) -> None:
        """Note the label a goal, sub-goal or strategy list is shown with ('%1.%2 Delmål:'
        → 'Delmål'), when it is not plandoc's own word for it."""
        word = re.sub(r"%\d|[\t.:)]", " ", label).strip()
        default = labels(self.language)["strategy" if key == "strategies" else key]
        if word and word != default and key not in self.labels:
            self.labels[key] = word

    # -- prose ----------------------------------------------------------------------------

    def plain(self, item: Item) -> str:
        """An item's text where a footnote cannot stand: its notes in brackets."""
        text = item.text
        for nid in item.notes:
            self.report.kept("footnote outside running text: its words in brackets")
            text = text.replace(f"[^{nid}]", f" ({self.notes(nid)})")
        return text

    def flush(self) -> None:
        """Write the gathered paragraphs and list items as one `text:` block."""
        if not self.prose:
            return
        items, self.prose = self.prose, []
        lines, notes, widths = [], [], []
        for n, item in enumerate(items):
            text = item.text
            for nid in item.notes:
                label = self.note_labels.setdefault(nid, str(len(self.note_labels) + 1))
                text = text.replace(f"[^{nid}]", f"[^{label}]")
                notes.append(f"[^{label}]: {self.notes(nid)}")
            if item.kind == "item":
                widths = widths[:item.level]
                indent = sum(widths)
                marker = "1." if item.numbered else "-"
                widths.append(len(marker) + 1)
                previous = items[n - 1] if n else None
                if lines and not widths[:-1] and (previous is None or previous.kind != "item"
                                                  or previous.numbered != item.numbered):
                    lines.append("")                 # a new list: after a paragraph or list
                lines.append(" " * indent + f"{marker} {text}")
                self.report.saw("list item")
            else:
                widths = []
                lines += ([""] if lines else []) + [text]
                self.report.saw("paragraph")
        if notes:
            self.report.saw("footnote", len(notes))
            lines += [""] + notes
        self.body.append({"text": "\n".join(lines) + "\n"})
        self.last = None
