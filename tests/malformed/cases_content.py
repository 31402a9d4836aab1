"""Malformed content blocks and included Markdown: shapes, values and what plandoc cannot draw."""

import struct
import zlib

from tests.conftest import ROOT
from tests.malformed.harness import BUILD, CHECK, HEAD, Case, doc

DOC = "content/doc.yaml"
MD = "content/tekst.md"
PNG = (ROOT / "tests/data/vaapen.png").read_bytes()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


# the header of a 32 000 × 32 000 one-bit PNG: a decompression bomb of a few bytes
BOMB_PNG = (b"\x89PNG\r\n\x1a\n"
            + _chunk(b"IHDR", struct.pack(">IIBBBBB", 32000, 32000, 1, 0, 0, 0, 0))
            + _chunk(b"IDAT", zlib.compress(b"\0" * 4001)) + _chunk(b"IEND", b""))
LINK = ("is not allowed — links may be http://, https://, mailto: or tel: addresses, or '#' "
        "and the anchor of a heading in this document")
CHART = "  - chart:\n      type: {type}\n      title: T\n      alt: A\n      data: {data}\n"


def _cmyk_jpeg() -> bytes:
    import io

    from PIL import Image as PILImage

    out = io.BytesIO()
    PILImage.new("CMYK", (40, 20), (0, 50, 100, 0)).save(out, "JPEG")
    return out.getvalue()


CASE_HEAD = """\
document:
  title: Sak
  municipality: Testvik kommune
  kind: saksframlegg
  proceedings:
    - {body: Formannskapet, case: 10/25, date: 2025-02-01}
    - {body: Kommunestyret, case: 14/25}
body:
  - recommendation:
"""
POINTS = "      points: [Planen sendes på høring., Fristen er 1. juni.]\n"
VOTES = "'votes: {for: 27, against: 8}' or 'votes: unanimous'"


def sak(body: str, points: str = POINTS) -> dict:
    """A saksframlegg with a saksgang of two bodies and an innstilling of two points."""
    return doc(points + body, CASE_HEAD)


CASE_WORK = [
    Case("proceedings-step-no-body",
         doc(POINTS, CASE_HEAD.replace("{body: Formannskapet, ", "{")),
         (f"{DOC}:6: proceedings step is missing 'body' — expected 'body: …'",)),
    Case("decision-votes-not-numbers",
         sak("  - decision: {body: Kommunestyret, votes: {for: mange, against: 8}}\n"),
         (f"{DOC}:11: decision votes for 'mange' is not a whole number — expected the number "
          f"of votes, e.g. {VOTES}",)),
    Case("decision-votes-fraction",
         sak("  - decision: {body: Kommunestyret, votes: {for: 27.5, against: 8}}\n"),
         (f"{DOC}:11: decision votes for 27.5 is not a whole number — expected the number "
          f"of votes, e.g. {VOTES}",)),
    Case("decision-votes-word", sak("  - decision: {body: Kommunestyret, votes: flertall}\n"),
         (f"{DOC}:11: decision votes 'flertall' is not a vote — expected {VOTES}",)),
    Case("decision-changed-point-missing",
         sak("  - decision: {body: Kommunestyret, changed: {5: Ny tekst.}}\n"),
         (f"{DOC}:11: decision changed point 5 is not a point of the recommendation — "
          "expected a number from 1 to 2",)),
    Case("decision-changed-point-word",
         sak("  - decision: {body: Kommunestyret, changed: {to: Ny tekst.}}\n"),
         (f"{DOC}:11: decision changed point 'to' is not a point of the recommendation — "
          "expected a number from 1 to 2",)),
    Case("decision-changed-unnumbered",
         sak("  - decision: {body: Kommunestyret, changed: {1: Ny.}}\n",
             "      text: Planen sendes på høring.\n"),
         (f"{DOC}:11: decision changed: the recommendation has no numbered points — expected "
          "'points:' under 'recommendation:'",)),
    Case("decision-body-not-in-saksgang", sak("  - decision: {body: Bystyret}\n"),
         (f"{DOC}:11: decision body 'Bystyret' is not in the saksgang — expected one of: "
          "Formannskapet, Kommunestyret",)),
    Case("decision-before-recommendation",
         doc("      points: [A]\n", CASE_HEAD.replace(
             "  - recommendation:", "  - decision: {body: Formannskapet}\n  - recommendation:")),
         (f"{DOC}:9: decision comes before the recommendation — expected 'recommendation:' "
          "first (the vedtak is the innstilling with its changes)",)),
    Case("recommendation-points-empty", sak("", "      points: []\n"),
         (f"{DOC}:10: recommendation points is empty — expected one item per point, e.g. "
          "'- Planen sendes på høring.' or '- {text: …, points: [sub-point, …]}'",)),
    Case("recommendation-point-unknown-key",
         sak("", "      points: [{text: A, punkter: [b]}]\n"),
         (f"{DOC}:10: unknown key 'punkter' in point 1 — expected one of: bullets, points, "
          "text",)),
]


def chart(data: str, kind: str = "bar") -> dict:
    return doc(CHART.format(type=kind, data=data))


def svg(inside: str) -> bytes:
    """An SVG drawing 10 × 10 holding `inside`."""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">{inside}'
            '<rect width="5" height="5"/></svg>').encode()


def image(data: bytes, name: str = "bilde.png", extra: str = "") -> dict:
    files = doc(f"  - image:\n      file: {name}\n      alt: Kart{extra}\n")
    files[f"content/{name}"] = data
    return files


def invitation(fields: str, body: str = "  - paragraph: Velkommen.\n") -> dict:
    """An invitation with `fields` after its kind (line 5 on) and `body`."""
    return doc(body, HEAD.replace("body:", "  kind: invitation\n" + fields + "body:"))


def markdown(text: str) -> dict:
    files = doc("  - include: tekst.md\n")
    files[MD] = text
    return files


MEETING = """\
document:
  kind: meeting_{kind}
  title: Formannskapet
  municipality: Testvik kommune
  meeting: {{body: Formannskapet, date: 2025-06-19{extra}}}
body:
"""
CASE_FILE = """\
document:
  kind: {kind}
  title: Ny skolevei
  municipality: Testvik kommune
  proceedings: [{{body: Kommunestyret, case: 12/25}}]
body:
  - paragraph: Tekst.
"""
STEP = ("expected a row '{body: Formannskapet, case: …, date: …}' under its 'document: "
        "proceedings:'")


def meeting(body: str, kind: str = "notice", extra: str = "", case_kind: str = "saksframlegg"
            ) -> dict:
    """A meeting notice (or minutes) as content/doc.yaml, a case file content/sak.yaml beside."""
    return {DOC: MEETING.format(kind=kind, extra=extra) + body,
            "content/sak.yaml": CASE_FILE.format(kind=case_kind)}


