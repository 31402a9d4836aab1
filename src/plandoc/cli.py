"""Command line: parse arguments, call build or check, print the outcome."""

from __future__ import annotations

import contextlib
import os
import re
import sys
import warnings
from pathlib import Path

import click

from plandoc import __version__


class _Plandoc(click.Group):
    """click's group, with a mistake in the options told in one line like any other mistake.

    click prints a usage line, a hint and 'Error: …' over four lines; plandoc says
    'plandoc build: Invalid value for '-j' / '--jobs': … — see 'plandoc build --help''.
    """

    def main(self, *args, standalone_mode: bool = True, **kwargs):
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except click.exceptions.NoArgsIsHelpError as exc:   # plain 'plandoc': the help
            click.echo(exc.format_message(), err=True)
            sys.exit(exc.exit_code)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else "plandoc"
            click.echo(f"{where}: {exc.format_message()} — see '{where} --help'", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def run() -> None:
    """The `plandoc` command (and `python -m plandoc`): `main`, then out at once.

    By the time main ends, every output is written, renamed and closed and the workers are
    gone; what the interpreter did next — free every object and module, collect the garbage
    once more — took 25 ms of a build (60 ms with --jobs 1) and nothing a user sees came of it.
    A bug's traceback still ends the process the usual way (only SystemExit is taken here)."""
    try:
        main()
    except SystemExit as exc:
        code = exc.code
        if code is not None and not isinstance(code, int):
            print(code, file=sys.stderr)
            code = 1
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):     # a closed pipe ('plandoc … | head'), as Python does
            code = code or 120
        os._exit(code or 0)


@click.group(cls=_Plandoc, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="plandoc")
def main() -> None:
    """Build a municipality's plan content into branded DOCX and PDF documents and web pages."""


_paths = click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
_styles = click.option("--styles", "styles_dir", type=click.Path(path_type=Path, file_okay=False,
                                                                 exists=True),
                       help="Folder of styles (default: styles/ beside or above the content).")
_format = click.option("--format", "fmt", type=click.Choice(["docx", "pdf", "html"]),
                       multiple=True,
                       help="Build only this format (repeatable; default: docx and pdf, and "
                            "html where the style says web: {enabled: true}). html writes "
                            "OUT/<name>/index.html.")
_allow = click.option("--allow-dir", "allow_dirs", multiple=True,
                      type=click.Path(path_type=Path, file_okay=False),
                      help="Let content and styles also read files from this folder "
                           "(repeatable; by default only the content folder and the style's).")
# not file_okay=False: an --out that is a file is one line from the build (plandoc.build.faults)
_public = click.option("--public", is_flag=True,
                       help="For the public: exempt content (unntatt offentlighet) replaced by "
                            "its marking, written to OUT/offentlig/.")
_out = click.option("--out", "out_dir", type=click.Path(path_type=Path),
                    default=Path("output"), show_default=True, help="Folder for the outputs.")


def _formats(chosen: tuple[str, ...]) -> tuple[str, ...]:
    """The formats --format chose, in the order given and each once; else the default ones."""
    from plandoc.build import FORMATS
    return tuple(dict.fromkeys(chosen)) if chosen else FORMATS


@main.command()
@_paths
@_format
@_out
@_styles
@_allow
@click.option("--line-numbers", is_flag=True,
              help="Number the lines of the body text (for consultation drafts).")
@click.option("--pdfa/--no-pdfa", default=None,
              help="PDF/A-2a for archiving (default: the style's pdfa, else on for vedtatt).")
@click.option("--print", "press", is_flag=True,
              help="Also write OUT/<name>-print.pdf: 3 mm bleed, crop marks, CMYK colours.")
