"""Show a change list: as terminal text, or as a plandoc Document for the existing writers.

    load_pair(old_path, new_path, rev) -> (old, new)      (git revisions via `git archive`)
    as_text(changes, lang) -> str
    as_document(changes, old, new) -> Document             ("Endringer fra forrige versjon")
"""

from __future__ import annotations

import dataclasses
import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from plandoc.diff import Change, word_diff
from plandoc.errors import ContentError, Problem, display_path
from plandoc.labels import labels
from plandoc.model import Document, Heading, Inline, Paragraph, Span, Table

WORDS = {
    "nb": {"title": "Endringer fra forrige versjon", "chapter": "Kapitler", "goal": "Mål",
           "strategy": "Strategier", "swot": "SWOT", "figure": "Tall og diagrammer",
           "added": "Ny", "removed": "Fjernet", "renumbered": "Nytt nummer",
           "reworded": "Omformulert", "moved": "Flyttet", "changed": "Endret",
           "none": "Ingen endringer.", "change": "Endring", "before": "Før", "after": "Nå"},
    "nn": {"title": "Endringar frå førre versjon", "chapter": "Kapittel", "goal": "Mål",
           "strategy": "Strategiar", "swot": "SWOT", "figure": "Tal og diagram",
           "added": "Ny", "removed": "Fjerna", "renumbered": "Nytt nummer",
           "reworded": "Omformulert", "moved": "Flytta", "changed": "Endra",
           "none": "Ingen endringar.", "change": "Endring", "before": "Før", "after": "No"},
    "en": {"title": "Changes from the previous version", "chapter": "Chapters", "goal": "Goals",
           "strategy": "Strategies", "swot": "SWOT", "figure": "Figures and charts",
           "added": "Added", "removed": "Removed", "renumbered": "Renumbered",
           "reworded": "Reworded", "moved": "Moved", "changed": "Changed",
           "none": "No changes.", "change": "Change", "before": "Before", "after": "Now"},
}
AREAS = ("chapter", "goal", "strategy", "swot", "figure")


def load_pair(old: Path, new: Path | None, rev: str | None,
              allow: tuple[Path, ...] = ()) -> tuple[Document, Document]:
    """The two versions; with `rev`, the old one is `old` as git has it at that revision.

    Each version reads only from its own folder and the `allow` folders (--allow-dir).
    """
    from plandoc.reader.content import read_document as read

    def read_document(path: Path) -> Document:
        return read(path, (Path(path).absolute().parent, *allow))

    if rev is None:
        if new is None:
            raise ContentError(Problem("<command line>", None, "diff needs two files, or one "
                                       "file and --rev REV"))
        return _same_kind(read_document(old), read_document(new))
    if new is not None:
        raise ContentError(Problem("<command line>", None, "give either two files or one file "
                                   "and --rev, not both"))
    with tempfile.TemporaryDirectory(prefix="plandoc-diff-") as tmp:
        then = _checkout(old, rev, Path(tmp))
        return _same_kind(read_document(then), read_document(old))


def _checkout(path: Path, rev: str, into: Path) -> Path:
    """Extract the folder holding `path` as it was at `rev` (includes and CSVs too)."""
    folder = path.absolute().parent
    commit = _commit(path, folder, rev)
    top = Path(_git(path, folder, "rev-parse", "--show-toplevel").decode().strip()).resolve()
    rel = folder.resolve().relative_to(top)
    blob = _git(path, top, "archive", "--format=tar", commit, "--", str(rel), rev=rev)
    with tarfile.open(fileobj=io.BytesIO(blob)) as tar:
        tar.extractall(into, filter="data")
    then = into / rel / path.name
    if not then.is_file():
        raise ContentError(Problem(path, None, f"not in git at revision '{rev}'"))
    return then


def _commit(path: Path, folder: Path, rev: str) -> str:
    """The commit `rev` names; never an option (a revision starting with '-' is refused)."""
    if not rev or rev.startswith("-") or any(c in rev for c in "\0\n"):
        raise ContentError(Problem("<command line>", None, f"--rev '{rev}' is not a revision — "
                                   "expected a commit, branch or tag such as HEAD~1, main or "
                                   "v2.0"))
    out = _git(path, folder, "rev-parse", "--verify", "--quiet", "--end-of-options",
               f"{rev}^{{commit}}", rev=rev, unknown=True)
    return out.decode().strip()