CASES = [
    Case("content-body-not-list", doc("  hei\n"),
         (f"{DOC}:4: body must be a list (lines starting with '- '), got 'hei'",)),
    Case("content-unknown-block", doc("  - paragrahp: x\n"),
         (f"{DOC}:5: unknown block 'paragrahp' — did you mean 'paragraph'?",)),
    Case("content-block-not-mapping", doc("  - 42\n"),
         (f"{DOC}:5: expected a block such as 'paragraph: …' or 'chapter: …', got the number "
          "42",)),
    Case("content-block-extra-key", doc("  - paragraph: x\n    caption: y\n"),
         (f"{DOC}:6: unknown key 'caption' in paragraph — put the block's settings under "
          "'paragraph:'",)),
    Case("content-chapter-body-text", doc("  - chapter: A\n    body: tekst\n"),
         (f"{DOC}:6: body must be a list (lines starting with '- '), got 'tekst'",)),
    Case("content-list-too-deep", doc("  - list:\n" + "".join(
        "      " + "  " * i + "- text: x\n" + "      " + "  " * i + "  items:\n"
        for i in range(7)) + "      " + "  " * 7 + "- slutt\n"),
         (f"{DOC}:5: a list nested 8 levels deep — expected at most 6 levels (make the deeper "
          "points a list of their own)",)),
    Case("content-list-item-null", doc("  - list: [~]\n"),
         (f"{DOC}:5: a list item must be text, got nothing",)),
    Case("content-goal-27-strategies", doc(
        "  - focus_area:\n      title: F\n      goals:\n        - goal: G\n          "
        "strategies: [" + ", ".join(["s"] * 27) + "]\n"),
         (f"{DOC}:9: goal 1.1 has 27 strategies — at most 26 (a to z)",)),
    Case("content-swot-strings", doc("  - swot:\n      strengths: [god]\n      weaknesses: []\n"
                                     "      opportunities: []\n      threats: []\n"),
         (f"{DOC}:6: strengths holds groups — expected '- group: …' with 'items: [...]', got "
          "'god'",)),
    Case("content-swot-missing", doc("  - swot:\n      strengths: []\n"),
         (f"{DOC}:6: swot is missing 'weaknesses' — expected 'weaknesses: …'",
          f"{DOC}:6: swot is missing 'opportunities' — expected 'opportunities: …'",
          f"{DOC}:6: swot is missing 'threats' — expected 'threats: …'")),
    Case("content-chart-type", chart("{categories: [a], series: [{name: s, values: [1]}]}",
                                     "kake"),
         (f"{DOC}:6: chart type 'kake' is not known — expected bar, grouped_bar, stacked_bar, "
          "line, pie or donut",)),
    Case("chart-pie-negative", chart("{categories: [a, b], series: [{name: Netto, values: "
                                     "[4, -2.5]}]}", "pie"),
         (f"{DOC}:9: a pie chart cannot show the negative value -2,5 of series 'Netto' — "
          "expected values of 0 or more",)),
    Case("chart-donut-two-series", chart("{categories: [a], series: [{name: s, values: [1]}, "
                                         "{name: t, values: [2]}]}", "donut"),
         (f"{DOC}:9: a donut chart has 2 series — expected one series (use grouped_bar or "
          "stacked_bar to compare several)",)),
    Case("chart-pie-too-many-slices", chart("{categories: [a, b, c, d, e, f, g, h, i], series: "
                                            "[{name: s, values: [1, 1, 1, 1, 1, 1, 1, 1, 1]}]}",
                                            "pie"),
         (f"{DOC}:9: a pie chart has 9 slices — expected at most 8 (use a bar chart for more "
          "categories)",)),
    Case("chart-orientation-word", doc("  - chart:\n      type: bar\n      orientation: liggende"
                                       "\n      title: T\n      alt: A\n      data: {categories: "
                                       "[a], series: [{name: s, values: [1]}]}\n"),
         (f"{DOC}:7: chart orientation 'liggende' is not known — expected vertical or "
          "horizontal",)),
    Case("chart-orientation-on-line", doc("  - chart:\n      type: line\n      orientation: "
                                          "horizontal\n      title: T\n      alt: A\n      "
                                          "data: {categories: [a], series: [{name: s, values: "
                                          "[1]}]}\n"),
         (f"{DOC}:7: a line chart has no orientation — expected orientation only with type "
          "bar, grouped_bar or stacked_bar",)),
    Case("chart-labels-word", doc("  - chart:\n      type: bar\n      labels: ja\n      "
                                  "title: T\n      alt: A\n      data: {categories: [a], "
                                  "series: [{name: s, values: [1]}]}\n"),
         (f"{DOC}:7: chart labels must be true or false, got 'ja'",)),
    Case("content-chart-count", chart("{categories: [a, b], series: [{name: s, values: [1]}]}"),
         (f"{DOC}:9: series 's' has 1 values but there are 2 categories — expected one value "
          "per category",)),
    Case("content-chart-text-value", chart("{categories: [a], series: [{name: s, values: "
                                           "[mange]}]}"),
         (f"{DOC}:9: series value 'mange' is not a number — expected a number such as 13278 "
          "or 1.5",)),
    Case("content-chart-bool-value", chart("{categories: [a], series: [{name: s, values: "
                                           "[true]}]}"),
         (f"{DOC}:9: series value 'true' (a yes/no value) is not a number — expected a number "
          "such as 13278 or 1.5",)),
    Case("content-chart-ambiguous-text", chart("{categories: [a], series: [{name: s, values: "
                                               "['13.278']}]}"),
         (f"{DOC}:9: series value '13.278' is not a number — expected a number such as 13278 "
          "or 1.5",)),
    Case("content-chart-no-categories", chart("{categories: [], series: [{name: s, values: "
                                              "[]}]}"),
         (f"{DOC}:9: chart has no categories — expected at least one, e.g. categories: "
          "[2020, 2021]",)),
    Case("content-chart-no-series", chart("{categories: [a], series: []}"),
         (f"{DOC}:9: chart has no series — expected at least one, e.g. - {{name: Folketall, "
          "values: [...]}",)),
    Case("content-chart-series-twice", chart("{categories: [a], series: [{name: s, values: "
                                             "[1]}, {name: s, values: [2]}]}"),
         (f"{DOC}:9: series 's' is named twice — expected each series once",)),
    Case("content-chart-no-alt", doc("  - chart:\n      type: bar\n      title: T\n      data: "
                                     "{categories: [a], series: [{name: s, values: [1]}]}\n"),
         (f"{DOC}:6: chart is missing 'alt' — expected 'alt: …'",)),
    Case("content-keyfigures-empty", doc("  - key_figures:\n      items: []\n"),
         (f"{DOC}:6: key_figures has no items — expected at least one '- {{value: …, label: "
          "…}'",)),
    Case("content-keyfigure-list", doc("  - key_figures:\n      items:\n        - {value: [1], "
                                       "label: x}\n"),
         (f"{DOC}:7: key figure value must be text, got a list",)),
    Case("content-table-no-columns", doc("  - table:\n      columns: []\n      rows: []\n"),
         (f"{DOC}:6: table has no columns — expected at least one column name",)),
    Case("content-table-comma-in-row", doc("  - table:\n      columns: [Kommune, Merknad]\n"
                                           "      rows:\n        - [Hemnes, stor, fin]\n"),
         (f"{DOC}:8: row 1 has 3 cells but the table has 2 columns (a comma outside quotes "
          "starts a new cell — put text with commas in quotes) — expected 2 cells",)),
    Case("content-table-widths-zero", doc("  - table:\n      columns: [A, B]\n      rows: "
                                          "[[a, b]]\n      widths: [0, 1]\n"),
         (f"{DOC}:8: table widths must be 2 positive numbers, one per column",)),
    Case("table-align-wrong-word", doc("  - table:\n      columns: [A, B]\n      rows: "
                                       "[[a, 1]]\n      align: [left, middle]\n"),
         (f"{DOC}:8: table align 'middle' is not known — expected left, right, center or "
          "decimal for each column",)),
    Case("table-align-wrong-count", doc("  - table:\n      columns: [A, B, C]\n      rows: "
                                        "[[a, 1, 2]]\n      align: [left, right]\n"),
         (f"{DOC}:8: table align has 2 words but the table has 3 columns — expected 3, one of "
          "left, right, center or decimal per column",)),
    Case("table-group-extra-key", doc("  - table:\n      columns: [A, B]\n      rows:\n"
                                      "        - {group: Oppvekst, sum: 12}\n"
                                      "        - [a, b]\n"),
         (f"{DOC}:8: unknown key 'sum' in table row 1 (a group row) — expected one of: "
          "group",)),
    Case("table-group-empty", doc("  - table:\n      columns: [A, B]\n      rows:\n"
                                  "        - {group: }\n"),
         (f"{DOC}:8: table row 1 (a group row) is missing 'group' — expected 'group: …'",)),
    Case("content-image-text", image(b"hello"),
         (f"{DOC}:6: image 'bilde.png' is not a PNG or JPEG file",)),
    Case("content-image-svg-no-namespace", image(b"<svg/>", "bilde.svg"),
         (f"{DOC}:6: image 'bilde.svg' is not an SVG drawing (its outer element is <svg>) — "
          "expected an <svg> element in the SVG namespace",)),
    Case("content-image-svg-not-xml", image(b"<svg xmlns='http://www.w3.org/2000/svg'>",
                                            "bilde.svg"),
         (f"{DOC}:6: image 'bilde.svg' is not well-formed XML (no element found: line 1, "
          "column 40) — expected an SVG file",)),
    Case("content-image-svg-outside", image(svg('<image href="file:///etc/passwd"/>'),
                                            "bilde.svg"),
         (f"{DOC}:6: image 'bilde.svg' refers to something outside the drawing (<image> "
          "'file:///etc/passwd') — expected a plain SVG drawing that needs no other file or "
          "address",)),
    Case("content-image-svg-css-url", image(svg('<rect style="fill:url(http://x.no/a.svg)"/>'),
                                            "bilde.svg"),
         (f"{DOC}:6: image 'bilde.svg' refers to something outside the drawing (<rect> "
          "'fill:url(http://x.no/a.svg)') — expected a plain SVG drawing that needs no other "
          "file or address",)),
    Case("content-image-truncated", image(PNG[:300]),
         (f"{DOC}:6: image 'bilde.png' cannot be used: the file is damaged or incomplete — "
          "expected a PNG or JPEG file",)),
    Case("content-image-cmyk-jpeg", image(_cmyk_jpeg(), "foto.jpg"),
         (f"{DOC}:6: image 'foto.jpg' is a JPEG without a JFIF or Exif header (as CMYK JPEGs "
          "are saved), which a Word document cannot hold — expected a PNG, or a JPEG saved as "
          "RGB",)),
    Case("content-image-bomb", image(BOMB_PNG),
         (f"{DOC}:6: image 'bilde.png' cannot be used: the image is 32000 × 32000 pixels — "
          "expected at most 50 megapixels (scale it down)",)),
    Case("content-image-width", image(PNG, extra="\n      width: -3"),
         (f"{DOC}:8: image width must be a number of centimetres, got -3",)),
    Case("content-image-empty-alt", {**image(PNG), DOC: image(PNG)[DOC].replace(
        "alt: Kart", 'alt: ""')},
         (f"{DOC}:7: image alt is empty — write the alt text (what the image shows), or "
          "'decorative: true' if the image is only ornament",)),
    Case("content-image-no-alt", {**image(PNG), DOC: image(PNG)[DOC].replace(
        "      alt: Kart\n", "")},
         (f"{DOC}:6: image is missing 'alt' — expected 'alt: …' saying what the image shows, "
          "or 'decorative: true' if the image is only ornament",)),
    Case("content-image-alt-and-decorative", image(PNG, extra="\n      decorative: true"),
         (f"{DOC}:7: image has both `alt` and `decorative: true` — a decorative image has no "
          "alt text; remove one",)),
    Case("content-image-decorative-not-boolean", {**image(PNG), DOC: image(PNG)[DOC].replace(
        "alt: Kart", "decorative: ja")},
         (f"{DOC}:7: image decorative must be true or false, got 'ja'",)),
    Case("content-chart-decorative",
         doc(CHART.format(type="bar", data="{categories: [a], series: [{name: s, values: [1]}]}")
             + "      decorative: true\n"),
         (f"{DOC}:10: chart decorative: a chart is never decorative — it carries data, so it "
          "needs 'alt: …' saying what the data show; remove 'decorative'",)),
    Case("span-lang-not-a-tag", doc("  - paragraph: Vi sier [climate]{lang=english} her.\n"),
         (f"{DOC}:5: language tag 'english' is not valid — expected a code such as 'en', 'se' "
          "or 'en-GB'",)),
    Case("span-attribute-not-lang", markdown("Innledning.\n\nOrdet [giella]{.samisk} er "
                                             "samisk.\n"),
         (f"{MD}:3: span attribute '.samisk' is not supported — expected only the language, as "
          "in [climate adaptation]{lang=en}",)),
    Case("content-image-missing", doc("  - image:\n      file: borte.png\n      alt: x\n"),
         (f"{DOC}:6: image 'borte.png' not found (looked for content/borte.png)",)),
    Case("content-include-missing", doc("  - include: borte.md\n"),
         (f"{DOC}:5: included file 'borte.md' not found (looked for content/borte.md)",)),
    Case("content-glyph-missing", doc("  - paragraph: Pris ₿ 5\n"),
         (f"{DOC}:5: character '₿' (U+20BF) is not in the style's font DejaVu Sans "
          "(DejaVuSans.ttf), so the PDF cannot show it — expected a style whose fonts have it",)),
    Case("content-glyphs-grouped", doc("  - paragraph: مرحبا\n  - paragraph: x\n"),
         (f"{DOC}:5: characters 'ا' (U+0627), 'ب' (U+0628), 'ح' (U+062D), 'ر' (U+0631) and 1 "
          "more are not in the style's font DejaVu Sans (DejaVuSans.ttf), so the PDF cannot "
          "show them — expected a style whose fonts have them",)),
    Case("content-heading-too-long", doc("  - chapter: " + "ord " * 600 + "\n"),
         (f"{DOC}:5: chapter title has 2 399 characters — expected at most 1 000 (put the rest "
          "in a paragraph)",)),
    Case("content-slogan-too-long", doc("  - slogan: " + "ord " * 300 + "\n"),
         (f"{DOC}:5: slogan has 1 199 characters — expected at most 1 000 (put the rest in a "
          "paragraph)",)),
    Case("content-callout-text-too-long", doc("  - callout:\n      title: Merk\n      text: "
                                              + "ord " * 1300 + "\n"),
         (f"{DOC}:7: callout text has 5199 characters — expected at most 5000 (put the rest in "
          "paragraphs)",)),
    Case("content-include-name-too-long", doc("  - include: " + "x" * 300 + ".md\n"),
         (f"{DOC}:5: included file '{'x' * 80}…' not found (looked for the content folder)",)),
    Case("content-title-blank", {"content/doc.yaml": HEAD.replace("title: Plan", "title: '  '")
                                 + "  - paragraph: x\n"},
         (f"{DOC}:2: document is missing 'title' — expected 'title: …'",)),
    Case("content-include-not-markdown", doc("  - include: doc.yaml\n"),
         (f"{DOC}:5: included file 'doc.yaml' is not Markdown — expected a .md file (data goes "
          "in a 'table:' or 'chart:' block, a document in 'attachments:')",)),
    Case("content-recommendation-empty", doc("  - recommendation: ''\n"),
         (f"{DOC}:5: recommendation has no text — expected the proposed decision, e.g. "
          "'recommendation: Kommunestyret vedtar planen.'",)),
    Case("content-attachment-not-yaml",
         {**doc("  - attachments: [{document: kart.png}]\n"), "content/kart.png": PNG},
         (f"{DOC}:5: attached document 'kart.png' is not a content file — expected a .yaml "
          "file, or the attachment's name as text (e.g. '- Kart over området')",)),
    Case("md-vertical-tab", markdown("Første linje\x0bandre linje\n"),
         (f"{MD}:1: character U+000B (a line break copied from Word) cannot be used in a "
          "document — replace it with a new line",)),
    Case("md-form-feed", markdown("Avsnitt\n\x0c\nNeste\n"),
         (f"{MD}:2: character U+000C (a page break in text) cannot be used in a document — "
          "replace it with a new line",)),
    Case("md-nul", markdown("a\n\nb\x00c\n"),
         (f"{MD}:3: character U+0000 cannot be used in a document — remove it",)),
    Case("md-not-utf8", markdown("Ærlig talt\n".encode("cp1252")),
         (f"{MD}:1: not UTF-8 text (byte 0xC6) — save the file as UTF-8",)),
    Case("md-image", markdown("Tekst\n\n![kart](/etc/passwd)\n"),
         (f"{MD}:3: Markdown images ![…](…) are not supported — use an 'image:' block with "
          "'file:' and 'alt:'", f"{MD}:3: link '/etc/passwd' {LINK}")),
    Case("md-table-row-too-long", markdown("Tekst\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
                                           "| 1 | 2 | 3 |\n"),
         (f"{MD}:6: the table row has 3 cells but the header has 2 — expected at most 2 cells "
          "(a '|' inside a cell is written '\\|')",)),
    Case("md-table-no-rows", markdown("| a | b |\n|---|---|\n"),
         (f"{MD}:1: the table has a header but no rows — expected rows of cells below the "
          "'---' line",)),
    Case("md-table-too-wide", markdown("|" + " a |" * 14 + "\n|" + "---|" * 14 + "\n|"
                                       + " 1 |" * 14 + "\n"),
         (f"{MD}:1: the table has 14 columns — expected at most 13 (what fits across a "
          "landscape page; split it into two tables)",)),
    Case("md-table-rule-mismatch", markdown("| a | b |\n|---|---|---|\n| 1 | 2 |\n"),
         (f"{MD}:2: the table's delimiter row has 3 cells but its header row has 2 — expected "
          "one '---' per column",)),
    Case("md-table-list-in-cell", markdown("| Tiltak | Ansvar |\n|---|---|\n"
                                           "| - Skolevei | Kommunen |\n"),
         (f"{MD}:3: the table cell '- Skolevei' starts like a list, heading or quote — a table "
          "cell holds text only (write the points in a sentence, or as a list below the "
          "table)",)),
    Case("text-table-row-too-long", doc("  - text: |\n      | a | b |\n      |---|---|\n"
                                        "      | 1 | 2 | 3 |\n"),
         (f"{DOC}:8: the table row has 3 cells but the header has 2 — expected at most 2 "
          "cells (a '|' inside a cell is written '\\|')",)),
    Case("table-landscape-not-bool", doc("  - table:\n      columns: [A, B]\n      rows: "
                                         "[[a, 1]]\n      landscape: ja\n"),
         (f"{DOC}:8: table landscape must be true or false, got 'ja'",)),
    Case("md-code-fence", markdown("Tekst\n\n```\nkode\n```\n"),
         (f"{MD}:3: code blocks (```) are not supported in Markdown text — write paragraphs "
          "and lists, or use a 'table:' block",)),
    Case("md-indented-code", markdown("Tekst\n\n    kode\n"),
         (f"{MD}:3: indented code blocks are not supported in Markdown text — write "
          "paragraphs and lists, or use a 'table:' block",)),
    Case("md-list-too-deep", markdown("".join("  " * i + "- x\n" for i in range(9))),
         (f"{MD}:1: a list nested 9 levels deep — expected at most 6 levels (make the deeper "
          "points a list of their own)",)),
    Case("md-inline-text-image", doc("  - text: |\n      Se ![kart](kart.png)\n"),
         (f"{DOC}:6: Markdown images ![…](…) are not supported — use an 'image:' block with "
          "'file:' and 'alt:'", f"{DOC}:6: link 'kart.png' {LINK}")),
    Case("md-file-too-long", markdown("ord " * 250_001),
         (f"{MD}:1: the file has 1 000 004 characters — expected at most 1 000 000 (split "
          "the text into several files)",)),
    Case("md-paragraph-too-long", markdown("Innledning\n\n" + "ord " * 25_001 + "\n"),
         (f"{MD}:3: a paragraph of 100 005 characters is too long — expected at most 100 000 "
          "(split it into paragraphs)",)),
    Case("note-without-definition", markdown("Folketallet økte[^1] og[^2].\n\n[^1]: SSB.\n"),
         (f"{MD}:1: footnote reference [^2] has no definition — add a line '[^2]: …' with the "
          "note's text to the same text block or file",)),
    Case("note-never-referenced", markdown("Tekst[^a].\n\n[^a]: SSB.\n[^b]: KOSTRA.\n"),
         (f"{MD}:4: footnote [^b] is defined but never referred to — put [^b] in the text "
          "where the note belongs, or remove the definition",)),
    Case("note-defined-twice", markdown("Tekst[^a].\n\n[^a]: SSB.\n[^a]: KOSTRA.\n"),
         (f"{MD}:4: footnote [^a] is defined twice (first at line 3) — give each note a label "
          "of its own",)),
    Case("note-in-text-block", doc("  - text: |\n      Tekst[^1].\n\n      [^2]: SSB.\n"),
         (f"{DOC}:6: footnote reference [^1] has no definition — add a line '[^1]: …' with the "
          "note's text to the same text block or file",
          f"{DOC}:8: footnote [^2] is defined but never referred to — put [^2] in the text "
          "where the note belongs, or remove the definition")),
    Case("note-in-heading", markdown("# Tittel[^1]\n\nTekst.\n\n[^1]: SSB.\n"),
         (f"{MD}:1: a footnote in a heading — put the reference in the text below the "
          "heading",)),
    Case("note-in-inline-field", doc("  - paragraph: Tekst[^1].\n"),
         (f"{DOC}:5: footnote [^1] in paragraph — footnotes work in 'text:' blocks and "
          "included Markdown files, with the note's definition ('[^1]: …') in the same text",)),
]

