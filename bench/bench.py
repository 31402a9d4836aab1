"""Benchmark: whole-process timings of plandoc on the example content, medians of N runs.

Run from the repository root after installing (see README):

    .venv/bin/python bench/bench.py [--runs 5] [--batch-runs 3] [--skip-batch]

Single document (each a fresh process, --force so it really builds):
  - `python -c pass` (the floor of process start-up) and `plandoc check` (read + validate)
  - `plandoc build content/vefsn.yaml` DOCX + PDF, chart cached and chart drawn; DOCX, PDF alone
Batch (40 variants of the plan generated into a temporary folder):
  - cold build with --jobs 1 and --jobs 2 → documents per second
  - no-op rebuild of the 40, and the rebuild after changing one of them
Tagging (`--tagging`, alone): the same build tagged and untagged, interleaved, and the ratio.
Scale and watch:
  - the plan 20× (its body repeated 20 times): time and peak memory (getrusage of the child)
  - a watch-mode rebuild after a save (in-process, libraries loaded)
and, where ../shared/bench-anchors and pandoc/typst are installed (pip install pypandoc-binary
typst), the same plan built by pandoc (md → docx) and typst (→ pdf), with ratios.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_SCRIPT = Path(sys.executable).with_name("plandoc")  # what a user runs
PLANDOC = [str(_SCRIPT)] if _SCRIPT.is_file() else [sys.executable, "-m", "plandoc"]
ANCHORS = next((p / "shared" / "bench-anchors" for p in ROOT.parents
                if (p / "shared" / "bench-anchors").is_dir()), ROOT.parent / "shared" / "x")
VARIANTS = 40


def timed(cmd, runs: int, before=None, cwd=ROOT, warmup: bool = True) -> float:
    """Median wall time of `cmd` over `runs` runs (one warm-up run first unless told)."""
    samples = []
    for i in range(runs + warmup):
        if before:
            before()
        start = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)
        if i or not warmup:
            samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def peak_memory_mib(cmd, cwd) -> float:
    """Peak resident memory of `cmd`, measured by a fresh parent that runs only it."""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
             "stdout=subprocess.DEVNULL); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], cwd=cwd, check=True,
                         capture_output=True, text=True).stdout
    return int(out) / 1024


def make_project(folder: Path, copies: int = 1, scale: int = 1) -> Path:
    """content/ with `copies` variants of the Vefsn plan (body repeated `scale` times)."""
    shutil.copytree(ROOT / "styles", folder / "styles")
    (folder / "content").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "befolkning.csv", folder / "content")
    text = (ROOT / "content" / "vefsn.yaml").read_text(encoding="utf-8")
    head, body = text.split("\nbody:\n", 1)
    for i in range(1, copies + 1):
        title = head.replace("title: Strategisk næringsplan",
                             f"title: Strategisk næringsplan {i:02}", 1)
        (folder / "content" / f"plan{i:02}.yaml").write_text(
            title + "\nbody:\n" + body * scale, encoding="utf-8")
    return folder


def single(runs: int, out: Path) -> dict[str, float]:
    doc = str(ROOT / "content" / "vefsn.yaml")
    build = [*PLANDOC, "build", doc, "--out", str(out), "-q", "--force"]
    cache = out / ".cache"
    return {
        "python -c pass": timed([sys.executable, "-c", "pass"], runs),
        "plandoc check (validate only)": timed([*PLANDOC, "check", doc], runs),
        "build DOCX + PDF, chart cached": timed(build, runs),
        "build DOCX + PDF, chart drawn": timed(build, runs,
                                               before=lambda: shutil.rmtree(cache, True)),
        "build DOCX only, chart cached": timed([*build, "--format", "docx"], runs),
        "build PDF only, chart cached": timed([*build, "--format", "pdf"], runs),
    }


def tagging(runs: int, out: Path) -> dict[str, float]:
    """What tagging costs: the Vefsn build (DOCX + PDF, chart cached) tagged and untagged
    (PLANDOC_UNTAGGED=1), interleaved round by round so a busy machine skews both alike."""
    build = [*PLANDOC, "build", str(ROOT / "content" / "vefsn.yaml"), "--out", str(out), "-q",
             "--force"]
    subprocess.run(build, check=True)                   # the chart into the cache
    envs = {"tagged": dict(os.environ), "untagged": {**os.environ, "PLANDOC_UNTAGGED": "1"}}
    samples: dict[str, list[float]] = {name: [] for name in envs}
    for _ in range(runs):
        for name, env in envs.items():
            start = time.perf_counter()
            subprocess.run(build, check=True, env=env)
            samples[name].append(time.perf_counter() - start)
    tagged, untagged = (statistics.median(samples[n]) for n in envs)
    return {"build DOCX + PDF, tagged": tagged, "build DOCX + PDF, untagged": untagged,
            "tagged / untagged": tagged / untagged}


def batch(runs: int, noop_runs: int, work: Path) -> dict[str, float]:
    project = make_project(work / "batch", copies=VARIANTS)
    cmd = [*PLANDOC, "build", "content", "--out", "out", "-q"]
    rows = {}
    for jobs in (1, 2):
        secs = timed([*cmd, "--force", "--jobs", str(jobs)], runs, cwd=project, warmup=False)
        rows[f"{VARIANTS} documents, --jobs {jobs}"] = secs
        rows[f"  → documents per second, --jobs {jobs}"] = VARIANTS / secs
    rows[f"no-op rebuild of {VARIANTS}"] = timed(cmd, noop_runs, cwd=project)
    changed = project / "content" / "plan07.yaml"
    original = changed.read_text(encoding="utf-8")
    state = {"n": 0}

    def touch():
        state["n"] += 1
        changed.write_text(original + f"\n# endring {state['n']}\n", encoding="utf-8")

    rows[f"one changed among {VARIANTS}"] = timed(cmd, runs, before=touch, cwd=project)
    return rows


def scale(runs: int, work: Path) -> dict[str, float]:
    rows = {}
    for factor in (1, 20):
        project = make_project(work / f"x{factor}", scale=factor)
        cmd = [*PLANDOC, "build", "content", "--out", "out", "-q", "--force"]
        rows[f"plan ×{factor}: build DOCX + PDF"] = timed(cmd, runs, cwd=project)
        rows[f"plan ×{factor}: peak memory, --jobs 1 (MiB)"] = peak_memory_mib(
            [*cmd, "--jobs", "1"], project)  # one process holds the whole build
    rows["  → time ×20 / time ×1"] = rows["plan ×20: build DOCX + PDF"] / \
        rows["plan ×1: build DOCX + PDF"]
    return rows


def watch_rebuild(runs: int, work: Path) -> dict[str, float]:
    """In-process, as `plandoc watch` does it: libraries loaded, one document saved."""
    project = make_project(work / "watch")
    code = f"""
