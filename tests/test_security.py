"""Nothing outside the content and style folders is read, and only safe links reach the outputs.

Every file reference (include, csv, image, attachment, style name, a style's fonts, logo and
Word template, extends) is refused when it leads out of its folder by '../', an absolute path or
a symlink — and works when --allow-dir names the folder.  `diff --rev` never passes an option
to git.  Links: http, https, mailto, tel and '#heading' reach the PDF and DOCX; others are
refused with the file and line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest

from tests.conftest import ROOT, run

HEAD = """\
document:
  title: Plan
  municipality: Testvik kommune
{style}body:
  - chapter: Innledning
"""
OUTSIDE = ("is outside the content folder content — keep the files a document uses inside its "
           "folder, or allow the folder with --allow-dir")
STYLE_OUTSIDE = ("is outside the style folder styles/mine — keep a style's files inside its "
                 "folder, or allow the folder with --allow-dir")
LINKS = ("links may be http://, https://, mailto: or tel: addresses, or '#' and the anchor of a "
         "heading in this document")
FONT = ROOT / "styles/vefsn/fonts/LiberationSans-Regular.ttf"


@pytest.fixture
def secret(project) -> Path:
    """A folder beside content/ with one file of every kind a document or style can name."""
    folder = project / "secret"
    folder.mkdir()
    (folder / "secret.md").write_text("Hemmelig tekst fra utsiden.\n", encoding="utf-8")
    (folder / "secret.csv").write_text("Navn,Verdi\nHemmelig,1\n", encoding="utf-8")
    shutil.copy(ROOT / "styles/vefsn/emblem.png", folder / "secret.png")
    (folder / "secret.yaml").write_text("document:\n  title: Hemmelig vedlegg\n"
                                        "  municipality: Testvik kommune\nbody: []\n",
                                        encoding="utf-8")
    shutil.copy(FONT, folder / "secret.ttf")
    docx.Document().save(str(folder / "secret.docx"))
    (folder / "evil").mkdir()
    (folder / "evil/style.yaml").write_text("name: Ond\n", encoding="utf-8")
    return folder


def write_doc(project: Path, body: str, style: str | None = None) -> Path:
    path = project / "content/doc.yaml"
    head = HEAD.format(style=f"  style: {style}\n" if style else "")
    path.write_text(head + body, encoding="utf-8")
    return path


def refused(result, *lines: str) -> None:
    assert "Traceback" not in result.output, result.output
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == list(lines)


def build(*extra):
    return run("build", "content/doc.yaml", "--out", "out", "-j", "1", *extra)


# --- content references ----------------------------------------------------------------------

# kind → (the body item naming REF, what the message calls it, the file in secret/)
CONTENT_REFS = {
    "include": ("  - include: {ref}\n", "included file", "secret.md"),
    "csv": ("  - table: {{csv: {ref}}}\n", "CSV file", "secret.csv"),
    "image": ("  - image: {{file: {ref}, alt: Bilde}}\n", "image", "secret.png"),
    "attachment": ("  - attachments:\n      - document: {ref}\n", "attached document",
                   "secret.yaml"),
}
LINE = {"include": 6, "csv": 6, "image": 6, "attachment": 7}


def _ref(project: Path, how: str, name: str) -> str:
    """The reference to secret/<name> written the way `how` says."""
    if how == "dotdot":
        return f"../secret/{name}"
    if how == "absolute":
        return str(project / "secret" / name)
    if how == "symlink":
        os.symlink(project / "secret" / name, project / "content" / f"link-{name}")
        return f"link-{name}"
    os.symlink(project / "secret", project / "content" / "shared")  # a linked folder
    return f"shared/{name}"


@pytest.mark.parametrize("how", ["dotdot", "absolute", "symlink", "folder-link"])
@pytest.mark.parametrize("kind", sorted(CONTENT_REFS))
def test_content_reference_out_of_the_folder(secret, project, kind, how):
    item, what, name = CONTENT_REFS[kind]
    ref = _ref(project, how, name)
    write_doc(project, item.format(ref=ref))
    message = f"content/doc.yaml:{LINE[kind]}: {what} '{ref}' {OUTSIDE}"
    refused(build(), message)
    refused(run("check", "content/doc.yaml"), message)
    assert not (project / "out").exists()
    ok = build("--allow-dir", "secret")
    assert ok.exit_code == 0, ok.output
    assert run("check", "content/doc.yaml", "--allow-dir", "secret").exit_code == 0


def test_allowed_include_reaches_the_outputs(secret, project):
    write_doc(project, "  - include: ../secret/secret.md\n")
    assert build("--allow-dir", str(project / "secret")).exit_code == 0
    text = "\n".join(p.text for p in docx.Document(str(project / "out/doc.docx")).paragraphs)
    assert "Hemmelig tekst fra utsiden." in text


def test_etc_passwd_is_refused_before_it_is_looked_for(project):
    write_doc(project, "  - include: /etc/passwd\n  - include: /nowhere/at/all.md\n")
    refused(build(), f"content/doc.yaml:6: included file '/etc/passwd' {OUTSIDE}",
            f"content/doc.yaml:7: included file '/nowhere/at/all.md' {OUTSIDE}")


def test_links_inside_the_folder_are_fine(secret, project):
    (project / "content/tekst").mkdir()
    (project / "content/tekst/intro.md").write_text("Innenfor.\n", encoding="utf-8")
    os.symlink("tekst/intro.md", project / "content/intro.md")       # inside → inside
    write_doc(project, "  - include: intro.md\n  - include: tekst/../intro.md\n")
    result = build()
    assert result.exit_code == 0, result.output


def test_the_content_folder_is_the_folder_given(secret, project):
    """Built as part of content/, a document in content/kap/ may include from content/."""
    (project / "content/kap").mkdir()
    (project / "content/felles.md").write_text("Felles tekst.\n", encoding="utf-8")
    (project / "content/kap/doc.yaml").write_text(
        HEAD.format(style="") + "  - include: ../felles.md\n", encoding="utf-8")
    assert run("build", "content", "--out", "out", "-j", "1").exit_code == 0
    refused(run("build", "content/kap/doc.yaml", "--out", "out2", "-j", "1"),
            "content/kap/doc.yaml:6: included file '../felles.md' is outside the content folder "
            "content/kap — keep the files a document uses inside its folder, or allow the "
            "folder with --allow-dir")


def test_content_file_linked_out_of_a_folder(secret, project):
    (project / "secret/plan.yaml").write_text(HEAD.format(style=""), encoding="utf-8")
    (project / "content/ok.yaml").write_text(HEAD.format(style=""), encoding="utf-8")
    os.symlink("../secret/plan.yaml", project / "content/plan.yaml")
    refused(run("build", "content", "--out", "out", "-j", "1"),
            "content/plan.yaml: the link content/plan.yaml leads out of the content folder "
            "content — keep the files a document uses inside its folder, or allow the folder "
            "with --allow-dir")
    assert (project / "out/ok.pdf").is_file()  # the other document is built
    ok = run("build", "content", "--out", "out", "-j", "1", "--allow-dir", "secret")
    assert ok.exit_code == 0, ok.output


def test_allow_dirs_is_part_of_the_options_key(secret, project):
    write_doc(project, "  - include: ../secret/secret.md\n")
    assert build("--allow-dir", "secret").exit_code == 0
    refused(build(), f"content/doc.yaml:6: included file '../secret/secret.md' {OUTSIDE}")
    again = build("--allow-dir", "secret")
    assert again.exit_code == 0 and "0 built, 1 unchanged" in again.output


# --- styles ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["../secret/evil", "SECRET/evil", "..", "./vefsn",
                                  "styles/vefsn"])
def test_style_name_is_not_a_path(secret, project, name):
    name = name.replace("SECRET", str(project / "secret"))
    write_doc(project, "", style=name)
    message = (f"content/doc.yaml:4: style '{name}' is not a style name — expected the name of "
               "a folder in the styles folder, such as 'default', not a path")
    refused(build(), message)
    refused(build("--allow-dir", "secret"), message)  # a name never becomes a path


def test_style_folder_linked_out(secret, project):
    os.symlink(project / "secret/evil", project / "styles/evil")
    write_doc(project, "", style="evil")
    refused(build(), "content/doc.yaml:4: style 'evil' is a link out of the styles folder "
            "styles — keep a style's folder inside the styles folder, or allow the folder "
            "with --allow-dir")
    assert build("--allow-dir", "secret").exit_code == 0


def _style(project: Path, text: str) -> None:
    (project / "styles/mine").mkdir(exist_ok=True)
    (project / "styles/mine/style.yaml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("how", ["dotdot", "absolute", "symlink"])
def test_extends_is_a_name(secret, project, how):
    if how == "symlink":
        os.symlink(project / "secret/evil", project / "styles/evil")
        _style(project, "extends: evil\n")
        message = ("styles/mine/style.yaml:1: extends 'evil' is a link out of the styles "
                   "folder styles — keep a style's folder inside the styles folder, or allow "
                   "the folder with --allow-dir")
    else:
        ref = "../../secret/evil" if how == "dotdot" else str(project / "secret/evil")
        _style(project, f"extends: {ref}\n")
        message = (f"styles/mine/style.yaml:1: extends '{ref}' is not a style name — expected "
                   "the name of another style, such as 'default', not a path")
    write_doc(project, "", style="mine")
    refused(build(), message)
    refused(run("check", "content/doc.yaml"), message)
    if how == "symlink":
        assert build("--allow-dir", "secret").exit_code == 0


# key in style.yaml → (the YAML naming REF, the word in the message, the file in secret/)
STYLE_REFS = {
    "font": ("fonts:\n  body: {{family: Arial, regular: {ref}}}\n", "fonts body regular",
             "secret.ttf"),
    "symbol": ("fonts:\n  symbol: {ref}\n", "fonts symbol", "secret.ttf"),
    "logo": ("logo: {ref}\n", "logo", "secret.png"),
    "template": ("word_template: {ref}\n", "word_template", "secret.docx"),
}


@pytest.mark.parametrize("how", ["dotdot", "absolute", "symlink"])
@pytest.mark.parametrize("key", sorted(STYLE_REFS))
def test_style_file_out_of_its_folder(secret, project, key, how):
    text, what, name = STYLE_REFS[key]
    if how == "dotdot":
        ref = f"../../secret/{name}"
    elif how == "absolute":
        ref = str(project / "secret" / name)
    else:
        (project / "styles/mine").mkdir()
        os.symlink(project / "secret" / name, project / "styles/mine" / name)
        ref = name
    _style(project, text.format(ref=ref))
    write_doc(project, "", style="mine")
    line = 2 if key == "font" else 1 if key != "symbol" else 2
    message = f"styles/mine/style.yaml:{line}: {what} '{ref}' {STYLE_OUTSIDE}"
    refused(build(), message)
    refused(run("check", "content/doc.yaml"), message)
    ok = build("--allow-dir", "secret")
    assert ok.exit_code == 0, ok.output


def test_builtin_font_stays_builtin(project):
    _style(project, "fonts:\n  symbol: builtin:../../../../../../etc/passwd\n")
    write_doc(project, "", style="mine")
    refused(build(), "styles/mine/style.yaml:2: fonts symbol 'builtin:../../../../../../etc/"
            "passwd' is not one of the built-in fonts — expected builtin: and a file name such "
            "as builtin:DejaVuSans.ttf")


def test_style_files_inside_its_folder_are_fine(project):
    (project / "styles/mine/fonts").mkdir(parents=True)
    shutil.copy(FONT, project / "styles/mine/fonts/a.ttf")
    os.symlink("fonts/a.ttf", project / "styles/mine/b.ttf")
    _style(project, "fonts:\n  body: {family: Arial, regular: fonts/a.ttf, bold: b.ttf}\n"
           "  symbol: builtin:DejaVuSans.ttf\n")
    write_doc(project, "", style="mine")
    assert build().exit_code == 0


# --- diff --rev --------------------------------------------------------------------------------


@pytest.fixture
def repo(project) -> Path:
    git = ["git", "-c", "user.email=t@t", "-c", "user.name=t"]
    write_doc(project, "  - paragraph: Første versjon.\n")
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run([*git, "add", "content"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-qm", "v1"], cwd=project, check=True)
    write_doc(project, "  - paragraph: Andre versjon.\n")
    (project / "victim.txt").write_text("keep me\n", encoding="utf-8")
    return project


@pytest.mark.parametrize("rev", ["--output=victim.txt", "-o", "--output", "-",
                                 "--remote=/tmp/x", ""])
def test_rev_is_never_an_option(repo, rev):
    result = run("diff", "content/doc.yaml", f"--rev={rev}")
    refused(result, f"<command line>: --rev '{rev}' is not a revision — expected a commit, "
            "branch or tag such as HEAD~1, main or v2.0")
    assert (repo / "victim.txt").read_text(encoding="utf-8") == "keep me\n"
    assert sorted(p.name for p in repo.iterdir()) == [".git", "content", "styles", "victim.txt"]


def test_rev_unknown_and_known(repo):
    refused(run("diff", "content/doc.yaml", "--rev", "HEAD:victim.txt"),
            "content/doc.yaml: git does not know revision 'HEAD:victim.txt'")
    refused(run("diff", "content/doc.yaml", "--rev", "nope"),
            "content/doc.yaml: git does not know revision 'nope'")
    ok = run("diff", "content/doc.yaml", "--rev", "HEAD")
    assert ok.exit_code == 0, ok.output
    assert "Første" not in ok.stdout or "Andre" in ok.stdout


def test_diff_reads_only_the_content_folder(secret, project):
    write_doc(project, "  - include: ../secret/secret.md\n")
    shutil.copy(project / "content/doc.yaml", project / "content/old.yaml")
    message = f"content/doc.yaml:6: included file '../secret/secret.md' {OUTSIDE}"
    refused(run("diff", "content/old.yaml", "content/doc.yaml"),
            message.replace("doc.yaml", "old.yaml"))
    assert run("diff", "content/old.yaml", "content/doc.yaml", "--allow-dir",
               "secret").exit_code == 0


# --- links -------------------------------------------------------------------------------------

ALLOWED = ["https://www.vefsn.kommune.no/plan", "http://example.no/a?b=1", "mailto:post@vefsn.no",
           "tel:+4775101000"]


def _pdf_links(path: Path) -> tuple[list[str], int]:
    """(URIs, number of links inside the document) of a PDF's link annotations."""
    uris, internal = [], 0
    for page in pypdf.PdfReader(str(path)).pages:
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/Subtype") != "/Link":
                continue
            action = a.get("/A")
            if action is not None and action.get_object().get("/URI") is not None:
                uris.append(str(action.get_object()["/URI"]))
            else:
                internal += 1
    return uris, internal


