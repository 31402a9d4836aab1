"""The DOCX writer's fast paths (ooxml/paragraphs, ooxml/tables, ooxml/package) make the same
XML as the python-docx calls they stand in for, so the speed-up changes no byte of a document —
and a python-docx upgrade that changes its output shows up here."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from lxml import etree

from plandoc.writers.docx.ooxml.base import element, put
from plandoc.writers.docx.ooxml.package import write_zip
from plandoc.writers.docx.ooxml.paragraphs import (add_run, emphasise, keep_next, new_paragraph,
                                                   number, restyle)
from plandoc.writers.docx.ooxml.tables import fixed_widths, merge_row, new_table

TEXTS = ["", "a", " lead", "trail ", "tab\there", "\t", "line\r\nbreak\n", "nb\u00a0sp\u00a0",
         "æøå – «sitat»"]


def xml(el) -> bytes:
    return etree.tostring(el)


def word():
    d = docx.Document()
    d.styles.add_style("Plain Body", WD_STYLE_TYPE.PARAGRAPH)
    return d


@pytest.mark.parametrize("text", TEXTS)
def test_add_run_is_python_docx_add_run(text):
    d = word()
    theirs, ours = d.add_paragraph(), d.add_paragraph()
    theirs.add_run(text)
    add_run(ours, text)
    assert xml(ours._p) == xml(theirs._p)


@pytest.mark.parametrize("style", [None, "Normal", "Plain Body"])
def test_new_paragraph_is_python_docx_add_paragraph(style):
    d = word()
    theirs = d.add_paragraph("Tekst", style=style)
    ours = new_paragraph(d, style, "Tekst")
    assert xml(ours._p) == xml(theirs._p)
    assert d.element.body[-1].tag.endswith("sectPr")     # the section's properties stay last
    cell = d.add_table(rows=1, cols=1).cell(0, 0)
    assert xml(new_paragraph(cell, style, "Celle")._p) == xml(cell.add_paragraph("Celle",
                                                                                  style)._p)


def test_restyle_and_keep_next_are_python_docx_setters():
    d = word()
    theirs, ours = d.add_paragraph("x"), d.add_paragraph("x")
    theirs.style, theirs.paragraph_format.keep_with_next = "Plain Body", True
    restyle(ours, "Plain Body")
    keep_next(ours, True)
    assert xml(ours._p) == xml(theirs._p)
    theirs.paragraph_format.keep_with_next = False
    keep_next(ours, False)
    assert xml(ours._p) == xml(theirs._p)


def test_number_is_python_docx_numpr():
    d = word()
    theirs, ours = (d.add_paragraph("x", style="Plain Body") for _ in range(2))
    num_pr = theirs._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val, num_pr.get_or_add_numId().val = 1, 7
    number(ours, 7, 1)
    assert xml(ours._p) == xml(theirs._p)


@pytest.mark.parametrize("cols", [1, 2, 3])
def test_new_table_and_merge_row_are_python_docx_add_table_and_merge(cols):
    d = word()
    widths = [30.0, 50.0, 20.0][:cols]
    theirs = d.add_table(rows=2, cols=cols)
    ours = new_table(d, 2, cols, sum(widths))
    for t in (theirs, ours):
        fixed_widths(t, widths)
    assert xml(ours._tbl) == xml(theirs._tbl)
    theirs.rows[0].cells[0].merge(theirs.rows[0].cells[-1])
    merge_row(ours.rows[0])
    assert xml(ours._tbl) == xml(theirs._tbl)


def test_merge_row_with_content_goes_through_python_docx():
    d = word()
    theirs, ours = d.add_table(rows=1, cols=2), d.add_table(rows=1, cols=2)
    for t in (theirs, ours):
        t.rows[0].cells[1].paragraphs[0].add_run("innhold")
    theirs.rows[0].cells[0].merge(theirs.rows[0].cells[1])
    merge_row(ours.rows[0])
    assert xml(ours._tbl) == xml(theirs._tbl)


def test_put_keeps_schema_order_in_and_out_of_order():
    ppr = element("w:pPr")
    for tag in ("jc", "keepNext", "spacing", "pStyle", "jc"):
        put(ppr, element(f"w:{tag}"))
    assert [etree.QName(el).localname for el in ppr] == ["pStyle", "keepNext", "spacing", "jc"]


def test_write_zip_is_python_docx_save_with_fixed_dates():
    d = word()
    d.add_paragraph("Tekst")
    theirs, ours = io.BytesIO(), io.BytesIO()
    d.save(theirs)
    write_zip(d, ours, (1980, 1, 1, 0, 0, 0))
    a, b = zipfile.ZipFile(theirs), zipfile.ZipFile(ours)
    assert a.namelist() == b.namelist()
    assert all(a.read(n) == b.read(n) for n in a.namelist())
    assert {i.date_time for i in b.infolist()} == {(1980, 1, 1, 0, 0, 0)}


@pytest.mark.parametrize("bold, italic", [(True, False), (False, True), (True, True)])
def test_emphasise_is_python_docx_bold_and_italic(bold, italic):
    d = word()
    p = d.add_paragraph()
    theirs, ours = p.add_run("ord"), add_run(p, "ord")
    if bold:
        theirs.bold = True
    if italic:
        theirs.italic = True
    emphasise(ours, bold, italic)
    assert xml(ours._r) == xml(theirs._r)
