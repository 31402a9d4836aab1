"""The `document:` metadata of an imported plan: cover page, core properties, TODO comments.

plandoc's own cover is a content control of styled lines (Forside kommune, Tittel, Forside
periode …); another document's cover is the Title/Subtitle paragraphs and the short lines
before the first heading (municipality, period "2024–2028", status "Høringsutkast",
"Vedtatt i kommunestyret 12.05.2021, sak 38/20").  What is not found is a commented TODO.
"""

from __future__ import annotations

import re
from datetime import date

from plandoc.importer.walk import Item
from plandoc.importer.yamlout import Note

PERIOD = re.compile(r"(?:(?:Plan)?periode\s+)?\b((?:19|20)\d\d\s*[–-]\s*(?:19|20)\d\d)\b")
CASE = re.compile(r"\bsak\s+(\d+/\d+)", re.IGNORECASE)
ADOPTED = re.compile(r"^(?:Vedtatt|Vedteken|Adopted)\s+(?:i|by the)\s+(\w+)", re.IGNORECASE)
DRAFT = re.compile(r"^(?:Høringsutkast|Høyringsutkast|Consultation draft)", re.IGNORECASE)
MUNICIPALITY = re.compile(r"^[\wÆØÅæøå .-]{2,60}\s(?:kommune|kommunes?|fylkeskommune)$")
MONTHS = {m: n for n, names in enumerate(
    (("januar", "january"), ("februar", "february"), ("mars", "march"), ("april",),
     ("mai", "may"), ("juni", "june"), ("juli", "july"), ("august",), ("september",),
     ("oktober", "october"), ("november",), ("desember", "december")), 1) for m in names}
DATE = re.compile(r"\b(\d{1,2})\.\s*(\d{1,2}|[a-zæøå]+)\.?\s*((?:19|20)\d\d)\b", re.IGNORECASE)
NYNORSK = {"ikkje", "eit", "kva", "korleis", "dei", "frå", "bustad", "vere", "òg",
           "berre", "mykje", "heile"}
BOKMAL = {"ikke", "et", "hva", "hvordan", "de", "fra", "bolig", "være", "også", "bare",
          "mye", "hele"}


def parse_date(text: str) -> str | None:
    """'12.05.2021' or '12. mai 2021' → '2021-05-12'."""
    m = DATE.search(text)
    if not m:
        return None
    month = int(m.group(2)) if m.group(2).isdigit() else MONTHS.get(m.group(2).casefold())
    try:
        return date(int(m.group(3)), month or 0, int(m.group(1))).isoformat()
    except ValueError:
        return None


def cover_lines(cover: list[Item], items: list[Item]) -> tuple[list, list[Item]]:
    """(style, text) lines of the cover, and the body without the lines taken from it."""
    if cover:
        return [(i.style, i.text) for i in flat(cover) if i.text], items
    first = next((n for n, i in enumerate(items) if i.kind not in ("own", "para")), len(items))
    lead = items[:min(first, 8)]
    if not any(i.style in ("Title", "Subtitle") or _cover_word(i.text) for i in lead) or \
            any(len(i.text) > 120 for i in lead):
        return [], items
    return [(i.style if i.kind == "own" else "", i.text) for i in lead], items[len(lead):]


def flat(items: list[Item]) -> list[Item]:
    """Items with the paragraphs of tables (a cover's layout table) in reading order."""
    return [p for i in items for p in (
        flat([c for row in i.rows for cell in row for c in cell]) if i.kind == "table"
        else [i])]


def _cover_word(text: str) -> bool:
    return len(text) < 120 and bool(MUNICIPALITY.match(text) or PERIOD.fullmatch(text.strip())
                                    or DRAFT.match(text) or ADOPTED.match(text)
                                    or text.strip().casefold() == "utkast")


