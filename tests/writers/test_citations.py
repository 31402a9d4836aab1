"""Citations `[@id]` and the references block: '(TØI, 2017)' in the text of both formats, each
a link to its entry in the reference list (a PDF link annotation whose destination is the
entry's line, a DOCX w:hyperlink whose w:anchor is the bookmark around the entry), the list
sorted with 2017a / 2017b, and the list's words per language."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from plandoc.layout import lay_out
from plandoc.layout.boxes import HeadingBox, ReferencesBox, TextBox
from plandoc.model import plain
from plandoc.reader.content import read_document
from plandoc.style import load_theme
from tests.conftest import PLAN_HEAD, ROOT, run, write
from tests.writers.test_xref import _pdf_links, _pdf_text, needs_poppler

HEAD = PLAN_HEAD

BODY = """\
  - chapter: Innledning
  - paragraph: "Folketallet øker [@ssb2023, tabell 07459]. Godset går på vei [@tøi-gods; @tøi-pendling]."
  - text: |
      Meldingen peker på distriktene [@meld5][^1].

      [^1]: Se også [@tøi-pendling].
  - references:
{title}      items:
        - id: tøi-gods
          author: TØI
          year: 2017
          title: Godstransport i Norge
          publisher: Transportøkonomisk institutt
          note: TØI-rapport 1570/2017
        - id: ssb2023
          author: Statistisk sentralbyrå
          short: SSB
          year: 2023
          title: "Tabell 07459: Befolkning"
          url: https://www.ssb.no/statbank/table/07459
          accessed: 2024-03-12
        - id: tøi-pendling
          author: TØI
          year: 2017
          title: Arbeidsreiser og pendling
        - id: meld5
          author: Kommunal- og moderniseringsdepartementet
          year: 2020
          title: Meld. St. 5 (2019–2020) Levende lokalsamfunn for fremtiden
        - id: bakgrunn
          author: Østlandsforskning
          year: u.å.
          title: Bakgrunnslitteratur som ikke siteres