def _docx_links(path: Path) -> tuple[list[str], list[str]]:
    """(external targets, bookmark anchors) of a DOCX's hyperlinks."""
    word = docx.Document(str(path))
    external = [r.target_ref for r in word.part.rels.values() if r.is_external]
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode()
    anchors = [chunk.split('"')[0] for chunk in xml.split('<w:hyperlink w:anchor="')[1:]]
    return external, anchors


def test_allowed_links_reach_both_outputs(project):
    links = " ".join(f"[l{n}]({href})" for n, href in enumerate(ALLOWED))
    write_doc(project, f"  - paragraph: \"{links} [tilbake](#h1)\"\n"
              "  - text: |\n      - [punkt](https://example.no/liste)\n")
    result = build()
    assert result.exit_code == 0, result.output
    uris, internal = _pdf_links(project / "out/doc.pdf")
    assert sorted(uris) == sorted(ALLOWED + ["https://example.no/liste"])
    assert internal >= 1 + 1  # the '#h1' link and the contents entry
    external, anchors = _docx_links(project / "out/doc.docx")
    assert set(ALLOWED + ["https://example.no/liste"]) <= set(external)
    assert not [e for e in external if not e.startswith(("http", "mailto:", "tel:"))]
    assert anchors.count("_Toc00001") >= 2  # the contents entry and the '#h1' link


