"""Files outside the content or style folder: '../', absolute paths, symlinks; style names that
are paths; `diff --rev` values that git would take as options."""

import os
import subprocess

from tests.malformed.harness import Case, doc

OUT = ("is outside the content folder content — keep the files a document uses inside its "
       "folder, or allow the folder with --allow-dir")
STYLE_OUT = ("is outside the style folder styles/mine — keep a style's files inside its folder, "
             "or allow the folder with --allow-dir")
NOT_A_NAME = "not a style name — expected the name of {} such as 'default', not a path"
LINKED_OUT = ("is a link out of the styles folder styles — keep a style's folder inside the "
              "styles folder, or allow the folder with --allow-dir")
STYLED = ("document:\n  title: Plan\n  municipality: Testvik kommune\n  style: {}\nbody:\n"
          "  - chapter: Innledning\n")
NOT_REV = ("<command line>: --rev '{}' is not a revision — expected a commit, branch or tag "
           "such as HEAD~1, main or v2.0")
SECRET = {"secret/secret.md": "Hemmelig.\n", "secret/secret.csv": "A,B\n1,2\n",
          "secret/evil/style.yaml": "name: Ond\n"}


def link(target: str, name: str):
    """A setup that makes the symlink `name` (in the project) pointing to `target`."""
    def make(project):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, project / name)
    return make


def mine(style_yaml: str) -> dict:
    """content/doc.yaml in style 'mine', whose style.yaml is `style_yaml`."""
    return {"content/doc.yaml": STYLED.format("mine"),
            "styles/mine/style.yaml": style_yaml}


