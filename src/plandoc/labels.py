"""The words plandoc writes itself, per language, and Norwegian date and number formats.

Writers take every generated word from here (`labels(lang)["contents"]`), never a literal.
"""

from __future__ import annotations

from datetime import date

LANGUAGES = ("nb", "nn", "en")

_LABELS = {
    "nb": {
        "contents": "Innhold", "page_of": "Side {page} av {total}", "page": "Side",
        "goal": "MÅL", "strategy": "STRATEGI", "figure": "Figur", "table": "Tabell",
        "source": "Kilde", "strengths": "Styrker", "weaknesses": "Svakheter",
        "opportunities": "Muligheter", "threats": "Trusler", "swot": "SWOT-analyse",
        "status.utkast": "Utkast", "status.høringsutkast": "Høringsutkast",
        "status.vedtatt": "Vedtatt", "adopted_in": "Vedtatt i {body} {date}",
        "case": "sak {case}", "period": "Planperiode {period}", "values": "Verdier",
        "vision": "Visjon", "responsible": "Ansvarlig",
    },
    "nn": {
        "contents": "Innhald", "page_of": "Side {page} av {total}", "page": "Side",
        "goal": "MÅL", "strategy": "STRATEGI", "figure": "Figur", "table": "Tabell",
        "source": "Kjelde", "strengths": "Styrkar", "weaknesses": "Svakheiter",
        "opportunities": "Moglegheiter", "threats": "Truslar", "swot": "SWOT-analyse",
        "status.utkast": "Utkast", "status.høringsutkast": "Høyringsutkast",
        "status.vedtatt": "Vedteken", "adopted_in": "Vedteken i {body} {date}",
        "case": "sak {case}", "period": "Planperiode {period}", "values": "Verdiar",
        "vision": "Visjon", "responsible": "Ansvarleg",
    },
    "en": {
        "contents": "Contents", "page_of": "Page {page} of {total}", "page": "Page",
        "goal": "GOAL", "strategy": "STRATEGY", "figure": "Figure", "table": "Table",
        "source": "Source", "strengths": "Strengths", "weaknesses": "Weaknesses",
        "opportunities": "Opportunities", "threats": "Threats", "swot": "SWOT analysis",
        "status.utkast": "Draft", "status.høringsutkast": "Consultation draft",
        "status.vedtatt": "Adopted", "adopted_in": "Adopted by the {body} on {date}",
        "case": "case {case}", "period": "Plan period {period}", "values": "Values",
        "vision": "Vision", "responsible": "Responsible",
    },
}

_MONTHS = {
    "nb": "januar februar mars april mai juni juli august september oktober november desember",
    "nn": "januar februar mars april mai juni juli august september oktober november desember",
    "en": "January February March April May June July August September October November December",
}

NBSP = "\u00a0"


def labels(lang: str) -> dict:
    """The label table of `lang` (nb, nn or en)."""
    return _LABELS[lang]


def format_date(d: date, lang: str) -> str:
    """'12. mai 2021' (nb, nn) or '12 May 2021' (en)."""
    month = _MONTHS[lang].split()[d.month - 1]
    return f"{d.day} {month} {d.year}" if lang == "en" else f"{d.day}. {month} {d.year}"


def format_number(value: float, lang: str, decimals: int = 0) -> str:
    """13278 → '13 278' with a no-break space (nb, nn) or '13,278' (en)."""
    text = f"{value:,.{decimals}f}"
    if lang == "en":
        return text
    return text.replace(",", NBSP).replace(".", ",")


def status_line(meta) -> str:
    """The status as a council member reads it, e.g. 'Vedtatt i kommunestyret 12. mai 2021, sak 38/20'."""
    words = labels(meta.language)
    if meta.status == "vedtatt" and meta.date and meta.adopted_by:
        line = words["adopted_in"].format(body=meta.adopted_by,
                                          date=format_date(meta.date, meta.language))
    else:
        line = words[f"status.{meta.status}"]
    if meta.case:
        line += ", " + words["case"].format(case=meta.case)
    return line