REFUSED = {
    "pdf:": ("pdf:annet.pdf", "pdf:annet.pdf"),
    "file:": ("file:///etc/passwd", "file:///etc/passwd"),
    "smb:": ("smb://server/share", "smb://server/share"),
    "javascript:": ("javascript:alert(1)", "javascript:alert(1)"),
    "data:": ("data:text/html,hei", "data:text/html,hei"),
    "unc": ("\\\\\\\\server\\\\share", "\\server\\share"),
    "relative": ("annet.docx", "annet.docx"),
    "protocol-relative": ("//server/share", "//server/share"),
    "vbscript:": ("vbscript:x", "vbscript:x"),
    "ftp:": ("ftp://example.no/x", "ftp://example.no/x"),
}


@pytest.mark.parametrize("scheme", sorted(REFUSED))
def test_refused_links(project, scheme):
    written, shown = REFUSED[scheme]
    write_doc(project, f"  - paragraph: \"se [her]({written})\"\n")
    message = f"content/doc.yaml:6: link '{shown}' is not allowed — {LINKS}"
    refused(build(), message)
    refused(run("check", "content/doc.yaml"), message)


def test_refused_link_in_an_included_file(project):
    (project / "content/intro.md").write_text("# Tittel\n\nTekst.\n\n- a\n- [b](file:///x)\n",
                                              encoding="utf-8")
    write_doc(project, "  - include: intro.md\n")
    refused(build(), f"content/intro.md:6: link 'file:///x' is not allowed — {LINKS}")


def test_autolink_is_checked_too(project):
    write_doc(project, "  - paragraph: \"<smb://server/share> og [her](https://ok.no)\"\n")
    refused(build(), f"content/doc.yaml:6: link 'smb://server/share' is not allowed — {LINKS}")


def test_missing_anchor_is_a_clean_error(project):
    write_doc(project, "  - section: To\n  - paragraph: \"[se](#h9) og [der](#h2)\"\n"
              "  - text: |\n      [ingen](#innledning)\n")
    lines = ["content/doc.yaml:7: link '#h9' goes to no heading in this document — headings "
             "are linked as '#h1' (the first) to '#h2' (the last), in the order they stand",
             "content/doc.yaml:9: link '#innledning' goes to no heading in this document — "
             "headings are linked as '#h1' (the first) to '#h2' (the last), in the order they "
             "stand"]
    refused(build(), *lines)
    refused(run("check", "content/doc.yaml"), *lines)


def test_link_to_a_later_heading_is_fine(project):
    write_doc(project, "  - paragraph: \"[senere](#h2)\"\n  - chapter: Senere\n")
    assert build().exit_code == 0
