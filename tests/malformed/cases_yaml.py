"""Malformed YAML and content: syntax, tags, types, dates, numbers, limits."""

from tests.malformed.harness import Case, doc

CASES = [
    Case("yaml-unclosed-flow", doc("  - paragraph: [unclosed\n  - paragraph: x\n"),
         ("content/doc.yaml:6: YAML syntax error: expected ',' or ']', but got ':' — expected "
          "valid YAML (check indentation, colons and quotes)",)),
]