def git_repo(project):
    git = ["git", "-c", "user.email=t@t", "-c", "user.name=t"]
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run([*git, "add", "content"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-qm", "v1"], cwd=project, check=True)


def diff(rev: str) -> tuple[str, ...]:
    return ("diff", "content/doc.yaml", f"--rev={rev}", "--format", "pdf", "--out", "out")


CASES = [
    # --- include --------------------------------------------------------------------------
    Case("path-include-dotdot", {**SECRET, **doc("  - include: ../secret/secret.md\n")},
         (f"content/doc.yaml:5: included file '../secret/secret.md' {OUT}",)),
    Case("path-include-etc-passwd", doc("  - include: /etc/passwd\n"),
         (f"content/doc.yaml:5: included file '/etc/passwd' {OUT}",)),
    Case("path-include-symlink", {**SECRET, **doc("  - include: link.md\n")},
         (f"content/doc.yaml:5: included file 'link.md' {OUT}",),
         setup=link("../secret/secret.md", "content/link.md")),
    Case("path-include-folder-symlink", {**SECRET, **doc("  - include: shared/secret.md\n")},
         (f"content/doc.yaml:5: included file 'shared/secret.md' {OUT}",),
         setup=link("../secret", "content/shared")),
    Case("path-include-out-and-back-out", doc("  - include: ./../content/../../x.md\n"),
         (f"content/doc.yaml:5: included file './../content/../../x.md' {OUT}",)),
    Case("path-include-missing-outside", doc("  - include: ../nowhere.md\n"),
         (f"content/doc.yaml:5: included file '../nowhere.md' {OUT}",)),
    Case("path-include-allow-other-dir", {**SECRET, **doc("  - include: ../secret/secret.md\n")},
         (f"content/doc.yaml:5: included file '../secret/secret.md' {OUT}",),
         command=("build", "content/doc.yaml", "--out", "out", "-j", "1", "--allow-dir",
                  "styles")),
    Case("path-content-file-symlink", {"content/doc.yaml": None, "secret/doc.yaml": "x: 1\n"},
         ("content/doc.yaml: the link content/doc.yaml leads out of the content folder content — "
          "keep the files a "
          "document uses inside its folder, or allow the folder with --allow-dir",),
         setup=link("../secret/doc.yaml", "content/doc.yaml")),
    # --- csv --------------------------------------------------------------------------------
    Case("path-csv-table-dotdot", {**SECRET, **doc("  - table: {csv: ../secret/secret.csv}\n")},
         (f"content/doc.yaml:5: CSV file '../secret/secret.csv' {OUT}",)),
    Case("path-csv-table-absolute", doc("  - table: {csv: /etc/passwd}\n"),
         (f"content/doc.yaml:5: CSV file '/etc/passwd' {OUT}",)),
    Case("path-csv-table-symlink", {**SECRET, **doc("  - table: {csv: tall.csv}\n")},
         (f"content/doc.yaml:5: CSV file 'tall.csv' {OUT}",),
         setup=link("../secret/secret.csv", "content/tall.csv")),
    Case("path-csv-chart-dotdot",
         {**SECRET, **doc("  - chart:\n      type: bar\n      title: T\n      alt: A\n"
                          "      data: {csv: ../secret/secret.csv, x: A, y: [B]}\n")},
         (f"content/doc.yaml:9: CSV file '../secret/secret.csv' {OUT}",)),
    # --- image ------------------------------------------------------------------------------
    Case("path-image-dotdot", doc("  - image: {file: ../styles/vefsn/emblem.png, alt: V}\n"),
         (f"content/doc.yaml:5: image '../styles/vefsn/emblem.png' {OUT}",)),
    Case("path-image-absolute", doc("  - image: {file: /etc/passwd, alt: V}\n"),
         (f"content/doc.yaml:5: image '/etc/passwd' {OUT}",)),
    Case("path-image-symlink", doc("  - image: {file: vapen.png, alt: V}\n"),
         (f"content/doc.yaml:5: image 'vapen.png' {OUT}",),
         setup=link("../styles/vefsn/emblem.png", "content/vapen.png")),
    # --- attachments ------------------------------------------------------------------------
    Case("path-attachment-dotdot", doc("  - attachments:\n      - document: ../x/plan.yaml\n"),
         (f"content/doc.yaml:6: attached document '../x/plan.yaml' {OUT}",)),
    Case("path-attachment-absolute", doc("  - attachments:\n      - document: /etc/passwd\n"),
         (f"content/doc.yaml:6: attached document '/etc/passwd' {OUT}",)),
    Case("path-attachment-symlink", doc("  - attachments:\n      - document: annen.yaml\n"),
         (f"content/doc.yaml:6: attached document 'annen.yaml' {OUT}",),
         setup=link("/etc/passwd", "content/annen.yaml")),
    Case("path-two-at-once", doc("  - include: /etc/passwd\n"
                                 "  - image: {file: ../x.png, alt: X}\n"),
         (f"content/doc.yaml:5: included file '/etc/passwd' {OUT}",
          f"content/doc.yaml:6: image '../x.png' {OUT}")),
    # --- style names ------------------------------------------------------------------------
    Case("path-style-dotdot", {**SECRET, "content/doc.yaml": STYLED.format("../secret/evil")},
         ("content/doc.yaml:4: style '../secret/evil' is "
          + NOT_A_NAME.format("a folder in the styles folder,"),)),
    Case("path-style-absolute", {"content/doc.yaml": STYLED.format("/etc")},
         ("content/doc.yaml:4: style '/etc' is "
          + NOT_A_NAME.format("a folder in the styles folder,"),)),
    Case("path-style-dot", {"content/doc.yaml": STYLED.format("'.'")},
         ("content/doc.yaml:4: style '.' is "
          + NOT_A_NAME.format("a folder in the styles folder,"),)),
    Case("path-style-symlink", {**SECRET, "content/doc.yaml": STYLED.format("evil")},
         (f"content/doc.yaml:4: style 'evil' {LINKED_OUT}",),
         setup=link("../secret/evil", "styles/evil")),
    Case("path-extends-dotdot", {**SECRET, **mine("extends: ../../secret/evil\n")},
         ("styles/mine/style.yaml:1: extends '../../secret/evil' is "
          + NOT_A_NAME.format("another style,"),)),
    Case("path-extends-absolute", mine("extends: /etc\n"),
         ("styles/mine/style.yaml:1: extends '/etc' is " + NOT_A_NAME.format("another style,"),)),
    Case("path-extends-symlink", {**SECRET, **mine("extends: evil\n")},
         (f"styles/mine/style.yaml:1: extends 'evil' {LINKED_OUT}",),
         setup=link("../secret/evil", "styles/evil")),
    # --- a style's files --------------------------------------------------------------------
    Case("path-style-font-dotdot",
         mine("fonts:\n  body: {family: Arial, "
              "regular: ../vefsn/fonts/LiberationSans-Regular.ttf}\n"),
         (f"styles/mine/style.yaml:2: fonts body regular '../vefsn/fonts/LiberationSans-Regular.ttf' "
          f"{STYLE_OUT}",)),
    Case("path-style-font-absolute", mine("fonts:\n  body:\n    bold: /etc/passwd\n"),
         (f"styles/mine/style.yaml:3: fonts body bold '/etc/passwd' {STYLE_OUT}",)),
    Case("path-style-font-symlink", mine("fonts:\n  symbol: a.ttf\n"),
         (f"styles/mine/style.yaml:2: fonts symbol 'a.ttf' {STYLE_OUT}",),
         setup=link("../vefsn/fonts/LiberationSans-Regular.ttf", "styles/mine/a.ttf")),
    Case("path-style-font-builtin-escape", mine("fonts:\n  symbol: builtin:../../../x.ttf\n"),
         ("styles/mine/style.yaml:2: fonts symbol 'builtin:../../../x.ttf' is not one of the "
          "built-in fonts — expected builtin: and a file name such as builtin:DejaVuSans.ttf",)),
    Case("path-style-logo-dotdot", mine("logo: ../vefsn/emblem.png\n"),
         (f"styles/mine/style.yaml:1: logo '../vefsn/emblem.png' {STYLE_OUT}",)),
    Case("path-style-logo-symlink", mine("logo: emblem.png\n"),
         (f"styles/mine/style.yaml:1: logo 'emblem.png' {STYLE_OUT}",),
         setup=link("../vefsn/emblem.png", "styles/mine/emblem.png")),
    Case("path-style-template-absolute", mine("word_template: /etc/passwd\n"),
         (f"styles/mine/style.yaml:1: word_template '/etc/passwd' {STYLE_OUT}",)),
    Case("path-style-folder-symlink-logo", mine("logo: felles/emblem.png\n"),
         (f"styles/mine/style.yaml:1: logo 'felles/emblem.png' {STYLE_OUT}",),
         setup=link("../vefsn", "styles/mine/felles")),
    # --- diff --rev -------------------------------------------------------------------------
    Case("path-diff-rev-output-option", {}, (NOT_REV.format("--output=out/doc.pdf"),),
         command=diff("--output=out/doc.pdf")),
    Case("path-diff-rev-short-option", {}, (NOT_REV.format("-o"),), command=diff("-o")),
    Case("path-diff-rev-dash", {}, (NOT_REV.format("-"),), command=diff("-")),
    Case("path-diff-rev-remote", {}, (NOT_REV.format("--remote=../x"),),
         command=diff("--remote=../x")),
    Case("path-diff-rev-unknown", {}, ("content/doc.yaml: git does not know revision 'v9.9'",),
         command=diff("v9.9"), setup=git_repo),
    Case("path-diff-rev-not-a-commit", {},
         ("content/doc.yaml: git does not know revision 'HEAD:content'",),
         command=diff("HEAD:content"), setup=git_repo),
]
