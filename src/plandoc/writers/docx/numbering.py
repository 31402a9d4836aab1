"""Word list definitions made from the layout's list styles.

`layout.lists` is (bullet styles, ordered styles), one ListStyle per depth: its `format` is the
level's w:numFmt and its template ('{n}.', '{n})', or the bullet itself) the level's w:lvlText
('%1.', '%2)', '•').  Bullets share one list; every numbered ListBox gets a list of its own that
restarts at the box's `start`.  Indents follow the 'list' text style, one step per depth; marks
are in the palette's mark colour, bullets in the style's symbol font.
"""

from __future__ import annotations

from plandoc.style.assets import family_name

from plandoc.layout.boxes import ListBox, ListStyle
from plandoc.layout.styles import text_styles
from plandoc.writers.docx.ooxml.numbering import Level, add_definition, add_list


class Numbering:
    """The list definitions of one document and the w:numId of each list."""

    def __init__(self, word, layout):
        self.word = word
        bullets, ordered = layout.lists
        self.depths = min(len(bullets), len(ordered))
        self._bullets = add_definition(word, _levels(bullets, layout))
        self._numbers = add_definition(word, _levels(ordered, layout))
        self._bullet_list = add_list(word, self._bullets)
        self._number_list = add_list(word, self._numbers)

    def level(self, box: ListBox) -> int:
        """The Word list level of a box (the deepest one for deeper lists)."""
        return min(box.depth, self.depths - 1)

    def style_list(self, ordered: bool) -> int:
        """The list the List Bullet / List Number styles name."""
        return self._number_list if ordered else self._bullet_list

    def list_for(self, box: ListBox) -> int:
        """The list a box's items belong to: a fresh one restarting at `start` when numbered."""
        if not box.ordered:
            return self._bullet_list
        return add_list(self.word, self._numbers, restart=(self.level(box), box.start))


def _levels(styles: tuple[ListStyle, ...], layout) -> list[Level]:
    look = text_styles(layout.theme)["list"]
    fonts = layout.theme.fonts
    symbol = family_name(fonts.symbol, fonts.body.family)
    return [Level(style.format, lvl_text(style, depth), look.indent * (depth + 1), look.hanging,
                  symbol if style.format == "bullet" else None, layout.palette.mark.hex)
            for depth, style in enumerate(styles)]


def lvl_text(style: ListStyle, depth: int) -> str:
    """'{n}.' at depth 0 → '%1.'; a bullet stays itself."""
    if style.format == "bullet":
        return style.template
    return style.template.replace("{n}", f"%{depth + 1}")
