"""plandoc watch: a save rebuilds the document that uses the file, one line per rebuild."""

from __future__ import annotations

import os
from pathlib import Path

from plandoc.build import Options
from plandoc.build.watch import Watcher
from tests.conftest import write

DOC = """\
document:
  title: Plan {name}
  municipality: Testvik kommune
body:
  - include: {include}
"""


def test_save_rebuilds_only_the_document_that_uses_the_file(project, capsys):
    write(project / "content/a.yaml", DOC.format(name="a", include="a.md"))
    write(project / "content/b.yaml", DOC.format(name="b", include="b.md"))
    write(project / "content/a.md", "Første versjon.\n")
    write(project / "content/b.md", "Uendret.\n")
    watcher = Watcher([Path("content")], Options(("docx",), Path("out")))
    assert watcher.poll().built == 2
    assert watcher.poll() is None  # nothing saved: nothing done
    write(project / "content/a.md", "Andre versjon.\n")
    os.utime(project / "content/a.md", ns=(1, 1))  # a different mtime even on coarse clocks
    summary = watcher.poll()
    assert (summary.built, summary.unchanged, summary.failed) == (1, 1, 0)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[-1].endswith(" s") and " rebuilt content/a.yaml in " in lines[-1]


def test_a_mistake_is_reported_and_the_next_save_fixes_it(project, capsys):
    write(project / "content/a.yaml", DOC.format(name="a", include="a.md"))
    write(project / "content/a.md", "Tekst.\n")
    watcher = Watcher([Path("content")], Options(("docx",), Path("out")))
    watcher.poll()
    write(project / "content/a.yaml", DOC.format(name="a", include="mangler.md"))
    assert watcher.poll().failed == 1
    err = capsys.readouterr().err
    assert err.startswith("content/a.yaml:5: ")
    write(project / "content/a.yaml", DOC.format(name="a", include="a.md") + "\n")
    assert watcher.poll().built == 1


def _docx_words(path: Path) -> str:
    import docx
    return " ".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_a_document_read_for_an_earlier_rebuild_is_not_reused(project):
    """One saved document is read here and handed to the workers of its formats; the next
    rebuild (two documents, one worker each) must read it again, not take that old reading."""
    for name in "ab":
        write(project / f"content/{name}.yaml", DOC.format(name=name, include=f"{name}.md"))
        write(project / f"content/{name}.md", "Første versjon.\n")
    watcher = Watcher([Path("content")], Options(("docx", "pdf"), Path("out")), jobs=2)
    assert watcher.poll().built == 2
    for n, (names, text) in enumerate([("a", "Andre versjon."), ("ab", "Tredje versjon.")]):
        for name in names:
            write(project / f"content/{name}.md", text + "\n")
            os.utime(project / f"content/{name}.md", ns=(n + 1, n + 1))
        assert watcher.poll().built == len(names)
        assert text in _docx_words(project / "out/a.docx")
