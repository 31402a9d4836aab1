"""What every HTML handler gets: the layout, the charts, the page being written and its notes.

Handlers append markup with `ctx.add`.  The context also keeps the open chapter section (each
level-1 heading, part and appendix opens a `section`, closed by the next or at the end), the
open group (consecutive goals are one `ol`, a quote's paragraphs one `blockquote`), the heading
level shift (with a cover, its title is the page's one h1 and chapters are h2; see heading_tag)
and the ids of the page, so each is unique.
"""

from __future__ import annotations

from plandoc.writers.html.markup import el, esc, txt


class Notes:
    """Footnotes: a raised, linked number in the text; the notes listed at the end of the page."""

    def __init__(self, words: dict):
        self.words = words
        self.items: list[tuple[str, str]] = []

    def reference(self, number: str, note: str) -> str:
        """The reference in the text, the note kept for the list."""
        self.items.append((number, note))
        return el("sup", el("a", txt(number), href=f"#fn-{number}", id=f"fnref-{number}",
                            cls="fnref"))

    def markup(self) -> str:
        """The notes as an ordered list, each with a link back to its reference."""
        if not self.items:
            return ""
        back = self.words["back_to_text"]
        items = "".join(el("li", f"{note} " + el("a", "↩", href=f"#fnref-{n}", cls="fnback",
                                                aria_label=f"{back} {n}"),
                           id=f"fn-{n}", data_label=f"{n}.")
                        for n, note in self.items)
        title = el("h2", txt(self.words["notes"]), id="fn-title", cls="notes-title")
        return el("section", title + el("ol", items, cls="marked"), cls="footnotes",
                  aria_labelledby="fn-title", data_notes=True)


class Chunk:
    """The markup of one page: the front page (cover, contents, what comes before the first
    chapter), or one chapter when the style splits the document (`web: {chapters: true}`)."""

    def __init__(self, words: dict, target: str = "", title: str = ""):
        self.parts: list[str] = []
        self.notes = Notes(words)
        self.target, self.title = target, title


class Ctx:
    """The page under construction."""

    def __init__(self, layout, charts, split: bool = False):
        self.layout, self.charts, self.split = layout, charts, split
        self.words, self.palette = layout.words, layout.palette
        self.chunks = [Chunk(layout.words)]
        self.parts, self.notes = self.chunks[0].parts, self.chunks[0].notes
        self.shift = 1 if layout.cover is not None else 0
        self.h1_given = False
        self.section_open = False
        self.group = ""             # the closing tag of the open group, '' for none
        self.serial = 0

    def add(self, markup: str) -> None:
        self.parts.append(markup)

    def next_id(self, prefix: str) -> str:
        """A new id, unique in the page: 'chart-1', 'table-2' …"""
        self.serial += 1
        return f"{prefix}-{self.serial}"

    def heading_tag(self, level: int) -> str:
        """The h element of a heading of `level` (1–3), after the shift; h6 at most.

        With a cover, its title is the h1 and every heading moves one level down.  Without
        one, the first chapter heading is the h1 (a case paper's title); should another
        follow (the cases of a meeting's papers), from there on every heading moves down.
        """
        if level == 1 and self.layout.cover is None:
            self.shift, self.h1_given = int(self.h1_given), True
        return f"h{min(level + self.shift, 6)}"

    def open_section(self, target: str, title: str = "") -> None:
        """Close the open chapter section and open one labelled by heading `target`; when the
        document is split, the chapter (`title`: its outline text) starts a page of its own,
        whose chapter heading is its h1."""
        self.close_section()
        if self.split:
            chunk = Chunk(self.words, target, title)
            self.chunks.append(chunk)
            self.parts, self.notes, self.shift = chunk.parts, chunk.notes, 0
        self.add(f'<section aria-labelledby="{esc(target)}">')
        self.section_open = True

    def close_section(self) -> None:
        self.close_group()
        if self.section_open:
            self.add("</section>")
            self.section_open = False

    def open_group(self, markup: str, close: str) -> None:
        """Open a group of consecutive boxes (goals in one list, a quote's paragraphs in one
        blockquote) unless that group is open; any other box closes it (close_group)."""
        if self.group != close:
            self.close_group()
            self.add(markup)
            self.group = close

    def close_group(self) -> None:
        if self.group:
            self.add(self.group)
            self.group = ""
