"""Reading input files: UTF-8 text, YAML with line numbers, images that must decode.

The content reader and the style loader both read their files through this module, so every
message can name the file and line, and neither imports the other.
"""

from __future__ import annotations

import functools
import math
import os
from dataclasses import dataclass
import re
from pathlib import Path

import yaml

from plandoc.errors import ContentError, Problem


class YMap(dict):
    """A mapping that knows its own line and the line of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        """The line of `key`, or of the mapping when the key is absent."""
        return self.key_lines.get(key, self.line)


class YList(list):
    """A list that knows its own line and the line of each item."""

    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        """The line of item `index`."""
        return self.item_lines[index] if index < len(self.item_lines) else self.line


MAX_DEPTH = 40            # nesting of mappings and lists in one file
MAX_VALUES = 200_000      # values after YAML aliases are expanded (an alias bomb stops here)
MAX_TEXT = 100_000        # characters in one text value
MAX_DIGITS = 15           # digits of a number (a float holds 15 exactly)
TAG = "tag:yaml.org,2002:"


class YInt(int):
    """An integer that remembers how the author wrote it ('007', '0x1F')."""

    source: str = ""


class YFloat(float):
    """A float that remembers how the author wrote it ('18.00' stays '18.00' as text)."""

    source: str = ""


def as_text(value) -> str:
    """A scalar as the author wrote it: numbers keep their own digits ('18.00', not '18.0')."""
    return getattr(value, "source", None) or str(value)


def load_yaml(path: Path):
    """Parse `path` as YAML 1.2 into YMap/YList/scalars; mistakes become a ContentError.

    Plain scalars follow YAML 1.2's core schema: `no`, `on`, `1:20` and dates are text, only
    `true`/`false` are yes/no values.  Tags other than the core ones, numbers too large to
    use, NaN and infinity, aliases that expand without bound and nesting beyond MAX_DEPTH are
    reported with their line.
    """
    text = read_text(path)
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        raise ContentError(_syntax_problem(path, text, exc)) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise ContentError(Problem(path, line, f"character U+{exc.character:04X} cannot be "
                                   "used in a document — remove it")) from None
    except RecursionError:
        raise ContentError(Problem(path, None, too_deep())) from None
    if node is None:  # an empty file, or only comments
        empty = YMap()
        empty.line, empty.key_lines = 1, {}
        return empty
    converter = _Converter(path)
    try:
        value = converter.convert(node, 0)
    except _Limit:
        value = None
    if converter.problems:
        raise ContentError(converter.problems)
    return value


def _compose(text: str):
    """The node graph; libyaml when built in (~5× faster), pure Python to word its errors."""
    try:
        return yaml.compose(text, Loader=_FastLoader12)
    except yaml.YAMLError as exc:
        if "maximum nesting depth" in str(exc):
            raise yaml.MarkedYAMLError(problem=too_deep(),
                                       problem_mark=getattr(exc, "problem_mark", None)) from None
    return yaml.compose(text, Loader=_Loader12)  # the same messages everywhere


def _syntax_problem(path: Path, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    """A YAML syntax error at the line where the author can fix it."""
    what = exc.problem or exc.context or "invalid YAML"
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    if what == too_deep():
        return Problem(path, line, what)
    opened = _unclosed_quote(text, line or 0)
    if exc.context == "while scanning a quoted scalar" and exc.context_mark:
        opened = exc.context_mark.line + 1
    if opened:
        return Problem(path, opened, "YAML syntax error: a quoted text starts on this line and "
                       f"is not closed on it (YAML reads on to line {line}) — expected a "
                       "closing quote of the same kind (' or \") at the end of the text")
    if (exc.context or "").startswith("while parsing a flow") and exc.context_mark \
            and exc.context_mark.line + 1 != line:
        bracket = "[" if "sequence" in exc.context else "{"
        close = "]" if bracket == "[" else "}"
        return Problem(path, exc.context_mark.line + 1, f"YAML syntax error: the '{bracket}' on "
                       f"this line is not closed (YAML reads on to line {line}) — expected "
                       f"'{close}' at the end of the list, and quotes around text with commas "
                       "or colons")
    if "found another document" in what:
        return Problem(path, line, "YAML syntax error: a second document starts here ('---') — "
                       "expected one document per file")
    return Problem(path, line, f"YAML syntax error: {what} — expected valid YAML "
                   "(check indentation, colons and quotes)")


_QUOTED_START = re.compile(r"""^\s*(?:-\s+)?(?:[^\s#'"][^:#]*:\s+)?(["'])(.*)$""")


def _unclosed_quote(text: str, error_line: int) -> int | None:
    """The first line before `error_line` whose quoted value is not closed on that line."""
    for n, row in enumerate(text.split("\n")[:max(error_line - 1, 0)], start=1):
        match = _QUOTED_START.match(row)
        if not match:
            continue
        quote, rest = match.groups()
        closing = re.search(r'(?<!\\)"' if quote == '"' else r"'(?!')", rest.replace("''", ""))
        if closing is None:
            return n
    return None


def too_deep() -> str:
    """The message for nesting beyond MAX_DEPTH."""
    return (f"nested more than {MAX_DEPTH} levels deep — expected at most {MAX_DEPTH} levels "
            "of indentation or brackets")


class _Loader12(yaml.SafeLoader):
    """YAML 1.2 core schema: only true/false, null, decimal/0o/0x integers and floats."""

    yaml_implicit_resolvers: dict = {}


_CORE = [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+.0123456789"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("merge", r"^<<$", "<"),
]
for _kind, _pattern, _first in _CORE:
    _Loader12.add_implicit_resolver(TAG + _kind, re.compile(_pattern), list(_first))
_FastLoader12 = type("_FastLoader12", (getattr(yaml, "CSafeLoader", yaml.SafeLoader),),
                     {"yaml_implicit_resolvers": _Loader12.yaml_implicit_resolvers})


def spaced(n: int) -> str:
    """13278 → '13 278', as limits are written in messages."""
    return f"{n:,}".replace(",", " ")


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(TAG):] if tag.startswith(TAG) else tag


class _Limit(Exception):
    """A limit was passed: the problem is recorded, converting stops."""


class _Converter:
    """Nodes → YMap/YList/scalars, with every problem recorded and the work bounded."""

    def __init__(self, path: Path):
        self.path, self.problems, self.values = path, [], 0

    def problem(self, node, message: str) -> None:
        self.problems.append(Problem(self.path, node.start_mark.line + 1, message))

    def convert(self, node, depth: int):
        self.values += 1
        if self.values > MAX_VALUES:
            self.problem(node, f"the file expands to more than {spaced(MAX_VALUES)} values — "
                         "expected each alias (*name) to repeat a small part of the file")
            raise _Limit
        if depth > MAX_DEPTH:
            self.problem(node, too_deep())
            raise _Limit
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in (
                TAG + "map", TAG + "seq"):
            self.problem(node, f"YAML tag {_tag_name(node.tag)} is not supported — write plain "
                         "values (text, numbers, true or false)")
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, depth)
        if isinstance(node, yaml.SequenceNode):
            result = YList(self.convert(n, depth + 1) for n in node.value)
            result.line = node.start_mark.line + 1
            result.item_lines = [n.start_mark.line + 1 for n in node.value]
            return result
        return self.scalar(node)

    def mapping(self, node, depth: int) -> YMap:
        result = YMap()
        result.line, result.key_lines = node.start_mark.line + 1, {}
        for key_node, value_node in node.value:
            if key_node.tag == TAG + "merge":
                self.problem(key_node, "YAML merge keys (<<) are not supported — write the "
                             "keys out")
                continue
            key = self.convert(key_node, depth + 1)
            line = key_node.start_mark.line + 1
            if isinstance(key, (YMap, YList)) or key is None:
                self.problem(key_node, "a key must be a plain word")
                continue
            if key in result:
                self.problem(key_node, f"key '{key}' appears twice (first on line "
                             f"{result.key_lines[key]}) — keep one")
            result[key] = self.convert(value_node, depth + 1)
            result.key_lines[key] = line
        return result

    def scalar(self, node):
        tag, value = node.tag, node.value
        kind = tag[len(TAG):] if tag.startswith(TAG) else None
        if kind not in ("str", "bool", "int", "float", "null"):
            self.problem(node, f"YAML tag {_tag_name(tag)} is not supported — write plain "
                         "values (text, numbers, true or false)")
            return None
        if kind == "str":
            if len(value) > MAX_TEXT:
                self.problem(node, f"a text of {spaced(len(value))} characters is too long — "
                             f"expected at most {spaced(MAX_TEXT)} characters per value "
                             "(split it into paragraphs)")
            return value
        if kind == "null":
            return None
        if kind == "bool":
            return value.lower() == "true"
        return self.number(node, kind, value)

    def number(self, node, kind: str, value: str):
        """An int or float of at most MAX_DIGITS digits; NaN and infinity are refused."""
        mantissa = value.lower().split("e")[0]
        too_long = sum(c.isdigit() for c in mantissa.lstrip("0ox")) > MAX_DIGITS
        number = None
        if value.lstrip("+-").lower() in (".inf", ".nan"):
            too_long = True
        try:            # a tag ('!!float x', '!!int 1.5') may name a kind the text is not
            if not too_long and kind == "int":
                base = {"0o": 8, "0x": 16}.get(value[:2], 10)
                number = int(value[2:] if base != 10 else value, base)
            elif not too_long:
                number = float(value)
        except ValueError:
            number = None
        if number is None or not math.isfinite(number) or abs(number) >= 10 ** MAX_DIGITS:
            shown = value if len(value) <= 20 else value[:20] + "…"
            self.problem(node, f"'{shown}' is not a number plandoc can use — expected a finite "
                         f"number of at most {MAX_DIGITS} digits (put text in quotes)")
            return None
        number = (YInt if kind == "int" else YFloat)(number)
        number.source = value
        return number


