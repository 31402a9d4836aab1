"""The text styles of a document, once: size, weight, colour, spacing and alignment of each kind
of text.  The DOCX writer makes Word styles of them and the PDF writer paragraph styles, so a
goal, a caption or a heading looks the same in both.

Sizes and spacing are points; `leading` is the line height as a multiple of the size; `colour`
names a role of the layout's Palette; `font` is 'body' or 'heading'.
"""

from __future__ import annotations

from dataclasses import dataclass

from plandoc.style.theme import Theme


@dataclass(frozen=True)
class TextStyle:
    """One kind of text."""

    size: float
    font: str = "body"
    bold: bool = False
    italic: bool = False
    colour: str = "text"
    leading: float = 1.3
    before: float = 0.0
    after: float = 0.0
    align: str = "left"          # left | centre | justify (justify only where the style asks)
    keep_with_next: bool = False
    indent: float = 0.0          # left indent of every line
    hanging: float = 0.0         # the first line starts this much further left (a label's room)
    tracking: float = 0.0        # letter spacing
    caps: bool = False           # shown in capitals (the text itself keeps its case)
    running: bool = False        # running text: hyphenated / justified when typography asks


def text_styles(theme: Theme) -> dict[str, TextStyle]:
    """Every text style, by name."""
    s, j = theme.sizes, theme.typography.justify
    body = s.body
    running = dict(running=True, align="justify" if j else "left")
    return {
        "body": TextStyle(body, leading=1.4, after=body * 0.7, **running),
        "list": TextStyle(body, leading=1.4, after=body * 0.3, indent=body * 1.7,
                          hanging=body * 1.7, **running),
        "h1": TextStyle(s.h1, "heading", True, colour="primary", leading=1.2, before=s.h1 * 1.2,
                        after=s.h1 * 0.5, keep_with_next=True),
        "h2": TextStyle(s.h2, "heading", True, colour="primary", leading=1.2, before=s.h2 * 1.1,
                        after=s.h2 * 0.4, keep_with_next=True),
        "h3": TextStyle(s.h3, "heading", True, leading=1.2, before=s.h3 * 1.0,
                        after=s.h3 * 0.3, keep_with_next=True),
        # a block quote: indented and set in italic; nested quotes are one level
        "quote": TextStyle(body, italic=True, leading=1.4, after=body * 0.7, indent=body * 2.4,
                           **running),
        # a footnote at the foot of the page, its number raised before the text
        "footnote": TextStyle(s.small, leading=1.3, after=1.5, running=True),
        # an entry of the reference list: its lines after the first indented (hanging)
        "reference": TextStyle(body * 0.95, leading=1.35, after=body * 0.5, indent=body * 2,
                               hanging=body * 2),
        "caption": TextStyle(s.small + 0.5, leading=1.35, before=4, after=2, running=True),
        "source": TextStyle(s.small, colour="muted", leading=1.35, after=body),
        # 'Foto: …' under a picture (and the cover photo), apart from its caption
        "credit": TextStyle(s.small - 0.5, colour="muted", leading=1.3, before=1.5, after=1),
        # a signature: 'Mosjøen, 12. november 2026', then a line with name and title under it
        "signature_place": TextStyle(body, leading=1.4, before=body * 1.4, after=2,
                                     keep_with_next=True),
        "signer": TextStyle(body, bold=True, leading=1.3, before=3),
        "signer_title": TextStyle(s.small + 0.5, colour="muted", leading=1.3),
        "table_text": TextStyle(body * 0.9, leading=1.3, running=True),
        "table_heading": TextStyle(body * 0.9, bold=True, colour="white", leading=1.3,
                                   keep_with_next=True, running=True),
        "table_group": TextStyle(body * 0.9, bold=True, leading=1.3, keep_with_next=True,
                                 running=True),
        **_contents(theme),
        **_panels(theme),
        **_cover(theme),
    }


def _contents(theme: Theme) -> dict[str, TextStyle]:
    s, body = theme.sizes, theme.sizes.body
    return {
        "toc_title": TextStyle(s.h1, "heading", True, colour="primary", leading=1.2,
                               after=s.h1 * 0.8, keep_with_next=True),
        "toc1": TextStyle(body, bold=True, leading=1.4, before=7, after=2),
        "toc2": TextStyle(body * 0.95, leading=1.4, after=1, indent=14),
        "toc3": TextStyle(body * 0.9, colour="muted", leading=1.4, after=1, indent=28),
        "running": TextStyle(s.small, colour="muted", leading=1.2),
    }


