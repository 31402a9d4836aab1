"""Mutations of valid documents and styles for the property test (tests/test_fuzz.py).

A case starts from a valid file — a document from content/ or tests/samples/, or a style from
styles/ — parses it, applies one to three mutations to the tree (a key dropped or renamed, a
value swapped for another type, odd Unicode, a huge number, a long string, an item duplicated,
a value nested deep) and dumps it back with yaml.safe_dump; some cases then mutate the text
itself (a line dropped, doubled or cut, a YAML tag, an alias, a YAML 1.1 scalar, a BOM, CRLF,
bytes that are not UTF-8).  `run_case` runs `check` and `build` on it in-process and returns
what a test asserts on.
"""

from __future__ import annotations

import copy
import datetime
import re
import shutil
import signal
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import yaml
from hypothesis import strategies as st

from tests.conftest import ROOT, run

DOCS = sorted((ROOT / "content").glob("*.yaml")) + sorted((ROOT / "tests/samples").glob("*.yaml"))
STYLES = [ROOT / "styles/default/style.yaml", ROOT / "styles/vefsn/style.yaml"]
SUPPORT = [p for d in (ROOT / "content", ROOT / "tests/samples") for p in sorted(d.iterdir())
           if p.suffix in (".md", ".csv", ".png", ".yaml")]
STYLE_DOC = "every-block-attachment.yaml"   # a small document that shows a style off
FUZZ_STYLE = "fuzzstyle"                    # the mutated style's folder under styles/


def _load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


SEED_DOCS = {p.name: _load(p) for p in DOCS}
SEED_STYLES = {p.parent.name: _load(p) for p in STYLES}

# --- values ----------------------------------------------------------------------------------

SPECIAL_CHARS = [
    "\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9f", "\t", "\r",
    "\n", "\u00ad", "\u200b", "\u200d", "\u200e", "\u200f", "\u202e", "\u2028", "\u2029",
    "\ufeff", "\ufffe", "\uffff", "\ufffd", "\ud800", "\udfff", "\U0001f600",
    "\U0001f1f3\U0001f1f4",
    "\U0001f469\u200d\U0001f469\u200d\U0001f467", "e\u0301", "\u0300", "a\u0338\u0336", "مرحبا",
    "שלום", "中文", "ẞ", "ß", "ﬁ", "Å", "ŋ", "đ", "ŧ", "✓", "❖", "𝔘", "&", "<b>", "</para>",
    "<font name=x>", "&amp;", "**", "*", "_", "`", "[x](y)", "[x](#nowhere)", "#", "{", "}",
    "%", "\\", "'", '"', ":", "- ", "1. ", "> ", "|",
]

# Text the shipped fonts draw: Norwegian and Sámi letters, punctuation, Markdown and markup.
SAFE = ("abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅáčđŋšŧžÁČĐŊŠŦŽéü0123456789"
        " .,;:!?-–—()/§%&<>«»'\"*_#[]`")
safe_text = st.one_of(
    st.text(alphabet=SAFE, min_size=1, max_size=60),
    st.sampled_from(["**fet**", "*kursiv*", "[lenke](https://example.no)", "<b>ikke</b>",
                     "&amp; &lt;", "a\n\nb", "- punkt\n  - under", "1. en\n2. to", "# Tittel",
                     "Ordet-med-bindestrek-som-er-svært-langt-" * 6, "x" * 300,
                     "https://example.no/" + "a" * 200]))

unicode_text = st.lists(
    st.one_of(st.sampled_from(SPECIAL_CHARS), st.characters(), st.text(max_size=6)),
    min_size=1, max_size=8).map("".join)

HUGE_NUMBERS = [10 ** 400, -(10 ** 400), 2 ** 63, 2 ** 64 + 1, -1, 0, 1e308, -1e308, 1e-320,
                float("nan"), float("inf"), float("-inf"), -0.0, 0.5, 12.3456789]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10 ** 6, 10 ** 6), st.sampled_from(HUGE_NUMBERS),
    unicode_text, st.sampled_from(["", " ", "ja", "no", "2024-02-30", "00:61", "#ffffff",
                                   "builtin:DejaVuSans.ttf", "A5", "../../etc/passwd",
                                   "http://x", "mailto:x@y", "javascript:alert(1)"]),
    st.dates(min_value=datetime.date(1, 1, 1)),
)


