"""reportlab's parsed faces kept in OUT/.cache/fonts: a cold process does not parse the fonts'
tables again, and what it draws is the same, byte for byte."""

from __future__ import annotations

import hashlib
import marshal
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace, TTFontFile, TTFontParser

from plandoc.style import factcache
from plandoc.writers.pdf import facecache

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / "styles" / "vefsn" / "fonts"
REGULAR, BOLD = FONTS / "LiberationSans-Regular.ttf", FONTS / "LiberationSans-Bold.ttf"

# A build in a fresh process, counting reportlab's parses of font tables.
PROBE = """
import sys
from reportlab.pdfbase.ttfonts import TTFontFile
from plandoc.cli import main
parsed = []
extract = TTFontFile.extractInfo
def counted(self, *args, **kwargs):
    parsed.append(self.filename)
    return extract(self, *args, **kwargs)
TTFontFile.extractInfo = counted
try:
    main(["build", "content", "--out", "out", "--force", "--jobs", "1", "--format", "pdf", "-q"])
except SystemExit as exit:
    assert not exit.code, exit.code
print(len(parsed))
"""


def build(project: Path) -> tuple[int, bytes]:
    """Build the project's plan to PDF in a new process: (faces parsed, the PDF's bytes)."""
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=project, capture_output=True,
                          text=True, check=True)
    return int(done.stdout.split()[-1]), (project / "out" / "plan.pdf").read_bytes()


def test_a_second_process_takes_the_faces_from_the_cache_and_writes_the_same_pdf(project):
    (project / "content" / "plan.yaml").write_text(
        (ROOT / "content" / "vefsn.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copy(ROOT / "content" / "befolkning.csv", project / "content")
    parsed, first = build(project)
    assert parsed >= 4                              # the vefsn family, parsed and kept
    assert len(list((project / "out" / ".cache" / "fonts").glob(f"*-{facecache.KIND}-*"))) >= 4
    parsed, again = build(project)
    assert parsed == 0
    assert again == first


@pytest.fixture
def cache(tmp_path):
    """A cache folder the way a build names it; none again afterwards."""
    factcache.use(tmp_path / "cache")
    yield tmp_path / "cache"
    factcache.use(None)


@pytest.fixture
def parses(monkeypatch):
    """The files reportlab parses (TTFontFile.extractInfo) from now on."""
    seen = []
    extract = TTFontFile.extractInfo

    def counted(self, *args, **kwargs):
        seen.append(Path(self.filename).name)
        return extract(self, *args, **kwargs)

    monkeypatch.setattr(TTFontFile, "extractInfo", counted)
    return seen


def kept(path: Path, parses: list) -> TTFont:
    """Parse `path` as a build does and keep its face; the next one comes from the entry."""
    font = facecache.ttfont("kept", path)
    factcache.flush()
    assert same_face(facecache.ttfont("from the entry", path).face, font.face)
    assert parses == [path.name]
    return font


def same_face(a: TTFontFace, b: TTFontFace) -> bool:
    """Every attribute alike (the scale function compared by what it gives; glyphToChar, read
    when first asked for, asked for)."""
    assert a.glyphToChar == b.glyphToChar
    strip = lambda face: {k: v for k, v in vars(face).items() if k != "_pdfScale"}  # noqa: E731
    return strip(a) == strip(b) and a._pdfScale(1234) == b._pdfScale(1234)


def test_a_kept_face_is_the_parsed_face(cache, parses):
    parsed = kept(REGULAR, parses)
    font = facecache.ttfont("again", REGULAR)
    assert parses == [REGULAR.name]                # the later faces came from the entry
    assert isinstance(font, TTFont) and same_face(font.face, parsed.face)
    assert type(font.face.name) is type(parsed.face.name)
    assert font.face.name.ustr == "LiberationSans"
    assert sorted(vars(font)) == sorted(vars(TTFont("plain", str(REGULAR))))
    assert font.stringWidth("Plan for Vefsn – 2025", 11) == parsed.stringWidth(
        "Plan for Vefsn – 2025", 11)


def test_the_state_kept_is_what_reportlab_parses():
    """STATE names exactly what extractInfo adds to a face in this reportlab."""
    face = TTFontFace(str(REGULAR))
    before = set(vars(TTFontParser(str(REGULAR)))) | set(vars(pdfmetrics.TypeFace(None)))
    again = set(facecache.STATE) - {"name", "familyName", "ascent", "descent", "_pos"}
    assert set(vars(face)) - before - {"_pdfScale"} == again
    assert set(facecache.STATE) <= set(vars(face))


@pytest.mark.parametrize("damage", ["garbage", "truncated", "flipped", "foreign", "other font"])
def test_a_damaged_or_foreign_entry_is_ignored(cache, parses, damage):
    parsed = kept(REGULAR, parses)
    entry = next(cache.glob(f"*-{facecache.KIND}-*"))
    data = entry.read_bytes()
    if damage == "garbage":
        data = b"\x00\xff" * 100
    elif damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "flipped":
        data = data[:-500] + bytes([data[-500] ^ 0x10]) + data[-499:]
    elif damage == "foreign":   # well formed, but not a face: the right head and checksum
        body = marshal.dumps({"name": "x", "numGlyphs": 3})
        data = facecache._head(REGULAR) + hashlib.sha256(body).digest() + body
    else:                       # the bold face's entry, under the regular one's name
        data = facecache._entry(TTFontFace(str(BOLD)), BOLD)
    entry.write_bytes(data)
    font = facecache.ttfont("again", REGULAR)
    assert parses.count(REGULAR.name) == 2         # parsed again, no crash
    assert same_face(font.face, parsed.face)


def test_a_changed_font_file_is_parsed_again(cache, parses, tmp_path):
    font = tmp_path / "Body.ttf"
    shutil.copy(REGULAR, font)
    kept(font, parses)
    shutil.copy(BOLD, font)                         # same name, other bytes: another hash
    changed = facecache.ttfont("changed", font)
    assert parses == ["Body.ttf", "Body.ttf"]
    assert changed.face.name == b"LiberationSans-Bold"
    assert same_face(changed.face, TTFontFace(str(font)))


def test_without_a_cache_folder_nothing_is_kept(tmp_path, parses):
    factcache.use(None)
    facecache.ttfont("one", REGULAR)
    factcache.flush()
    facecache.ttfont("two", REGULAR)
    assert parses == [REGULAR.name, REGULAR.name]
    assert not list(tmp_path.rglob("*.bin"))
