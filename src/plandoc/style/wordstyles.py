"""The Word styles plandoc writes: their ids and their names — the contract a Word template meets.

Every style has a stable ASCII id (what the XML references) and a name (what Word shows).
Word's built-in styles keep their built-in names in the file ('heading 1'); Word and LibreOffice
show those in the user's language themselves ('Overskrift 1' in a Norwegian Word).  plandoc's
own styles are named in the document's language ('Mål', 'Strategi').  The writer keys every
style by its English name ('Goal', 'Heading 2 No TOC'); `word_name` gives the name it gets in a
document of a language.  A template defines a style when it has one of the same id, or of the
same name (any language's, case aside): Word in Norwegian writes 'heading 1' with the id
'Overskrift1'.  No docx import here: plandoc check reads templates with it too.
"""

from __future__ import annotations

# Word's name → (style id, as a Norwegian (bokmål) Word shows it)
BUILTIN = {
    "Normal": ("Normal", "Normal"),
    "heading 1": ("Heading1", "Overskrift 1"), "heading 2": ("Heading2", "Overskrift 2"),
    "heading 3": ("Heading3", "Overskrift 3"),
    "Title": ("Title", "Tittel"), "Subtitle": ("Subtitle", "Undertittel"),
    "TOC Heading": ("TOCHeading", "Overskrift for innholdsfortegnelse"),
    "toc 1": ("TOC1", "INNH 1"), "toc 2": ("TOC2", "INNH 2"), "toc 3": ("TOC3", "INNH 3"),
    "caption": ("Caption", "Bildetekst"), "Quote": ("Quote", "Sitat"),
    "header": ("Header", "Topptekst"), "footer": ("Footer", "Bunntekst"),
    "footnote text": ("FootnoteText", "Fotnotetekst"),
    "footnote reference": ("FootnoteReference", "Fotnotereferanse"),
    "Hyperlink": ("Hyperlink", "Hyperkobling"), "Bibliography": ("Bibliography", "Bibliografi"),
    "List Bullet": ("ListBullet", "Punktmerket liste"),
    "List Bullet 2": ("ListBullet2", "Punktmerket liste 2"),
    "List Bullet 3": ("ListBullet3", "Punktmerket liste 3"),
    "List Number": ("ListNumber", "Nummerert liste"),
    "List Number 2": ("ListNumber2", "Nummerert liste 2"),
    "List Number 3": ("ListNumber3", "Nummerert liste 3"),
}

_NO_TOC = {"nb": "Overskrift {} (ikke i innholdsfortegnelsen)",
           "nn": "Overskrift {} (ikkje i innhaldslista)"}

