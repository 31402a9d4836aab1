"""Malformed YAML: syntax, tags, YAML 1.1 surprises, numbers, dates, limits of size and depth."""

from tests.malformed.harness import HEAD, Case, doc

SYNTAX = "YAML syntax error: "
EXPECT = " — expected valid YAML (check indentation, colons and quotes)"
NUMBER = ("is not a number plandoc can use — expected a finite number of at most 15 digits "
          "(put text in quotes)")
TAG = "is not supported — write plain values (text, numbers, true or false)"
DOC = "content/doc.yaml"


def meta(extra: str, body: str = "  - paragraph: x\n") -> dict:
    """A case whose document: metadata gets `extra` lines."""
    return doc(body, HEAD.replace("body:\n", extra + "body:\n"))


def _bomb() -> str:
    rows = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    rows += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    return "\n".join(rows) + "\n"


def _nested(depth: int) -> str:
    return "  - paragraph: " + "[" * depth + "x" + "]" * depth + "\n"


CASES = [
    Case("yaml-unclosed-flow", doc("  - paragraph: [unclosed\n  - paragraph: x\n"),
         (f"{DOC}:5: {SYNTAX}the '[' on this line is not closed (YAML reads on to line 6) — "
          "expected ']' at the end of the list, and quotes around text with commas or colons",)),
    Case("yaml-unclosed-quote-far", doc('  - paragraph: "unclosed\n'
                                        + "  - paragraph: text\n" * 300
                                        + '  - paragraph: "x"\n'),
         (f"{DOC}:5: {SYNTAX}a quoted text starts on this line and is not closed on it (YAML "
          "reads on to line 306) — expected a closing quote of the same kind (' or \") at the "
          "end of the text",)),
    Case("yaml-unclosed-single-quote", doc("  - paragraph: 'it''s open\n"),
         (f"{DOC}:5: {SYNTAX}a quoted text starts on this line and is not closed on it (YAML "
          "reads on to line 6) — expected a closing quote of the same kind (' or \") at the "
          "end of the text",)),
    Case("yaml-tab-indent", doc("  - chapter: A\n\t  body: []\n"),
         (f"{DOC}:6: {SYNTAX}found character '\\t' that cannot start any token{EXPECT}",)),
    Case("yaml-bad-indent", doc("  - chapter: A\n     body: x\n"),
         (f"{DOC}:6: {SYNTAX}mapping values are not allowed here{EXPECT}",)),
    Case("yaml-duplicate-key", meta("  title: Igjen\n"),
         (f"{DOC}:4: key 'title' appears twice (first on line 2) — keep one",)),
    Case("yaml-python-name-tag", doc("  - paragraph: !!python/name:os.system x\n"),
         (f"{DOC}:5: YAML tag !!python/name:os.system {TAG}",)),
    Case("yaml-python-object-tag", doc("  - paragraph: !!python/object/apply:os.getcwd []\n"),
         (f"{DOC}:5: YAML tag !!python/object/apply:os.getcwd {TAG}",)),
    Case("yaml-binary-tag", doc("  - paragraph: !!binary aGVsbG8=\n"),
         (f"{DOC}:5: YAML tag !!binary {TAG}",)),
    Case("yaml-local-tag", doc("  - paragraph: !mytag x\n"), (f"{DOC}:5: YAML tag !mytag {TAG}",)),
    Case("yaml-set-tag", doc("  - paragraph: !!set {a, b}\n"), (f"{DOC}:5: YAML tag !!set {TAG}",)),
    Case("yaml-timestamp-tag", doc("  - paragraph: !!timestamp 2024-01-01\n"),
         (f"{DOC}:5: YAML tag !!timestamp {TAG}",)),
    Case("yaml-merge-key", {"content/doc.yaml": "base: &b {title: Plan, municipality: Testvik}\n"
                            "document:\n  <<: *b\nbody:\n  - paragraph: x\n"},
         (f"{DOC}:3: YAML merge keys (<<) are not supported — write the keys out",)),
    Case("yaml-alias-bomb", doc("  - paragraph: x\n", _bomb() + HEAD),
         (f"{DOC}:1: the file expands to more than 200 000 values — expected each alias "
          "(*name) to repeat a small part of the file",)),
    Case("yaml-nested-41", doc(_nested(41)),
         (f"{DOC}:5: nested more than 40 levels deep — expected at most 40 levels of "
          "indentation or brackets",)),
    Case("yaml-nested-5000", doc(_nested(5000)),
         (f"{DOC}:5: nested more than 40 levels deep — expected at most 40 levels of "
          "indentation or brackets",)),
    Case("yaml-400-digits", doc("  - paragraph: " + "1" * 400 + "\n"),
         (f"{DOC}:5: '11111111111111111111…' {NUMBER}",)),
    Case("yaml-16-digits", doc("  - paragraph: 1234567890123456\n"),
         (f"{DOC}:5: '1234567890123456' {NUMBER}",)),
    Case("yaml-huge-float", doc("  - paragraph: 1e999\n"), (f"{DOC}:5: '1e999' {NUMBER}",)),
    Case("yaml-nan", doc("  - paragraph: .nan\n"), (f"{DOC}:5: '.nan' {NUMBER}",)),
    Case("yaml-inf", doc("  - paragraph: -.inf\n"), (f"{DOC}:5: '-.inf' {NUMBER}",)),
    Case("yaml-float-tag-on-text", doc("  - paragraph: !!float x\n"),
         (f"{DOC}:5: 'x' {NUMBER}",)),
    Case("yaml-int-tag-on-float", doc("  - paragraph: !!int 1.5\n"),
         (f"{DOC}:5: '1.5' {NUMBER}",)),
    Case("yaml-norway-language", meta("  language: no\n"),
         (f"{DOC}:4: document language 'no' is not known — expected one of: nb, nn, en "
          "(nb: bokmål, nn: nynorsk)",)),
    Case("yaml-yes-as-switch", doc("  - chapter: A\n    numbered: yes\n"),
         (f"{DOC}:6: chapter numbered must be true or false, got 'yes'",)),
    Case("yaml-date-feb-30", meta("  date: 2024-02-30\n"),
         (f"{DOC}:4: date 2024-02-30 does not exist — expected a real day as YYYY-MM-DD, "
          "e.g. 2021-05-12",)),
    Case("yaml-date-norwegian-order", meta("  date: 01.03.2024\n"),
         (f"{DOC}:4: date '01.03.2024' is not a date — expected YYYY-MM-DD, e.g. 2021-05-12",)),
    Case("yaml-date-month-13", meta("  date: 2024-13-01\n"),
         (f"{DOC}:4: date 2024-13-01 does not exist — expected a real day as YYYY-MM-DD, "
          "e.g. 2021-05-12",)),
    Case("yaml-date-number", meta("  date: 2024\n"),
         (f"{DOC}:4: date 2024 is not a date — expected YYYY-MM-DD, e.g. 2021-05-12",)),
    Case("yaml-list-for-text", doc("  - paragraph: [a]\n"),
         (f"{DOC}:5: paragraph must be text, got a list",)),
    Case("yaml-mapping-for-text", meta("  title: {a: 1}\n".replace("  title", "  subtitle")),
         (f"{DOC}:4: document subtitle must be text, got a mapping",)),
    Case("yaml-null-title", {"content/doc.yaml": HEAD.replace("title: Plan", "title:")
                             + "  - paragraph: x\n"},
         (f"{DOC}:2: document is missing 'title' — expected 'title: …'",)),
    Case("yaml-text-too-long", doc("  - paragraph: " + "ord " * 25001 + "\n"),
         (f"{DOC}:5: a text of 100 003 characters is too long — expected at most 100 000 "
          "characters per value (split it into paragraphs)",)),
    Case("yaml-control-char", doc('  - paragraph: "a\\x07b"\n'),
         (f"{DOC}:5: character U+0007 cannot be used in a document — remove it",)),
    Case("yaml-raw-control-char", doc("  - paragraph: a\x01b\n"),
         (f"{DOC}:5: character U+0001 cannot be used in a document — remove it",)),
    Case("yaml-lone-surrogate", doc('  - paragraph: "a\\ud800b"\n'),
         (f"{DOC}:5: character U+D800 cannot be used in a document — remove it",)),
    Case("yaml-not-mapping", {"content/doc.yaml": "- paragraph: x\n"},
         (f"{DOC}:1: a content file must be a mapping with 'document:' and 'body:'",)),
    Case("yaml-scalar-file", {"content/doc.yaml": "just text\n"},
         (f"{DOC}:1: a content file must be a mapping with 'document:' and 'body:'",)),
    Case("yaml-empty-file", {"content/doc.yaml": ""},
         (f"{DOC}:1: the content file is empty — expected 'document:' (title, municipality) "
          "and 'body:'",)),
    Case("yaml-comment-only-file", {"content/doc.yaml": "# tom\n"},
         (f"{DOC}:1: the content file is empty — expected 'document:' (title, municipality) "
          "and 'body:'",)),
    Case("yaml-latin1-file", {"content/doc.yaml": (HEAD + "  - paragraph: Ærlig\n")
                              .encode("latin-1")},
         (f"{DOC}:5: not UTF-8 text (byte 0xC6) — save the file as UTF-8",)),
    Case("yaml-key-is-list", doc("  - [a]: x\n"), (f"{DOC}:5: a key must be a plain word",)),
    Case("yaml-two-documents", doc("  - paragraph: x\n---\nmore: 1\n"),
         (f"{DOC}:6: {SYNTAX}a second document starts here ('---') — expected one document "
          "per file",)),
]