@_public
@click.option("--toc-pages", is_flag=True,
              help="Give the DOCX's contents page numbers, found by LibreOffice when it is "
                   "installed (a few seconds a document), so Word need not update fields.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("--force", is_flag=True, help="Rebuild every document, even when up to date.")
@click.option("-j", "--jobs", type=click.IntRange(min=1),
              help="Documents built at once (default: the number of CPUs).")
def build(paths, fmt, out_dir, styles_dir, allow_dirs, line_numbers, pdfa, press, public,
          toc_pages, quiet, force, jobs) -> None:
    """Build DOCX and PDF (and the web edition) from content files or folders of them (only what
    changed)."""
    from plandoc.build.batch import run
    from plandoc.build import Options, public_out
    from plandoc.build.progress import CliReport

    options = Options(_formats(fmt), public_out(out_dir) if public else out_dir,
                      styles_dir, line_numbers, pdfa=pdfa, press=press, public=public,
                      chosen=bool(fmt), toc_pages=toc_pages, **_folders(paths, allow_dirs))
    with _warnings_to_stderr():  # workers are forked inside: they inherit it
        summary = run(list(paths), options, force=force, jobs=jobs, report=CliReport(quiet))
    if summary.exit_code:
        raise SystemExit(summary.exit_code)


@main.command()
@_paths
@_format
@_out
@_styles
@_allow
@click.option("--interval", type=click.FloatRange(min=0.05), default=0.3, show_default=True,
              help="Seconds between looks at the inputs.")
@_public
def watch(paths, fmt, out_dir, styles_dir, allow_dirs, interval, public) -> None:
    """Rebuild a document whenever one of its inputs is saved (Ctrl-C stops)."""
    from plandoc.build import Options, public_out
    from plandoc.build.watch import watch as run_watch

    run_watch(list(paths), Options(_formats(fmt),
                                   public_out(out_dir) if public else out_dir, styles_dir,
                                   public=public, chosen=bool(fmt),
                                   **_folders(paths, allow_dirs)), interval)


@main.command()
@click.argument("old", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("new", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--rev", help="Compare OLD as git has it at this revision with OLD as it is now.")
@click.option("--format", "fmt", type=click.Choice(["text", "docx", "pdf"]), default="text",
              show_default=True, help="Terminal text, or a change-list document.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              default=Path("output"), show_default=True, help="Folder for the change list.")
@_styles
@_allow
@_public
def diff(old, new, rev, fmt, out_dir, styles_dir, allow_dirs, public) -> None:
    """What changed between two versions of a content file (chapters, goals, SWOT, figures)."""
    from plandoc.diff.cli import run_diff

    run_diff(old, new, rev, fmt, out_dir, styles_dir, _folders((), allow_dirs)["allow_dirs"],
             public)


@main.command()
@_paths
@_styles
@_allow
@_public
def check(paths, styles_dir, allow_dirs, public) -> None:
    """Validate content and styles without writing anything."""
    from plandoc.build import Options
    from plandoc.build.document import load

    with _warnings_to_stderr():
        loaded = load(list(paths), Options(styles_dir=styles_dir, public=public,
                                           **_folders(paths, allow_dirs)))
    click.echo(f"{len(loaded)} document{'s' if len(loaded) != 1 else ''} OK")


@main.command()
@click.argument("out", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--style", "style_name", default="default", show_default=True,
              help="The style whose look the template gets.")
@click.option("--language", type=click.Choice(["nb", "nn", "en"]), default="nb",
              show_default=True, help="The language of plandoc's own style names.")
@_styles
def template(out, style_name, language, styles_dir) -> None:
    """Write a starter Word template (.dotx): every style plandoc uses, in a style's look."""
    from dataclasses import replace

    from plandoc.style import load_theme, style_dirs
    from plandoc.writers.docx.template import write_template

    if out.suffix.lower() != ".dotx":
        raise click.UsageError(f"{out} does not end in .dotx — expected a Word template's name, "
                               "such as mal.dotx")
    theme = load_theme(style_name, style_dirs(None, styles_dir))
    write_template(replace(theme, word_template=None), language, out)
    click.echo(f"wrote {out}")


def _checked(pattern, expected: str):
    """A click callback refusing a value that does not match `pattern` whole."""
    def check(ctx, param, value):
        if value is not None and not pattern.fullmatch(value):
            raise click.BadParameter(f"'{value}' is not {expected}", ctx, param)
        return value
    return check


@main.command()
@click.argument("name", callback=_checked(re.compile(r"[A-Za-z0-9_-]+"),
                                          "a file name — expected letters, digits, - and _, "
                                          "such as kommuneplan-2026"))
@click.option("--municipality", default="Eksempel kommune", show_default=True,
              help="The municipality's name, as on the cover.")
@click.option("--kind", type=click.Choice(["plan", "saksframlegg", "invitation", "meeting"]),
              default="plan", show_default=True, help="The kind of document to start.")
@click.option("--language", type=click.Choice(["nb", "nn"]), default="nb", show_default=True,
              help="The document's language (and its comments').")
@click.option("--logo", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="The emblem or logo (SVG, PNG or JPEG), copied into the style folder.")
@click.option("--color", callback=_checked(re.compile(r"#[0-9A-Fa-f]{6}"),
                                           "a colour — expected '#RRGGBB', such as '#0b5394'"),
              help="The style's primary colour, '#RRGGBB'.")
@click.option("--content", "content_dir", type=click.Path(path_type=Path, file_okay=False),
              default=Path("content"), show_default=True, help="Folder for the content file.")
@click.option("--styles", "styles_dir", type=click.Path(path_type=Path, file_okay=False),
              default=Path("styles"), show_default=True, help="Folder of styles.")
def new(name, municipality, kind, language, logo, color, content_dir, styles_dir) -> None:
    """Start a document and the municipality's style from a template that builds as it is."""
    from plandoc import scaffold

    if logo is not None and (fault := scaffold.logo_problem(logo)):
        raise click.BadParameter(fault, param_hint="'--logo'")
    try:
        plan = scaffold.plan(name, kind, language, municipality, content_dir, styles_dir,
                             color, logo)
    except scaffold.Refused as exc:
        click.echo(f"plandoc new: {exc}", err=True)
        raise SystemExit(2) from None
    for path in scaffold.write(plan):
        click.echo(f"wrote {path.as_posix()}")
    if plan.reused_style:
        click.echo(f"uses the style in {plan.reused_style.parent.as_posix()} (already there)")
    doc = (content_dir / f"{name}.yaml").as_posix()
    extra = "" if styles_dir == Path("styles") else f" --styles {styles_dir.as_posix()}"
    click.echo(f"next: plandoc check {doc}{extra} && plandoc build {doc}{extra}")


@main.command("import")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False),
              help="The YAML to write (default: content/<name of the DOCX>.yaml).")
@click.option("--style", help="The style the document names (a folder under styles/; "
              "default: the one a DOCX built by plandoc names).")
def import_(source, out, style) -> None:
    """Read an existing Word plan (.docx) into plandoc content: YAML, images and a report."""
    from plandoc.importer import ImportFault, import_docx

    out = out or Path("content") / f"{source.stem}.yaml"
    try:
        lines = import_docx(source, out, style)
    except ImportFault as exc:
        click.echo(f"plandoc import: {exc}", err=True)
        raise SystemExit(2) from None
    click.echo("\n".join(lines))
    click.echo(f"next: plandoc check {out.as_posix()} && plandoc build {out.as_posix()}")


def _folders(paths, allow_dirs) -> dict:
    """Options' content folders (the folders given) and --allow-dir folders, absolute."""
    from plandoc.build import given_folders

    return {"content_dirs": given_folders(paths),
            "allow_dirs": tuple(sorted({Path(d).absolute() for d in allow_dirs}))}


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