GOALS = ("  - focus_area:\n      title: Næring\n      goals:\n        - goal: Flere bedrifter\n"
         "          id: mål-næring\n")

CASES += [
    Case("xref-unknown-id", doc(GOALS + "  - paragraph: \"Se [](#mål-nring).\"\n"),
         (f"{DOC}:10: reference '#mål-nring' names no goal, heading, figure, table or appendix "
          "— did you mean 'mål-næring'?",)),
    Case("xref-unknown-id-no-close-match", doc(GOALS + "  - paragraph: \"Se [](#tiltak).\"\n"),
         (f"{DOC}:10: reference '#tiltak' names no goal, heading, figure, table or appendix — "
          "expected the 'id:' of a goal, heading, figure, table or appendix, or '#h3' for the "
          "third heading",)),
    Case("xref-unknown-id-in-markdown", {**doc(GOALS + "  - include: tekst.md\n"),
                                         MD: "Innledning\n\nSe [målet](#mål-nering).\n"},
         (f"{MD}:3: link '#mål-nering' names no goal, heading, figure, table or appendix — did "
          "you mean 'mål-næring'?",)),
    Case("xref-duplicate-id", doc(GOALS + "  - chapter: Tiltak\n    id: mål-næring\n"),
         (f"{DOC}:11: id 'mål-næring' is already the id of the goal at line 9 — expected "
          "each id once in a document",)),
    Case("xref-id-not-a-word", doc("  - chapter: Tiltak\n    id: mål næring\n"),
         (f"{DOC}:6: id 'mål næring' must be a plain word of letters, digits, '-' and '_' — "
          "e.g. 'mål-næring'",)),
    Case("xref-id-like-an-anchor", doc("  - chapter: Tiltak\n    id: h2\n"),
         (f"{DOC}:6: id 'h2' is the anchor plandoc gives a heading by its place ('#h3' is the "
          "third) — choose a name, e.g. 'mål-næring'",)),
    Case("xref-id-on-uncaptioned-table", doc("  - table:\n      id: tab\n      columns: [a]\n"
                                             "      rows: [[b]]\n"),
         (f"{DOC}:6: table has an id but no caption — only a table or image with a "
          "'caption:' is numbered and can be referred to; add 'caption: …'",)),
]

