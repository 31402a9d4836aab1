"""The Hemnes invitation reproduces its seed in full: every line's words, in order, in the PDF."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT, run

pypdf = pytest.importorskip("pypdf")
SEED = ROOT / "tests" / "data" / "hemnes-seed.txt"  # copy of ../shared/seeds/000_030b63f926f439c4.txt
WORD = re.compile(r"\w+(?:[-/.]\w+)*")


def words(text: str) -> str:
    """Lower-case words joined by single spaces; punctuation and bullets dropped."""
    return " " + " ".join(WORD.findall(text.lower())) + " "


def seed_lines() -> list[str]:
    lines = [line.strip(" •\u00a0\t") for line in SEED.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if WORD.search(line)]


@pytest.fixture(scope="module")
def pdf_words(tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("hemnes")
    result = run("build", ROOT / "content" / "hemnes-innspillsmote.yaml", "--out", out,
                 "--format", "pdf")
    assert result.exit_code == 0, result.output
    reader = pypdf.PdfReader(out / "hemnes-innspillsmote.pdf")
    text = " ".join(page.extract_text() for page in reader.pages)
    return words(text.replace("-\n", ""))


def test_seed_has_lines():
    assert len(seed_lines()) >= 25


@pytest.mark.parametrize("line", seed_lines())
def test_every_seed_line_is_in_the_pdf(pdf_words, line):
    # "18.00: Velkommen ved …" is laid out as a timetable row: time, title, speaker
    expected = words(re.sub(r"^(\d\d\.\d\d):", r"\1", line))
    assert expected in pdf_words, line
