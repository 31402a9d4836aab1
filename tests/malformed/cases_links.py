"""Links the outputs may not carry (only http, https, mailto, tel and '#heading' may), and '#'
links to headings that do not exist."""

from tests.malformed.harness import Case, doc

ALLOWED = ("links may be http://, https://, mailto: or tel: addresses, or '#' and the anchor of "
           "a heading in this document")


def bad(case_id: str, written: str, shown: str | None = None) -> Case:
    """A paragraph linking to `written`; the message shows it as `shown`."""
    return Case(f"link-{case_id}", doc(f"  - paragraph: \"se [her]({written})\"\n"),
                (f"content/doc.yaml:5: link '{shown or written}' is not allowed — {ALLOWED}",))


def no_heading(href: str, hint: str) -> str:
    return f"link '{href}' goes to no heading in this document — {hint}"


TWO = "headings are linked as '#h1' (the first) to '#h2' (the last), in the order they stand"

CASES = [
    bad("pdf-scheme", "pdf:vedlegg.pdf"),
    bad("file-scheme", "file:///etc/passwd"),
    bad("file-scheme-upper", "FILE:///C:/Windows/win.ini"),
    bad("smb", "smb://server/share/plan.docx"),
    bad("javascript", "javascript:alert(1)"),
    bad("javascript-mixed-case", "JavaScript:alert(1)"),
    bad("vbscript", "vbscript:msgbox(1)"),
    bad("data", "data:text/html;base64,PGI+aGVpPC9iPg=="),
    bad("unc-path", "\\\\\\\\server\\\\share", "\\server\\share"),
    bad("relative-file", "vedlegg/plan.docx"),
    bad("protocol-relative", "//server/share"),
    bad("ftp", "ftp://example.no/plan.pdf"),
    bad("http-without-host", "http:/etc/passwd"),
    bad("empty-mailto", "mailto:"),
    Case("link-in-chapter-title", doc("  - chapter: \"[Kap](smb://s/x)\"\n"),
         (f"content/doc.yaml:5: link 'smb://s/x' is not allowed — {ALLOWED}",)),
    Case("link-in-yaml-list", doc("  - list:\n      - ok\n      - \"[x](file:///x)\"\n"),
         (f"content/doc.yaml:7: link 'file:///x' is not allowed — {ALLOWED}",)),
    Case("link-in-text-block", doc("  - text: |\n      Først.\n\n      Så [x](pdf:y).\n"),
         (f"content/doc.yaml:8: link 'pdf:y' is not allowed — {ALLOWED}",)),
    Case("link-in-markdown-list", doc("  - text: |\n      - a\n        - [b](smb://b)\n"),
         (f"content/doc.yaml:7: link 'smb://b' is not allowed — {ALLOWED}",)),
    Case("link-in-included-file",
         {**doc("  - include: del.md\n"), "content/del.md": "# Del\n\nTekst [x](file:///x).\n"},
         (f"content/del.md:3: link 'file:///x' is not allowed — {ALLOWED}",)),
    Case("link-in-included-heading",
         {**doc("  - include: del.md\n"), "content/del.md": "Tekst.\n\n## [Del](pdf:x)\n"},
         (f"content/del.md:3: link 'pdf:x' is not allowed — {ALLOWED}",)),
    Case("link-in-callout", doc("  - callout: {title: Merk, text: \"[x](smb://x)\"}\n"),
         (f"content/doc.yaml:5: link 'smb://x' is not allowed — {ALLOWED}",)),
    Case("link-autolink", doc("  - paragraph: \"<smb://s/x> og [ok](https://ok.no)\"\n"),
         (f"content/doc.yaml:5: link 'smb://s/x' is not allowed — {ALLOWED}",)),
    Case("link-two-in-one-paragraph", doc("  - paragraph: \"[a](pdf:a) og [b](file:///b)\"\n"),
         (f"content/doc.yaml:5: link 'pdf:a' is not allowed — {ALLOWED}",
          f"content/doc.yaml:5: link 'file:///b' is not allowed — {ALLOWED}")),
    Case("link-in-csv-cell",
         {**doc("  - table: {csv: t.csv}\n"), "content/t.csv": "A,B\n\"[x](smb://s/x)\",2\n"},
         (f"content/t.csv:2: link 'smb://s/x' is not allowed — {ALLOWED}",)),
    # --- anchors ------------------------------------------------------------------------------
    Case("link-anchor-no-headings", doc("  - paragraph: \"[x](#h1)\"\n"),
         ("content/doc.yaml:5: " + no_heading("#h1", "this document has no headings to link "
                                              "to"),)),
    Case("link-anchor-only-heading", doc("  - chapter: En\n  - paragraph: \"[x](#h2)\"\n"),
         ("content/doc.yaml:6: " + no_heading("#h2", "its only heading is linked as '#h1'"),)),
    Case("link-anchor-missing",
         doc("  - chapter: En\n  - section: To\n  - paragraph: \"[x](#h7)\"\n"),
         ("content/doc.yaml:7: " + no_heading("#h7", TWO),)),
    Case("link-anchor-by-title",
         doc("  - chapter: En\n  - section: To\n  - paragraph: \"[x](#en)\"\n"),
         ("content/doc.yaml:7: " + no_heading("#en", TWO),)),
    Case("link-anchor-empty", doc("  - chapter: En\n  - section: To\n  - paragraph: \"[x](#)\"\n"),
         ("content/doc.yaml:7: " + no_heading("#", TWO),)),
    Case("link-anchor-in-included-file",
         {**doc("  - chapter: En\n  - include: del.md\n"),
          "content/del.md": "## To\n\n[x](#h3)\n"},
         ("content/del.md:3: " + no_heading("#h3", TWO),)),
]