IND = GOALS + "          indicators:\n            - measure: Bedrifter\n"
ACTION = "  - action_plan:\n      rows:\n        - {action: Kartlegge, goal: %s}\n"
G11 = "an indicator of goal 1.1"

CASES += [
    Case("goal-indicator-no-target-year", doc(IND + "              target: {value: \"40\"}\n"),
         (f"{DOC}:12: the target of {G11} has no year — expected 'target: {{value: \"15 %\", "
          "year: 2026}'",)),
    Case("goal-indicator-baseline-after-target", doc(
        IND + "              baseline: {value: \"12\", year: 2027}\n"
              "              target: {value: \"40\", year: 2026}\n"),
         (f"{DOC}:12: the baseline year 2027 of {G11} is after its target year 2026 — expected "
          "the baseline (where it stands) no later than the target (where it should go)",)),
    Case("goal-indicator-no-target", doc(IND),
         (f"{DOC}:11: {G11} is missing 'target' — expected 'target: …'",)),
    Case("goal-indicator-year-not-a-year", doc(
        IND + "              target: {value: \"40\", year: tjue}\n"),
         (f"{DOC}:12: the target year of {G11} must be a year such as 2026, got 'tjue'",)),
    Case("goal-unknown-attribute", doc(GOALS + "          deadlne: 2026\n"),
         (f"{DOC}:10: unknown key 'deadlne' in goal 1.1 — did you mean 'deadline'?",)),
    Case("goal-overview-without-indicators", doc(GOALS + "  - indicator_overview: {}\n"),
         (f"{DOC}:10: indicator_overview: no goal of this document has indicators — expected "
          "'indicators:' under a goal, or no indicator_overview",)),
    Case("action-unknown-goal", doc(GOALS + ACTION % "mål-nring"),
         (f"{DOC}:12: action plan goal 'mål-nring' is the id of no goal — did you mean "
          "'mål-næring'?",)),
    Case("action-unknown-goal-no-close-match", doc(GOALS + ACTION % "tiltak"),
         (f"{DOC}:12: action plan goal 'tiltak' is the id of no goal — expected the 'id:' of a "
          "goal of this document",)),
    Case("action-goal-by-number", doc(GOALS + ACTION % '"1.1"'),
         (f"{DOC}:12: action plan goal '1.1' is a goal's number, not its id (numbers change "
          "when a goal is inserted) — expected its id 'mål-næring'",)),
    Case("action-sum-of-unreadable-amount", doc(
        GOALS + "  - action_plan:\n      sum: true\n      rows:\n"
                "        - {action: Kartlegge, cost: ca. 2 mill.}\n"),
         (f"{DOC}:13: cost 'ca. 2 mill.' of action_plan row 1 is not an amount plandoc can add "
          "up — expected an amount such as '350 000 kr' or '1,5 mill. kr', or no 'sum: true'",)),
    Case("action-row-without-action", doc(GOALS + "  - action_plan:\n      rows:\n"
                                          "        - {goal: mål-næring}\n"),
         (f"{DOC}:12: action_plan row 1 is missing 'action' — expected 'action: …'",)),
    Case("action-no-rows", doc("  - action_plan:\n      rows: []\n"),
         (f"{DOC}:6: action_plan has no rows — expected at least one '- {{action: …, goal: "
          "…}'",)),
]

