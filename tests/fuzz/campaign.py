"""A long fuzz campaign: tests/test_fuzz.py with many examples and a random seed, every case's
outcome recorded (nothing stops at the first failure), then the figures.

    PLANDOC_FUZZ_EXAMPLES=2000 .venv/bin/python tests/fuzz/campaign.py [--seed N] [--log FILE]
    .venv/bin/python tests/fuzz/campaign.py --summary FILE      # figures of an earlier run

The log has one JSON line per case: kind (ok, refused, crash, foreign, disagree), how it was
made, the exit codes, the crash's last line and — for crashes and disagreements — the files
and the output, so each is a reproducer.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def summary(log: Path) -> str:
    cases = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line]
    kinds = collections.Counter(c["kind"] for c in cases)
    out = [f"{len(cases)} documents generated: " + ", ".join(
        f"{kinds[k]} {k}" for k in ("ok", "refused", "crash", "foreign", "disagree"))]
    classes = collections.Counter()
    for c in cases:
        if c["kind"] in ("crash", "foreign"):
            classes[(c["area"] or "unlisted", f'{c["where"]} {c.get("site")}',
                     (c["crash"] or "")[:100])] += 1
        elif c["kind"] == "disagree":
            classes[("disagree", "", "; ".join(c["wrong"])[:110])] += 1
    for (area, where, text), n in classes.most_common():
        out.append(f"  {n:4} × [{area}] {where}: {text}")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=random.randrange(2 ** 32))
    ap.add_argument("--log", type=Path)
    ap.add_argument("--summary", type=Path, help="only print the figures of this log")
    args = ap.parse_args()
    if args.summary:
        print(summary(args.summary))
        return 0
    log = args.log or Path(f"fuzz-{args.seed}.jsonl")
    env = dict(os.environ, PLANDOC_FUZZ_SEED=str(args.seed), PLANDOC_FUZZ_LOG=str(log.resolve()))
    env.setdefault("PLANDOC_FUZZ_EXAMPLES", "2000")
    start = time.monotonic()
    subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                    "tests/test_fuzz.py"], cwd=ROOT, env=env, check=False)
    print(f"seed {args.seed}, {env['PLANDOC_FUZZ_EXAMPLES']} examples asked, "
          f"{time.monotonic() - start:.0f} s, log {log}")
    print(summary(log))
    return 0


if __name__ == "__main__":
    sys.exit(main())