"""

ENTRIES = [
    "Kommunal- og moderniseringsdepartementet (2020). Meld. St. 5 (2019–2020) Levende "
    "lokalsamfunn for fremtiden.",
    "Statistisk sentralbyrå (2023). Tabell 07459: Befolkning. "
    "https://www.ssb.no/statbank/table/07459 (lest 12. mars 2024)",
    "TØI (2017a). Arbeidsreiser og pendling.",
    "TØI (2017b). Godstransport i Norge. Transportøkonomisk institutt. TØI-rapport 1570/2017.",
    "Østlandsforskning (u.å.). Bakgrunnslitteratur som ikke siteres.",
]


def _doc(project: Path, lang: str = "nb", title: str = "") -> Path:
    return write(project / "content/doc.yaml", HEAD.format(lang=lang)
                 + BODY.format(title=f"      title: {title}\n" if title else ""))


def build(project: Path) -> Path:
    _doc(project)
    result = run("build", "content/doc.yaml", "--out", "out", "-j", "1", "--force")
    assert result.exit_code == 0, result.output
    return project / "out"


def _layout(path: Path):
    return lay_out(read_document(path), load_theme("default", [ROOT / "styles"]))


def _said(text: str) -> str:
    return text.replace("\u00a0", " ")


# --- the layout: once for both writers ---------------------------------------------------------


def test_citations_read_as_author_and_year_with_a_and_b_for_the_same_author_and_year(project):
    layout = _layout(_doc(project))
    texts = [_said(plain(b.text)) for b in layout.blocks if isinstance(b, TextBox)]
    assert texts[0] == ("Folketallet øker (SSB, 2023, tabell 07459). Godset går på vei "
                        "(TØI, 2017b; TØI, 2017a).")
    assert texts[1].startswith("Meldingen peker på distriktene "
                               "(Kommunal- og moderniseringsdepartementet, 2020)")


def test_the_list_is_sorted_by_author_then_year_in_norwegian_order(project):
    layout = _layout(_doc(project))
    (box,) = [b for b in layout.blocks if isinstance(b, ReferencesBox)]
    assert [_said(plain(e.text)) for e in box.entries] == ENTRIES
    # every citation links to its own entry's target
    cited = [s for b in layout.blocks if isinstance(b, TextBox) for s in b.text if s.href]
    targets = {s.href: layout.targets[s.href[1:]] for s in cited}
    assert targets["#@tøi-gods"] == box.entries[3].target
    assert targets["#@ssb2023"] == box.entries[1].target


@pytest.mark.parametrize("lang, title, accessed", [
    ("nb", "Kilder", "(lest 12. mars 2024)"), ("nn", "Kjelder", "(lese 12. mars 2024)"),
    ("en", "References", "(accessed 12 March 2024)")])
def test_the_list_title_and_accessed_follow_the_language(project, lang, title, accessed):
    layout = _layout(_doc(project, lang))
    headings = [plain(b.text) for b in layout.blocks if isinstance(b, HeadingBox)]
    assert headings == ["Innledning", title]
    assert layout.contents.entries[-1].text == title      # an unnumbered chapter, listed
    (box,) = [b for b in layout.blocks if isinstance(b, ReferencesBox)]
    assert plain(box.entries[1].text).endswith(accessed)


def test_the_author_may_title_the_list(project):
    layout = _layout(_doc(project, title="Litteratur"))
    assert [plain(b.text) for b in layout.blocks if isinstance(b, HeadingBox)][-1] == \
        "Litteratur"


def test_the_list_may_come_from_a_yaml_file(project):
    path = _doc(project)
    text = path.read_text(encoding="utf-8")
    start = text.index("      items:\n")
    items = text[start + len("      items:\n"):]
    write(project / "content/kilder.yaml", "\n".join(line[8:] for line in items.split("\n")))
    path.write_text(text[:start] + "      file: kilder.yaml\n", encoding="utf-8")
    layout = _layout(path)
    (box,) = [b for b in layout.blocks if isinstance(b, ReferencesBox)]
    assert [_said(plain(e.text)) for e in box.entries] == ENTRIES
    assert project / "content/kilder.yaml" in read_document(path).inputs


# --- the outputs --------------------------------------------------------------------------------


@needs_poppler
def test_citations_in_the_pdf_link_to_their_entries(project):
    out = build(project)
    text = _said(_pdf_text(out / "doc.pdf"))
    assert "Folketallet øker (SSB, 2023, tabell 07459)." in text
    assert "(TØI, 2017b; TØI, 2017a)." in text
    assert all(entry in text for entry in ENTRIES[2:])
    links = {_said(t).strip("()"): line for t, line in _pdf_links(out / "doc.pdf")}
    assert links["SSB, 2023, tabell 07459"].startswith("Statistisk sentralbyrå (2023).")
    assert links["TØI, 2017a"].startswith("TØI (2017a). Arbeidsreiser")
    assert links["TØI, 2017b"].startswith("TØI (2017b). Godstransport")


def _bookmarked(word) -> dict[str, str]:
    """Bookmark name → the text of the paragraph it wraps."""
    return {start.get(qn("w:name")): "".join(t.text or "" for t in p.iter(qn("w:t")))
            for p in word.element.body.iter(qn("w:p"))
            for start in p.iter(qn("w:bookmarkStart"))}


def test_citations_in_the_docx_are_hyperlinks_to_bookmarked_entries(project):
    out = build(project)
    word = docx.Document(str(out / "doc.docx"))
    marked = _bookmarked(word)
    body = [p for p in word.paragraphs if p.text.startswith("Folketallet")][0]
    assert _said("".join(t.text for t in body._p.iter(qn("w:t")))) == (
        "Folketallet øker (SSB, 2023, tabell 07459). Godset går på vei (TØI, 2017b; TØI, 2017a).")
    links = {_said("".join(t.text for t in link.iter(qn("w:t")))):
             marked[link.get(qn("w:anchor"))] for link in body._p.iter(qn("w:hyperlink"))}
    assert links["TØI, 2017a"].startswith("TØI (2017a). Arbeidsreiser")
    assert links["SSB, 2023, tabell 07459"].startswith("Statistisk sentralbyrå (2023).")
    entries = [p for p in word.paragraphs if p.style.name == "Bibliography"]
    assert [_said(p._p.xpath("string(.)")) for p in entries] == ENTRIES
    assert entries[0].style.paragraph_format.first_line_indent < 0    # a hanging indent


def test_a_citation_in_a_footnote_links_to_its_entry(project):
    out = build(project)
    marked = _bookmarked(docx.Document(str(out / "doc.docx")))
    with zipfile.ZipFile(out / "doc.docx") as z:
        notes = z.read("word/footnotes.xml").decode()
    anchor = notes.split('w:anchor="')[1].split('"')[0]
    assert marked[anchor].startswith("TØI (2017a). Arbeidsreiser")


@needs_poppler
def test_a_citation_in_a_footnote_of_the_pdf_links_to_its_entry(project):
    out = build(project)
    assert "Se også (TØI, 2017a)." in _said(_pdf_text(out / "doc.pdf"))
    links = [(_said(t).strip("()"), line) for t, line in _pdf_links(out / "doc.pdf")]
    assert sum(1 for t, line in links if t == "TØI, 2017a"
               and line.startswith("TØI (2017a). Arbeidsreiser")) == 2    # text and note


def test_a_cross_reference_in_a_footnote_gets_its_label_too(project):
    path = write(project / "content/doc.yaml", HEAD.format(lang="nb") + """\
  - chapter: Innledning
    id: inn
  - text: |
      Tekst[^1].

      [^1]: Se [](#inn).
""")
    (note,) = [s.note for s in _layout(path).blocks[-1].text if s.note]
    assert _said(plain(note)) == "Se kapittel 1."
