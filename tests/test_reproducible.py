"""Same inputs → same bytes: in another folder, at another time, with SOURCE_DATE_EPOCH."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import docx
import pikepdf

ROOT = Path(__file__).resolve().parent.parent
UNDATED = """\
document:
  title: Udatert plan
  municipality: Testvik kommune
body:
  - paragraph: Ingen dato her.
"""


def copy_tree(dest: Path) -> Path:
    shutil.copytree(ROOT / "content", dest / "content")
    shutil.copytree(ROOT / "styles", dest / "styles")
    (dest / "content/udatert.yaml").write_text(UNDATED, encoding="utf-8")
    return dest


def build(folder: Path, env=None) -> None:
    subprocess.run([sys.executable, "-m", "plandoc", "build", "content", "--out", "out", "-q"],
                   cwd=folder, check=True, env=env)


def test_two_folders_two_times_same_bytes(tmp_path):
    one, two = copy_tree(tmp_path / "one"), copy_tree(tmp_path / "two")
    build(one)
    time.sleep(2.1)  # zip times have a 2-second resolution: a clock leak would show
    build(two)
    for name in ("vefsn.docx", "vefsn.pdf", "udatert.docx", "udatert.pdf"):
        assert (one / "out" / name).read_bytes() == (two / "out" / name).read_bytes(), name
    with pikepdf.open(one / "out/vefsn.pdf") as a, pikepdf.open(one / "out/udatert.pdf") as b:
        assert bytes(a.trailer.ID[0]) != bytes(b.trailer.ID[0])  # the /ID follows the content
        assert "/CreationDate" not in b.docinfo  # no date in the content, none in the file


def test_source_date_epoch_dates_an_undated_document(tmp_path):
    folder = tmp_path
    (folder / "content").mkdir()
    (folder / "content/udatert.yaml").write_text(UNDATED, encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    build(folder, env)
    core = docx.Document(str(folder / "out/udatert.docx")).core_properties
    assert core.created.isoformat() == "2023-11-14T22:13:20+00:00"
    with pikepdf.open(folder / "out/udatert.pdf") as pdf:
        assert str(pdf.docinfo["/CreationDate"]) == "D:20231114221320Z"