APPENDIX = "  - appendix:\n      title: Kart\n"
AFTER = "before the first appendix"

CASES += [
    Case("appx-chapter-after-appendix", doc(APPENDIX + "  - chapter: Tiltak\n"),
         (f"{DOC}:7: appendices come after the main text — move chapter 'Tiltak' {AFTER}",)),
    Case("appx-chapter-in-appendix-body",
         doc(APPENDIX + "      body:\n        - chapter: Tiltak\n"),
         (f"{DOC}:8: appendices come after the main text — move chapter 'Tiltak' {AFTER}",)),
    Case("appx-markdown-chapter-in-appendix",
         {**doc(APPENDIX + "      body:\n        - include: tekst.md\n"),
          MD: "# Tiltak\n\nTekst.\n"},
         (f"{MD}:1: appendices come after the main text — move chapter 'Tiltak' {AFTER}",)),
    Case("appx-focus-area-after-appendix",
         doc(APPENDIX + "  - focus_area:\n      title: Næring\n      goals:\n"
             "        - goal: Flere bedrifter\n"),
         (f"{DOC}:7: appendices come after the main text — move focus area 'Næring' {AFTER}",)),
    Case("appx-part-after-appendix", doc(APPENDIX + "  - part: {label: Del 3, title: Natur}\n"),
         (f"{DOC}:7: appendices come after the main text — move part 'Natur' {AFTER}",)),
    Case("appx-missing-title", doc("  - appendix: {id: kart}\n"),
         (f"{DOC}:5: appendix is missing 'title' — expected 'title: …'",)),
    Case("appx-unknown-key", doc("  - appendix: {title: Kart, numbering: letters}\n"),
         (f"{DOC}:5: unknown key 'numbering' in appendix — expected one of: body, id, title",)),
    Case("appx-not-mapping", doc("  - appendix: Kart\n"),
         (f"{DOC}:5: appendix must be a mapping of keys, got 'Kart' — expected e.g. "
          "'appendix: {title: Kartgrunnlag, id: kart}' with its blocks under 'body:'",)),
    Case("appx-bad-numbering",
         doc("  - appendix: {title: Kart}\n", HEAD.replace("body:", "  appendix_numbering: "
                                                           "roman\nbody:")),
         (f"{DOC}:4: document appendix_numbering 'roman' is not known — expected one of: "
          "numbers, letters",)),
    Case("appx-list-not-mapping", doc("  - appendix_list: ja\n" + APPENDIX),
         (f"{DOC}:5: appendix_list must be a mapping of keys, got 'ja'",)),
    Case("appx-list-unknown-key", doc("  - appendix_list: {titel: Vedlegg}\n" + APPENDIX),
         (f"{DOC}:5: unknown key 'titel' in appendix_list — did you mean 'title'?",)),
    Case("appx-list-without-appendices", doc("  - chapter: Innledning\n  - appendix_list: {}\n"),
         (f"{DOC}:6: appendix_list: the document has no appendices to list — add 'appendix:' "
          "blocks after the main text, or remove the list",)),
    Case("appx-unknown-reference",
         doc("  - appendix: {title: Kart, id: kart}\n  - paragraph: \"Se [](#kartt).\"\n"),
         (f"{DOC}:6: reference '#kartt' names no goal, heading, figure, table or appendix — "
          "did you mean 'kart'?",)),
]

FA = "  - focus_area:\n      title: Bolig\n"

