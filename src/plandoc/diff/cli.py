"""`plandoc diff`: load the two versions, compare, print or write the change list."""

from __future__ import annotations

from pathlib import Path

import click

from plandoc.build import Options, public_out
from plandoc.build.document import build_one, public_only
from plandoc.diff import compare
from plandoc.diff.report import as_document, as_text, load_pair


def run_diff(old: Path, new: Path | None, rev: str | None, fmt: str, out_dir: Path,
             styles_dir: Path | None, allow_dirs: tuple[Path, ...] = (),
             public: bool = False) -> None:
    """Print the changes, or write them as a DOCX/PDF in the new version's style.

    Each version reads files only from its own folder and the --allow-dir folders.  `public`:
    both versions without their exempt content (compared as a public build shows them), the
    change list written to OUT/offentlig/.
    """
    before, after = load_pair(old, new, rev, allow_dirs)
    audience = Options(public=public)
    before, after = public_only(before, audience), public_only(after, audience)
    out_dir = public_out(out_dir) if public else out_dir
    changes = compare(before, after)
    if fmt == "text":
        click.echo(as_text(changes, after.meta.language))
        return
    from plandoc.style import load_theme, style_dirs

    theme = load_theme(after.meta.style, style_dirs(after.source.parent, styles_dir),
                       origin=(after.source, None), allow=allow_dirs)
    report = as_document(changes, before, after)
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in build_one(report, theme, Options((fmt,), out_dir, styles_dir,
                                                 allow_dirs=allow_dirs, public=public)):
        click.echo(f"wrote {path}")


