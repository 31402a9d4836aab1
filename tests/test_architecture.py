"""The arrows of the pipeline: readers before the model, layout after it, writers last.

Each package may import only what stands before it (ARCHITECTURE.md): a writer never reads
content files, the reader knows nothing of styles or layout, the style loader nothing of the
reader, the layout nothing of a writer, and the model nothing at all.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "plandoc"

# package → plandoc packages/modules it must not import
FORBIDDEN = {
    "model": {"*"},
    "reader": {"layout", "writers", "style", "charts", "build", "diff"},
    "style": {"reader", "layout", "writers", "charts", "build", "diff"},
    "layout": {"reader", "writers", "charts", "build", "diff", "files"},
    "charts": {"reader", "layout", "writers", "build", "diff", "files"},
    "writers": {"reader", "build", "diff", "files"},
    "files": {"reader", "layout", "writers", "style", "charts", "build", "diff"},
}


def plandoc_imports(path: Path) -> set[str]:
    """The plandoc subpackages or top-level modules a source file imports."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
            [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
        for name in names:
            parts = name.split(".")
            if parts[0] == "plandoc" and len(parts) > 1:
                found.add(parts[1])
            elif parts == ["plandoc"] and isinstance(node, ast.ImportFrom):
                found.update(a.name for a in node.names)
    return found


def files_of(package: str):
    target = SRC / package
    return sorted(target.rglob("*.py")) if target.is_dir() else [SRC / f"{package}.py"]


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_imports_point_forward_only(package):
    bad = []
    for path in files_of(package):
        imported = plandoc_imports(path) - {package, "__version__"}
        banned = imported if "*" in FORBIDDEN[package] else imported & FORBIDDEN[package]
        bad += [f"{path.relative_to(SRC)} imports plandoc.{name}" for name in sorted(banned)]
    assert bad == []


def test_every_module_has_a_docstring():
    missing = [str(p.relative_to(SRC)) for p in sorted(SRC.rglob("*.py"))
               if p.stat().st_size and ast.get_docstring(ast.parse(p.read_text("utf-8"))) is None]
    assert missing == []