def _panels(theme: Theme) -> dict[str, TextStyle]:
    s, body = theme.sizes, theme.sizes.body
    return {
        "key_figure": TextStyle(s.key_figure, "heading", True, colour="primary", leading=1.15,
                                align="centre", after=2, keep_with_next=True),
        "key_figure_label": TextStyle(body * 0.95, colour="muted", leading=1.3, align="centre"),
        "goal": TextStyle(body * 1.05, bold=True, leading=1.4, before=body * 0.9,
                          after=body * 0.35, indent=34, hanging=34, keep_with_next=True),
        "subgoal": TextStyle(body, bold=True, leading=1.4, before=body * 0.6,
                             after=body * 0.3, indent=46, hanging=46, keep_with_next=True),
        # 'Frist: innen 2026 · Ansvar: …' under a goal's text
        "goal_attributes": TextStyle(s.small + 0.5, colour="muted", leading=1.35,
                                     after=body * 0.4, indent=34),
        "strategy_label": TextStyle(s.small, bold=True, colour="muted", leading=1.4, after=2,
                                    indent=34, tracking=1, keep_with_next=True),
        "strategy": TextStyle(body, leading=1.4, after=body * 0.3, indent=52, hanging=18,
                              running=True),
        "swot_title": TextStyle(s.h3, "heading", True, colour="white", leading=1.25),
        "swot_group": TextStyle(body * 0.92, bold=True, leading=1.3, before=5, after=2,
                                keep_with_next=True),
        "swot_item": TextStyle(body * 0.88, leading=1.25, after=1.5, indent=body * 1.2,
                               hanging=body * 1.2, running=True),
        "slogan": TextStyle(s.h1 * 1.4, "heading", True, colour="primary", leading=1.15,
                            align="centre", after=4, keep_with_next=True),
        "slogan_text": TextStyle(body, leading=1.4, before=body * 0.5, after=body * 0.4,
                                 align="centre", running=True),
        "tagline": TextStyle(body * 1.05, "heading", True, colour="secondary", leading=1.3,
                             align="centre"),
        "panel_title": TextStyle(s.h3, "heading", True, colour="primary", leading=1.3,
                                 after=4, keep_with_next=True),
        "panel_text": TextStyle(body, leading=1.4, after=body * 0.4, running=True),
        "value_word": TextStyle(body * 1.1, "heading", True, colour="primary", leading=1.3,
                                align="centre"),
        "program_time": TextStyle(body * 0.95, bold=True, colour="primary", leading=1.3),
        "program_part": TextStyle(body * 0.95, bold=True, colour="primary", leading=1.3,
                                  keep_with_next=True),
        "program_item": TextStyle(body * 0.9, leading=1.3, indent=12, hanging=12),
    }


def _cover(theme: Theme) -> dict[str, TextStyle]:
    s, body = theme.sizes, theme.sizes.body
    return {
        "cover_municipality": TextStyle(s.h2, "heading", True, colour="primary", leading=1.25),
        "cover_part": TextStyle(body, "heading", True, colour="accent_text", leading=1.4, after=6,
                                tracking=1, keep_with_next=True, caps=True),
        "cover_title": TextStyle(s.title, "heading", True, colour="primary", leading=1.15,
                                 after=10, keep_with_next=True),
        "cover_subtitle": TextStyle(s.h2, "heading", leading=1.35, after=14),
        "cover_period": TextStyle(body * 1.1, colour="muted", leading=1.4),
        "cover_credit": TextStyle(s.small - 0.5, colour="muted", leading=1.3, before=2,
                                  after=12, align="right"),
        "cover_band": TextStyle(body, colour="white", leading=1.5, after=2),
        "cover_band_strong": TextStyle(body * 1.15, bold=True, colour="white", leading=1.5,
                                       after=2),
        "part_label": TextStyle(body + 2, "heading", True, colour="accent_text", leading=1.3,
                                tracking=1, keep_with_next=True, caps=True),
        "part_title": TextStyle(s.title, "heading", True, colour="primary", leading=1.15,
                                after=14, keep_with_next=True),
    }
