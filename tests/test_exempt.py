"""Unntatt offentlighet: exempt content is marked in an internal build and absent from every
byte of a public one (DOCX parts, PDF objects and text, the print PDF, the manifest, the chart
cache, the change list)."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pikepdf
import pytest
from docx import Document as Docx

from tests.conftest import run, write

MARKING = "Unntatt offentlighet, jf. offl. § 13, jf. fvl. § 13"
SHORT = "Unntatt offentlighet, jf. offl. § 13"
SECRETS = ("HEMMELIG-T1T", "HEMMELIG-7Q2", "hemmelig-h9x", "HEMMELIG-C4R", "HEMMELIG-P3P",
           "HEMMELIG-F2F", "HEMMELIG-A5A", "HEMMELIG-L6L", "HEMMELIG-D8D")

PLAN = """
document:
  title: Bemanningsplan
  municipality: Testvik kommune
body:
  - chapter: Innledning
    body:
      - paragraph: Se [](#hemmelig-h9x), [kapittelet](#hemmelig-h9x) og [](#hemmelig-fig).
      - chart:
          type: bar
          title: Ansatte per sektor
          alt: Søylediagram over ansatte.
          data: {categories: [Skole, Helse], series: [{name: Ansatte, values: [40, 60]}]}
      - list:
          - Åpent punkt
          - {text: HEMMELIG-L6L punkt, exempt: offl. § 13}
  - chapter: Oppsigelse HEMMELIG-T1T
    id: hemmelig-h9x
    exempt: {basis: "offl. § 13, jf. fvl. § 13", public_title: Personalsak}
    body:
      - paragraph: Saken gjelder HEMMELIG-7Q2.
      - section: Vurdering
        body:
          - chart:
              id: hemmelig-fig
              type: bar
              title: HEMMELIG-C4R fravær
              alt: HEMMELIG-C4R søyler.
              data: {categories: [Jan, Feb], series: [{name: Dager, values: [3, 5]}]}
  - chapter: Oppfølging
    body:
      - paragraph: Åpen tekst i oppfølgingen.
      - text: |
          Avsnittet under er unntatt.
      - paragraph: "Helseopplysning HEMMELIG-P3P."
        exempt: offl. § 13
      - attachments:
          - Kart over planområdet
          - {text: Legeerklæring HEMMELIG-A5A, exempt: {basis: offl. § 13, public_title: ''}}
          - document: personal.yaml
"""
PERSONAL = """
document:
  title: Personalmappe HEMMELIG-D8D
  municipality: Testvik kommune
  kind: saksframlegg
  exempt: {basis: offl. § 13, public_title: Personalmappe}
body:
  - paragraph: Mappen.
"""


@pytest.fixture
def plan(project):
    write(project / "content/personal.yaml", PERSONAL)
    return write(project / "content/plan.yaml", PLAN)


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def _docx_text(path: Path) -> str:
    doc = Docx(str(path))
    return "\n".join(p.text for p in doc.paragraphs).replace("\xa0", " ")


def _variants(secret: str) -> list[bytes]:
    out = []
    for text in (secret, secret.lower(), secret.upper()):
        out += [text.encode(), text.encode("utf-16-be")]
    return out


def _pdf_strings(value, seen: set) -> list[str]:
    """Every text string in a PDF object graph (dictionaries, arrays: outline, annotations,
    structure tree, info)."""
    if isinstance(value, pikepdf.Object) and value.is_indirect:
        if value.objgen in seen:
            return []
        seen.add(value.objgen)
    if isinstance(value, pikepdf.String):
        return [str(value)]
    if isinstance(value, pikepdf.Name):
        return [str(value)]
    if isinstance(value, (pikepdf.Dictionary, pikepdf.Stream)):
        return [s for k in value.keys() for s in [k, *_pdf_strings(value[k], seen)]]
    if isinstance(value, pikepdf.Array):
        return [s for v in value for s in _pdf_strings(v, seen)]
    return []


def _leaks(folder: Path) -> list[str]:
    """'file: secret' for each secret found anywhere under `folder`."""
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        blobs = [path.read_bytes()]
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as z:
                blobs += [z.read(n) for n in z.namelist()] + [n.encode() for n in z.namelist()]
        if path.suffix == ".pdf":
            with pikepdf.open(path) as pdf:
                blobs += [o.read_bytes() for o in pdf.objects if isinstance(o, pikepdf.Stream)]
                blobs.append("\n".join(_pdf_strings(pdf.trailer, set())).encode())
                blobs.append(str(pdf.open_metadata()).encode())
            blobs.append(_pdf_text(path).encode())
        for secret in SECRETS:
            if any(v in blob for blob in blobs for v in _variants(secret)):
                found.append(f"{path.relative_to(folder)}: {secret}")
    return found


def test_an_internal_build_shows_exempt_content_with_its_marking(plan):
    assert run("build", plan, "--out", "out").exit_code == 0
    pdf, docx = _pdf_text(Path("out/plan.pdf")), _docx_text(Path("out/plan.docx"))
    for text in (" ".join(pdf.split()), docx):
        assert "Oppsigelse HEMMELIG-T1T" in text and "HEMMELIG-7Q2" in text
        assert "HEMMELIG-P3P" in text and MARKING in text
        assert f"Legeerklæring HEMMELIG-A5A ({SHORT})" in text
        assert "Se kapittel 2, kapittelet og figur 2." in text
    assert "Personalmappe HEMMELIG-D8D" in docx
    assert docx.index(SHORT) < docx.index("HEMMELIG-P3P")       # the marking stands before it


def test_a_public_build_holds_no_exempt_text_anywhere(plan):
    result = run("build", plan, "--out", "out", "--public", "--print")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in Path("out/offentlig").glob("[!.]*")) == \
        ["plan-print.pdf", "plan.docx", "plan.pdf"]
    assert _leaks(Path("out")) == []
    pdf = " ".join(_pdf_text(Path("out/offentlig/plan.pdf")).split())
    docx = _docx_text(Path("out/offentlig/plan.docx"))
    for text in (pdf, docx):
        assert "2 Personalsak" in text and MARKING in text
        assert "Se kapittel 2, kapittelet og unntatt offentlighet." in text
        assert f"Personalmappe ({SHORT})" in text
        assert "Åpen tekst i oppfølgingen." in text and "Åpent punkt" in text
    assert "Figur 2" not in pdf and "Figur 1" in pdf


def test_public_and_internal_builds_keep_their_own_outputs(plan):
    assert run("build", plan, "--out", "out").exit_code == 0
    internal = Path("out/plan.pdf").read_bytes()
    public = run("build", plan, "--out", "out", "--public")
    assert "1 built" in public.output                  # not taken as up to date
    assert Path("out/plan.pdf").read_bytes() == internal
    assert "0 built, 1 unchanged" in run("build", plan, "--out", "out", "--public").output
    assert _leaks(Path("out/offentlig")) == []
    charts = {p.name for p in Path("out/.cache/charts").iterdir()}
    public_charts = {p.name for p in Path("out/offentlig/.cache/charts").iterdir()}
    assert public_charts < charts                      # the exempt chart was never drawn


def test_a_document_may_ask_to_be_public(plan):
    write(plan, PLAN.replace("  municipality: Testvik kommune\nbody:",
                             "  municipality: Testvik kommune\n  audience: public\nbody:"))
    assert run("build", plan, "--out", "out").exit_code == 0
    assert _leaks(Path("out")) == []
    assert MARKING in _docx_text(Path("out/plan.docx"))


def test_a_document_exempt_as_a_whole_is_refused_in_public(plan):
    result = run("build", "content/personal.yaml", "--out", "out", "--public")
    assert result.exit_code == 2
    assert "content/personal.yaml:5: the document is exempt from public access (offl. § 13) " \
        "and cannot be built for the public" in result.stderr
    assert not [p for p in Path("out").rglob("*") if p.is_file()]
    assert run("check", "content/personal.yaml", "--public").exit_code == 2
    assert run("check", "content/personal.yaml").exit_code == 0
    assert run("build", "content/personal.yaml", "--out", "out").exit_code == 0
    page = _pdf_text(Path("out/personal.pdf"))
    assert page.count("Unntatt offentlighet, jf. offl. § 13") >= 2    # page 1 and its footer


def test_the_public_change_list_holds_no_exempt_text(plan):
    newer = write(plan.with_name("plan2.yaml"), PLAN.replace("Saken gjelder HEMMELIG-7Q2.",
                                                            "Saken gjelder HEMMELIG-7Q2 nå.")
                  .replace("Oppsigelse HEMMELIG-T1T", "Oppsigelse HEMMELIG-T1T og HEMMELIG-D8D")
                  .replace("Åpen tekst i oppfølgingen.", "Ny åpen tekst."))
    internal = run("diff", plan, newer)
    assert "HEMMELIG-D8D" in internal.output
    public = run("diff", plan, newer, "--public")
    assert public.exit_code == 0 and not any(s in public.output for s in SECRETS)
    for fmt in ("docx", "pdf"):
        assert run("diff", plan, newer, "--public", "--format", fmt, "--out", "out").exit_code == 0
    assert sorted(p.name for p in Path("out/offentlig").glob("[!.]*")) == \
        ["plan2-endringer.docx", "plan2-endringer.pdf"]
    assert _leaks(Path("out")) == []


def test_the_layout_knows_its_audience(plan):
    from plandoc.layout import lay_out
    from plandoc.layout.blocks import State
    from plandoc.reader.content import read_document
    from plandoc.style import load_theme
    from tests.conftest import ROOT

    doc, theme = read_document(plan), load_theme("default", [ROOT / "styles"])
    seen = []
    original = State.caption
    State.caption = lambda self, *a, **k: seen.append(self.public) or original(self, *a, **k)
    try:
        inside = lay_out(doc, theme)
        outside = lay_out(doc, theme, public=True)
    finally:
        State.caption = original
    assert seen == [False, False, True]           # two charts inside, one for the public
    assert "HEMMELIG-7Q2" in repr(inside.blocks) and "HEMMELIG-7Q2" not in repr(outside.blocks)


def test_the_example_keeps_its_applicants_out_of_the_public_build(tmp_path):
    from tests.conftest import ROOT

    example = ROOT / "content/tilsetting-rektor.yaml"
    assert run("build", example, "--out", tmp_path).exit_code == 0
    assert run("build", example, "--out", tmp_path, "--public").exit_code == 0
    inside = " ".join(_pdf_text(tmp_path / "tilsetting-rektor.pdf").split())
    outside = " ".join(_pdf_text(tmp_path / "offentlig/tilsetting-rektor.pdf").split())
    assert "Ola Nordmann" in inside and "lønnskrav" in inside
    assert "Ola Nordmann" not in outside and "lønnskrav" not in outside
    assert "Vurdering Unntatt offentlighet, jf. offl. § 25 og offl. § 13, jf. fvl. § 13" \
        in outside


def test_an_action_plan_row_does_not_name_a_goal_left_out(project):
    source = write(project / "content/goal.yaml", """
        document: {title: Plan, municipality: Testvik kommune}
        body:
          - chapter: Personal
            exempt: offl. § 13
            body:
              - goal: Skjult mål HEMMELIG-7Q2.
                id: hemmelig-h9x
          - chapter: Tiltak
            body:
              - action_plan:
                  rows: [{action: Tiltak to, goal: hemmelig-h9x}]
        """)
    assert run("build", source, "--out", "out").exit_code == 0
    assert "HEMMELIG-7Q2" in _pdf_text(Path("out/goal.pdf"))
    assert run("build", source, "--out", "out", "--public").exit_code == 0
    assert _leaks(Path("out/offentlig")) == []
    assert "Tiltak to" in _pdf_text(Path("out/offentlig/goal.pdf"))


def test_an_exempt_plan_is_marked_on_its_cover_and_every_page(plan):
    write(plan, PLAN.replace("  municipality: Testvik kommune\nbody:",
                             "  municipality: Testvik kommune\n  exempt: offl. § 13\nbody:"))
    assert run("build", plan, "--out", "out").exit_code == 0
    pages = _pdf_text(Path("out/plan.pdf")).split("\f")[:-1]
    assert all(SHORT in " ".join(page.split()) for page in pages), len(pages)
    word = Docx("out/plan.docx")
    footers = [p.text for s in word.sections for p in s.footer.paragraphs if p.text.strip()]
    assert footers and all(SHORT in text for text in footers)
    assert run("build", plan, "--out", "out", "--public").exit_code == 2
