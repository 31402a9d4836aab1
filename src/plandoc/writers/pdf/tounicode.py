"""ToUnicode maps that read back right: what reportlab and matplotlib write, rewritten.

Used after the build on every font (fix_to_unicode) and on a chart font whose codes move up one
(shifted, see charts.py).
"""

from __future__ import annotations

import re

import pikepdf

_BLOCK = re.compile(rb"\d+ begin(bfchar|bfrange)\s*(.*?)end\1\s*", re.S)
_PAIR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)")
_NO_CHARACTER = (b"0000", b"FEFF", b"FFFE")
BFCHAR_BLOCK = 100      # entries a bfchar block may hold (the CMap specification's limit)


def fix_to_unicode(pdf: pikepdf.Pdf) -> None:
    """The fonts' ToUnicode maps made right for reading text back (see _mapped)."""
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != "/Font":
            continue
        cmap = obj.get("/ToUnicode")
        if isinstance(cmap, pikepdf.Stream):
            data = cmap.read_bytes()
            fixed = _mapped(data)
            if fixed != data:
                cmap.write(fixed)


def _mapped(data: bytes, shift: int = 0) -> bytes:
    """One ToUnicode map rewritten as bfchar entries: characters beyond U+FFFF as UTF-16
    surrogate pairs (reportlab writes their code point as 5 hex digits, which readers take for
    another character or drop); no entries for the codes a font subset does not use (reportlab
    maps them to U+0000, which PDF/UA-1 and PDF/A-2a reject); at most 100 entries a block
    (reportlab writes up to 256); codes moved up by `shift`.  The charts' maps (matplotlib's bfrange arrays, which
    page-validation reads as malformed) become the same plain entries."""
    blocks = list(_BLOCK.finditer(data))
    if not blocks:
        return data
    pairs = []
    for block in blocks:
        pairs += _PAIR.findall(block[2]) if block[1] == b"bfchar" else _ranged(block[2])
    pairs = [(b"%0*X" % (len(code), int(code, 16) + shift), _utf16(value.upper()))
             for code, value in pairs if value.upper() not in _NO_CHARACTER]
    body = b"".join(b"%d beginbfchar\n" % len(chunk) +
                    b"".join(b"<%s> <%s>\n" % pair for pair in chunk) + b"endbfchar\n"
                    for chunk in (pairs[n:n + BFCHAR_BLOCK]
                                  for n in range(0, len(pairs), BFCHAR_BLOCK)))
    return data[:blocks[0].start()] + body + data[blocks[-1].end():]


def _ranged(block: bytes) -> list[tuple[bytes, bytes]]:
    """The (code, value) pairs of a bfrange block, each code of each range on its own."""
    pairs = []
    for low, high, dest in _RANGE.findall(block):
        width, first, last = len(low), int(low, 16), int(high, 16)
        values = re.findall(rb"<([0-9A-Fa-f]+)>", dest)
        if not dest.startswith(b"["):          # <low> <high> <start>: consecutive values
            start = int(values[0], 16)
            values = [b"%0*X" % (len(values[0]), start + n) for n in range(last - first + 1)]
        pairs += [(b"%0*X" % (width, first + n), v) for n, v in enumerate(values)
                  if first + n <= last]
    return pairs


def _utf16(value: bytes) -> bytes:
    """A code point in hex as UTF-16BE hex (a surrogate pair beyond U+FFFF); four hex digits
    and more than six (already UTF-16, or several characters) are left as they are."""
    if len(value) not in (5, 6):
        return value
    return chr(int(value, 16)).encode("utf-16-be").hex().upper().encode()


def shifted(data: bytes, shift: int) -> bytes:
    """A ToUnicode map with every code moved up by `shift`."""
    return _mapped(data, shift)
