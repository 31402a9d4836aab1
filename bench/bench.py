"""Benchmark: plandoc against pandoc and Typst on the same plan, interleaved, medians.

Run from the repository root after installing with the bench extra (see README):

    .venv/bin/pip install -e '.[bench]' && .venv/bin/python bench/bench.py [--rounds 7]
    .venv/bin/python bench/bench.py --readme      # also write the table into README.md

Every group of commands that are compared runs round-robin — one run of each command per round,
N rounds — so another job on the machine slows all of them alike; each row is the median of its
rounds with the fastest and slowest, and ratios are taken in the same run:

  single   `plandoc check`, `plandoc build content/vefsn.yaml` (DOCX + PDF chart cached, chart
           drawn, DOCX only, PDF only), pandoc md→docx and Typst →pdf on the same plan
           (../shared/bench-anchors), each a fresh process as a user runs it
  batch    40 variants of the plan: cold with --jobs 1 and 2 (documents per second, CPU seconds
           per document), the no-op rebuild, one changed among 40
  scale    the plan ×1 and ×20 (time ratio, peak memory)
  watch    a rebuild in watch mode after a one-word edit (in-process, libraries loaded)
  phases   one in-process build split into its phases (imports, read, theme, layout, charts,
           DOCX, PDF layout passes, PDF post-processing), medians of the rounds

`--tagging` alone compares the build tagged and untagged (PLANDOC_UNTAGGED=1).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_SCRIPT = Path(sys.executable).with_name("plandoc")  # what a user runs
PLANDOC = [str(_SCRIPT)] if _SCRIPT.is_file() else [sys.executable, "-m", "plandoc"]
ANCHORS = next((p / "shared" / "bench-anchors" for p in ROOT.parents
                if (p / "shared" / "bench-anchors").is_dir()), ROOT.parent / "shared" / "x")
VARIANTS = 40
README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"


@dataclass
class Command:
    """One command of a group: what runs, where, and what to do before each run."""

    cmd: list
    cwd: Path = ROOT
    before: object = None
    env: dict | None = None
    walls: list = field(default_factory=list)
    cpus: list = field(default_factory=list)

    def run(self) -> None:
        if self.before:
            self.before()
        cpu0 = _child_cpu()
        start = time.perf_counter()
        subprocess.run(self.cmd, cwd=self.cwd, env=self.env, check=True,
                       stdout=subprocess.DEVNULL)
        self.walls.append(time.perf_counter() - start)
        self.cpus.append(_child_cpu() - cpu0)

    @property
    def median(self) -> float:
        return statistics.median(self.walls)


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def interleaved(commands: dict[str, Command], rounds: int, warmup: bool = True) -> None:
    """Run every command once per round, round after round (a warm-up round first)."""
    if warmup:
        for c in commands.values():
            c.run()
            c.walls.clear(), c.cpus.clear()
    for _ in range(rounds):
        for c in commands.values():
            c.run()


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


def single(rounds: int, out: Path) -> dict[str, Command]:
    """plandoc's single-document commands and the other tools, in one interleaving."""
    doc = str(ROOT / "content" / "vefsn.yaml")
    build = [*PLANDOC, "build", doc, "--out", str(out), "-q", "--force"]
    cache = out / ".cache" / "charts"
    commands = {
        "python -c pass": Command([sys.executable, "-c", "pass"]),
        "plandoc check (validate only)": Command([*PLANDOC, "check", doc]),
        "build DOCX + PDF, chart cached": Command(build),
        "build DOCX + PDF, chart drawn": Command(build, before=lambda: shutil.rmtree(cache,
                                                                                    True)),
        "build DOCX only, chart cached": Command([*build, "--format", "docx"]),
        "build PDF only, chart cached": Command([*build, "--format", "pdf"]),
        **anchors(out),
    }
    interleaved(commands, rounds)
    return commands


def anchors(out: Path, twenty: bool = False) -> dict[str, Command]:
    """pandoc md→docx and Typst →pdf on the same plan, where installed."""
    found, md, typ = {}, "vefsn20.md" if twenty else "vefsn.md", \
        "vefsn20.typ" if twenty else "vefsn.typ"
    suffix = ", 20× plan" if twenty else ""
    try:
        import pypandoc
        pandoc = pypandoc.get_pandoc_path()
        found[f"pandoc md→docx{suffix}"] = Command(
            [pandoc, md, "--toc", "--reference-doc=ref.docx", "-o", str(out / "p.docx")],
            cwd=ANCHORS)
    except (ImportError, OSError):
        pass
    if _has("typst"):
        found[f"typst →pdf{suffix}"] = Command(
            [sys.executable, "-c", f"import typst; typst.compile('{typ}', "
             f"output='{out / 't.pdf'}')"], cwd=ANCHORS)
    return found if ANCHORS.is_dir() else {}


def _has(module: str) -> bool:
    import importlib.util
    return importlib.util.find_spec(module) is not None


def batch(rounds: int, work: Path) -> dict[str, Command]:
    project = make_project(work / "batch", copies=VARIANTS)
    cmd = [*PLANDOC, "build", "content", "--out", "out", "-q"]
    changed = project / "content" / "plan07.yaml"
    original = changed.read_text(encoding="utf-8")
    state = {"n": 0}

    def touch():
        state["n"] += 1
        changed.write_text(original + f"\n# endring {state['n']}\n", encoding="utf-8")

    commands = {f"{VARIANTS} documents, --jobs {j}": Command([*cmd, "--force", "--jobs", str(j)],
                                                            cwd=project) for j in (1, 2)}
    commands[f"no-op rebuild of {VARIANTS}"] = Command(cmd, cwd=project)
    commands[f"one changed among {VARIANTS}"] = Command(cmd, cwd=project, before=touch)
    interleaved(commands, rounds)
    return commands


