"""Page flow: page breaks that never leave an empty page, and groups kept on one page.

reportlab keeps a run of keep-with-next flowables together by wrapping it in the document
template's keepTogetherClass; `KeepWithStart` is plandoc's, and `together` makes such a run of
the parts of a panel, so a heading before the panel joins it.
"""

from __future__ import annotations

from reportlab.platypus import KeepTogether
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from plandoc.writers.pdf.flowables import role


def together(parts: list) -> list:
    """`parts` kept on one page when they fit on one: each keeps with the next, so reportlab
    groups them — and takes in a heading before them, which it leaves out of a KeepTogether.
    The last part is marked `keep_whole`: the group never starts low on a page with it split."""
    for part in parts[:-1]:
        part.keepWithNext = 1
    if parts:
        parts[-1].keep_whole = True
    return parts


class KeepWithStart(KeepTogether):
    """A keep-with-next group (the template's keepTogetherClass) that may start low on a page.

    reportlab's KeepTogether moves the whole group to the next page whenever it does not fit,
    so a heading before a long paragraph or table left most of a page empty.  Here, when all
    but the last part fit and the last part can split in the room left, the group starts where
    it is and the last part flows on (paragraphs keep their widow and orphan rules, tables
    their minimum part height); a last part marked `keep_whole` (see `together`) never splits
    so.
    """

    def split(self, aW, aH):
        lead, last = self._content[:-1], self._content[-1]
        if lead and self._H > aH and not getattr(last, "keep_whole", False):
            room = aH - _height(lead, aW, self.canv) - last.getSpaceBefore()
            if room > 0 and len(last.splitOn(self.canv, aW, room)) > 1:
                return list(self._content)
        return super().split(aW, aH)


def _height(flowables: list, width: float, canv) -> float:
    """The height `flowables` take stacked, with the space between and after them."""
    height = 0.0
    for n, f in enumerate(flowables):
        height += f.wrapOn(canv, width, 0xFFFFFF)[1] + f.getSpaceAfter()
        height += f.getSpaceBefore() if n else 0
    return height


def new_page():
    """A page break that never leaves an empty page (none when the page is still empty)."""
    return role(PageBreakIfNotEmpty(), "Artifact")