def long_text(words: int) -> str:
    """A long string of words (bounded): the layout must not hang or crawl on it."""
    return " ".join(f"ord{i % 97}" for i in range(words))


def nested(value, depth: int, mapping: bool):
    """`value` nested `depth` deep in lists (or mappings)."""
    for _ in range(depth):
        value = {"items": [value]} if mapping else [value]
    return value


values = st.one_of(
    scalars,
    st.lists(scalars, max_size=3),
    st.dictionaries(st.one_of(st.sampled_from(["text", "items", "title", "x"]), unicode_text),
                    scalars, max_size=3),
)


# --- the tree ----------------------------------------------------------------------------------

def paths(tree, prefix=()) -> list[tuple]:
    """Every node's path, the root's () first."""
    out = [prefix]
    if isinstance(tree, dict):
        for k, v in tree.items():
            out += paths(v, prefix + (k,))
    elif isinstance(tree, list):
        for i, v in enumerate(tree):
            out += paths(v, prefix + (i,))
    return out


def get(tree, path):
    for k in path:
        tree = tree[k]
    return tree


def swapped(value):
    """`value` as another type: string↔number↔list↔mapping↔null↔bool."""
    if isinstance(value, bool) or value is None:
        return [value]
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return len(value) if value else None
    if isinstance(value, list):
        return {str(i): v for i, v in enumerate(value)} if value else {}
    if isinstance(value, dict):
        return list(value.values())
    return str(value)


OPS = ["drop", "replace", "swap", "unicode_in", "huge", "long", "duplicate", "nest", "rename",
       "add_key", "empty", "insert_item", "safe_in", "safe_in", "safe_in", "long", "duplicate"]


@st.composite
def tree_mutation(draw, tree):
    """Apply one mutation to `tree` in place; returns its description."""
    nodes = paths(tree)
    path = draw(st.sampled_from(nodes[1:] or nodes))
    op = draw(st.sampled_from(OPS))
    if not path:
        return "root"
    parent, key = get(tree, path[:-1]), path[-1]
    value = parent[key]
    if op == "drop":
        del parent[key]
    elif op == "replace":
        parent[key] = draw(values)
    elif op == "swap":
        parent[key] = swapped(value)
    elif op == "unicode_in":
        text = draw(unicode_text)
        if isinstance(value, str) and value:
            at = draw(st.integers(0, len(value)))
            parent[key] = value[:at] + text + value[at:]
        else:
            parent[key] = text
    elif op == "safe_in":
        text = draw(safe_text).replace("\\n", "\n")
        if isinstance(value, str):
            at = draw(st.integers(0, len(value)))
            parent[key] = value[:at] + text + value[at:]
        else:
            parent[key] = text
    elif op == "huge":
        parent[key] = draw(st.sampled_from(HUGE_NUMBERS))
    elif op == "long":
        parent[key] = long_text(draw(st.sampled_from([60, 600, 3000, 12000])))
    elif op == "duplicate":
        if isinstance(value, list) and value:
            value.extend(copy.deepcopy(value[:draw(st.integers(1, 3))]))
        elif isinstance(parent, list):
            parent.insert(key, copy.deepcopy(value))
        else:
            parent[key] = [value, copy.deepcopy(value)]
    elif op == "nest":
        parent[key] = nested(value, draw(st.sampled_from([2, 5, 12, 30, 60])),
                             draw(st.booleans()))
    elif op == "rename" and isinstance(parent, dict):
        new = draw(st.one_of(st.sampled_from([f"{key}s", f"{key}_", str(key).upper(), "body",
                                              "items", "text", "title"]), unicode_text))
        parent[new] = parent.pop(key)
    elif op == "add_key" and isinstance(value, dict):
        value[draw(st.one_of(st.sampled_from(["body", "style", "caption", "x"]),
                             unicode_text))] = draw(values)
    elif op == "empty":
        parent[key] = type(value)() if isinstance(value, (str, list, dict)) else None
    elif op == "insert_item" and isinstance(value, list):
        value.insert(draw(st.integers(0, len(value))), draw(values))
    else:
        parent[key] = draw(values)
    return f"{op} {'/'.join(map(str, path))}"


