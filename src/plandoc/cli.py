"""Command line: parse arguments, call build or check, print the outcome."""

from __future__ import annotations

import contextlib
import warnings
from pathlib import Path

import click

from plandoc import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="plandoc")
def main() -> None:
    """Build a municipality's plan content into branded DOCX and PDF documents."""


_paths = click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
_styles = click.option("--styles", "styles_dir", type=click.Path(path_type=Path, file_okay=False),
                       help="Folder of styles (default: styles/ beside or above the content).")


@main.command()
@_paths
@click.option("--format", "fmt", type=click.Choice(["docx", "pdf"]),
              help="Build only this format (default: both).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              default=Path("output"), show_default=True, help="Folder for the outputs.")
@_styles
@click.option("--line-numbers", is_flag=True,
              help="Number the lines of the body text (for consultation drafts).")
@click.option("--pdfa/--no-pdfa", default=None,
              help="PDF/A-2b for archiving (default: the style's pdfa, else on for vedtatt).")
@click.option("--print", "press", is_flag=True,
              help="Also write OUT/<name>-print.pdf: 3 mm bleed, crop marks, CMYK colours.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def build(paths, fmt, out_dir, styles_dir, line_numbers, pdfa, press, quiet) -> None:
    """Build DOCX and PDF from content files or folders of them."""
    from plandoc.build import FORMATS, Options, build as run_build

    options = Options((fmt,) if fmt else FORMATS, out_dir, styles_dir, line_numbers,
                      pdfa=pdfa, press=press)
    with _warnings_to_stderr():
        for path in run_build(list(paths), options):
            if not quiet:
                click.echo(f"wrote {path}")


@main.command()
@_paths
@_styles
def check(paths, styles_dir) -> None:
    """Validate content and styles without writing anything."""
    from plandoc.build import Options, load

    loaded = load(list(paths), Options(styles_dir=styles_dir))
    click.echo(f"{len(loaded)} document{'s' if len(loaded) != 1 else ''} OK")


@contextlib.contextmanager
def _warnings_to_stderr():
    """Print each InputWarning as 'warning: file: message' on stderr (once per message)."""
    from plandoc.errors import InputWarning

    shown = set()

    def show(message, category, *args, **kwargs):
        if issubclass(category, InputWarning):
            if str(message) not in shown:
                shown.add(str(message))
                click.echo(f"warning: {message}", err=True)
        else:
            original(message, category, *args, **kwargs)

    original = warnings.showwarning
    with warnings.catch_warnings():
        warnings.simplefilter("always", InputWarning)
        warnings.showwarning = show
        yield