import os, statistics, time
from pathlib import Path
os.chdir({str(project)!r})
from plandoc.build.batch import preload
from plandoc.build import Options
from plandoc.build.watch import Watcher, WatchReport
class Quiet(WatchReport):
    def finish(self, summary): pass
preload()
w = Watcher([Path('content')], Options(out_dir=Path('out')), Quiet())
w.poll()
doc = Path('content/plan01.yaml'); text = doc.read_text()
samples = []
for i in range({runs}):
    doc.write_text(text + f'\\n# {{i}}\\n')
    start = time.perf_counter(); s = w.poll(); samples.append(time.perf_counter() - start)
    assert s.built == 1
print(statistics.median(samples))
"""
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout
    return {"watch-mode rebuild after a save": float(out.split()[-1])}


def anchors(runs: int, out: Path) -> dict[str, float]:
    """pandoc and typst on the same plan, where available."""
    found = {}
    try:
        import pypandoc
        pandoc = pypandoc.get_pandoc_path()
        found["pandoc md→docx (--toc, reference doc)"] = timed(
            [pandoc, "vefsn.md", "--toc", "--reference-doc=ref.docx", "-o", str(out / "p.docx")],
            runs, cwd=ANCHORS)
        found["pandoc md→docx, 20× plan"] = timed(
            [pandoc, "vefsn20.md", "--toc", "--reference-doc=ref.docx", "-o",
             str(out / "p20.docx")], runs, cwd=ANCHORS)
    except (ImportError, OSError):
        pass
    if _has("typst"):
        for name, src in (("typst → pdf", "vefsn.typ"), ("typst → pdf, 20× plan", "vefsn20.typ")):
            found[name] = timed([sys.executable, "-c", "import typst; typst.compile("
                                 f"'{src}', output='{out / 't.pdf'}')"], runs, cwd=ANCHORS)
    return found


def _has(module: str) -> bool:
    import importlib.util
    return importlib.util.find_spec(module) is not None


def show(title: str, rows: dict[str, float], base: float | None = None) -> None:
    print(title)
    for name, value in rows.items():
        unit = "" if "MiB" in name or "per second" in name or "/" in name else " s"
        ratio = f"   ({value / base:4.2f}× plandoc cached build)" if base and unit else ""
        print(f"  {name:45s} {value:7.3f}{unit}{ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per single-build figure")
    parser.add_argument("--batch-runs", type=int, default=3, help="runs per 40-document figure")
    parser.add_argument("--skip-batch", action="store_true", help="leave out the 40-doc batch")
    parser.add_argument("--tagging", action="store_true",
                        help="only what tagging the PDF costs (interleaved, --runs rounds)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="plandoc-bench-"))
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    # An editable install under PYTHONDONTWRITEBYTECODE (set on our build machines) would compile
    # plandoc's sources in every process; `pip install .` ships bytecode, so measure with it.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=True)
    try:
        if args.tagging:
            show(f"tagging ({args.runs} interleaved rounds)", tagging(args.runs, work / "tag"))
            return
        rows = single(args.runs, work / "single")
        base = rows["build DOCX + PDF, chart cached"]
        print(f"medians, whole process unless said otherwise; {os.cpu_count()} CPUs")
        show(f"single document ({args.runs} runs)", rows, base)
        if not args.skip_batch:
            show(f"batch ({args.batch_runs} runs; no-op {args.runs * 2} runs)",
                 batch(args.batch_runs, args.runs * 2, work))
        show(f"scale ({args.runs} runs)", scale(args.runs, work))
        show(f"watch ({args.runs} saves)", watch_rebuild(args.runs, work))
        if ANCHORS.is_dir():
            show("other tools on the same plan", anchors(args.runs, work), base)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
