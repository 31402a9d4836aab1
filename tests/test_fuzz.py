"""Property test: valid documents and styles, mutated (tests/fuzz/mutate.py), never crash plandoc
and `check` never disagrees with `build`.

For every generated case: neither command exits 1 or leaves an exception other than SystemExit
(no traceback); `check` OK ⇒ `build` exit 0; `check` exit 2 ⇒ `build` exit 2 with the same
messages (and the other way round).

In CI the run is derandomized and bounded (PLANDOC_FUZZ_EXAMPLES, 300 by default: about 15 s
on two cores).  A long campaign locally:

    PLANDOC_FUZZ_EXAMPLES=2000 .venv/bin/python tests/fuzz/campaign.py

which runs this test with a random seed, records every case's outcome instead of stopping at
the first failure, and prints the figures (see tests/fuzz/campaign.py).
"""

from __future__ import annotations

import json
import os
import re

import pytest
from hypothesis import HealthCheck, given, seed, settings

from tests.fuzz.mutate import cases, make_project, run_case, write_case

EXAMPLES = int(os.environ.get("PLANDOC_FUZZ_EXAMPLES", "300"))
LOG = os.environ.get("PLANDOC_FUZZ_LOG")            # campaign: one JSON line per case
KEEP_GOING = bool(LOG)                              # campaign: record failures, do not stop
SEED = os.environ.get("PLANDOC_FUZZ_SEED")          # campaign: its random seed

# Crashes that belong to code other engineers are fixing on their branches (reader/, files.py,
# style/, build/, path and link rules).  Each entry: (exception type, substring of its message,
# substring of the deepest plandoc frame or "" for any, owning area).  The lead DELETES each
# entry when that area's fix is merged (and this list with the last one).
FOREIGN_CRASHES: list[tuple[str, str, str, str]] = []  # none: every area's crashes are fixed


# Disagreements between check and build that belong to other areas: (substring of the
# messages, owning area); only when the messages are the same once paths are made relative.
FOREIGN_DISAGREEMENTS: list[tuple[str, str]] = []


def _relative(lines: list[str]) -> list[str]:
    return [re.sub(r"/\S*?/(styles|content)/", r"\1/", line) for line in lines]


def foreign_disagreement(outcome) -> str | None:
    if _relative(outcome.check_messages) != _relative(outcome.build_messages):
        return None
    text = "\n".join(outcome.check_messages)
    return next((area for part, area in FOREIGN_DISAGREEMENTS if part in text), None)


def foreign(crash: str | None, site: str | None = None) -> str | None:
    """The owning area when `crash` is a known crash of someone else's area."""
    if crash:
        for kind, text, where, area in FOREIGN_CRASHES:
            if crash.startswith(kind) and text in crash and where in (site or ""):
                return area
    return None


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("fuzz"))


def _settings(f):
    f = settings(max_examples=EXAMPLES, deadline=None, derandomize=SEED is None,
                 database=None, print_blob=True,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                        HealthCheck.filter_too_much,
                                        HealthCheck.function_scoped_fixture])(f)
    return seed(int(SEED))(f) if SEED else f


def problems(outcome) -> list[str]:
    """What is wrong with one case's outcome (empty when all is well)."""
    wrong = []
    if outcome.crash and not foreign(outcome.crash, outcome.site):
        wrong.append(f"crash in {outcome.where}: {outcome.crash}")
    elif outcome.crash:
        return []
    if outcome.check_code not in (0, 2) or outcome.build_code not in (0, 2):
        wrong.append(f"exit codes check {outcome.check_code}, build {outcome.build_code}")
    elif outcome.check_code != outcome.build_code:
        wrong.append(f"check exit {outcome.check_code} but build exit {outcome.build_code}")
    elif outcome.check_code == 2 and outcome.check_messages != outcome.build_messages \
            and not foreign_disagreement(outcome):
        wrong.append("check and build give different messages")
    return wrong


def _log(case, outcome, wrong) -> None:
    kind = ("crash" if outcome.crash and not foreign(outcome.crash, outcome.site) else
            "foreign" if outcome.crash else "disagree" if wrong else
            "ok" if outcome.check_code == 0 else "refused")
    entry = {"kind": kind, "how": case.how, "fmt": case.fmt, "check": outcome.check_code,
             "build": outcome.build_code, "crash": outcome.crash, "where": outcome.where,
             "site": outcome.site, "area": foreign(outcome.crash, outcome.site), "wrong": wrong}
    if kind in ("crash", "foreign", "disagree"):
        entry["files"] = {k: v if isinstance(v, str) else v.decode("latin-1")
                          for k, v in case.files.items()}
        entry["output"] = outcome.output[-6000:]
    with open(LOG, "a", encoding="utf-8") as f:
        f.write(json.dumps(entry) + "\n")     # escaped: a lone surrogate cannot be UTF-8


@_settings
@given(case=cases())
def test_mutated_inputs_never_crash_and_check_agrees_with_build(project, case):
    cwd = os.getcwd()
    os.chdir(project)
    try:
        write_case(project, case)
        if LOG:       # the case being run, should it hang or kill the process
            with open(f"{LOG}.pending", "w", encoding="utf-8") as f:
                json.dump({"how": case.how, "fmt": case.fmt, "files": {
                    k: v if isinstance(v, str) else v.decode("latin-1")
                    for k, v in case.files.items()}}, f)
        outcome = run_case(case)
    finally:
        os.chdir(cwd)
    wrong = problems(outcome)
    if LOG:
        _log(case, outcome, wrong)
    if KEEP_GOING:
        return
    assert not wrong, "\n".join(wrong + case.how + [re.sub(r"\n{3,}", "\n\n", outcome.output)])
