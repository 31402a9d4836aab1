"""The paragraph styles plandoc defines, as data: one Spec per style, sizes from the theme.

Built-in Word styles keep their built-in names (Title, heading 1, toc 1, caption, List Bullet …)
so Word and LibreOffice recognise them; plandoc's own styles (Goal, Key Figure, SWOT Title …) are
custom styles staff can restyle like any other.
"""

from __future__ import annotations

from dataclasses import dataclass

from plandoc.writers.docx.ooxml import twips


@dataclass(frozen=True)
class Spec:
    """One paragraph style: sizes in points, spacing in points, indents in twips."""

    id: str
    name: str
    size: float
    based: str | None = "Normal"
    next: str | None = None
    font: str = "body"
    bold: bool = False
    italic: bool = False
    color: str = "text"
    before: float = 0
    after: float = 6
    line: float | None = None  # line height as a multiple
    align: str | None = None
    keep: bool = False  # keep with next and keep lines together
    outline: int | None = None
    indent: tuple[int, int] | None = None  # (left, hanging)
    caps: bool = False
    tracking: float = 0  # letter spacing in points
    tabs: str = ""  # ready-made w:tab elements
    numpr: tuple[int, int] | None = None  # (numId, ilvl)
    widow: bool = False
    custom: bool = True


def paragraph_specs(theme, numbering) -> list[Spec]:
    s = theme.sizes
    width = twips(theme.text_width_mm)
    toc_tab = f'<w:tab w:val="right" w:leader="dot" w:pos="{width}"/>'
    hf_tabs = f'<w:tab w:val="center" w:pos="{width // 2}"/><w:tab w:val="right" w:pos="{width}"/>'
    lists = [Spec(f"List{kind}{'' if lvl == 0 else lvl + 1}",
                  f"List {kind}{'' if lvl == 0 else f' {lvl + 1}'}", s["body"], after=3,
                  numpr=(numbering.bullet_id if kind == "Bullet" else
                         numbering.default_number_id, lvl), custom=False)
             for kind in ("Bullet", "Number") for lvl in range(3)]
    return [
        Spec("Normal", "Normal", s["body"], based=None, after=6, line=1.2, widow=True,
             custom=False),
        Spec("Title", "Title", s["title"], next="Subtitle", font="heading", bold=True,
             color="primary", after=8, line=1.0, keep=True, custom=False),
        Spec("Subtitle", "Subtitle", s["h2"] + 2, font="heading", color="muted", after=18,
             line=1.05, keep=True, custom=False),
        *_headings(s),
        Spec("TOCHeading", "TOC Heading", s["h1"], based="Heading1", next="Normal",
             font="heading", bold=True, color="primary", before=0, after=14, keep=True,
             outline=9, custom=False),
        Spec("TOC1", "toc 1", s["body"], bold=True, before=8, after=3, tabs=toc_tab,
             custom=False),
        Spec("TOC2", "toc 2", s["body"], after=2, indent=(340, 0), tabs=toc_tab, custom=False),
        Spec("TOC3", "toc 3", s["body"], after=2, indent=(680, 0), tabs=toc_tab, custom=False),
        *lists,
        Spec("Caption", "caption", s["small"] + 1, next="Normal", bold=True, color="primary",
             before=4, after=4, keep=True, custom=False),
        Spec("Source", "Source", s["small"], color="muted", after=12),
        Spec("Header", "header", s["small"], color="muted", after=0, tabs=hf_tabs, custom=False),
        Spec("Footer", "footer", s["small"], color="muted", after=0, tabs=hf_tabs, custom=False),
        *_block_specs(s),
        *_cover_specs(s),
    ]


def _headings(s) -> list[Spec]:
    looks = [(s["h1"], "primary", 24, 10), (s["h2"], "primary", 18, 6), (s["h3"], "text", 12, 4)]
    out = []
    for level, (size, color, before, after) in enumerate(looks, start=1):
        out.append(Spec(f"Heading{level}", f"heading {level}", size, next="Normal",
                        font="heading", bold=True, color=color, before=before, after=after,
                        line=1.05, keep=True, outline=level - 1, custom=False))
        out.append(Spec(f"Heading{level}NoTOC", f"Heading {level} No TOC", size,
                        based=f"Heading{level}", next="Normal", font="heading", bold=True,
                        color=color, before=before, after=after, line=1.05, keep=True,
                        outline=9))
    return out


def _block_specs(s) -> list[Spec]:
    return [
        Spec("KeyFigure", "Key Figure", s["key_figure"], font="heading", bold=True,
             color="primary", align="center", before=6, after=0, line=1.0, keep=True),
        Spec("KeyFigureLabel", "Key Figure Label", s["body"], color="muted", align="center",
             after=6),
        Spec("Goal", "Goal", s["body"] + 0.5, bold=True, before=12, after=4, keep=True),
        Spec("StrategyLabel", "Strategy Label", s["small"], bold=True, color="muted", after=2,
             keep=True, tracking=1),
        Spec("Strategy", "Strategy", s["body"], after=3, indent=(425, 425),
             tabs='<w:tab w:val="left" w:pos="425"/>'),
        Spec("Slogan", "Slogan", round(s["h1"] * 1.5), font="heading", bold=True,
             color="primary", align="center", before=12, after=10, line=1.0, keep=True),
        Spec("Tagline", "Tagline", s["h3"], font="heading", bold=True, color="primary",
             align="center", before=4, after=4, line=1.05),
        Spec("CalloutTitle", "Callout Title", s["h3"] + 1, font="heading", bold=True,
             color="primary", before=2, after=4, keep=True),
        Spec("TableText", "Table Text", s["body"] - 1, after=0, line=1.1),
        Spec("TableHeading", "Table Heading", s["body"] - 1, bold=True, color="white", after=0,
             line=1.1, keep=True),
        Spec("SwotTitle", "SWOT Title", s["h3"] + 1, font="heading", bold=True, color="white",
             before=2, after=2, keep=True),
        # no keep-with-next in the style: in the first paragraph of a cell it stops LibreOffice
        # from splitting the row across pages (the SWOT writer keeps later group titles)
        Spec("SwotGroup", "SWOT Group", s["body"], bold=True, before=6, after=2),
        Spec("Spacer", "Spacer", 6, after=0, line=1.0),
    ]


def _cover_specs(s) -> list[Spec]:
    return [
        Spec("CoverMunicipality", "Cover Municipality", s["h2"] + 2, font="heading", bold=True,
             color="primary", after=0, line=1.0),
        Spec("CoverPart", "Cover Part", s["body"] + 1, font="heading", bold=True,
             color="accent", after=6, caps=True, tracking=1.5, keep=True),
        Spec("CoverPeriod", "Cover Period", s["h3"] + 1, font="heading", after=0),
        Spec("CoverOrganisation", "Cover Organisation", s["body"], color="muted", after=2),
        Spec("CoverStatus", "Cover Status", s["body"] + 1, bold=True, after=0),
    ]
