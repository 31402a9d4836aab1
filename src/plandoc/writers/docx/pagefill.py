"""Page numbers for the contents, from LibreOffice's rendering of the DOCX (`--toc-pages`).

A DOCX does not know its page breaks; Word finds them when it updates the contents field.  When
the user asks for it and LibreOffice is installed, the written DOCX is converted to PDF headless,
in a temporary folder with a throw-away LibreOffice profile (the user's is never touched), with
Writer's bookmarks exported as named destinations: each contents entry links to its heading's
bookmark, so the destination's page is the page the heading stands on — no searching of page
texts, which repeated titles and the contents page itself would mislead.  LibreOffice never
saves the DOCX: plandoc writes it again with the numbers in its own cached entries.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

PDF_FILTER = ('pdf:writer_pdf_Export:{"ExportBookmarksToPDFDestination":'
              '{"type":"boolean","value":"true"}}')
TIMEOUT_S = 180


def soffice() -> str | None:
    """LibreOffice's command, when it is installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def rendered_pages(docx: Path, targets: list[str]) -> dict[str, int] | None:
    """The page (1 = the first) each bookmark in `targets` stands on in LibreOffice's
    rendering of `docx`; None when LibreOffice is missing or fails, or loses a bookmark."""
    command = soffice()
    if command is None:
        return None
    with tempfile.TemporaryDirectory(prefix="plandoc-toc-") as tmp:
        work = Path(tmp)
        source = work / "plan.docx"
        shutil.copyfile(docx, source)
        try:
            subprocess.run([command, f"-env:UserInstallation={(work / 'profile').as_uri()}",
                            "--headless", "--norestore", "--convert-to", PDF_FILTER,
                            "--outdir", str(work), str(source)],
                           check=True, capture_output=True, timeout=TIMEOUT_S)
        except (OSError, subprocess.SubprocessError):
            return None
        pdf = work / "plan.pdf"
        pages = destination_pages(pdf) if pdf.is_file() else {}
    found = {t: pages.get("/" + t) or pages.get(pdf_name(t)) for t in targets}
    return found if all(found.values()) else None


def pdf_name(bookmark: str) -> str:
    """A bookmark's destination name as LibreOffice 7.4 writes it: '_' as '5F', its escape
    without the '#' (a later LibreOffice may write the name as it is)."""
    return "/" + bookmark.replace("_", "5F")


def destination_pages(pdf: Path) -> dict[str, int]:
    """Named destination → page number (1-based), from the catalog's /Dests."""
    import pikepdf

    with pikepdf.open(pdf) as doc:
        index = {page.obj.objgen: n for n, page in enumerate(doc.pages, start=1)}
        dests = dict(doc.Root.get("/Dests") or {})
        if "/Names" in doc.Root and "/Dests" in doc.Root.Names:
            dests.update({"/" + str(k): v for k, v in
                          pikepdf.NameTree(doc.Root.Names.Dests).items()})
        return {str(name): index.get(_target(dest).objgen, 0) for name, dest in dests.items()}


def _target(dest):
    """The page object of a destination: [page /XYZ …] or << /D [page …] >>."""
    import pikepdf

    return dest.D[0] if isinstance(dest, pikepdf.Dictionary) else dest[0]
