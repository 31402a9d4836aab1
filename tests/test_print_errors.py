"""Bad style input for print and archive: exact messages, exit 2, nothing written."""

from __future__ import annotations

from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from PIL import Image as PILImage

from plandoc.style.assets import builtin_font_dir
from tests.conftest import run, write

DOC = """\
document:
  title: Plan
  municipality: Testvik kommune
  style: trykk
body:
  - paragraph: Tekst.
"""


def build(project, style: str):
    write(project / "styles/trykk/style.yaml", style)
    write(project / "content/doc.yaml", DOC)
    return run("build", "content/doc.yaml", "--print", "--out", "out")


def assert_fails(project, result, *messages):
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == list(messages)
    assert "Traceback" not in result.output
    assert not (project / "out").exists() or not any((project / "out").iterdir())


def test_cmyk_out_of_range_and_unknown_colour(project):
    result = build(project, """\
cmyk:
  primary: [100, 45, 0, 155]
  accent: [10, 20, 30]
  primay: [0, 0, 0, 100]
  swot: {threats: [0, -5, 80, 0]}
""")
    assert_fails(project, result,
                 "styles/trykk/style.yaml:2: cmyk primary must be four numbers from 0 to 100 "
                 "[C, M, Y, K], got [100, 45, 0, 155]",
                 "styles/trykk/style.yaml:3: cmyk accent must be four numbers from 0 to 100 "
                 "[C, M, Y, K], got [10, 20, 30]",
                 "styles/trykk/style.yaml:4: cmyk primay names no colour — did you mean "
                 "'primary'?",
                 "styles/trykk/style.yaml:5: cmyk swot threats must be four numbers from 0 to "
                 "100 [C, M, Y, K], got [0, -5, 80, 0]")


def test_typography_and_print_switches_must_be_booleans(project):
    result = build(project, "typography: {justify: ja}\nprint: {enabled: 1}\npdfa: kanskje\n")
    assert_fails(project, result,
                 "styles/trykk/style.yaml:1: typography justify must be true or false, got 'ja'",
                 "styles/trykk/style.yaml:2: print enabled must be true or false, got 1",
                 "styles/trykk/style.yaml:3: pdfa must be true or false, got 'kanskje'")


def dejavu() -> Path:
    return builtin_font_dir() / "DejaVuSans.ttf"


def test_font_without_norwegian_letters_says_which_are_missing(project):
    target = project / "styles/trykk/fonts/Latin.ttf"
    target.parent.mkdir(parents=True)
    options = subset.Options()
    font = TTFont(dejavu())
    sub = subset.Subsetter(options)
    sub.populate(text="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ æÆ")
    sub.subset(font)
    font.save(target)
    result = build(project, "fonts:\n  body:\n    regular: fonts/Latin.ttf\n")
    assert_fails(project, result,
                 "styles/trykk/style.yaml:3: font Latin.ttf lacks the Norwegian letters ø å Ø Å "
                 "— expected a font with all of æøåÆØÅ")


def test_font_whose_licence_forbids_embedding_is_refused(project):
    target = project / "styles/trykk/fonts/Restricted.ttf"
    target.parent.mkdir(parents=True)
    font = TTFont(dejavu())
    font["OS/2"].fsType = 0x0002
    font.save(target)
    result = build(project, "fonts:\n  body:\n    bold: fonts/Restricted.ttf\n")
    assert_fails(project, result,
                 "styles/trykk/style.yaml:3: font Restricted.ttf may not be embedded: its "
                 "licence forbids it (OS/2 fsType 0x0002, restricted licence embedding) — the "
                 "PDF embeds every font; choose another")


def test_damaged_font_is_refused(project):
    write(project / "styles/trykk/fonts/Broken.ttf", "")
    (project / "styles/trykk/fonts/Broken.ttf").write_bytes(b"\x00\x01\x00\x00" + b"\x00" * 40)
    result = build(project, "fonts:\n  body:\n    regular: fonts/Broken.ttf\n")
    assert_fails(project, result,
                 "styles/trykk/style.yaml:3: font Broken.ttf cannot be read: the file is damaged "
                 "— expected a TrueType font (.ttf)")


def truncated_png(path: Path) -> None:
    PILImage.new("RGB", (400, 300), (200, 10, 10)).save(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def test_logo_that_cannot_be_read(project):
    (project / "styles/trykk").mkdir(parents=True)
    truncated_png(project / "styles/trykk/logo.png")
    result = build(project, "name: Trykk\nlogo: logo.png\n")
    assert_fails(project, result,
                 "styles/trykk/style.yaml:2: image logo.png cannot be read: the file is damaged "
                 "or incomplete — expected a PNG or JPEG file")


def test_content_image_that_cannot_be_read(project):
    truncated_png(project / "content/kart.png")
    write(project / "styles/trykk/style.yaml", "name: Trykk\n")
    write(project / "content/doc.yaml", DOC + "  - image: {file: kart.png, alt: Kart}\n")
    result = run("build", "content/doc.yaml", "--out", "out")
    assert_fails(project, result,
                 "content/doc.yaml:7: image 'kart.png' cannot be used: the file is damaged or "
                 "incomplete — expected a PNG or JPEG file")
