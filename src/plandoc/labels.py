"""The words plandoc writes itself, per language, and Norwegian date and number formats.

Writers take every generated word from here (`labels(lang)["contents"]`), never a literal.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

LANGUAGES = ("nb", "nn", "en")

_LABELS = {
    "nb": {
        "emblem": "{municipality}, kommunevåpen",
        "contents": "Innhold", "page_of": "Side {page} av {total}", "page": "Side",
        "goal": "MÅL", "subgoal": "Delmål", "strategy": "STRATEGI", "figure": "Figur", "table": "Tabell",
        "source": "Kilde", "strengths": "Styrker", "weaknesses": "Svakheter",
        "opportunities": "Muligheter", "threats": "Trusler", "swot": "SWOT-analyse",
        "swot.group": "Hovedpunkter",
        "status.utkast": "Utkast", "status.høringsutkast": "Høringsutkast",
        "status.vedtatt": "Vedtatt", "adopted_in": "Vedtatt i {body} {date}",
        "case": "sak {case}", "period": "Planperiode {period}", "values": "Verdier",
        "vision": "Visjon", "responsible": "Ansvarlig",
        "consultation": "{status} — høringsfrist {date}", "watermark.utkast": "UTKAST",
        "watermark.høringsutkast": "HØRINGSUTKAST", "version": "Versjon {version}",
        "replaces": "erstatter versjon {version}", "revisions": "Revisjonshistorikk",
        "rev.version": "Versjon", "rev.date": "Dato", "rev.changes": "Endringer",
        "rev.decision": "Vedtak", "archive_case": "Arkivsak", "case_number": "Saksnummer",
        "case_officer": "Saksbehandler", "committee": "Utvalg", "meeting_date": "Møtedato",
        "saksframlegg": "Saksframlegg", "recommendation": "Forslag til vedtak",
        "archive_code": "Arkiv", "archive_case_no": "Arkivsaksnr.", "saksgang": "Saksgang",
        "step.case": "Utvalgssaksnr.", "chief_executive": "Kommunedirektøren",
        "innstilling": "{chief}s innstilling", "treatment": "Behandling i {body}",
        "vedtak": "Vedtak", "votes": "Vedtatt med {for} mot {against} stemmer.",
        "unanimous": "Enstemmig vedtatt.", "changed": "endret",
        "changed.note": "Punkt som er endret fra innstillingen, er merket «(endret)».",
        "attachments": "Vedlegg", "program": "Program", "by": "ved", "time": "Tid",
        "place": "Sted", "date": "Dato", "when": "{date} kl. {time}",
        "invitation": "Invitasjon", "part": "Del {number}", "line": "Linje",
        "skip": "Hopp til hovedinnholdet", "notes": "Fotnoter", "previous": "Forrige",
        "next": "Neste", "chapters": "Kapitler", "front_page": "Forside",
        "back_to_text": "Tilbake til teksten, fotnote", "chart_data": "Tallene i figuren",
        "category": "Kategori",
        "exempt": "Unntatt offentlighet", "exempt.marking": "Unntatt offentlighet, jf. {basis}",
        "exempt.ref": "unntatt offentlighet",
        "ref.goal": "mål", "ref.chapter": "kapittel", "ref.section": "kapittel",
        "ref.focus_area": "satsingsområde", "ref.figure": "figur", "ref.table": "tabell",
        "ref.title": "«{title}»",
        "goal.deadline": "Frist", "goal.responsible": "Ansvar", "goal.status": "Status",
        "goal.status.planlagt": "Planlagt", "goal.status.pågår": "Pågår",
        "goal.status.fullført": "Fullført", "goal.status.utsatt": "Utsatt",
        "ind.measure": "Indikator", "ind.baseline": "Utgangspunkt", "ind.target": "Mål",
        "ind.target_value": "Målverdi", "ind.source": "Kilde", "ind.goal": "Mål",
        "ind.compared": "sammenlignet med", "act.action": "Tiltak", "act.goal": "Mål",
        "act.responsible": "Ansvar", "act.deadline": "Frist", "act.cost": "Økonomi",
        "act.status": "Status", "act.sum": "Sum",
        "appendix": "Vedlegg", "appendices": "Vedlegg",
        "ref.appendix": "vedlegg", "appendix.prefix": "V", "foreword": "Forord",
        "references": "Kilder", "accessed": "lest",
        "at_time": "kl. {time}", "registration": "Påmelding innen {date}",
        "register": "Påmelding", "or": "eller", "contact": "Kontaktperson", "phone": "Telefon",
        "email": "E-post", "practical": "Praktisk informasjon",
        "meeting_notice": "Møteinnkalling", "meeting_minutes": "Møteprotokoll",
        "meeting.place": "Møtested", "meeting.time": "Tidspunkt",
        "meeting.members": "Medlemmer", "meeting.absence_to": "Forfall meldes til {contact}.",
        "meeting.present": "Møtende medlemmer", "meeting.absent": "Forfall",
        "meeting.substitutes": "Møtende varamedlemmer", "meeting.name": "Navn",
        "meeting.role": "Funksjon", "meeting.party": "Representerer", "meeting.for": "Møtte for",
        "case_list": "Saksliste", "case_list.number": "Saksnr",
        "case_list.archive_case": "Arkivsaksnr", "case_list.title": "Innhold",
        "deliberation": "Behandling i {body}", "decision": "Vedtak i {body}",
    },
    "nn": {
        "emblem": "{municipality}, kommunevåpen",
        "contents": "Innhald", "page_of": "Side {page} av {total}", "page": "Side",
        "goal": "MÅL", "subgoal": "Delmål", "strategy": "STRATEGI", "figure": "Figur", "table": "Tabell",
        "source": "Kjelde", "strengths": "Styrkar", "weaknesses": "Svakheiter",
        "opportunities": "Moglegheiter", "threats": "Truslar", "swot": "SWOT-analyse",
        "swot.group": "Hovudpunkt",
        "status.utkast": "Utkast", "status.høringsutkast": "Høyringsutkast",
        "status.vedtatt": "Vedteken", "adopted_in": "Vedteken i {body} {date}",
        "case": "sak {case}", "period": "Planperiode {period}", "values": "Verdiar",
        "vision": "Visjon", "responsible": "Ansvarleg",
        "consultation": "{status} — høyringsfrist {date}", "watermark.utkast": "UTKAST",
        "watermark.høringsutkast": "HØYRINGSUTKAST", "version": "Versjon {version}",
        "replaces": "erstattar versjon {version}", "revisions": "Revisjonshistorikk",
        "rev.version": "Versjon", "rev.date": "Dato", "rev.changes": "Endringar",
        "rev.decision": "Vedtak", "archive_case": "Arkivsak", "case_number": "Saksnummer",
        "case_officer": "Sakshandsamar", "committee": "Utval", "meeting_date": "Møtedato",
        "saksframlegg": "Saksframlegg", "recommendation": "Framlegg til vedtak",
        "archive_code": "Arkiv", "archive_case_no": "Arkivsaksnr.", "saksgang": "Saksgang",
        "step.case": "Utvalssaksnr.", "chief_executive": "Kommunedirektøren",
        "innstilling": "{chief} si innstilling", "treatment": "Handsaming i {body}",
        "vedtak": "Vedtak", "votes": "Vedteke med {for} mot {against} røyster.",
        "unanimous": "Samrøystes vedteke.", "changed": "endra",
        "changed.note": "Punkt som er endra frå innstillinga, er merkte «(endra)».",
        "attachments": "Vedlegg", "program": "Program", "by": "ved", "time": "Tid",
        "place": "Stad", "date": "Dato", "when": "{date} kl. {time}",
        "invitation": "Invitasjon", "part": "Del {number}", "line": "Linje",
        "skip": "Hopp til hovudinnhaldet", "notes": "Fotnotar", "previous": "Førre",
        "next": "Neste", "chapters": "Kapittel", "front_page": "Framside",
        "back_to_text": "Tilbake til teksten, fotnote", "chart_data": "Tala i figuren",
        "category": "Kategori",
        "exempt": "Unnateke offentlegheit", "exempt.marking": "Unnateke offentlegheit, jf. {basis}",
        "exempt.ref": "unnateke offentlegheit",
        "ref.goal": "mål", "ref.chapter": "kapittel", "ref.section": "kapittel",
        "ref.focus_area": "satsingsområde", "ref.figure": "figur", "ref.table": "tabell",
        "ref.title": "«{title}»",
        "goal.deadline": "Frist", "goal.responsible": "Ansvar", "goal.status": "Status",
        "goal.status.planlagt": "Planlagd", "goal.status.pågår": "Pågår",
        "goal.status.fullført": "Fullført", "goal.status.utsatt": "Utsett",
        "ind.measure": "Indikator", "ind.baseline": "Utgangspunkt", "ind.target": "Mål",
        "ind.target_value": "Målverdi", "ind.source": "Kjelde", "ind.goal": "Mål",
        "ind.compared": "samanlikna med", "act.action": "Tiltak", "act.goal": "Mål",
        "act.responsible": "Ansvar", "act.deadline": "Frist", "act.cost": "Økonomi",
        "act.status": "Status", "act.sum": "Sum",
        "appendix": "Vedlegg", "appendices": "Vedlegg",
        "ref.appendix": "vedlegg", "appendix.prefix": "V", "foreword": "Føreord",
        "references": "Kjelder", "accessed": "lese",
        "at_time": "kl. {time}", "registration": "Påmelding innan {date}",
        "register": "Påmelding", "or": "eller", "contact": "Kontaktperson", "phone": "Telefon",
        "email": "E-post", "practical": "Praktisk informasjon",
        "meeting_notice": "Møteinnkalling", "meeting_minutes": "Møteprotokoll",
        "meeting.place": "Møtestad", "meeting.time": "Tidspunkt",
        "meeting.members": "Medlemer", "meeting.absence_to": "Forfall skal meldast til {contact}.",
        "meeting.present": "Møtande medlemer", "meeting.absent": "Forfall",
        "meeting.substitutes": "Møtande varamedlemer", "meeting.name": "Namn",
        "meeting.role": "Funksjon", "meeting.party": "Representerer", "meeting.for": "Møtte for",
        "case_list": "Sakliste", "case_list.number": "Saksnr",
        "case_list.archive_case": "Arkivsaksnr", "case_list.title": "Innhald",
        "deliberation": "Handsaming i {body}", "decision": "Vedtak i {body}",
    },
    "en": {
        "emblem": "{municipality}, coat of arms",
        "contents": "Contents", "page_of": "Page {page} of {total}", "page": "Page",
        "goal": "GOAL", "subgoal": "Sub-goal", "strategy": "STRATEGY", "figure": "Figure", "table": "Table",
        "source": "Source", "strengths": "Strengths", "weaknesses": "Weaknesses",
        "opportunities": "Opportunities", "threats": "Threats", "swot": "SWOT analysis",
        "swot.group": "Main points",
        "status.utkast": "Draft", "status.høringsutkast": "Consultation draft",
        "status.vedtatt": "Adopted", "adopted_in": "Adopted by the {body} on {date}",
        "case": "case {case}", "period": "Plan period {period}", "values": "Values",
        "vision": "Vision", "responsible": "Responsible",
        "consultation": "{status} — consultation deadline {date}", "watermark.utkast": "DRAFT",
        "watermark.høringsutkast": "CONSULTATION DRAFT", "version": "Version {version}",
        "replaces": "replaces version {version}", "revisions": "Revision history",
        "rev.version": "Version", "rev.date": "Date", "rev.changes": "Changes",
        "rev.decision": "Decision", "archive_case": "Archive case", "case_number": "Case number",
        "case_officer": "Case officer", "committee": "Committee", "meeting_date": "Meeting date",
        "saksframlegg": "Case presentation", "recommendation": "Proposed resolution",
        "archive_code": "Archive code", "archive_case_no": "Archive case no.",
        "saksgang": "Proceedings", "step.case": "Case no.",
        "chief_executive": "the Chief Executive", "innstilling": "Recommendation of {chief}",
        "treatment": "Consideration by {body}", "vedtak": "Resolution",
        "votes": "Adopted by {for} votes to {against}.", "unanimous": "Adopted unanimously.",
        "changed": "amended",
        "changed.note": "Points amended from the recommendation are marked “(amended)”.",
        "attachments": "Attachments", "program": "Programme", "by": "by", "time": "Time",
        "place": "Place", "date": "Date", "when": "{date} at {time}",
        "invitation": "Invitation", "part": "Part {number}", "line": "Line",
        "skip": "Skip to main content", "notes": "Footnotes", "previous": "Previous",
        "next": "Next", "chapters": "Chapters", "front_page": "Front page",
        "back_to_text": "Back to the text, footnote", "chart_data": "The numbers in the chart",
        "category": "Category",
        "exempt": "Exempt from public access",
        "exempt.marking": "Exempt from public access, cf. {basis}",
        "exempt.ref": "exempt from public access",
        "ref.goal": "goal", "ref.chapter": "chapter", "ref.section": "section",
        "ref.focus_area": "focus area", "ref.figure": "figure", "ref.table": "table",
        "ref.title": "“{title}”",
        "goal.deadline": "Deadline", "goal.responsible": "Responsible", "goal.status": "Status",
        "goal.status.planlagt": "Planned", "goal.status.pågår": "In progress",
        "goal.status.fullført": "Completed", "goal.status.utsatt": "Postponed",
        "ind.measure": "Indicator", "ind.baseline": "Baseline", "ind.target": "Target",
        "ind.target_value": "Target", "ind.source": "Source", "ind.goal": "Goal",
        "ind.compared": "compared with", "act.action": "Action", "act.goal": "Goal",
        "act.responsible": "Responsible", "act.deadline": "Deadline", "act.cost": "Cost",
        "act.status": "Status", "act.sum": "Total",
        "appendix": "Appendix", "appendices": "Appendices",
        "ref.appendix": "appendix", "appendix.prefix": "A", "foreword": "Foreword",
        "references": "References", "accessed": "accessed",
        "at_time": "{time}", "registration": "Register by {date}",
        "register": "Registration", "or": "or", "contact": "Contact", "phone": "Phone",
        "email": "E-mail", "practical": "Practical information",
        "meeting_notice": "Notice of meeting", "meeting_minutes": "Minutes",
        "meeting.place": "Venue", "meeting.time": "Time",
        "meeting.members": "Members", "meeting.absence_to": "Apologies for absence to {contact}.",
        "meeting.present": "Members present", "meeting.absent": "Apologies",
        "meeting.substitutes": "Substitutes present", "meeting.name": "Name",
        "meeting.role": "Role", "meeting.party": "Party", "meeting.for": "Substituting for",
        "case_list": "Agenda", "case_list.number": "Case no.",
        "case_list.archive_case": "Archive case no.", "case_list.title": "Subject",
        "deliberation": "Deliberation in the {body}", "decision": "Resolution of the {body}",
    },
}

_MONTHS = {
    "nb": "januar februar mars april mai juni juli august september oktober november desember",
    "nn": "januar februar mars april mai juni juli august september oktober november desember",
    "en": "January February March April May June July August September October November December",
}

_WEEKDAYS = {
    "nb": "mandag tirsdag onsdag torsdag fredag lørdag søndag",
    "nn": "måndag tysdag onsdag torsdag fredag laurdag søndag",
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
}

NBSP = "\u00a0"


def labels(lang: str) -> dict:
    """The label table of `lang` (nb, nn or en)."""
    return _LABELS[lang]


def format_date(d: date, lang: str) -> str:
    """'12. mai 2021' (nb, nn) or '12 May 2021' (en)."""
    month = _MONTHS[lang].split()[d.month - 1]
    return f"{d.day} {month} {d.year}" if lang == "en" else f"{d.day}. {month} {d.year}"


def format_day(d: date, lang: str) -> str:
    """'onsdag 6. mars 2024' (nb, nn) or 'Wednesday 6 March 2024' (en): the date and its
    weekday, for the day of a meeting."""
    return f"{_WEEKDAYS[lang].split()[d.weekday()]} {format_date(d, lang)}"


def format_number(value: float, lang: str, decimals: int = 0) -> str:
    """13278 → '13 278' with a no-break space (nb, nn) or '13,278' (en)."""
    text = f"{value:,.{decimals}f}"
    if lang == "en":
        return text
    return text.replace(",", NBSP).replace(".", ",")


_AMOUNT = re.compile(r"(?:kr\.?\s*)?([-−]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+|[-−]?\d+)(?:,(\d+))?"
                     r"\s*(mill\.?\s*kr\.?|mrd\.?\s*kr\.?|kr\.?|NOK)?")
_SCALE = {"mill": Decimal(10) ** 6, "mrd": Decimal(10) ** 9}


def parse_amount(text: str) -> Decimal | None:
    """'350 000 kr', 'kr 1 200,50', '1,5 mill. kr', '64 943' → kroner as a Decimal; None when
    the text is not an amount in Norwegian notation (the sum of an action plan adds these)."""
    found = _AMOUNT.fullmatch(text.strip())
    if found is None:
        return None
    whole, decimals, unit = found.groups()
    value = Decimal(re.sub(r"[ \u00a0\u202f]", "", whole).replace("−", "-")
                    + (f".{decimals}" if decimals else ""))
    return value * _SCALE.get((unit or "")[:4].rstrip(". "), Decimal(1))


def format_amount(value: Decimal, lang: str) -> str:
    """A sum of amounts in kroner: '1 850 000 kr' ('1 200,50 kr' with øre)."""
    return f"{format_number(float(value), lang, 0 if value == value.to_integral() else 2)} kr"


def status_line(meta) -> str:
    """The status as a council member reads it, e.g. 'Vedtatt i kommunestyret 12. mai 2021, sak 38/20'.

    'Høringsutkast — høringsfrist 1. juni 2021' for a consultation draft; '' for a document
    without a status (an invitation or a saksframlegg that does not set one).
    """
    if not meta.status:
        return ""
    words, lang = labels(meta.language), meta.language
    line = words[f"status.{meta.status}"]
    if meta.status == "vedtatt" and meta.date and meta.adopted_by:
        line = words["adopted_in"].format(body=meta.adopted_by, date=format_date(meta.date, lang))
    elif meta.status == "høringsutkast" and meta.consultation_deadline:
        line = words["consultation"].format(
            status=line, date=format_date(meta.consultation_deadline, lang))
    if meta.case:
        line += ", " + words["case"].format(case=meta.case)
    return line


def watermark(meta) -> str:
    """'UTKAST' / 'HØRINGSUTKAST' for every status but vedtatt (and none); '' otherwise."""
    if not meta.status or meta.status == "vedtatt":
        return ""
    return labels(meta.language)[f"watermark.{meta.status}"]


def version_line(meta) -> str:
    """'Versjon 2, erstatter versjon 1' for a revised plan (rullering); '' without a version."""
    if not meta.version:
        return ""
    words = labels(meta.language)
    line = words["version"].format(version=meta.version)
    if meta.replaces:
        line += ", " + words["replaces"].format(version=meta.replaces)
    return line


def wrap_words(text: str, width: float, width_of) -> list[str]:
    """`text` broken at spaces into lines no wider than `width` (as `width_of` measures); a
    single word wider than `width` stays whole on its own line."""
    lines: list[str] = []
    for word in text.split():
        if lines and width_of(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines or [text]


def innstilling_title(chief: str | None, lang: str) -> str:
    """'Kommunedirektørens innstilling' (nb), 'Kommunedirektøren si innstilling' (nn),
    'Rådmannens innstilling' for `chief` 'Rådmannen'; a name ending in s takes only an
    apostrophe in bokmål ('Kommunedirektør Hans'' innstilling')."""
    words = labels(lang)
    chief = chief or words["chief_executive"]
    if lang == "nb" and chief[-1:].lower() in ("s", "x", "z"):
        return words["innstilling"].replace("{chief}s", chief + "'")
    return words["innstilling"].format(chief=chief)
