"""Reading PDF content streams in tests: the numbers among an operator's operands."""


def numbers(operands) -> list[float]:
    """The operands that are numbers, as floats (names and strings left out)."""
    out = []
    for v in operands:
        try:
            out.append(float(v))
        except (TypeError, ValueError):
            pass
    return out
