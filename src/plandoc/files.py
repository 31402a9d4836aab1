"""Reading input files: UTF-8 text, YAML with line numbers, images that must decode.

The content reader and the style loader both read their files through this module, so every
message can name the file and line, and neither imports the other.
"""

from __future__ import annotations

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


def load_yaml(path: Path):
    """Parse `path` into YMap/YList/scalars; syntax errors become a ContentError."""
    text = read_text(path)
    try:
        try:
            node = yaml.compose(text, Loader=_LOADER)
        except yaml.YAMLError:  # the pure-Python parser words its messages the same everywhere
            node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "invalid YAML"
        raise ContentError(Problem(path, mark.line + 1 if mark else None,
                                   f"YAML syntax error: {what} — expected valid YAML "
                                   "(check indentation, colons and quotes)")) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise ContentError(Problem(path, line, f"character U+{exc.character:04X} cannot be "
                                   "used in a document — remove it")) from None
    if node is None:
        return YMap()
    problems: list[Problem] = []
    value = _convert(node, path, problems)
    if problems:
        raise ContentError(problems)
    return value


def read_text(path: Path) -> str:
    """A UTF-8 text file's content; a missing or unreadable file is a ContentError."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(Problem(path, None, "file not found")) from None
    except UnicodeDecodeError as exc:
        raise ContentError(Problem(path, None, f"not UTF-8 text (byte {exc.start}) — "
                                   "save the file as UTF-8")) from None
    except OSError as exc:
        raise ContentError(Problem(path, None, f"cannot read file: {exc.strerror}")) from None


_constructor = yaml.SafeLoader("")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built in: ~5× faster


def _convert(node, path: Path, problems: list[Problem]):
    if isinstance(node, yaml.MappingNode):
        result = YMap()
        result.line, result.key_lines = node.start_mark.line + 1, {}
        for key_node, value_node in node.value:
            key = _convert(key_node, path, problems)
            line = key_node.start_mark.line + 1
            if isinstance(key, (YMap, YList)):
                problems.append(Problem(path, line, "a key must be a plain word"))
                continue
            if key in result:
                problems.append(Problem(path, line, f"key '{key}' appears twice "
                                        f"(first on line {result.key_lines[key]}) — keep one"))
            result[key] = _convert(value_node, path, problems)
            result.key_lines[key] = line
        return result
    if isinstance(node, yaml.SequenceNode):
        result = YList(_convert(n, path, problems) for n in node.value)
        result.line = node.start_mark.line + 1
        result.item_lines = [n.start_mark.line + 1 for n in node.value]
        return result
    if node.tag == "tag:yaml.org,2002:merge" or node.tag.startswith("!"):
        problems.append(Problem(path, node.start_mark.line + 1, f"YAML tag {node.tag} is not "
                                "supported — write plain values"))
        return None
    return _constructor.construct_object(node, deep=True)


def image_readable(file: Path) -> bool:
    """Whether Pillow can decode the whole image (a truncated or damaged file cannot)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(file) as im:
            im.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return False
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
