"""What an import found: counts of what became what, what stayed plain text, what was dropped.

Printed at the end of `plandoc import` so nothing is dropped silently; warnings (an image
without alt text) go to stderr as they are found.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Report:
    """Counters filled while reading and shaping; `lines()` is the printed report."""

    recognised: Counter = field(default_factory=Counter)
    plain: Counter = field(default_factory=Counter)
    dropped: Counter = field(default_factory=Counter)
    warnings: list = field(default_factory=list)

    def saw(self, what: str, n: int = 1) -> None:
        """`what` was recognised (e.g. 'chapter', 'goal')."""
        self.recognised[what] += n

    def kept(self, what: str) -> None:
        """`what` was kept as plain text (e.g. 'cross-reference field: its shown text')."""
        self.plain[what] += 1

    def drop(self, what: str) -> None:
        """`what` was left out (e.g. 'text box: plandoc has no floating text')."""
        self.dropped[what] += 1

    def warn(self, message: str) -> None:
        """A warning, printed to stderr at once and counted in the report."""
        self.warnings.append(message)
        print(f"warning: {message}", file=sys.stderr)

    def lines(self, source, written) -> list[str]:
        """The report, one line per fact."""
        out = [f"imported {source}"]
        out += [f"  wrote {w}" for w in written]
        for title, counts in (("recognised", self.recognised),
                              ("kept as plain text", self.plain), ("dropped", self.dropped)):
            out.append(f"{title}:" + ("" if counts else " nothing"))
            out += [f"  {n:4} × {what}" for what, n in sorted(counts.items())]
        if self.warnings:
            out.append(f"warnings: {len(self.warnings)} (see above; the YAML marks each "
                       "with TODO)")
        return out