SNIPPETS = [
    "!!python/object/apply:os.system ['true']", "!!binary aGVp", "!!set {a, b}", "!!float x",
    "!!timestamp 2024-02-30", "!!str", "!!int 12", "&a x", "*a", "*nowhere", "no", "yes", "off",
    "0o17", "0x1F", "1_000", "012", "2024-02-30", "2024-13-01", "12:30:00", ".nan", ".inf",
    "-.inf", "~", "1e400", "9" * 400, '"\\ud800"', '"\\x00"', '"\\u202e"', "'", '"', "[", "{",
    "|", ">", "? x", "--- x", "...", "\t", "%TAG !x! tag:x,2000:",
]


@st.composite
def text_mutation(draw, text: str):
    """Mutate the YAML text: returns the new text (or bytes) and a description."""
    lines = text.split("\n")
    op = draw(st.sampled_from(["drop_line", "dup_line", "cut", "snippet", "char", "swap_lines",
                               "bom", "crlf", "latin1", "merge_key", "dup_key"]))
    n = draw(st.integers(0, max(0, len(lines) - 1)))
    if op == "drop_line":
        del lines[n]
    elif op == "dup_line":
        lines.insert(n, lines[n])
    elif op == "cut":
        return text[:draw(st.integers(0, len(text)))], op
    elif op == "snippet":
        line = lines[n]
        if ": " in line:
            lines[n] = line.split(": ", 1)[0] + ": " + draw(st.sampled_from(SNIPPETS))
        else:
            lines[n] = line + " " + draw(st.sampled_from(SNIPPETS))
    elif op == "char":
        at = draw(st.integers(0, len(text)))
        return text[:at] + draw(st.sampled_from(SPECIAL_CHARS + [":", "\t", " ", "-"])) \
            + text[at:], op
    elif op == "swap_lines":
        m = draw(st.integers(0, max(0, len(lines) - 1)))
        lines[n], lines[m] = lines[m], lines[n]
    elif op == "bom":
        return "\ufeff" + text, op
    elif op == "crlf":
        return text.replace("\n", "\r\n"), op
    elif op == "latin1":
        return text.encode("latin-1", "replace"), op
    elif op == "merge_key":
        lines = ["base: &b {title: x, items: [a]}"] + lines
        indent = re.match(r"\s*(- )?", lines[n + 1]).end() if n + 1 < len(lines) else 0
        lines.insert(n + 1, " " * indent + "<<: *b")
    elif op == "dup_key":
        line = lines[n]
        if re.match(r"\s*(- )?\w+:", line):
            lines.insert(n + 1, re.sub(r"^(\s*)- ", r"\1  ", line))
    return "\n".join(lines), f"{op} line {n + 1}"


@dataclass
class Case:
    """One generated input: its files (path in the project → text or bytes), the document
    to check and build, the format to build and how it was made."""

    files: dict
    doc: str
    fmt: str
    how: list


@st.composite
def cases(draw) -> Case:
    """A mutated document (or style), dumped and maybe mutated as text."""
    is_style = draw(st.integers(0, 4)) == 0
    if is_style:
        seed = draw(st.sampled_from(sorted(SEED_STYLES)))
        tree = copy.deepcopy(SEED_STYLES[seed])
    else:
        seed = draw(st.sampled_from(sorted(SEED_DOCS)))
        tree = copy.deepcopy(SEED_DOCS[seed])
    how = [f"{'style' if is_style else 'doc'} {seed}"]
    for _ in range(draw(st.integers(1, 3))):
        how.append(draw(tree_mutation(tree)))
    text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)
    if draw(st.integers(0, 3)) == 0:
        text, op = draw(text_mutation(text))
        how.append(f"text {op}")
    fmt = draw(st.sampled_from(["pdf", "docx"]))
    if is_style:
        doc = copy.deepcopy(SEED_DOCS[STYLE_DOC])
        doc["document"]["style"] = FUZZ_STYLE
        files = {f"styles/{FUZZ_STYLE}/style.yaml": text,
                 "content/fuzz.yaml": yaml.safe_dump(doc, allow_unicode=True)}
    else:
        files = {"content/fuzz.yaml": text}
    return Case(files, "content/fuzz.yaml", fmt, how)