CASES += [
    Case("hier-subgoal-of-subgoal", doc(
        FA + "      goals:\n        - goal: G\n          goals:\n            - goal: D\n"
        "              goals: [{goal: E}]\n"),
         (f"{DOC}:11: sub-goal 1.1.1 has goals of its own — plans go two levels deep (goal "
          "1.1, sub-goal 1.1.1); write these as strategies or as goals of their own",)),
    Case("hier-focus-area-without-goals", doc(FA),
         (f"{DOC}:5: focus_area has no goals — expected 'goals:' (a list of goals) or 'body:' "
          "with 'goal:' blocks",)),
    Case("hier-focus-area-in-focus-area", doc(
        FA + "      body:\n        - focus_area: {title: Indre, goals: [{goal: G}]}\n"),
         (f"{DOC}:8: a focus area inside another focus area — expected focus areas at the top "
          "of the body or directly inside a chapter",)),
    Case("hier-focus-area-in-section", doc(
        "  - chapter: K\n    body:\n      - section: S\n        body:\n"
        "          - focus_area: {title: F, goals: [{goal: G}]}\n"),
         (f"{DOC}:9: a focus area inside a section — expected focus areas at the top of the "
          "body or directly inside a chapter",)),
    Case("hier-chapter-in-focus-area", doc(FA + "      body:\n        - chapter: Kapittel\n"),
         (f"{DOC}:8: a chapter inside a focus area — expected 'section:' (the focus area is the "
          "chapter around it)",)),
    Case("hier-unknown-label", doc(FA + "      labels: {goals: Delmål}\n      goals: [{goal: G}]\n"),
         (f"{DOC}:7: unknown key 'goals' in focus_area labels — did you mean 'goal'?",)),
    Case("hier-label-too-long", doc(
        FA + "      labels: {goal: " + "x" * 41 + "}\n      goals: [{goal: G}]\n"),
         (f"{DOC}:7: focus_area labels goal has 41 characters — expected a short word such as "
          "'Delmål' (at most 40)",)),
    Case("hier-document-labels-not-mapping",
         {DOC: HEAD.replace("document:\n", "document:\n  goal_labels: Hovedmål\n")
          + "  - goal: G\n"},
         ("content/doc.yaml:2: document goal_labels must be a mapping of keys, got 'Hovedmål'",)),
    Case("hier-strategies-empty", doc("  - strategies: []\n"),
         (f"{DOC}:5: strategies has no items — expected a list of strategies",)),
    Case("hier-goal-unknown-key", doc("  - goal: G\n    strategier: [a]\n"),
         (f"{DOC}:6: unknown key 'strategier' in goal 1 — did you mean 'strategies'?",)),
]

REFS = ("  - references:\n      items:\n"
        "        - {id: tøi2017, author: TØI, year: 2017, title: Godstransport}\n")
SOURCE = "        - {id: ssb2023, author: SSB, year: 2023, title: Befolkning"
CITE = "expected '[@tøi2017]', '[@ssb2023, tabell 07459]' or several separated by ';' as in "

CASES += [
    Case("cite-unknown-id", doc("  - paragraph: \"Se [@tøi2071].\"\n" + REFS),
         (f"{DOC}:5: citation '[@tøi2071]' names no source in the references — did you mean "
          "'@tøi2017'?",)),
    Case("cite-unknown-id-no-close-match", doc("  - paragraph: \"Se [@kostra].\"\n" + REFS),
         (f"{DOC}:5: citation '[@kostra]' names no source in the references — expected the "
          "'id:' of a source under 'references:'",)),
    Case("cite-unknown-id-in-markdown", {**doc("  - include: tekst.md\n" + REFS),
                                         MD: "Innledning\n\nSe [@tøi2018, s. 4].\n"},
         (f"{MD}:3: citation '[@tøi2018]' names no source in the references — did you mean "
          "'@tøi2017'?",)),
    Case("cite-unknown-id-in-footnote", {**doc("  - include: tekst.md\n" + REFS),
                                         MD: "Tekst[^1].\n\n[^1]: Se [@tøi].\n"},
         (f"{MD}:3: citation '[@tøi]' names no source in the references — did you mean "
          "'@tøi2017'?",)),
    Case("cite-without-references", doc("  - paragraph: \"Se [@tøi2017].\"\n"),
         (f"{DOC}:5: citation '[@tøi2017]' but the document has no 'references:' block — add "
          "one with a source 'id: tøi2017'",)),
    Case("cite-part-not-an-id", doc("  - paragraph: \"Se [@tøi2017; s. 12].\"\n" + REFS),
         (f"{DOC}:5: 's. 12' in a citation does not name a source as '@id' — {CITE}"
          "'[@tøi2017; @ssb2023]'",)),
    Case("refs-duplicate-id", doc(REFS + SOURCE.replace("ssb2023", "tøi2017") + "}\n"),
         (f"{DOC}:8: source id 'tøi2017' is already the id of the source at line 7 — expected "
          "each id once in the references",)),
    Case("refs-missing-author", doc(REFS + "        - {id: ssb2023, year: 2023, title: B}\n"),
         (f"{DOC}:8: source 'ssb2023' is missing 'author' — expected 'author: …'",)),
    Case("refs-missing-year", doc(REFS + "        - {id: ssb2023, author: SSB, title: B}\n"),
         (f"{DOC}:8: source 'ssb2023' is missing 'year' — expected 'year: …'",)),
    Case("refs-missing-title", doc(REFS + "        - {id: ssb2023, author: SSB, year: u.å.}\n"),
         (f"{DOC}:8: source 'ssb2023' is missing 'title' — expected 'title: …'",)),
    Case("refs-missing-id", doc(REFS + "        - {author: SSB, year: 2023, title: B}\n"),
         (f"{DOC}:8: source 2 of the references is missing 'id' — expected 'id: …'",)),
    Case("refs-id-not-a-word", doc(REFS + SOURCE.replace("ssb2023", "ssb 2023") + "}\n"),
         (f"{DOC}:8: source id 'ssb 2023' must be a plain word of letters, digits, '-' and '_' "
          "— e.g. 'tøi2017'",)),
    Case("refs-unknown-key", doc(REFS + SOURCE + ", forlag: SSB}\n"),
         (f"{DOC}:8: unknown key 'forlag' in source 'ssb2023' — expected one of: accessed, "
          "author, id, note, publisher, short, title, url, year",)),
    Case("refs-url-not-web", doc(REFS + SOURCE + ", url: \"file:///C:/kilder/ssb.pdf\"}\n"),
         (f"{DOC}:8: url 'file:///C:/kilder/ssb.pdf' of source 'ssb2023' is not a web address "
          "— expected one starting with http:// or https://",)),
    Case("refs-accessed-not-a-date", doc(REFS + SOURCE + ", accessed: 12.03.2024}\n"),
         (f"{DOC}:8: date '12.03.2024' is not a date — expected YYYY-MM-DD, e.g. 2021-05-12",)),
    Case("refs-second-block", doc(REFS + "  - references:\n      items: []\n"),
         (f"{DOC}:8: a second references block — the document has one at line 5; put every "
          "source in that one",)),
    Case("refs-neither-items-nor-file", doc("  - references: {title: Kilder}\n"),
         (f"{DOC}:5: references needs either 'items:' (a list of sources) or 'file:' (a YAML "
          "file holding that list)",)),
    Case("refs-items-and-file", doc(REFS + "      file: kilder.yaml\n"),
         (f"{DOC}:5: references needs either 'items:' (a list of sources) or 'file:' (a YAML "
          "file holding that list), not both",)),
    Case("refs-file-entry-problem",
         {**doc("  - references: {file: kilder.yaml}\n"),
          "content/kilder.yaml": "- {id: tøi2017, author: TØI, year: 2017, title: Gods}\n"
                                 "- {id: ssb2023, author: SSB, year: 2023}\n"},
         ("content/kilder.yaml:2: source 'ssb2023' is missing 'title' — expected 'title: …'",)),
    Case("refs-file-not-yaml", {**doc("  - references: {file: kilder.md}\n"),
                                "content/kilder.md": "# Kilder\n"},
         (f"{DOC}:5: references file 'kilder.md' is not YAML — expected a .yaml file holding "
          "the list of sources",)),
    Case("refs-after-appendix", doc(APPENDIX + REFS),
         (f"{DOC}:7: appendices come after the main text — move the references 'Kilder' "
          f"{AFTER}",)),
]

# --- cover photo, foreword and signatures ---------------------------------------------------

COVER = HEAD.replace("body:", "  cover_image: {{file: forside.png{extra}}}\nbody:")
SIGNERS = "  - signatures:\n      place: Mosjøen\n      signers:\n{signers}"


