"""The Word styles of a document, made from the layout's text styles.

plandoc.layout.styles.text_styles(theme) says how each kind of text looks (size, font, weight,
colour role, leading, spacing, alignment, keep-with-next, indents, tracking); here each becomes a
Word style.  Word's built-in names are kept where Word has one (Normal, heading 1–3, toc 1–3,
TOC Heading, caption, List Bullet / List Number 1–3, header, footer, Title, Subtitle), so Word
and LibreOffice recognise them and show them in the user's language; the rest are plandoc's own
custom styles, named in the document's language (plandoc.style.wordstyles) — the names below
are their keys, which the writer uses and the resolver maps to ids.  What only Word needs
— tab stops, list numbering, outline levels, 'No TOC' twins of the headings, a Spacer — is
added here.
"""

from __future__ import annotations

from dataclasses import replace

from plandoc.layout.styles import TextStyle, text_styles
from plandoc.style.wordstyles import find, word_name
from plandoc.writers.docx.ooxml.styles import (WordStyle, defined, document_defaults, id_of,
                                               install, kind_of, name_of, rename, retarget,
                                               style_element)
from plandoc.writers.docx.tablestyles import table_styles

ALIGN = {"left": "left", "centre": "center", "justify": "both", "right": "right"}
LANGUAGE_TAGS = {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}
COVER_ONLY = ("Title", "Subtitle", "CoverMunicipality", "CoverPart", "CoverPeriod", "CoverBand",
              "CoverBandStrong", "CoverCredit", "Spacer")

# style id, Word's name, text style, built into Word
PARAGRAPH_STYLES = (
    ("Normal", "Normal", "body", True),
    ("Heading1", "heading 1", "h1", True), ("Heading2", "heading 2", "h2", True),
    ("Heading3", "heading 3", "h3", True),
    ("Heading1NoTOC", "Heading 1 No TOC", "h1", False),
    ("Heading2NoTOC", "Heading 2 No TOC", "h2", False),
    ("Heading3NoTOC", "Heading 3 No TOC", "h3", False),
    ("TOCHeading", "TOC Heading", "toc_title", True),
    ("TOC1", "toc 1", "toc1", True), ("TOC2", "toc 2", "toc2", True),
    ("TOC3", "toc 3", "toc3", True), ("AppendixList", "Appendix List", "toc1", False),
    ("Bibliography", "Bibliography", "reference", True),
    ("Quote", "Quote", "quote", True), ("FootnoteText", "footnote text", "footnote", True),
    ("Caption", "caption", "caption", True), ("Source", "Source", "source", False),
    ("Credit", "Photo Credit", "credit", False),
    ("SignaturePlace", "Signature Place", "signature_place", False),
    ("Signer", "Signer", "signer", False), ("SignerTitle", "Signer Title", "signer_title", False),
    ("Header", "header", "running", True), ("Footer", "footer", "running", True),
    ("Title", "Title", "cover_title", True), ("Subtitle", "Subtitle", "cover_subtitle", True),
    ("TableText", "Table Text", "table_text", False),
    ("TableHeading", "Table Heading", "table_heading", False),
    ("TableGroup", "Table Group", "table_group", False),
    ("KeyFigure", "Key Figure", "key_figure", False),
    ("KeyFigureLabel", "Key Figure Label", "key_figure_label", False),
    ("Goal", "Goal", "goal", False), ("Subgoal", "Subgoal", "subgoal", False),
    ("StrategyLabel", "Strategy Label", "strategy_label", False),
    ("GoalAttributes", "Goal Attributes", "goal_attributes", False),
    ("Strategy", "Strategy", "strategy", False),
    ("SwotTitle", "SWOT Title", "swot_title", False),
    ("SwotGroup", "SWOT Group", "swot_group", False), ("SwotItem", "SWOT Item", "swot_item", False),
    ("Slogan", "Slogan", "slogan", False), ("Tagline", "Tagline", "tagline", False),
    ("PanelTitle", "Panel Title", "panel_title", False),
    ("PanelText", "Panel Text", "panel_text", False),
    ("SloganText", "Slogan Text", "slogan_text", False),
    ("PanelItem", "Panel Item", "swot_item", False),
    ("ValueWord", "Value Word", "value_word", False),
    ("ProgramTime", "Program Time", "program_time", False),
    ("ProgramPart", "Program Part", "program_part", False),
    ("ProgramItem", "Program Item", "program_item", False),
    ("CoverMunicipality", "Cover Municipality", "cover_municipality", False),
    ("CoverPart", "Cover Part", "cover_part", False),
    ("CoverPeriod", "Cover Period", "cover_period", False),
    ("CoverCredit", "Cover Credit", "cover_credit", False),
    ("CoverBand", "Cover Band", "cover_band", False),
    ("CoverBandStrong", "Cover Band Strong", "cover_band_strong", False),
    ("PartTitle", "Part Title", "part_title", False),
    ("PartIntro", "Part Intro", "cover_subtitle", False),
)
SPACER = TextStyle(6, leading=1.0)      # the gap after a table, which also keeps two apart


def define_styles(word, layout, numbering) -> dict[str, str]:
    """Every style the document uses, named in the document's language; a Word template's own
    styles keep their look.  Returns the resolver's table: each style's key (its English name,
    lower case) → its id in this document."""
    theme = layout.theme
    restyle = theme.word_template is None
    document_defaults(word, theme.fonts.body.family if restyle else None,
                      theme.sizes.body if restyle else None,
                      LANGUAGE_TAGS[layout.meta.language])
    elements = [style_element(spec) for spec in
                paragraph_styles(layout, numbering) + character_styles(layout)]
    elements += table_styles(layout)
    ids = {} if restyle else template_ids(word, elements)
    keys = {}
    for el in elements:
        key = name_of(el)
        retarget(el, ids)
        rename(el, word_name(key, layout.meta.language))
        keys[key.casefold()] = id_of(el)
    install(word, elements, restyle)
    keys.pop("normal")        # the default style: python-docx leaves it implicit
    return keys