def _git(path: Path, cwd: Path, *args: str, rev: str | None = None,
         unknown: bool = False) -> bytes:
    """git's output; its failures become a message about `path`."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True)
    except FileNotFoundError:
        raise ContentError(Problem("<command line>", None, "--rev needs git, which is not "
                                   "installed")) from None
    if done.returncode and unknown and "not a git repository" not in done.stderr.decode(
            errors="replace"):
        raise ContentError(Problem(path, None, f"git does not know revision '{rev}'"))
    if done.returncode:
        why = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["?"]
        if "not a git repository" in why[0]:
            raise ContentError(Problem(path, None, "is not in a git repository — --rev compares "
                                       "with a revision git has; compare two files instead"))
        what = f"git does not know revision '{rev}'" if rev and ("not a valid" in why[0]
                                                               or "not a tree" in why[0]) \
            else f"git {args[0]} failed: {why[0]}"
        raise ContentError(Problem(path, None, what))
    return done.stdout


def _same_kind(old: Document, new: Document) -> tuple[Document, Document]:
    if old.meta.kind != new.meta.kind:
        raise ContentError(Problem(new.source, None, f"is a '{new.meta.kind}' but "
                                   f"{display_path(old.source)} is a '{old.meta.kind}' — diff "
                                   "compares two versions of the same kind of document"))
    return old, new


def _lang(lang: str) -> dict:
    return WORDS.get(lang, WORDS["nb"])


def describe(change: Change, lang: str) -> tuple[str, str]:
    """(what happened, label) for a change, e.g. ('Nytt nummer', '2.1 → 2.2')."""
    w, q = _lang(lang), labels(lang)
    if change.area == "swot":
        where = " → ".join(q.get(k, k) for k in (change.old_label, change.new_label) if k)
        return w[change.kind], where
    if change.old_label and change.new_label and change.old_label != change.new_label:
        return w[change.kind], f"{change.old_label} → {change.new_label}"
    return w[change.kind], change.new_label or change.old_label


def as_text(changes: list[Change], lang: str) -> str:
    """Readable terminal text; changed words as [-old-]{+new+}."""
    w = _lang(lang)
    if not changes:
        return w["none"]
    lines = []
    for area in AREAS:
        mine = [c for c in changes if c.area == area]
        if mine:
            lines.append(w[area])
            lines += [_text_line(c, lang) for c in mine]
    return "\n".join(lines)


def _text_line(change: Change, lang: str) -> str:
    what, label = describe(change, lang)
    if change.kind in ("reworded",):
        body = "".join(_mark(op, t) for op, t in word_diff(change.old, change.new)).strip()
    elif change.kind == "changed":
        body = f"{change.old} → {change.new}"
    else:
        body = change.new or change.old
    return f"  {what} {label}: {body}"


def _mark(op: str, text: str) -> str:
    lead, core = text[:len(text) - len(text.lstrip())], text.strip()
    return text if op == "=" else f"{lead}[-{core}-]" if op == "-" else f"{lead}{{+{core}+}}"


def as_document(changes: list[Change], old: Document, new: Document) -> Document:
    """The change list as a plandoc Document in the new version's language and style."""
    lang, w = new.meta.language, _lang(new.meta.language)
    meta = dataclasses.replace(new.meta, title=w["title"], subtitle=new.meta.title, part=None,
                               toc=False, line_numbers=False)  # status: the new version's
    blocks: list = []
    for n, area in enumerate(AREAS, start=1):
        mine = [c for c in changes if c.area == area]
        if mine:
            blocks.append(Heading(1, (Span(w[area]),), None, f"d{n}"))
            blocks.append(Table(tuple((Span(w[k]),) for k in ("change", "before", "after")),
                                tuple(_row(c, lang) for c in mine), widths=(0.24, 0.38, 0.38)))
    if not blocks:
        blocks = [Paragraph((Span(w["none"]),))]
    source = new.source.with_name(f"{new.source.stem}-endringer.yaml")
    return Document(meta, tuple(blocks), source, ())


def _row(change: Change, lang: str) -> tuple[Inline, Inline, Inline]:
    what, label = describe(change, lang)
    head = (Span(what, bold=True), Span(f" {label}" if label else ""))
    if change.kind == "reworded":
        runs = word_diff(change.old, change.new)
        return head, _marked(runs, "-"), _marked(runs, "+")
    return head, (Span(change.old),), (Span(change.new),)


def _marked(runs, side: str) -> Inline:
    """One side of a word diff: the changed words bold."""
    return tuple(Span(t, bold=op == side) for op, t in runs if op in ("=", side))
