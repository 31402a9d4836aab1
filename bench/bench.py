"""Benchmark: whole-process timings of plandoc on the example content, medians of N runs.

Run from the repository root after installing (see README):

    .venv/bin/python bench/bench.py [--runs 7]

It times, each as a fresh process:
  1. `plandoc check content/vefsn.yaml`                      (read + validate only)
  2. `plandoc build content/vefsn.yaml` DOCX + PDF, chart images cached
  3. the same with the chart cache emptied before every run  (matplotlib drawn)
  4. DOCX alone and PDF alone, chart cached
  5. `python -c pass` for the floor of process start-up
and, where ../shared/bench-anchors and pandoc/typst are installed (pip install pypandoc-binary
typst), the same plan built by pandoc (md → docx) and typst (→ pdf), printing ratios.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANDOC = [sys.executable, "-m", "plandoc"]
ANCHORS = ROOT.parent / "shared" / "bench-anchors"


def timed(cmd, runs: int, before=None, cwd=ROOT) -> float:
    """Median wall time of `cmd` over `runs` runs (one warm-up run first)."""
    samples = []
    for i in range(runs + 1):
        if before:
            before()
        start = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)
        if i:
            samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def anchors(runs: int, out: Path) -> dict[str, float]:
    """pandoc and typst on the same plan, where available."""
    found = {}
    try:
        import pypandoc
        pandoc = pypandoc.get_pandoc_path()
        found["pandoc md→docx (--toc, reference doc)"] = timed(
            [pandoc, "vefsn.md", "--toc", "--reference-doc=ref.docx", "-o", str(out / "p.docx")],
            runs, cwd=ANCHORS)
    except (ImportError, OSError):
        pass
    if shutil.which("typst") or _has("typst"):
        found["typst → pdf"] = timed([sys.executable, "-c", "import typst; typst.compile("
                                      f"'vefsn.typ', output='{out / 't.pdf'}')"], runs,
                                     cwd=ANCHORS)
    return found


def _has(module: str) -> bool:
    import importlib.util
    return importlib.util.find_spec(module) is not None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="plandoc-bench-"))
    doc = str(ROOT / "content" / "vefsn.yaml")
    build = [*PLANDOC, "build", doc, "--out", str(out), "-q"]
    cache = out / ".cache"
    rows = {
        "python -c pass": timed([sys.executable, "-c", "pass"], args.runs),
        "plandoc check (validate only)": timed([*PLANDOC, "check", doc], args.runs),
        "build DOCX + PDF, chart cached": timed(build, args.runs),
        "build DOCX + PDF, chart drawn": timed(build, args.runs,
                                               before=lambda: shutil.rmtree(cache, True)),
        "build DOCX only, chart cached": timed([*build, "--format", "docx"], args.runs),
        "build PDF only, chart cached": timed([*build, "--format", "pdf"], args.runs),
    }
    if ANCHORS.is_dir():
        rows.update(anchors(args.runs, out))
    base = rows["build DOCX + PDF, chart cached"]
    print(f"medians of {args.runs} runs, whole process")
    for name, secs in rows.items():
        print(f"  {name:45s} {secs:6.3f} s   ({secs / base:4.2f}× plandoc cached build)")
    shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
