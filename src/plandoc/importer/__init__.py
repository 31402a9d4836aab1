"""`plandoc import plan.docx`: an existing Word plan → plandoc content (YAML + images).

package.py opens the DOCX, walk.py turns its body into Items, cover.py reads the metadata,
shape.py and patterns.py build the `body:` list, yamlout.py writes it, report.py says what
became what.  Nothing is written when the input cannot be read or an output exists.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from plandoc.importer import cover
from plandoc.importer.package import ImportFault, Package, open_docx
from plandoc.importer.refs import link_ids
from plandoc.importer.report import Report
from plandoc.importer.shape import Shaper
from plandoc.importer.walk import Item, Walker
from plandoc.importer.yamlout import Note, dump
from plandoc.labels import LANGUAGES, labels

__all__ = ["ImportFault", "import_docx"]
EMBLEM = re.compile("|".join(re.escape(labels(lang)["emblem"].split("}")[-1]) + "$"
                             for lang in LANGUAGES))
IMAGE_TYPES = {b"\x89PNG": "png", b"\xff\xd8\xff": "jpg"}


def import_docx(source: Path, out: Path, style: str | None = None) -> list[str]:
    """Read `source`, write `out` (and its images and CSV files); the report's lines."""
    pkg = open_docx(source)
    media_dir = out.with_name(f"{out.stem}-bilder")
    for path in (out, media_dir, *out.parent.glob(f"{out.stem}-tabell-*.csv")):
        if path.exists():
            raise ImportFault(f"{path}: already exists — choose another --out or move it away "
                              "(plandoc import never overwrites)")
    report = Report()
    images = Images(pkg, report, media_dir, out.parent)
    data = read(pkg, report, images)
    style = style or pkg.custom.get("plandoc-style")      # the style plandoc built it with
    if style and style != "default":
        data["document"]["style"] = style
    yaml_text = dump(data, header(source.name))
    written = images.write()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(yaml_text, encoding="utf-8")
    return report.lines(source, [out.as_posix(), *written])


def header(name: str) -> list[str]:
    """The comment at the top of the YAML."""
    return [f"Importert fra {name} med «plandoc import». Les gjennom og rett opp:",
            "plandoc nummererer kapitler, mål (1.1) og strategier (a, b) selv, og",
            "skriver «MÅL», «STRATEGI», figur- og tabellnumre — ikke skriv dem inn.",
            "Linjer merket TODO må fylles ut før planen er ferdig."]


def read(pkg: Package, report: Report, images: "Images") -> dict:
    """The content: {'document': …, 'body': …}, as YAML will hold it."""
    walker = Walker(pkg, report)
    items = walker.body()
    covers = [i for i in items if i.kind == "cover"]
    lines, items = cover.cover_lines(covers[0].rows if covers else [],
                                     [i for i in items if i.kind != "cover"])
    meta = cover.metadata(lines, pkg.core, " ".join(i.text for i in items[:400]), report)
    cover_image(meta, covers, images)
    shaper = Shaper(report, lambda nid: footnote(pkg, walker, nid), images.block,
                    meta["language"], images.table)
    body = shaper.shape(items)
    link_ids(body, shaper.targets, report)
    if shaper.labels:
        meta["goal_labels"] = shaper.labels
    meta["number_chapters"] = shaper.finish_numbering()
    meta["toc"] = walker.toc
    furniture(pkg, report)
    return {"document": meta, "body": body or [{"paragraph": "TODO"}]}


def cover_image(meta: dict, covers: list[Item], images: "Images") -> None:
    """The cover's photo (plandoc's cover) → `cover_image:` with its credit line."""
    credit = meta.pop("credit", None)
    pictures = [i for i in cover.flat(covers[0].rows) if i.kind == "image"] if covers else []
    emblems = [p for p in pictures if EMBLEM.search(p.picture.alt)]
    for _ in emblems:
        images.report.drop("emblem on the cover: the style draws it (its logo:)")
    pictures = [p for p in pictures if p not in emblems]
    if not pictures:
        return
    image = images.block(pictures[0], "cover_image").get("image")
    if image:
        image.pop("width", None)
        meta["cover_image"] = {**image, **({"credit": credit} if credit else {})}


def footnote(pkg: Package, walker: Walker, nid: str) -> str:
    """The text of footnote `nid` as inline Markdown."""
    paras = pkg.footnotes.get(nid, [])
    return " ".join(t for p in paras if (t := walker.runs.runs(p).markdown)) or "TODO"


class Images:
    """Pictures of the body, saved next to the YAML as <name>-bilder/bilde-01.png, and
    tables of numbers as <name>-tabell-1.csv."""

    def __init__(self, pkg: Package, report: Report, folder: Path, base: Path):
        self.pkg, self.report, self.folder, self.base = pkg, report, folder, base
        self.files: list[tuple[Path, bytes]] = []
        self.tables: list[tuple[Path, bytes]] = []

    def block(self, item: Item, what: str = "image") -> dict:
        """An `image:` block for the picture `item` (its file saved on write())."""
        pic = item.picture
        data = self.pkg.media(pic.rid) or b""
        ext = next((e for magic, e in IMAGE_TYPES.items() if data.startswith(magic)), None)
        if ext is None:
            self.report.drop(f"picture '{pic.name}' in a format plandoc does not take "
                             "(expected PNG or JPEG)")
            return {"paragraph": Note("TODO", f"TODO: bildet «{pic.name}» var ikke PNG eller "
                                              "JPEG — lagre det som PNG og bruk image:")}
        path = self.folder / f"bilde-{len(self.files) + 1:02}.{ext}"
        self.files.append((path, data))
        image: dict = {"file": path.relative_to(self.base).as_posix()}
        if pic.alt:
            image["alt"] = pic.alt
        else:
            self.report.warn(f"image '{pic.name}' ({image['file']}) has no alt text — the YAML "
                             "has an empty alt with a TODO; build refuses it until you write "
                             "what the image shows")
            image["alt"] = Note("", "TODO: skriv hva bildet viser (alternativ tekst)")
        if pic.width_cm:
            image["width"] = pic.width_cm
        self.report.saw(what.replace("_", " "))
        return {"image": image}

    def table(self, rows: list[list[str]]) -> str:
        """A table of numbers as <name>-bilder/../<name>-tabell-1.csv; its name for `csv:`."""
        out = io.StringIO()
        csv.writer(out, delimiter=";", lineterminator="\n").writerows(
            [[cell.replace("\u00a0", " ") for cell in row] for row in rows])
        path = self.base / f"{self.folder.name.removesuffix('-bilder')}-tabell-" \
            f"{len(self.tables) + 1}.csv"
        self.tables.append((path, out.getvalue().encode("utf-8")))
        return path.relative_to(self.base).as_posix()

    def write(self) -> list[str]:
        """Write the images and CSV files; what was written, for the report."""
        for path, data in self.files + self.tables:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        return ([self.folder.as_posix() + f"/ ({len(self.files)} images)"] if self.files
                else []) + [p.as_posix() for p, _ in self.tables]


def furniture(pkg: Package, report: Report) -> None:
    """Report running headers and footers with text: plandoc writes its own."""
    for name in pkg.zf.namelist():
        kind = re.match(r"word/(header|footer)\d*\.xml$", name)
        if kind and "".join(pkg.zf.read(name).decode("utf-8", "replace").split("<w:t")[1:]):
            report.drop({"header": "running header: plandoc writes its own from the style",
                         "footer": "footer: plandoc writes its own page numbers"}
                        [kind.group(1)])
