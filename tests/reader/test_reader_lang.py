"""Spans in another language: `[climate adaptation]{lang=en}` in inline fields and block
Markdown gives spans with `lang` (formatting inside kept, the text alone in plain()); what is
wrong with one is reported at its line."""

from __future__ import annotations

import pytest

from plandoc.errors import ContentError
from plandoc.model import Paragraph, Span, plain
from plandoc.reader.content import read_document
from plandoc.reader.inline import parse_inline
from tests.conftest import write

HEAD = "document:\n  title: Plan\n  municipality: Testvik kommune\nbody:\n"


def test_a_bracketed_span_gives_its_text_a_language():
    spans = parse_inline("Vi sier [Sámi giella]{lang=se} og [klima]{lang=en-GB}.")
    assert [(s.text, s.lang) for s in spans] == [
        ("Vi sier ", None), ("Sámi giella", "se"), (" og ", None), ("klima", "en-GB"),
        (".", None)]
    assert plain(spans) == "Vi sier Sámi giella og klima."


def test_bold_italic_and_links_inside_a_span_keep_the_language():
    spans = parse_inline("[**climate** *adaptation* [plan](https://example.com)]{lang=en}")
    assert spans == (Span("climate", bold=True, lang="en"), Span(" ", lang="en"),
                     Span("adaptation", italic=True, lang="en"), Span(" ", lang="en"),
                     Span("plan", href="https://example.com", lang="en"))


def test_plain_brackets_links_and_citations_are_no_spans():
    spans = parse_inline("[sic] og [lenke](https://example.com) {lang=en}")
    assert all(s.lang is None for s in spans)
    assert plain(spans) == "[sic] og lenke {lang=en}"


def test_spans_in_block_markdown_and_an_included_file(project):
    write(project / "content/tekst.md", "Folk sier [*buorre beaivi*]{lang=se}.\n\n"
          "- [Sørsamisk]{lang=sma} i en liste\n")
    doc = read_document(write(project / "content/doc.yaml", HEAD + "  - include: tekst.md\n"
                              "  - text: |\n      Et [ord]{lang=nn} her.\n"))
    langs = [(s.text, s.italic, s.lang) for b in doc.blocks
             for s in getattr(b, "text", None) or
             [x for item in getattr(b, "items", ()) for x in item.text] if s.lang]
    assert langs == [("buorre beaivi", True, "se"), ("Sørsamisk", False, "sma"),
                     ("ord", False, "nn")]
    assert isinstance(doc.blocks[0], Paragraph)


@pytest.mark.parametrize("text, message", [
    ("[klima]{lang=english}", "language tag 'english' is not valid — expected a code such as "
     "'en', 'se' or 'en-GB'"),
    ("[klima]{lang=EN}", "language tag 'EN' is not valid — expected a code such as 'en', 'se' "
     "or 'en-GB'"),
    ("[klima]{.engelsk}", "span attribute '.engelsk' is not supported — expected only the "
     "language, as in [climate adaptation]{lang=en}"),
    ("[klima]{lang=en dir=ltr}", "span attribute 'dir=ltr' is not supported — expected only "
     "the language, as in [climate adaptation]{lang=en}"),
])
def test_a_bad_span_is_reported_at_its_line(project, text, message):
    path = write(project / "content/doc.yaml", HEAD + "  - paragraph: Tekst.\n"
                 f"  - text: |\n      Første linje.\n      Så {text} her.\n")
    with pytest.raises(ContentError) as caught:
        read_document(path)
    assert [(p.line, p.message) for p in caught.value.problems] == [(8, message)]