def metadata(lines: list, core: dict, all_text: str, report) -> dict:
    """The `document:` mapping from the cover's lines and the core properties."""
    meta: dict = {}
    for style, text in lines:
        _line(meta, style, text.replace("\\", ""), report)
    meta.setdefault("title", core.get("title") or Note("TODO", "TODO: skriv planens tittel"))
    if "municipality" not in meta:
        author = core.get("author", "")
        meta["municipality"] = author if MUNICIPALITY.match(author) else \
            Note("TODO", "TODO: skriv kommunens navn, f.eks. Hemnes kommune")
    meta = {"municipality": meta.pop("municipality"), "title": meta.pop("title"), **meta}
    if core.get("author") and "author" not in meta:
        meta["author"] = core["author"]
    meta["language"] = _language(core.get("language", ""), all_text)
    if "status" not in meta:
        meta["status"] = Note("utkast", "TODO: høringsutkast eller vedtatt (med dato, organ og "
                                        "sak) når planen er det")
    if core.get("subject"):
        meta["subject"] = core["subject"]
    if core.get("keywords"):
        meta["keywords"] = [k.strip() for k in re.split(r"[,;]", core["keywords"]) if k.strip()]
    report.saw("cover and metadata field", len(meta))
    return meta


def _line(meta: dict, style: str, text: str, report) -> None:
    """One cover line into `meta`."""
    key = {"CoverMunicipality": "municipality", "CoverPart": "part", "Title": "title",
           "Subtitle": "subtitle", "CoverBandStrong": "organisation",
           "CoverCredit": "credit"}.get(style)
    if text in meta.values():
        return                                   # the same line twice (title page + header)
    if key and key not in meta:
        meta[key] = text
    elif (m := PERIOD.search(text)) and "period" not in meta:
        meta["period"] = re.sub(r"\s*[–-]\s*", "–", m.group(1))
    elif MUNICIPALITY.match(text) and "municipality" not in meta:
        meta["municipality"] = text
    elif _band_extra(meta, text):
        pass
    elif style == "CoverBand" or DRAFT.match(text) or ADOPTED.match(text) \
            or text.casefold() == "utkast":
        _status(meta, text)
    elif style in ("", "Title", "Subtitle") and ("title" not in meta or "subtitle" not in meta):
        meta["title" if "title" not in meta else "subtitle"] = text
    else:
        report.kept(f"cover line '{text[:40]}': not used (add it to the YAML by hand)")


def _status(meta: dict, text: str) -> None:
    """'Utkast', 'Høringsutkast — høringsfrist 1. juni 2021', 'Vedtatt i kommunestyret
    12.05.2021, sak 38/20' → status and what it needs; TODO when a part is missing."""
    day, case, adopted = parse_date(text), CASE.search(text), ADOPTED.match(text)
    if case and not adopted:
        meta["case"] = case.group(1)
    if adopted and day and case:
        meta.update(status="vedtatt", date=day, adopted_by=adopted.group(1),
                    case=case.group(1))
    elif DRAFT.match(text) and day:
        meta.update(status="høringsutkast", consultation_deadline=day)
    elif adopted or DRAFT.match(text):
        meta["status"] = Note("utkast", f"TODO: forsiden sier «{text}» — skriv status med "
                                        "dato (og organ og sak for vedtatt)")
    elif "status" not in meta:
        meta["status"] = "utkast"


def _band_extra(meta: dict, text: str) -> bool:
    """'Versjon 2, erstattar versjon 1', 'Arkivsak 25/101' → version, replaces, archive_case."""
    found = False
    for key, pattern in (("version", r"^(?:Versjon|Version)\s+(\S+?),?(?:\s|$)"),
                         ("replaces", r"(?:erstatter|erstattar|replaces)\s+(?:versjon|version)"
                                      r"\s+(\S+)"),
                         ("archive_case", r"^(?:Arkivsak|Archive case)\s+(\S+)")):
        if (m := re.search(pattern, text, re.IGNORECASE)):
            meta[key], found = m.group(1), True
    return found


def _language(core: str, text: str) -> str:
    """nb, nn or en: the core property's language, else which words the text uses."""
    if core[:2] in ("nb", "nn", "en"):
        return core[:2]
    if core[:2] == "no":
        return "nb"
    words = re.findall(r"\w+", text.casefold())
    nn = sum(w in NYNORSK for w in words)
    nb = sum(w in BOKMAL for w in words)
    return "nn" if nn > nb else "nb"
