"""File-system and command-line mistakes: paths, the output folder, names, encodings, options."""

from pathlib import Path

from tests.malformed.harness import BUILD, VALID, Case


def build(*args: str) -> tuple[str, ...]:
    return ("build", *args)


def _folder(*parts: str):
    def setup(project: Path) -> None:
        path = project.joinpath(*parts)
        path.unlink(missing_ok=True)
        path.mkdir()
    return setup


NOT_A_FOLDER = "is a file — expected a folder for the outputs (or a name that does not exist yet)"
NO_CONTENT = "no content files (.yaml) in this folder — expected a content file or a folder " \
             "holding some"
NOT_UTF8 = "content/doc.yaml:{}: not UTF-8 text (byte {}) — save the file as UTF-8"
MISSING = ("content/doc.yaml:1: the content file is empty — expected 'document:' (title, "
           "municipality) and 'body:'",)


def _usage(error: str) -> tuple[str, ...]:
    """A bad option, in one line like any mistake ('main' is the CliRunner's name for the
    program, a terminal shows 'plandoc')."""
    return (f"main build: {error} — see 'main build --help'",)


CASES = [
    # the output folder
    Case("files-out-is-a-file", {"out.txt": "not a folder\n"}, (f"out.txt: {NOT_A_FOLDER}",),
         command=build("content/doc.yaml", "--out", "out.txt", "-j", "1")),
    Case("files-out-is-the-content-file", {}, (f"content/doc.yaml: {NOT_A_FOLDER}",),
         command=build("content/doc.yaml", "--out", "content/doc.yaml", "-j", "1")),
    Case("files-out-under-a-file", {"out.txt": "not a folder\n"},
         ("out.txt/plans: cannot be created (out.txt is a file) — expected a folder for the "
          "outputs",),
         command=build("content/doc.yaml", "--out", "out.txt/plans", "-j", "1")),
    Case("files-out-under-a-file-parallel", {"out.txt": "x"},
         ("out.txt/a/b: cannot be created (out.txt is a file) — expected a folder for the "
          "outputs",),
         command=build("content", "--out", "out.txt/a/b", "-j", "2")),
    Case("files-output-name-is-a-folder", {},
         ("out/doc-print.pdf: is a folder — expected the document's output file here (move "
          "the folder away)",),
         command=build("content/doc.yaml", "--out", "out", "-j", "1", "--print"),
         setup=_folder("out", "doc-print.pdf")),
    Case("files-lock-is-a-folder", {},
         ("out/.plandoc.lock: is a folder — expected a file plandoc may replace (move the "
          "folder away)",),
         command=BUILD, setup=_folder("out", ".plandoc.lock")),
    # the content paths
    Case("files-content-path-missing", {},
         ("content/finnes-ikke.yaml: no such file or folder",),
         command=build("content/finnes-ikke.yaml", "--out", "out", "-j", "1")),
    Case("files-one-of-two-paths-missing", {},
         ("content/nope.yaml: no such file or folder",),
         command=build("content/doc.yaml", "content/nope.yaml", "--out", "out", "-j", "1")),
    Case("files-folder-without-content", {"notes/readme.md": "# Notater\n"},
         (f"notes: {NO_CONTENT}",), command=build("notes", "--out", "out", "-j", "1")),
    Case("files-content-file-is-a-folder", {"content/x.yaml/readme.md": "x\n"},
         (f"content/x.yaml: {NO_CONTENT}",),
         command=build("content/x.yaml", "--out", "out", "-j", "1")),
    Case("files-same-name-yaml-and-yml", {"content/doc.yml": VALID},
         ("content/doc.yml: two documents would both be written as 'doc' (the other is "
          "content/doc.yaml) — rename one",),
         command=build("content", "--out", "out", "-j", "1")),
    Case("files-same-name-in-a-subfolder", {"content/eldre/doc.yaml": VALID},
         ("content/eldre/doc.yaml: two documents would both be written as 'doc' (the other "
          "is content/doc.yaml) — rename one",),
         command=build("content", "--out", "out", "-j", "2")),
    Case("files-same-name-check", {"content/eldre/doc.yaml": VALID},
         ("content/eldre/doc.yaml: two documents would both be written as 'doc' (the other "
          "is content/doc.yaml) — rename one",),
         command=("check", "content")),
    # what is in a content file
    Case("files-empty-content-file", {"content/doc.yaml": ""}, MISSING),
    Case("files-only-a-comment", {"content/doc.yaml": "# skrives senere\n"}, MISSING),
    Case("files-only-blank-lines", {"content/doc.yaml": "\n\n   \n"}, MISSING),
    Case("files-latin-1", {"content/doc.yaml": "document:\n  title: Pl\xe6n\n".encode("latin-1")},
         (NOT_UTF8.format(2, "0xE6"),)),
    Case("files-utf-16", {"content/doc.yaml": "document:\n".encode("utf-16")},
         (NOT_UTF8.format(1, "0xFF"),)),
    Case("files-binary", {"content/doc.yaml": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00"},
         (NOT_UTF8.format(1, "0x89"),)),
    Case("files-styles-folder-missing", {}, _usage("Invalid value for '--styles': Directory "
                                                   "'nostyles' does not exist."),
         command=build("content/doc.yaml", "--styles", "nostyles", "-j", "1")),
    Case("files-dangling-link-in-folder", {},
         ("content/borte.yaml: a link that leads nowhere (its target is gone) — expected a "
          "content file",),
         command=build("content", "-j", "1"),
         setup=lambda project: (project / "content/borte.yaml").symlink_to("finnes-ikke.yaml")),
    Case("files-diff-rev-outside-git", {},
         ("content/doc.yaml: is not in a git repository — --rev compares with a revision git "
          "has; compare two files instead",),
         command=("diff", "content/doc.yaml", "--rev", "HEAD")),
    # options
    Case("files-jobs-zero", {}, _usage("Invalid value for '-j' / '--jobs': 0 is not in the "
                                       "range x>=1."),
         command=build("content/doc.yaml", "--out", "out", "-j", "0")),
    Case("files-jobs-not-a-number", {},
         _usage("Invalid value for '-j' / '--jobs': 'alle' is not a valid integer range."),
         command=build("content/doc.yaml", "--out", "out", "-j", "alle")),
    Case("files-unknown-format", {},
         _usage("Invalid value for '--format': 'odt' is not one of 'docx', 'pdf', 'html'."),
         command=build("content/doc.yaml", "--out", "out", "--format", "odt")),
]