def cover(data: bytes, suffix: str = ".png", extra: str = ", alt: Fjorden") -> dict:
    files = doc("  - paragraph: Tekst.\n", COVER.format(extra=extra).replace(".png", suffix))
    files[f"content/forside{suffix}"] = data
    return files


def signers(n: int, line: str = "        - {{name: Kari {i}, title: Ordfører}}\n") -> dict:
    return doc(SIGNERS.format(signers="".join(line.format(i=i) for i in range(n))))


CASES += [
    Case("cover-image-no-alt", cover(PNG, extra=""),
         (f"{DOC}:4: cover_image is missing 'alt' — expected 'alt: …' saying what the image "
          "shows, or 'decorative: true' if the image is only ornament",)),
    Case("cover-image-empty-alt", cover(PNG, extra=", alt: ' '"),
         (f"{DOC}:4: cover_image alt is empty — write the alt text (what the image shows), "
          "or 'decorative: true' if the image is only ornament",)),
    Case("cover-image-alt-and-decorative", cover(PNG, extra=", alt: Fjorden, decorative: true"),
         (f"{DOC}:4: cover_image has both `alt` and `decorative: true` — a decorative image "
          "has no alt text; remove one",)),
    Case("cover-image-text", cover(b"hello"),
         (f"{DOC}:4: cover image 'forside.png' is not a PNG or JPEG file",)),
    Case("cover-image-svg", cover(svg(""), ".svg"),
         (f"{DOC}:4: cover image 'forside.svg' is an SVG drawing — expected a photo as a PNG "
          "or JPEG file",)),
    Case("cover-image-bomb", cover(BOMB_PNG),
         (f"{DOC}:4: cover image 'forside.png' cannot be used: the image is 32000 × 32000 "
          "pixels — expected at most 50 megapixels (scale it down)",)),
    Case("cover-image-unknown-key", cover(PNG, extra=", alt: Fjorden, kreditt: Foto"),
         (f"{DOC}:4: unknown key 'kreditt' in cover_image — did you mean 'credit'?",)),
    Case("cover-image-not-a-plan",
         {**cover(PNG), DOC: COVER.format(extra=", alt: Fjorden").replace(
             "body:", "  kind: saksframlegg\nbody:") + "  - paragraph: Tekst.\n"},
         (f"{DOC}:4: document cover_image: a saksframlegg has no cover page — remove "
          "cover_image, or make it 'kind: plan'",)),
    Case("foreword-no-text", doc("  - foreword: {title: Forord}\n"),
         (f"{DOC}:5: foreword has no text — expected 'text: |' followed by the foreword's "
          "paragraphs",)),
    Case("foreword-bad-date",
         doc("  - foreword:\n      text: Velkommen.\n      signature: {name: Kari, date: "
             "12.11.2026}\n"),
         (f"{DOC}:7: date '12.11.2026' is not a date — expected YYYY-MM-DD, e.g. 2021-05-12",)),
    Case("signer-no-name", signers(1, "        - {{title: Ordfører}}\n"),
         (f"{DOC}:8: signer has no name — expected 'name: Kari Nordmann' (and 'title: "
          "Ordfører')",)),
    Case("signers-too-many", signers(5),
         (f"{DOC}:7: signatures has 5 signers — expected 1 to 4 (make a second 'signatures:' "
          "block for more)",)),
    Case("signatures-unknown-key",
         doc("  - signatures:\n      sted: Mosjøen\n      signers: [{name: Kari}]\n"),
         (f"{DOC}:6: unknown key 'sted' in signatures — expected one of: date, place, "
          "signers",)),
    Case("case-list-missing-case", meeting("  - case_list:\n      - case: sak-mangler.yaml\n"),
         (f"{DOC}:8: case_list case 'sak-mangler.yaml' not found (looked for "
          "content/sak-mangler.yaml)",)),
    Case("case-list-not-saksframlegg",
         meeting("  - case_list:\n      - case: sak.yaml\n", case_kind="plan"),
         (f"{DOC}:8: case_list case 'sak.yaml' is a plan, not a saksframlegg — expected a "
          "content file with 'kind: saksframlegg'",)),
    Case("case-list-no-step", meeting("  - case_list:\n      - case: sak.yaml\n"),
         (f"{DOC}:8: case_list case 'sak.yaml' has no step for Formannskapet in its "
          f"proceedings — {STEP}",)),
    Case("case-list-twice",
         {**meeting("  - case_list:\n      - case: sak.yaml\n      - case: sak.yaml\n"),
          "content/sak.yaml": CASE_FILE.format(kind="saksframlegg").replace("Kommunestyret",
                                                                            "Formannskapet")},
         (f"{DOC}:9: case_list case 'sak.yaml' is already on the list at line 8 — expected "
          "each case once",)),
    Case("case-list-not-content", {**meeting("  - case_list:\n      - case: sak.pdf\n"),
                                   "content/sak.pdf": "%PDF-1.4"},
         (f"{DOC}:8: case_list case 'sak.pdf' is not a content file — expected the .yaml file "
          "of a saksframlegg",)),
    Case("case-list-row-text", meeting("  - case_list:\n      - sak.yaml\n"),
         (f"{DOC}:8: a case_list row must name its case, got 'sak.yaml' — expected '- case: "
          "sak-budsjett.yaml'",)),
    Case("case-list-in-a-plan", doc("  - case_list:\n      - case: sak.yaml\n"),
         (f"{DOC}:5: case_list: a saksliste belongs to a meeting — expected 'kind: "
          "meeting_notice' or 'kind: meeting_minutes' with 'meeting: {body: Formannskapet, "
          "date: 2025-06-19, time: \"09.00\", place: Formannskapssalen}' under 'document:'",)),
    Case("case-list-decision-in-notice",
         {**meeting("  - case_list:\n      - case: sak.yaml\n        decision: Vedtatt.\n",
                    extra=", time: '09.00'"),
          "content/sak.yaml": CASE_FILE.format(kind="saksframlegg").replace("Kommunestyret",
                                                                            "Formannskapet")},
         (f"{DOC}:9: case_list decision: a meeting notice has no behandling or vedtak yet — "
          "expected 'kind: meeting_minutes', or remove decision",)),
    Case("meeting-bad-time", meeting("  - paragraph: Tekst.\n", extra=", time: '9'"),
         (f"{DOC}:5: meeting time '9' is not a time — expected e.g. '09.00' or "
          "'09.00–15.00'",)),
    Case("meeting-attendance-in-notice",
         meeting("  - paragraph: Tekst.\n", extra=", present: [Kari Nordmann]"),
         (f"{DOC}:5: meeting present: a meeting notice records no attendance — expected "
          "'kind: meeting_minutes', or remove present",)),
    Case("meeting-substitute-for-nobody",
         meeting("  - paragraph: Tekst.\n", "minutes", ", substitutes: [Siv Ås]"),
         (f"{DOC}:5: a substitute must say whom they met for — expected '- {{name: Siv Ås, "
          "for: …}'",)),
    Case("meeting-kind-without-meeting",
         doc("  - paragraph: Tekst.\n", HEAD.replace("document:\n",
                                                     "document:\n  kind: meeting_notice\n")),
         (f"{DOC}:2: document kind 'meeting_notice' needs 'meeting:' — expected e.g. 'meeting: "
          "{body: Formannskapet, date: 2025-06-19, time: \"09.00\", place: "
          "Formannskapssalen}'",)),
    Case("meeting-in-a-plan",
         doc("  - paragraph: Tekst.\n", HEAD.replace("body:", "  meeting: {body: Formannskapet}\n"
                                                     "body:")),
         (f"{DOC}:4: document meeting: only a meeting notice or minutes has a meeting — "
          "expected 'kind: meeting_notice' or 'kind: meeting_minutes', or remove meeting",)),
    *CASE_WORK,
]

