"""Text that reads back right: words apart at line ends, hyphenated words whole.

reportlab draws a paragraph's lines without a space between them, so a screen reader (and any
tool that reads the structure tree) runs the last word of a line into the first of the next
("kommunekommet").  And the hyphen it inserts when it breaks a word is an ordinary '-', so the
word reads as two ("perio- den").  Both are fixed where a line is written, in the one text
object class every paragraph draws with (`ReadingText`, made by `ReadingCanvas.beginText`):

- a line that ends in a word gets a space after it when another line follows in the same
  paragraph: drawn after the line's last glyph, it is invisible and moves nothing;
- a paragraph's label (drawn apart, with textOut) gets a space after it the same way;
- a line that ends in a hyphenation break — a head and tail that `hyphenator` offered reportlab
  for that word, so a hyphen of the text itself ('CO₂-' at a line end) is not one — makes the
  word's two parts one /Span whose /ActualText is the whole word ("perioden"), which pdftotext,
  copy and paste and screen readers use instead of the drawn glyphs.  Whether the break is one
  is known when the next line starts, so the /Span's place is kept in the code until then;
- a span in another language (`Span.lang`) is marked content `/Span <</Lang (en)>> BDC … EMC`
  inside the paragraph's: markup.py puts a zero-width onDraw marker before and after its text,
  and `language` (the canvas's LANGUAGE callback) writes the operators into this text object
  where reportlab reaches them.  A paragraph split over pages is a text object per part: a
  span still open at a part's end is closed there (before ET), and the next part begins it
  again (`languages_after`, which flowables.LinedParagraph gives its split parts), so no marked
  content crosses BT/ET.  A line that ends in such a marker still gets its space.
"""

from __future__ import annotations

import re

from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

LANGUAGE = "plandoc_lang"               # the onDraw callback of a language span's markers
OFFERED: set[tuple[str, str]] = set()   # (head, tail) breaks the hyphenator gave reportlab
_HEAD = re.compile(r"\S*-$")           # a line's last word, broken
_TAIL = re.compile(r"^\S*")            # the first word of the next line


def hyphenator(language: str):
    """A reportlab hyphenator (word → (head, tail) pairs) that remembers what it offered."""
    import pyphen

    iterate = pyphen.Pyphen(lang=language).iterate

    def pairs(word: str):
        for head, tail in iterate(word):
            OFFERED.add((head, tail))
            yield head, tail
    return pairs


class ReadingText(PDFTextObject):
    """A text object that writes line ends for reading (see the module's docstring)."""

    _broken = None      # the last line's broken word: (its head, the /Span's index in code)
    _space = None       # the last line's end: (where a space goes in code, the space drawn)
    _langs = ()         # the language spans open in this text object
    _ends = ""          # the last character of text written

    def _textOut(self, text, TStar=0):
        if TStar and not text and self._ends and not (self._ends.isspace() or self._ends == "-"):
            # the line ends in a marker (or an empty frag): space its last word all the same
            self._space = (len(self._code), self._formatText(" "))
            self._code.append("")
        self._ends = text[-1:] or self._ends
        if self._space is not None and text:       # another line follows: space the last
            at, space = self._space
            self._code[at], self._space = space, None
        if self._broken is not None and text:
            text = self._mend(text)
        if TStar and _HEAD.search(text) and text[-2:-1].isalpha():
            head = _HEAD.search(text)[0]
            super()._textOut(text[:len(text) - len(head)])
            self._broken = (head, len(self._code))
            self._code.append("")
            return super()._textOut(head, TStar)
        if TStar and text and not text[-1].isspace():
            super()._textOut(text)
            self._space = (len(self._code), self._formatText(" "))
            self._code += ["", "T*"]
            return None
        return super()._textOut(text, TStar)

    def textOut(self, text):
        """A label drawn as a text object of its own ('1.1' before 'MÅL: …', '•'): a space
        after it in the code only, so its width and what follows stay where they were."""
        super().textOut(text)
        if text and not text[-1].isspace():
            self._code.append(self._formatText(" "))

    def _mend(self, text: str) -> str:
        """End the broken word: a /Span with the whole word if the break was a hyphenation
        (else nothing); the rest of `text`, after the tail."""
        (head, at), tail = self._broken, _TAIL.match(text)[0]
        self._broken = None
        if (_core(head[:-1], r"^\W+"), _core(tail, r"\W+$")) not in OFFERED:
            return text
        self._code[at] = _span(head[:-1] + tail)
        super()._textOut(tail)
        self._code.append("EMC")
        return text[len(tail):]

    def language(self, label: str) -> None:
        """A language span's marker: 'en' begins it, '/en' ends it."""
        if not label.startswith("/"):
            self._langs += (label,)
            self._code.append(_lang(label))
            return
        if self._langs:
            self._langs = self._langs[:-1]
        else:                                   # begun in the part drawn on the page before
            self._code.insert(1, _lang(label[1:]))
            self._broken = self._broken and (self._broken[0], self._broken[1] + 1)
            self._space = self._space and (self._space[0] + 1, self._space[1])
        self._code.append("EMC")

    def getCode(self):
        self._code += ["EMC"] * len(self._langs)   # a span going on in the next part
        self._langs = ()
        return super().getCode()


class ReadingCanvas(Canvas):
    """A canvas whose text objects are ReadingText; it knows the language markers."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setNamedCB(LANGUAGE, _language)

    def beginText(self, x=0, y=0, direction=None):
        return ReadingText(self, x, y, direction=direction)


def _core(word: str, strip: str) -> str:
    """A word without the punctuation reportlab keeps out of hyphenation."""
    return re.sub(strip, "", word)


def languages_after(frags, before: tuple = ()) -> tuple[str, ...]:
    """The language spans still open after a paragraph part of `frags` is drawn, when those
    in `before` were open at its start."""
    open_ = list(before)
    for marker in _markers(frags):
        if not marker.label.startswith("/"):
            open_.append(marker.label)
        elif open_:
            open_.pop()
    return tuple(open_)


def _markers(frags):
    """The language markers among a paragraph's frags: plain ParaFrags, or the words of a
    split paragraph ([width, (frag, text), …])."""
    for f in frags:
        for frag in [x[0] for x in f[1:]] if isinstance(f, list) else [f]:
            marker = getattr(frag, "cbDefn", None)
            if getattr(marker, "name", None) == LANGUAGE:
                yield marker


def _language(canv, kind, label) -> None:
    """The onDraw callback of a language marker: the text object being drawn writes it."""
    canv._curr_tx_info["tx"].language(label)


def _lang(tag: str) -> str:
    """The marked content that gives the text in it the language `tag`."""
    return f"/Span <</Lang ({tag})>> BDC"


def _span(word: str) -> str:
    """A /Span whose /ActualText is `word` (a PDF text string: UTF-16BE with its mark)."""
    return f"/Span <</ActualText <FEFF{word.encode('utf-16-be').hex().upper()}>>> BDC"