def read_text(path: Path) -> str:
    """A UTF-8 text file's content; a missing or unreadable file is a ContentError."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(Problem(path, None, "file not found")) from None
    except UnicodeDecodeError as exc:
        line = exc.object.count(b"\n", 0, exc.start) + 1
        raise ContentError(Problem(path, line, f"not UTF-8 text (byte 0x{exc.object[exc.start]:02X}"
                                   ") — save the file as UTF-8")) from None
    except OSError as exc:
        raise ContentError(Problem(path, None, f"cannot read file: {exc.strerror}")) from None


IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff")     # PNG, JPEG
JPEG_HEADERS = (b"JFIF", b"Exif")   # what python-docx looks for at byte 6 of a JPEG
MAX_PIXELS = 50_000_000  # 50 megapixels: far more than print needs, far less than memory holds


@dataclass(frozen=True)
class ImageFault:
    """Why an image file cannot go into a document; the reader and the style word it."""

    kind: str                            # unreadable, not_image, jpeg_header, too_large, damaged
    detail: str = ""                     # the OS's words for 'unreadable'
    size: tuple[int, int] | None = None  # for 'too_large'


def image_fault(file: Path, max_pixels: int = MAX_PIXELS) -> ImageFault | None:
    """The first thing wrong with an image as the writers will read it, or None.

    It must be a PNG or a JPEG that python-docx can place (a JFIF or Exif header: CMYK JPEGs
    have neither), at most `max_pixels` (measured from the header, before Pillow's own bomb
    guard), and decode completely (a truncated file does not).
    """
    try:
        with open(file, "rb") as fh:
            head = fh.read(12)
    except OSError as exc:
        return ImageFault("unreadable", exc.strerror or str(exc))
    if not head.startswith(IMAGE_MAGIC):
        return ImageFault("not_image")
    if head.startswith(b"\xff\xd8\xff") and head[6:10] not in JPEG_HEADERS:
        return ImageFault("jpeg_header")
    size = image_size(file)
    if size is not None and size[0] * size[1] > max_pixels:
        return ImageFault("too_large", size=size)
    return ImageFault("damaged") if size is None or not _decodes(file) else None


def image_size(file: Path) -> tuple[int, int] | None:
    """Width and height in pixels from the image's header (nothing decoded, so a huge image
    is measured rather than refused by Pillow's bomb check); None if it cannot be read."""
    from PIL import Image

    limit, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None
    try:
        with Image.open(file) as im:
            return im.size
    except Exception:  # noqa: BLE001 - Pillow raises anything on a damaged header
        return None
    finally:
        Image.MAX_IMAGE_PIXELS = limit


