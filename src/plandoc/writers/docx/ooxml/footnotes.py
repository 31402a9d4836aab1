"""Word footnotes: the word/footnotes.xml part and a w:footnoteReference run in the text.

The part holds Word's two separators (ids -1 and 0, as Word writes them) and one w:footnote per
note, its paragraph in the 'footnote text' style opening with a w:footnoteRef mark (Word shows
the note's number there).  A Word template's own footnotes part is taken over (its notes are
dropped with the template's body).
"""

from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

from plandoc.writers.docx.ooxml.base import element

EMPTY = (f'<w:footnotes {nsdecls("w", "r")}>'
         '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
         'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
         '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing '
         'w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/>'
         '</w:r></w:p></w:footnote></w:footnotes>')


class _Holder:
    """What python-docx's Paragraph asks of its parent: the part (for link relationships)."""

    def __init__(self, part):
        self.part = part


def _part(main) -> XmlPart:
    """The footnotes part of the main document part `main`, made (or taken over from a
    template) on first use."""
    for rel in main.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            if isinstance(rel.target_part, XmlPart):
                return rel.target_part
            part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(EMPTY),
                           main.package)
            rel._target = part
            return part
    part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(EMPTY),
                   main.package)
    main.relate_to(part, RT.FOOTNOTES)
    return part


def add_footnote(paragraph, style: str = "FootnoteText",
                 mark: str = "FootnoteReference"):
    """A new footnote referred to at the end of `paragraph`; returns the note's paragraph (a
    python-docx Paragraph in the footnotes part, ready for runs and links)."""
    part = _part(paragraph.part)
    root = part.element
    note_id = max([0, *(int(n.get(qn("w:id"))) for n in root.findall(qn("w:footnote")))]) + 1
    paragraph._p.append(_marked_run(mark, element("w:footnoteReference", id=note_id)))
    note = element("w:footnote", id=note_id)
    p = element("w:p")
    ppr = element("w:pPr")
    ppr.append(element("w:pStyle", val=style))
    p.append(ppr)
    p.append(_marked_run(mark, element("w:footnoteRef")))
    note.append(p)
    root.append(note)
    para = Paragraph(p, _Holder(part))
    para.add_run(" ")
    return para


def _marked_run(mark: str, content):
    """A run in character style `mark` holding `content`."""
    run, rpr = element("w:r"), element("w:rPr")
    rpr.append(element("w:rStyle", val=mark))
    run.append(rpr)
    run.append(content)
    return run