# --- running -----------------------------------------------------------------------------------

def make_project(folder: Path) -> Path:
    """styles/ (and styles/fuzzstyle with vefsn's assets) and content/ with every example's
    Markdown, CSV, images and documents, so includes and attachments resolve."""
    shutil.copytree(ROOT / "styles", folder / "styles")
    shutil.copytree(ROOT / "styles/vefsn", folder / "styles" / FUZZ_STYLE)
    (folder / "content").mkdir()
    for p in SUPPORT:
        shutil.copy(p, folder / "content" / p.name)
    return folder


def write_case(project: Path, case: Case) -> None:
    for name, content in case.files.items():
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8", "surrogatepass"))


@dataclass
class Outcome:
    check_code: int
    build_code: int
    check_messages: list
    build_messages: list
    crash: str | None       # the last line of a traceback (or the exception), when one crashed
    where: str | None       # "check" or "build"
    output: str
    site: str | None = None  # the deepest plandoc frame of the traceback


def _messages(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if not line.startswith("warning: ")]


def _traceback(result) -> str:
    if result.exception is None or isinstance(result.exception, SystemExit) \
            or not getattr(result, "exc_info", None):
        return ""
    return "".join(traceback.format_exception(*result.exc_info))


def site(text: str) -> str | None:
    """The deepest plandoc frame of a traceback: 'src/plandoc/…py:line in function'."""
    frames = re.findall(r'File "[^"]*?(src/plandoc/[^"]+)", line (\d+), in (\w+)', text)
    return f"{frames[-1][0]}:{frames[-1][1]} {frames[-1][2]}" if frames else None


def _crash(result) -> str | None:
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        return f"{type(result.exception).__name__}: {result.exception}"
    if "Traceback" in result.output or result.exit_code not in (0, 2):
        tail = [line for line in result.output.splitlines() if line.strip()]
        errors = [line for line in tail if re.match(r"[\w.]+(Error|Exception|Interrupt)\b", line)]
        return (errors or tail or [f"exit {result.exit_code}"])[-1]
    return None


class Hang(BaseException):
    """A command ran past the time limit (BaseException: click's runner lets it through)."""


TIME_LIMIT = 60.0     # seconds per command: every seed builds in under three


def _timed(*args):
    """run(*args), or a crash 'Hang: …' after TIME_LIMIT seconds."""
    def alarm(signum, frame):
        raise Hang(f"{args[0]} ran over {TIME_LIMIT:.0f} s")
    old = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT)
    try:
        return run(*args)
    except Hang as e:
        return SimpleNamespace(exit_code=1, exception=e, stderr="", output=f"Hang: {e}\n",
                               exc_info=(type(e), e, e.__traceback__))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def run_case(case: Case, out: str = "out") -> Outcome:
    """`check` then `build` of the case's document (cwd: the project)."""
    check = _timed("check", case.doc)
    build = _timed("build", case.doc, "--out", out, "-j", "1", "--format", case.fmt, "--force",
                   "-q")
    crash, where = _crash(check), "check"
    if crash is None:
        crash, where = _crash(build), "build"
    output = (f"--- check ({check.exit_code})\n{check.output}{_traceback(check)}\n"
              f"--- build ({build.exit_code})\n{build.output}{_traceback(build)}")
    return Outcome(check.exit_code, build.exit_code, _messages(check), _messages(build),
                   crash, where if crash else None, output, site(output) if crash else None)