CASES += [
    Case("foreword-heading", doc("  - foreword:\n      text: |\n        Takk.\n\n"
                                 "        ## Bakgrunn\n\n        Tekst.\n"),
         (f"{DOC}:9: a heading in the foreword — a foreword is one unnumbered chapter: write its "
          "text as paragraphs (a **bold** line can stand as a subheading)",)),
    Case("program-end-before-start",
         invitation("", "  - program:\n      - {time: '18.15', end: '18.00', title: Velkommen}\n"),
         (f"{DOC}:7: program item time ends at 18.00, not after it starts at 18.15 — expected "
          "an end after the start, e.g. '18.15–19.15'",)),
    Case("program-span-backwards",
         invitation("", "  - program:\n      - {time: '19.00–18.45', title: Velkommen}\n"),
         (f"{DOC}:7: program item time ends at 18.45, not after it starts at 19.00 — expected "
          "an end after the start, e.g. '19.00–20.00'",)),
    Case("program-time-impossible",
         invitation("", "  - program:\n      - {time: '25.00', title: Velkommen}\n"),
         (f"{DOC}:7: program item time '25.00' is not a time of day — expected hours 0–23 and "
          "minutes 00–59, e.g. '18.00'",)),
    Case("program-time-words",
         invitation("", "  - program:\n      - {time: kveld, title: Velkommen}\n"),
         (f"{DOC}:7: program item time 'kveld' is not a time — expected hours and minutes, "
          "e.g. '18.00' or '18.00–21.00'",)),
    Case("meeting-no-date",
         invitation("  meetings:\n    - {date: 2024-03-06, place: Aulaen}\n"
                    "    - {time: '18.00', place: Elsfjord}\n"),
         (f"{DOC}:7: meeting has no date — expected 'date: 2024-03-06' (the day of the "
          "meeting, YYYY-MM-DD)",)),
    Case("meeting-time-impossible",
         invitation("  meetings:\n    - {date: 2024-03-06, time: '18.00–25.00'}\n"),
         (f"{DOC}:6: meeting time end '25.00' is not a time of day — expected hours 0–23 and "
          "minutes 00–59, e.g. '18.00'",)),
    Case("meetings-and-place",
         invitation("  place: Aulaen\n  meetings:\n    - {date: 2024-03-06}\n"),
         (f"{DOC}:5: document place and meetings both given — expected the place of each "
          "meeting under 'meetings:'",)),
    Case("registration-after-meeting",
         invitation("  meetings:\n    - {date: 2024-03-06}\n    - {date: 2024-03-13}\n"
                    "  registration: {deadline: 2024-03-08}\n"),
         (f"{DOC}:8: registration deadline 2024-03-08 is after the first meeting on "
          "2024-03-06 — expected a day before the meeting",)),
    Case("registration-empty", invitation("  registration: {}\n"),
         (f"{DOC}:5: registration says nothing — expected 'deadline: 2024-03-01' and where to "
          "register ('url: https://…' or 'email: …')",)),
    Case("program-end-without-time",
         invitation("", "  - program:\n      - part: Del 1\n        items:\n"
                    "          - {title: Innledning, end: '18.30'}\n"),
         (f"{DOC}:9: program item has an end but no time — expected 'time: 18.00' before "
          "'end:'",)),
    Case("registration-bad-email",
         invitation("  registration: {email: post.testvik.no}\n"),
         (f"{DOC}:5: registration email 'post.testvik.no' is not an e-mail address — expected "
          "e.g. 'postmottak@vefsn.kommune.no'",)),
    Case("contact-bad-phone",
         invitation("  contact: {name: Kari, phone: ring sentralbordet}\n"),
         (f"{DOC}:5: contact phone 'ring sentralbordet' is not a phone number — expected "
          "digits, e.g. '75 10 10 00' or '+47 75 10 10 00'",)),
    Case("venue-map-no-alt", {**invitation("  venue: {file: kart.png}\n"),
                              "content/kart.png": PNG},
         (f"{DOC}:5: venue file has no alt text — expected 'alt: …' saying what the map or "
          "picture shows",)),
    Case("meetings-not-invitation", doc("  - paragraph: Tekst.\n",
                                        HEAD.replace("body:", "  meetings: []\nbody:")),
         (f"{DOC}:4: document meetings belongs to an invitation — expected 'kind: invitation', "
          "or remove it",)),
]

# --- unntatt offentlighet ------------------------------------------------------------------
EXEMPT_DOC = HEAD.replace("body:", "  kind: saksframlegg\n  exempt: offl. § 13, jf. fvl. § 13\n"
                          "body:") + "  - paragraph: Saken gjelder en ansatt.\n"
EXEMPT_REFUSED = (f"{DOC}:5: the document is exempt from public access (offl. § 13, jf. fvl. "
                  "§ 13) and cannot be built for the public — build it without --public, or "
                  "leave it out of the public build")
CASES += [
    Case("exempt-no-basis", doc("  - section: Personalsak\n    exempt: ''\n"),
         (f"{DOC}:6: section exempt has no legal basis — expected the law that allows it, e.g. "
          "'exempt: offl. § 13, jf. fvl. § 13'",)),
    Case("exempt-mapping-no-basis",
         doc("  - chapter: Personalsak\n    exempt: {public_title: Sak}\n"),
         (f"{DOC}:6: chapter exempt is missing 'basis' — expected 'basis: …'",)),
    Case("exempt-unknown-key",
         doc("  - section: Personalsak\n    exempt: {basis: offl. § 13, tittel: Sak}\n"),
         (f"{DOC}:6: unknown key 'tittel' in section exempt — expected one of: basis, "
          "public_title",)),
    Case("exempt-public-title-on-paragraph",
         doc("  - paragraph: Saken gjelder en ansatt.\n"
             "    exempt: {basis: offl. § 13, public_title: Sak}\n"),
         (f"{DOC}:6: paragraph exempt: public_title on a paragraph, which has no title — "
          "remove public_title (a public build prints the marking in the paragraph's place), "
          "or make it an exempt section with a title",)),
    Case("exempt-on-a-table",
         doc("  - table: {columns: [A], rows: [[x]]}\n    exempt: offl. § 13\n"),
         (f"{DOC}:6: 'exempt' on a table — an exemption stands beside a chapter, section, "
          "subsection or paragraph, or on an attachment or list item (put the table in an "
          "exempt section)",)),
    Case("exempt-attachment-no-basis",
         doc("  - attachments:\n      - {text: Legeerklæring, exempt: {public_title: ''}}\n"),
         (f"{DOC}:6: attachment exempt is missing 'basis' — expected 'basis: …'",)),
    Case("exempt-audience-public",
         {DOC: HEAD.replace("body:", "  audience: public\n  exempt: offl. § 13\nbody:")
          + "  - paragraph: Tekst.\n"},
         (f"{DOC}:4: document audience 'public' but the document is exempt from public "
          "access ('exempt:') — remove one of them",)),
    Case("exempt-audience-unknown",
         {DOC: HEAD.replace("body:", "  audience: offentlig\nbody:") + "  - paragraph: T.\n"},
         (f"{DOC}:4: document audience 'offentlig' is not known — expected one of: internal, "
          "public",)),
    Case("exempt-document-public-build", {DOC: EXEMPT_DOC}, (EXEMPT_REFUSED,),
         command=(*BUILD, "--public")),
    Case("exempt-document-public-check", {DOC: EXEMPT_DOC}, (EXEMPT_REFUSED,),
         command=(*CHECK, "--public")),
]

CASES += [
    Case("meta-municipality-too-long",
         {DOC: HEAD.replace("Testvik kommune", "Testvik " * 30 + "kommune") + "  - paragraph: x\n"},
         (f"{DOC}:3: document municipality has 247 characters — expected at most 200 (it stands "
          "on the cover or letterhead and in every page's header)",)),
]
