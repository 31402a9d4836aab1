"""What a path imports: nothing it does not use (each import is paid by every process)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import write

NETWORK = ("xml.sax.saxutils", "urllib.request", "http.client", "ssl", "email")


def modules_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint('\\n'.join(sys.modules))"
    return set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              check=True).stdout.split())


def test_writers_do_not_import_the_network_modules_of_xml_sax():
    for writer in ("plandoc.writers.pdf.build, plandoc.writers.pdf.finish",
                   "plandoc.writers.docx"):
        assert not modules_after(f"import {writer}") & set(NETWORK), writer


def test_split_build_imports_the_model_and_layout_once(project):
    """The format workers inherit the model and layout from the process that reads, and
    Pillow, which measured the style's logo there."""
    write(project / "content/a.yaml", """\
        document:
          title: Plan a
          municipality: Testvik kommune
          style: vefsn
        body:
          - paragraph: Tekst.
        """)
    code = ("from plandoc.cli import main\n"
            "main(['build', 'content/a.yaml', '--out', 'out', '--jobs', '2', '-q'])")
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", code], cwd=project,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert (project / "out/a.pdf").exists() and (project / "out/a.docx").exists()
    names = [line.split("|")[-1].strip() for line in result.stderr.splitlines()
             if line.startswith("import time:")]
    # (-X importtime does not log what importlib.import_module imports itself, only below it)
    for module in ("plandoc.model", "plandoc.layout.boxes", "plandoc.style.theme",
                   "PIL._imaging"):
        assert names.count(module) == 1, (module, names.count(module))


def test_check_does_not_import_the_layout_or_the_font_cache_modules(project):
    """`plandoc check` reads and validates; laying out is the build's (tens of ms of classes),
    and it keeps no font facts (json, hashlib: plandoc.style.factcache)."""
    write(project / "content/a.yaml", "document:\n  title: Plan a\n  municipality: Testvik "
          "kommune\n  style: vefsn\nbody:\n  - paragraph: Tekst.\n")
    code = ("import sys\nfrom plandoc.cli import main\n"
            "try:\n    main(['check', 'content/a.yaml'])\n"
            "except SystemExit as e:\n    assert not e.code, e.code\n"
            "print(sorted(m for m in sys.modules if m.startswith('plandoc.layout')\n"
            "             or m in ('json', 'hashlib')))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True,
                         text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"
