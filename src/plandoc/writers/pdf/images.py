"""Pictures made into PDF image objects once, not once per build.

reportlab makes an image XObject by decoding the file, deflating its pixels (and its alpha as a
soft mask) and hashing them: ~9 ms for Vefsn's 500×600 emblem, in every process that draws it.
Here the result is kept, by the file's content: in this process (watch, batches) and, when the
build names a folder (`use`: OUT/.cache/images), on disk for the next process.  A JPEG is
embedded as it is (no decoding), so it is not kept at all.

The object is named by the file's content, not its path, so the same pictures make the same
bytes wherever the folder is.  `ImageCanvas.drawImage` draws a picture given by its path (or an
ImageReader of a file) from here; anything else goes to reportlab's own drawImage.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from reportlab import Version
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas
from reportlab.lib.boxstuff import aspectRatioFix
from reportlab.lib.utils import ImageReader

from plandoc.cachefile import keep

VERSION = 1
KEEP = 8                    # pictures kept in memory (the emblem, a batch's shared pictures)
_folder: Path | None = None
_made: dict[str, Made] = {}


@dataclass(frozen=True)
class Made:
    """What reportlab derived from a picture: the image XObject's fields, and its soft mask."""

    name: str
    width: int
    height: int
    colour_space: str
    bits: int
    filters: tuple[str, ...]
    data: bytes
    decode: tuple | None = None
    mask: tuple | None = None
    smask: Made | None = None


def use(folder: Path | None) -> None:
    """Keep made pictures in `folder` from now on (None: in this process only)."""
    global _folder
    _folder = folder


def made(path: str, mask) -> Made:
    """The picture at `path` as an image object (`mask` as reportlab's drawImage takes it)."""
    content = Path(path).read_bytes()
    key = hashlib.sha256(f"{VERSION} {Version} {mask!r} ".encode() + content).hexdigest()
    picture = _made.pop(key, None) or _load(key) or _make(path, mask, key)
    if "DCTDecode" not in picture.filters:     # a JPEG costs nothing to make again
        _made[key] = picture                    # the latest used last
        while len(_made) > KEEP:
            del _made[next(iter(_made))]
    return picture


def _make(path: str, mask, key: str) -> Made:
    """Let reportlab make the object from the file, and keep what it made."""
    obj = pdfdoc.PDFImageXObject(key, path, mask=mask)
    smask = getattr(obj, "_smask", None)
    name = f"plandoc-{key[:24]}"
    result = _fields_of(obj, name, smask and _fields_of(smask, f"{name}-mask"))
    if _folder is not None and "DCTDecode" not in result.filters:
        _store(key, result)
    return result


def _fields_of(obj: pdfdoc.PDFImageXObject, name: str, smask: Made | None = None) -> Made:
    """What reportlab made, as a Made named `name`."""
    return Made(name, obj.width, obj.height, obj.colorSpace, obj.bitsPerComponent,
                tuple(obj._filters), obj.streamContent, _tuple(getattr(obj, "_decode", None)),
                _tuple(obj.mask), smask)


def _tuple(value) -> tuple | None:
    return None if value is None or isinstance(value, str) else tuple(value)


def _store(key: str, result: Made) -> None:
    """One file: a JSON line of the fields, then the object's bytes and the mask's."""
    parts = [result] + ([result.smask] if result.smask else [])
    head = [{field: getattr(part, field) for field in
             ("name", "width", "height", "colour_space", "bits", "filters", "decode", "mask")}
            | {"size": len(part.data)} for part in parts]
    keep(_folder / key, json.dumps(head).encode() + b"\n" + b"".join(p.data for p in parts))


def _load(key: str) -> Made | None:
    """The stored object, or None (not stored, or a damaged entry: made again)."""
    if _folder is None:
        return None
    try:
        raw = (_folder / key).read_bytes()
        head, _, data = raw.partition(b"\n")
        parts, at = [], 0
        for fields in json.loads(head):
            size = fields.pop("size")
            parts.append(_fields(fields, data[at:at + size]))
            at += size
        if at != len(data) or not 1 <= len(parts) <= 2:
            return None
        return Made(**{**parts[0], "smask": Made(**parts[1]) if len(parts) == 2 else None})
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _fields(fields: dict, data: bytes) -> dict:
    """A stored part's fields as Made takes them."""
    tuples = {k: tuple(fields[k]) if fields[k] is not None else None for k in ("decode", "mask")}
    return {**fields, **tuples, "filters": tuple(fields["filters"]), "data": data}


class ImageCanvas(Canvas):
    """A canvas that draws a picture given by its path from `made`."""

    def drawImage(self, image, x, y, width=None, height=None, mask=None,
                  preserveAspectRatio=False, anchor="c", anchorAtXY=False,
                  showBoundary=False, extraReturn=None):
        path = _path(image)
        if path is None or showBoundary or extraReturn:
            return super().drawImage(image, x, y, width, height, mask, preserveAspectRatio,
                                     anchor, anchorAtXY, showBoundary, extraReturn)
        picture = made(path, mask)
        name = self._image_object(picture)
        x, y, width, height, _ = aspectRatioFix(preserveAspectRatio, anchor, x, y, width,
                                                height, picture.width, picture.height,
                                                anchorAtXY)
        self._currentPageHasImages = 1
        self.saveState()
        self.translate(x, y)
        self.scale(width, height)
        self._code.append(f"/{name} Do")
        self.restoreState()
        self._formsinuse.append(picture.name)
        return picture.width, picture.height

    def _image_object(self, picture: Made) -> str:
        """The document's object for `picture` (added the first time): its resource name."""
        name = self._doc.getXObjectName(picture.name)
        if name not in self._doc.idToObject:
            obj = _xobject(picture)
            self._setXObjects(obj)
            self._doc.Reference(obj, name)
            self._doc.addForm(picture.name, obj)
            if picture.smask:
                mask_name = self._doc.getXObjectName(picture.smask.name)
                smask = _xobject(picture.smask)
                self._setXObjects(smask)
                obj.smask = self._doc.Reference(smask, mask_name)
        return name


def _path(image) -> str | None:
    """The file a picture to draw is: a path, or an ImageReader of one (platypus's Image
    hands its reader); None for anything else (pixels made in memory)."""
    if isinstance(image, ImageReader):
        image = image.fileName
    return image if isinstance(image, str) and os.path.isfile(image) else None


def _xobject(picture: Made) -> pdfdoc.PDFImageXObject:
    """reportlab's image object with `picture`'s fields."""
    obj = pdfdoc.PDFImageXObject(picture.name)
    obj.width, obj.height = picture.width, picture.height
    obj.colorSpace, obj.bitsPerComponent = picture.colour_space, picture.bits
    obj._filters, obj.streamContent = picture.filters, picture.data
    obj.mask = list(picture.mask) if picture.mask else None
    if picture.decode:
        obj._decode = list(picture.decode)
    return obj