def _decodes(file: Path) -> bool:
    """Whether Pillow decodes the whole image (its size already checked against the limit);
    remembered while the file is unchanged (the emblem is checked in every build of a watch
    or batch), as style.assets remembers font facts."""
    try:
        st = os.stat(file)
    except OSError:
        return False
    return _decoded(os.path.realpath(file), st.st_ino, st.st_size, st.st_mtime_ns,
                    st.st_ctime_ns)


@functools.lru_cache(maxsize=64)
def _decoded(path: str, inode: int, size: int, mtime_ns: int, ctime_ns: int) -> bool:
    return _decode(path)


def _decode(file: Path) -> bool:
    from PIL import Image

    limit, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None
    try:
        with Image.open(file) as im:
            im.load()
    except Exception:  # noqa: BLE001 - Pillow raises anything on damaged data
        return False
    finally:
        Image.MAX_IMAGE_PIXELS = limit
    return True


def inside(path: Path, roots) -> bool:
    """Whether `path`, symlinks resolved, lies in one of the folders `roots` (resolved too).

    The one rule for every file a document or a style names: content reads only from its
    content folder, a style only from its own folder, plus the folders the user allowed with
    --allow-dir.  A symlink inside a root that points inside a root is fine; `..`, an absolute
    path or a symlink that leads out is not.
    """
    try:
        real = Path(path).resolve()
    except (OSError, RuntimeError):  # a symlink loop: nowhere we can vouch for
        return False
    for root in roots:
        try:
            if real.is_relative_to(Path(root).resolve()):
                return True
        except (OSError, RuntimeError):
            continue
    return False
