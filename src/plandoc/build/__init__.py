"""Building: which content files, with which options; one document at a time or in a batch.

This package's top level stays light (no YAML, reader or writer imports): a no-op batch build
imports it to find the content files and compare hashes.  document.py reads, lays out and
writes one document; batch.py, workers.py, manifest.py, watch.py and progress.py run many.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from plandoc.errors import ContentError, Problem, display_path

FORMATS = ("docx", "pdf")     # built by default; html too where the style says `web: {enabled: true}`
ALL_FORMATS = ("docx", "pdf", "html")
CONTENT_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Options:
    """What to build and where."""

    formats: tuple[str, ...] = FORMATS
    out_dir: Path = Path("output")
    styles_dir: Path | None = None
    line_numbers: bool = False      # number the lines of every document (as if its metadata said so)
    pdfa: bool | None = None      # PDF/A-2a; None: the style's `pdfa`, else on for vedtatt
    press: bool = False           # also write <name>-print.pdf (or the style's print.enabled)
    allow_dirs: tuple[Path, ...] = ()    # --allow-dir: more folders content and styles may read
    content_dirs: tuple[Path, ...] = ()  # the folders given on the command line (content roots)
    public: bool = False          # --public: for the public, exempt content left out
    chosen: bool = False          # --format given: only those formats, whatever the style says
    toc_pages: bool = False       # --toc-pages: the DOCX's contents get page numbers (LibreOffice)


def output_name(stem: str, fmt: str) -> str:
    """The output of a document in a format, relative to the output folder: 'plan.pdf', or the
    web page 'plan/index.html'."""
    return f"{stem}/index.html" if fmt == "html" else f"{stem}.{fmt}"


PUBLIC_FOLDER = "offentlig"


def public_out(out_dir: Path) -> Path:
    """Where a public build writes: the folder `offentlig` in the output folder, with its own
    manifest and chart cache, so nothing of an internal build stands beside a public output."""
    return out_dir / PUBLIC_FOLDER


def given_folders(paths) -> tuple[Path, ...]:
    """The folders among the paths given on the command line, absolute and sorted."""
    return tuple(sorted({Path(p).absolute() for p in paths if Path(p).is_dir()}))


def content_roots(file: Path, options: Options) -> tuple[Path, ...]:
    """Where `file` may read from: its content folder, then every --allow-dir folder.

    The content folder is the folder given on the command line that holds the file, or — for a
    file named on its own — the file's own folder.
    """
    file = Path(file).absolute()
    mine = tuple(d for d in options.content_dirs if file.is_relative_to(d)) or (file.parent,)
    return mine + tuple(options.allow_dirs)


def content_files(paths: list[Path]) -> list[Path]:
    """Expand folders into their content files (sorted); a missing path is a problem."""
    files, problems = [], []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in CONTENT_SUFFIXES
                           and "styles" not in p.relative_to(path).parts)
            files += [p for p in found if p.is_file()]
            problems += [Problem(p, None, _broken) for p in found if _dangling(p)]
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(path, None, _broken if _dangling(path) else
                                    "no such file or folder"))
    if problems:
        raise ContentError(problems)
    if not files:
        raise ContentError([Problem(p, None, "no content files (.yaml) in this folder — "
                                    "expected a content file or a folder holding some")
                            for p in paths])
    return files


_broken = "a link that leads nowhere (its target is gone) — expected a content file"


def _dangling(path: Path) -> bool:
    return path.is_symlink() and not path.exists()


def check_names(files: list[Path]) -> None:
    """Two content files with the same name would overwrite each other's outputs."""
    seen: dict[str, Path] = {}
    problems = []
    for file in files:
        if file.stem in seen:
            other = display_path(seen[file.stem])
            problems.append(Problem(file, None, f"two documents would both be written as "
                                    f"'{file.stem}' (the other is {other}) — rename one"))
        seen[file.stem] = file
    if problems:
        raise ContentError(problems)
