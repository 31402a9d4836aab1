"""How the DOCX writer is built: one handler per box kind, raw XML only in writers/docx/ooxml,
small documented modules."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest

import plandoc.writers.docx as docx_writer
from plandoc.layout import BOX_KINDS
from plandoc.writers.docx.walk import WRITERS

PACKAGE = Path(docx_writer.__file__).parent
MODULES = sorted(PACKAGE.rglob("*.py"))
OUTSIDE_OOXML = [m for m in MODULES if "ooxml" not in m.relative_to(PACKAGE).parts]
RAW = ("._p", "._tc", "._tbl", "._tr", "._element", ".element", "_sectPr", "._inline",
       "parse_xml", "OxmlElement", "qn(")
LONGEST_FUNCTION = 25     # lines, docstring included


def test_every_box_kind_has_exactly_one_writer():
    assert set(WRITERS) == set(BOX_KINDS)
    assert len(WRITERS) == len(BOX_KINDS)


def test_every_writer_takes_ctx_and_box():
    for kind, handler in WRITERS.items():
        assert list(inspect.signature(handler).parameters) == ["ctx", "box"], (kind, handler)


def test_only_ooxml_touches_raw_xml_or_python_docx_internals():
    assert OUTSIDE_OOXML and len(OUTSIDE_OOXML) < len(MODULES)
    found = [(m.relative_to(PACKAGE).as_posix(), n, token)
             for m in OUTSIDE_OOXML
             for n, line in enumerate(m.read_text(encoding="utf-8").splitlines(), start=1)
             for token in RAW if token in line]
    assert found == []


def test_the_scan_would_catch_raw_xml():
    sample = "p._p.get_or_add_pPr()\nel = OxmlElement('w:b')\nx.set(qn('w:val'), '1')"
    assert {token for token in RAW if token in sample} == {"._p", "OxmlElement", "qn("}


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.relative_to(PACKAGE).as_posix())
def test_module_has_a_docstring_and_short_functions(module):
    tree = ast.parse(module.read_text(encoding="utf-8"))
    assert ast.get_docstring(tree), f"{module.name} has no docstring"
    long = [(node.name, node.end_lineno - node.lineno + 1) for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > LONGEST_FUNCTION]
    assert long == []


def test_no_tints_or_generated_words_in_the_writer():
    for module in MODULES:
        text = module.read_text(encoding="utf-8")
        assert not re.search(r"\.tint\(|\btint\(", text), module.name
        assert "labels(" not in text and "status_line" not in text, module.name