def template_ids(word, elements) -> dict[str, str]:
    """plandoc's style id → the id of the template's style that is that style, where they
    differ (a Norwegian Word names heading 1's id 'Overskrift1')."""
    present, ids = defined(word), {}
    for el in elements:
        own = id_of(el)
        found = find(name_of(el), present, kind_of(el))
        if found and found != own:
            ids[own] = found
    return ids


def paragraph_styles(layout, numbering) -> list[WordStyle]:
    """Every paragraph style, with Word's extras."""
    looks = text_styles(layout.theme)
    extras = _extras(layout, looks)
    specs = [from_text(sid, name, looks[key], layout, custom=not builtin, **extras.get(sid, {}))
             for sid, name, key, builtin in PARAGRAPH_STYLES]
    specs.append(from_text("Spacer", "Spacer", SPACER, layout, custom=True))
    specs += _list_styles(layout, looks["list"], numbering)
    if layout.line_numbers:
        specs = [replace(s, line_numbers=False) if s.id in COVER_ONLY + ("FootnoteText",)
                 else s for s in specs]   # the PDF numbers no note lines either
    return specs


def from_text(sid: str, name: str, look: TextStyle, layout, custom: bool = True,
              **extra) -> WordStyle:
    """The Word style `sid` that looks like `look`.

    Leading becomes an at-least line height in points: Word's 'multiple' line spacing is a
    multiple of the font's own line height, not of its size, and would set lines looser than
    the PDF.
    """
    fonts, palette = layout.theme.fonts, layout.palette
    hyphenate = look.running or not layout.theme.typography.hyphenate
    extra.setdefault("based", None if sid == "Normal" else "Normal")
    return WordStyle(sid, name, custom=custom,
                     font=(fonts.heading if look.font == "heading" else fonts.body).family,
                     size=look.size, bold=look.bold, italic=look.italic,
                     colour=getattr(palette, look.colour).hex, tracking=look.tracking,
                     caps=look.caps,
                     line=look.size * look.leading, before=look.before, after=look.after,
                     align=ALIGN[look.align], keep_next=look.keep_with_next,
                     indent=look.indent, hanging=look.hanging, hyphenate=hyphenate,
                     **extra)


def _extras(layout, looks: dict) -> dict[str, dict]:
    """What only Word needs, by style id: next styles, outline levels, tab stops."""
    width = layout.theme.page.text_width_mm * 72 / 25.4
    leader = (("right", width, "dot"),)
    at_indent = lambda key: (("left", looks[key].indent, None),)   # noqa: E731
    out = {f"Heading{n}": dict(next="Normal", outline=n - 1) for n in (1, 2, 3)}
    out.update({f"Heading{n}NoTOC": dict(based=f"Heading{n}", next="Normal", outline=9)
                for n in (1, 2, 3)})
    out.update({f"TOC{n}": dict(tabs=leader) for n in (1, 2, 3)}, AppendixList=dict(tabs=leader))
    out.update(Normal=dict(widow=True), TOCHeading=dict(next="Normal", outline=9),
               Caption=dict(next="Normal"), Title=dict(next="Subtitle"),
               Header=dict(tabs=(("right", width, None),)),
               Footer=dict(tabs=(("right", width, None),)),
               PartTitle=dict(next="Normal", outline=0),
               Goal=dict(tabs=at_indent("goal")), Subgoal=dict(tabs=at_indent("subgoal")),
               Strategy=dict(tabs=at_indent("strategy")),
               SwotItem=dict(tabs=at_indent("swot_item")),
               PanelItem=dict(tabs=at_indent("swot_item")),
               ProgramItem=dict(tabs=at_indent("program_item")))
    return out


def _list_styles(layout, look: TextStyle, numbering) -> list[WordStyle]:
    """List Bullet / List Number and their 2 and 3, each linked to its list definition."""
    out = []
    for kind in ("Bullet", "Number"):
        for depth in range(numbering.depths):
            suffix = f" {depth + 1}" if depth else ""
            deeper = replace(look, indent=look.indent * (depth + 1))
            out.append(from_text(f"List{kind}{suffix.strip()}", f"List {kind}{suffix}", deeper,
                                 layout, custom=False,
                                 numbering=(numbering.style_list(kind == "Number"), depth)))
    return out


def character_styles(layout) -> list[WordStyle]:
    """Links, footnote numbers, a goal's number and 'MÅL:', and a part's label over its title."""
    palette = layout.palette
    part = from_text("PartLabel", "Part Label", text_styles(layout.theme)["part_label"], layout)
    char = dict(kind="character", based="DefaultParagraphFont")
    return [WordStyle("Hyperlink", "Hyperlink", custom=False, colour=palette.link.hex, **char),
            WordStyle("FootnoteReference", "footnote reference", custom=False, raised=True,
                      **char),
            WordStyle("GoalLabel", "Goal Label", bold=True, colour=palette.mark.hex, **char),
            WordStyle("PartLabel", "Part Label", font=part.font, size=part.size, bold=part.bold,
                      colour=part.colour, tracking=part.tracking, caps=part.caps, **char)]
