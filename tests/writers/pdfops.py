"""Reading PDFs in tests: the numbers among an operator's operands, structure elements."""


def numbers(operands) -> list[float]:
    """The operands that are numbers, as floats (names and strings left out)."""
    out = []
    for v in operands:
        try:
            out.append(float(v))
        except (TypeError, ValueError):
            pass
    return out


def times(m: list, ctm: list) -> list:
    """The matrix `m` applied in the coordinate system `ctm` (PDF's `cm`)."""
    a, b, c, d, e, f = m
    return [a * ctm[0] + b * ctm[2], a * ctm[1] + b * ctm[3], c * ctm[0] + d * ctm[2],
            c * ctm[1] + d * ctm[3], e * ctm[0] + f * ctm[2] + ctm[4],
            e * ctm[1] + f * ctm[3] + ctm[5]]


def drawn_xobjects(page) -> list[tuple[str, tuple[float, float, float, float]]]:
    """(name, (x0, y0, x1, y1)) of every XObject a page draws with `Do`, in page coordinates
    (the unit square under the current matrix; no rotation)."""
    import pikepdf

    ctm, stack, out = [1, 0, 0, 1, 0, 0], [], []
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op == "q":
            stack.append(ctm)
        elif op == "Q":
            ctm = stack.pop()
        elif op == "cm":
            ctm = times(numbers(operands), ctm)
        elif op == "Do":
            out.append((str(operands[0]), (ctm[4], ctm[5], ctm[4] + ctm[0], ctm[5] + ctm[3])))
    return out


def contents_rows(page) -> list[tuple[str, int]]:
    """(entry, page number) of each row of a contents page, in order.

    Read from the text pieces at their places: the page numbers (with their leader dots) are
    drawn in forms, which pypdf's visitor follows and its layout mode does not.  An entry is
    the text left of its number on the number's baseline."""
    import re

    leader, pieces = re.compile(r"^[\s.]*?(\d+)$"), []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            pieces.append((text.strip(), tm[4] * cm[0] + tm[5] * cm[2] + cm[4],
                           tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))
    page.extract_text(visitor_text=visit)
    rows = []
    for text, x, y in pieces:
        number = leader.match(text)
        if number and "." in text:
            words = [t for t, tx, ty in sorted(pieces, key=lambda p: p[1])
                     if abs(ty - y) < 1 and tx < x and not leader.match(t)]
            rows.append((" ".join(words), int(number.group(1))))
    return rows


def elements(node):
    """Every structure element under `node` (depth first)."""
    import pikepdf

    kids = node.get("/K")
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") != "/MCR" and "/S" in kid:
            yield kid
            yield from elements(kid)