def scale(rounds: int, work: Path) -> dict[str, Command]:
    commands = {}
    for factor in (1, 20):
        project = make_project(work / f"x{factor}", scale=factor)
        commands[f"plan ×{factor}: build DOCX + PDF"] = Command(
            [*PLANDOC, "build", "content", "--out", "out", "-q", "--force"], cwd=project)
    commands.update(anchors(work, twenty=True))
    interleaved(commands, rounds)
    return commands


def peak_memory_mib(cmd, cwd) -> float:
    """Peak resident memory of `cmd`, measured by a fresh parent that runs only it."""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
             "stdout=subprocess.DEVNULL); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], cwd=cwd, check=True,
                         capture_output=True, text=True).stdout
    return int(out) / 1024


def tagging(rounds: int, out: Path) -> dict[str, Command]:
    """The Vefsn build tagged and untagged (PLANDOC_UNTAGGED=1), interleaved."""
    build = [*PLANDOC, "build", str(ROOT / "content" / "vefsn.yaml"), "--out", str(out), "-q",
             "--force"]
    commands = {"build DOCX + PDF, tagged": Command(build, env=dict(os.environ)),
                "build DOCX + PDF, untagged": Command(build, env={**os.environ,
                                                                  "PLANDOC_UNTAGGED": "1"})}
    interleaved(commands, rounds)
    return commands


def in_process(script: str, *args) -> str:
    """Run a bench/ helper script in a fresh interpreter; its stdout."""
    return subprocess.run([sys.executable, str(ROOT / "bench" / script), *map(str, args)],
                          check=True, capture_output=True, text=True, cwd=ROOT).stdout


# --- the report ---------------------------------------------------------------------------------


def row(name: str, c: Command, base: dict[str, float]) -> str:
    ratios = "; ".join(f"{c.median / v:.2f}× {k}" for k, v in base.items() if v)
    return (f"| {name} | {c.median:.3f} s | {min(c.walls):.3f}–{max(c.walls):.3f} | "
            f"{ratios} |")


def table(single_: dict, batch_: dict, scale_: dict, watch: float, phases: str,
          rounds: int) -> str:
    """The report as a Markdown table, for the terminal and the README."""
    base = {k: c.median for k, c in single_.items() if k.startswith(("pandoc", "typst"))}
    lines = [f"Medians of {rounds} interleaved rounds on {os.cpu_count()} CPUs "
             f"({time.strftime('%Y-%m-%d')}); ratios against the other tools in the same rounds.",
             "", "| measure | median | min–max | ratio |", "|---|---|---|---|"]
    lines += [row(k, c, base) for k, c in single_.items()]
    for jobs in (1, 2):
        c = batch_[f"{VARIANTS} documents, --jobs {jobs}"]
        lines.append(row(f"{VARIANTS} documents, --jobs {jobs}", c, {}).removesuffix(" |") +
                     f"{VARIANTS / c.median:.1f} docs/s; "
                     f"{statistics.median(c.cpus) / VARIANTS:.3f} s CPU per document |")
    lines += [row(k, c, {}) for k, c in batch_.items() if "--jobs" not in k]
    base20 = {k: c.median for k, c in scale_.items() if k.startswith(("pandoc", "typst"))}
    lines += [row(k, c, base20 if "20" in k else {}) for k, c in scale_.items()]
    x1, x20 = (scale_[f"plan ×{f}: build DOCX + PDF"].median for f in (1, 20))
    lines += [f"| plan ×20 / plan ×1 | {x20 / x1:.2f}× | | |",
              f"| watch rebuild after a one-word edit | {watch:.3f} s | | |"]
    return "\n".join(lines) + "\n\nOne build in process, by phase (medians):\n\n" + phases


def write_readme(text: str) -> None:
    readme = ROOT / "README.md"
    old = readme.read_text(encoding="utf-8")
    start, end = old.index(README_START), old.index(README_END)
    readme.write_text(old[:start + len(README_START)] + "\n" + text + "\n" + old[end:],
                      encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="interleaved rounds per group")
    parser.add_argument("--readme", action="store_true", help="write the table to README.md")
    parser.add_argument("--tagging", action="store_true", help="only what tagging costs")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="plandoc-bench-"))
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    # An editable install under PYTHONDONTWRITEBYTECODE (set on our build machines) would compile
    # plandoc's sources in every process; `pip install .` ships bytecode, so measure with it.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=True)
    try:
        if args.tagging:
            t = tagging(args.rounds, work / "tag")
            for k, c in t.items():
                print(row(k, c, {}))
            a, b = (c.median for c in t.values())
            print(f"tagged / untagged: {a / b:.3f}")
            return
        single_ = single(args.rounds, work / "single")
        batch_ = batch(max(3, args.rounds // 2), work)
        scale_ = scale(max(3, args.rounds // 2), work)
        memory = peak_memory_mib([*PLANDOC, "build", "content", "--out", "out", "-q", "--force",
                                  "--jobs", "1"], work / "x20")
        watch = float(in_process("watchbench.py", work / "watch", args.rounds).split()[-1])
        phases = in_process("phases.py", work / "phases", args.rounds)
        text = table(single_, batch_, scale_, watch, phases, args.rounds)
        text = text.replace("| watch rebuild", f"| plan ×20 peak memory, --jobs 1 | "
                            f"{memory:.0f} MiB | | |\n| watch rebuild")
        print(text)
        if args.readme:
            write_readme(text)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
