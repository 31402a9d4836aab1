"""A watch-mode rebuild after a one-word edit, in process as `plandoc watch` runs it (bench.py).

    python bench/watchbench.py WORK_DIR ROUNDS      → prints the median seconds
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import make_project  # noqa: E402


def main(work: Path, rounds: int) -> None:
    from plandoc.build import Options
    from plandoc.build.batch import preload
    from plandoc.build.watch import Watcher, WatchReport

    class Quiet(WatchReport):
        def finish(self, summary):
            pass

    os.chdir(make_project(work))
    preload()
    watcher = Watcher([Path("content")], Options(out_dir=Path("out")), Quiet())
    watcher.poll()
    doc = Path("content/plan01.yaml")
    text = doc.read_text(encoding="utf-8")
    samples = []
    for i in range(rounds):
        word = "Vefsn" if i % 2 else "Mosjøen"         # a one-word edit of the body
        doc.write_text(text.replace("Vefsn kommune står", f"{word} kommune står", 1),
                       encoding="utf-8")
        start = time.perf_counter()
        summary = watcher.poll()
        samples.append(time.perf_counter() - start)
        assert summary.built == 1
    print(statistics.median(samples))


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