# plandoc's own styles: English name (the writer's key) → (style id, bokmål, nynorsk)
OWN = {
    **{f"Heading {n} No TOC": (f"Heading{n}NoTOC", _NO_TOC["nb"].format(n),
                               _NO_TOC["nn"].format(n)) for n in (1, 2, 3)},
    "Part Title": ("PartTitle", "Deltittel", "Deltittel"),
    "Part Intro": ("PartIntro", "Delingress", "Delingress"),
    "Part Label": ("PartLabel", "Deletikett", "Deletikett"),
    "Goal": ("Goal", "Mål", "Mål"), "Subgoal": ("Subgoal", "Delmål", "Delmål"),
    "Goal Label": ("GoalLabel", "Måletikett", "Måletikett"),
    "Goal Attributes": ("GoalAttributes", "Måldetaljer", "Måldetaljar"),
    "Strategy Label": ("StrategyLabel", "Strategioverskrift", "Strategioverskrift"),
    "Strategy": ("Strategy", "Strategi", "Strategi"),
    "Key Figure": ("KeyFigure", "Nøkkeltall", "Nøkkeltal"),
    "Key Figure Label": ("KeyFigureLabel", "Nøkkeltalltekst", "Nøkkeltaltekst"),
    "Panel Title": ("PanelTitle", "Paneltittel", "Paneltittel"),
    "Panel Text": ("PanelText", "Paneltekst", "Paneltekst"),
    "Panel Item": ("PanelItem", "Panelpunkt", "Panelpunkt"),
    "SWOT Title": ("SwotTitle", "SWOT-tittel", "SWOT-tittel"),
    "SWOT Group": ("SwotGroup", "SWOT-gruppe", "SWOT-gruppe"),
    "SWOT Item": ("SwotItem", "SWOT-punkt", "SWOT-punkt"),
    "Slogan": ("Slogan", "Slagord", "Slagord"),
    "Slogan Text": ("SloganText", "Slagordtekst", "Slagordtekst"),
    "Tagline": ("Tagline", "Stikkord", "Stikkord"),
    "Value Word": ("ValueWord", "Verdiord", "Verdiord"),
    "Program Time": ("ProgramTime", "Programtid", "Programtid"),
    "Program Part": ("ProgramPart", "Programpost", "Programpost"),
    "Program Item": ("ProgramItem", "Programpunkt", "Programpunkt"),
    "Table Text": ("TableText", "Tabelltekst", "Tabelltekst"),
    "Table Heading": ("TableHeading", "Tabelloverskrift", "Tabelloverskrift"),
    "Table Group": ("TableGroup", "Tabellgruppe", "Tabellgruppe"),
    "Plan Table": ("PlanTable", "Plantabell", "Plantabell"),
    "Layout Table": ("LayoutTable", "Oppsettstabell", "Oppsettstabell"),
    "Source": ("Source", "Kilde", "Kjelde"),
    "Photo Credit": ("Credit", "Fotokreditt", "Fotokreditt"),
    "Appendix List": ("AppendixList", "Vedleggsliste", "Vedleggsliste"),
    "Signature Place": ("SignaturePlace", "Underskriftssted", "Underskriftsstad"),
    "Signer": ("Signer", "Underskriver", "Underskrivar"),
    "Signer Title": ("SignerTitle", "Underskrivertittel", "Underskrivartittel"),
    "Cover Municipality": ("CoverMunicipality", "Forside kommune", "Framside kommune"),
    "Cover Part": ("CoverPart", "Forside del", "Framside del"),
    "Cover Period": ("CoverPeriod", "Forside periode", "Framside periode"),
    "Cover Credit": ("CoverCredit", "Forside fotokreditt", "Framside fotokreditt"),
    "Cover Band": ("CoverBand", "Forside bånd", "Framside band"),
    "Cover Band Strong": ("CoverBandStrong", "Forside bånd uthevet", "Framside band utheva"),
    "Spacer": ("Spacer", "Mellomrom", "Mellomrom"),
}
LANGUAGES = ("nb", "nn", "en")
CHARACTER = ("Hyperlink", "footnote reference", "Goal Label", "Part Label")
TABLE = ("Plan Table", "Layout Table")


def kind(key: str) -> str:
    """Whether style `key` is a paragraph, character or table style."""
    return "character" if key in CHARACTER else "table" if key in TABLE else "paragraph"


def word_name(key: str, language: str) -> str:
    """The name style `key` (its English name) gets in a document in `language`."""
    if key in OWN and language in ("nb", "nn"):
        return OWN[key][1 if language == "nb" else 2]
    return key


def shown(key: str, language: str) -> str:
    """The name a user sees in Word: a built-in's Norwegian name in a Norwegian document."""
    if key in BUILTIN and language in ("nb", "nn"):
        return BUILTIN[key][1]
    return word_name(key, language)


def style_id(key: str) -> str | None:
    """The id of style `key`, or None when plandoc does not write it."""
    entry = BUILTIN.get(key) or OWN.get(key)
    return entry[0] if entry else None


def known_names(key: str) -> set[str]:
    """Every name a template may give style `key`, folded to lower case."""
    names = {key} | ({OWN[key][1], OWN[key][2]} if key in OWN else set())
    return {n.casefold() for n in names}


def find(key: str, styles: list[tuple[str, str, str]], kind: str) -> str | None:
    """The id of the template's style that is style `key`: among `styles` (id, name, kind),
    the one of the same id, else of one of its names; None when the template has none."""
    own = style_id(key)
    same_kind = [(sid, name) for sid, name, k in styles if k == kind]
    for sid, _ in same_kind:
        if sid == own:
            return sid
    names = known_names(key)
    return next((sid for sid, name in same_kind if name.casefold() in names), None)
