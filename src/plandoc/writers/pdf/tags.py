"""Tagged PDF: marked content while reportlab draws, the structure tree with pikepdf afterwards.

Every flowable carries its structure role (flowables.role).  While a page is drawn, ONE place
emits marked content: `Tagger.place` puts a flowable's drawing inside `/<Role> <</MCID n>> BDC …
EMC` and records (page, n) on the flowable's structure node; `Tagger.artifact` wraps page
furniture (running lines, watermark, bands, line numbers, table backgrounds and rules) in
`/Artifact BMC … EMC`.  Frames place their flowables through `TaggedFrame`; a table's cells go
through its render callback (`CellTagger`, installed on every table by grid.py).  A flowable split
across pages keeps one node: its parts share the key the template gives them
(`inherit`), so a paragraph or table split over two pages is one element with two parts.

After the build, `write_tree` turns the recorded nodes into /StructTreeRoot, /ParentTree,
/StructParents, link OBJRs, /MarkInfo, /Lang and /Tabs /S (ONE place builds the tree).
Setting PLANDOC_UNTAGGED=1 in the environment builds without tags; it exists only to measure
what tagging costs.
"""

from __future__ import annotations

import os

from reportlab.platypus import Frame, Paragraph, Table
from reportlab.platypus.flowables import _Container, _ContainerSpace

CONTENT_TAGS = {"LI": "LBody"}          # the element a role's marked content is in
CONTAINERS = ("TOC",)                   # roles drawn as tables whose rows are tagged
CELL_ROLES = ("TH", "TD")


def enabled() -> bool:
    """Whether PDFs are tagged (always, unless measuring the cost with PLANDOC_UNTAGGED=1)."""
    return not os.environ.get("PLANDOC_UNTAGGED")


class Node:
    """A structure element: its tag, /Alt, attributes and kids (Nodes, ('mc', page, mcid) marked
    content, ('annot', page, index) link annotations)."""

    def __init__(self, tag: str, parent: Node | None = None, alt: str | None = None,
                 attrs: dict | None = None):
        self.tag, self.alt, self.attrs, self.kids = tag, alt, attrs or {}, []
        self.parent = parent
        if parent is not None:
            parent.kids.append(self)


def inherit(whole, parts: list) -> None:
    """Split parts of `whole` keep its role and its structure node (one element over pages)."""
    key = whole.__dict__.setdefault("pdf_key", object())
    for part in parts:
        if part is whole:
            continue
        part.__dict__.setdefault("pdf_role", getattr(whole, "pdf_role", None))
        part.__dict__.setdefault("pdf_info", getattr(whole, "pdf_info", {}))
        part.pdf_key = key


def role_of(flowable) -> str:
    """The flowable's structure role; an unmarked paragraph is a P, anything else an Artifact."""
    name = getattr(flowable, "pdf_role", None)
    if name:
        return name
    return "P" if isinstance(flowable, Paragraph) else "Artifact"


class Tagger:
    """The structure recorded during one reportlab pass (multiBuild makes a new one per pass)."""

    def __init__(self):
        self.root = Node("Document")
        self.parents = [self.root]      # where new elements go: the document, or a table cell
        self.nodes: dict[int, tuple] = {}   # id(key) → (key, node)
        self.mcids: dict[int, int] = {}     # page index → next free MCID
        self.lists: list[tuple] = []    # open lists: (parent, depth, L, LBody of last item)
        self.depth = 0                  # open marked-content sequences (never nested)
        self.heading = 0                # the level of the last heading
        self.sequence = None            # the open sequence of `place`: tag, page, its MCIDs
        self.opened: list[bool] = []    # per open_*: whether it wrote a BDC/BMC
        self.cells: set = set()         # (id(row), column) of the table cells drawn
        self.titles: dict[tuple, str] = {}  # (page, y) of a heading → its text (link /Contents)

    # --- marked content: the one place that writes BDC/EMC into the page -----------------

    def place(self, canv, flowable, draw) -> bool:
        """Draw `flowable` (draw() → whether it was placed) as marked content of its node."""
        if isinstance(flowable, _Container):       # a frame in the flow (KeepInFrame): its
            for part in flowable._content:          # flowables are tagged as they are drawn
                _hook(part)
            return draw()
        name = role_of(flowable)
        if name == "Artifact":
            return self.artifact(canv, draw)
        if isinstance(flowable, Table) or name in CONTAINERS or self.depth:
            return draw()               # a table tags its cells; nested content is its outer's
        page, mark = canv.getPageNumber() - 1, len(canv._code)
        annots, mcid = len(canv._annotationrefs), self.mcids.get(page, 0)
        # a chart slot draws nothing: it hands its MCID to the chart laid in after the build
        literal = not getattr(flowable, "pdf_info", {}).get("deferred")
        labelled = name == "LI" and bool(getattr(flowable, "bulletText", None))
        self.mcids[page], flowable.pdf_mcid = mcid + 1, mcid
        tag = "Lbl" if labelled else CONTENT_TAGS.get(name, name)
        if literal:
            canv.addLiteral(f"/{tag} <</MCID {mcid}>> BDC")
            self.sequence = (CONTENT_TAGS.get(name, name), page, [mcid])
        self.depth += 1
        try:
            placed = draw()
        finally:
            self.depth -= 1
            sequence, self.sequence = self.sequence, None
        mcids = sequence[2] if sequence else [mcid]
        if not placed:                  # it did not fit: nothing was drawn, nothing recorded
            del canv._code[mark:]
            self.mcids[page] = mcid
            return placed
        if literal:
            canv.addLiteral("EMC")
        node = self.node(flowable, name)
        body = self._label(canv, mark, page, node) if labelled else None
        content = [("mc", page, body)] if body is not None else [("mc", page, m) for m in mcids]
        links = [("annot", page, n) for n in range(annots, len(canv._annotationrefs))]
        if node.tag == "TOCI" and links:    # a contents entry is its link: text and annotation
            Node("Link", node).kids += content + links
            return placed
        node.kids += content
        for link in links:
            Node("Link", node).kids.append(link)
        return placed

    def _label(self, canv, mark: int, page: int, body: Node) -> int | None:
        """A list item's label, drawn first as a text object of its own (reportlab draws a
        paragraph's bullet so), ends its Lbl sequence; the rest is the LBody's.  Returns the
        LBody's MCID, or None (no label found: all of it is the LBody's)."""
        code = canv._code
        at = next((n for n in range(mark + 1, len(code)) if code[n].lstrip().startswith("BT")),
                  None)
        if at is None:
            code[mark] = code[mark].replace("/Lbl ", "/LBody ", 1)
            return None
        label, mcid = Node("Lbl"), self.mcids[page]
        self.mcids[page] = mcid + 1
        code.insert(at + 1, f"EMC /LBody <</MCID {mcid}>> BDC")
        label.parent, label.kids = body.parent, [("mc", page, mcid - 1)]
        body.parent.kids.insert(body.parent.kids.index(body), label)
        return mcid

    def interrupt(self, canv, draw) -> None:
        """Draw an artifact in the middle of the open sequence (the contents' leader dots and
        page number, drawn inside its entry): the sequence ends, the artifact is drawn, and the
        sequence goes on under a new MCID of the same element."""
        tag, page, mcids = self.sequence
        canv.addLiteral("EMC /Artifact BMC")
        draw()
        mcid = self.mcids[page]
        self.mcids[page] = mcid + 1
        mcids.append(mcid)
        canv.addLiteral(f"EMC /{tag} <</MCID {mcid}>> BDC")

    def artifact(self, canv, draw, kind: str = ""):
        """Draw page furniture (`kind`: Pagination, Watermark or '') as an /Artifact."""
        if self.depth:
            return draw()
        props = {"Pagination": "/Pagination",
                 "Watermark": "/Pagination /Subtype /Watermark"}.get(kind)
        canv.addLiteral(f"/Artifact <</Type {props}>> BDC" if props else "/Artifact BMC")
        self.depth += 1
        try:
            return draw()
        finally:
            self.depth -= 1
            canv.addLiteral("EMC")

    def open_artifact(self, canv) -> None:
        """Begin an artifact that reportlab draws itself (a table's background or rules)."""
        self._open(canv, "/Artifact BMC")

    def open_content(self, canv, node: Node) -> None:
        """Begin marked content of `node` drawn by reportlab itself (a table's text cell)."""
        page = canv.getPageNumber() - 1
        mcid = self.mcids.get(page, 0)
        if self._open(canv, f"/{node.tag} <</MCID {mcid}>> BDC"):
            self.mcids[page] = mcid + 1
            node.kids.append(("mc", page, mcid))

    def _open(self, canv, operator: str) -> bool:
        """Open a sequence unless one is open already (marked content never nests here)."""
        self.opened.append(not self.depth)
        if self.depth:
            return False
        canv.addLiteral(operator)
        self.depth += 1
        return True

    def close(self, canv) -> None:
        """End what the matching open_artifact or open_content began."""
        if self.opened.pop():
            self.depth -= 1
            canv.addLiteral("EMC")

    def done(self) -> None:
        """The pass is over: forget what only drawing needed.  The keys of `nodes` keep every
        table row (and its cells' paragraphs) alive; the tree (`root`) and `titles` stay."""
        self.nodes, self.cells, self.lists, self.parents = {}, set(), [], [self.root]

    # --- structure nodes -------------------------------------------------------------------

    def title_at(self, page: int, y: float) -> str | None:
        """The text of the heading a link to (page, y) goes to, if one is there."""
        near = [(abs(y - at), text) for (on, at), text in self.titles.items() if on == page]
        return min(near)[1] if near and min(near)[0] < 1 else None

    def node(self, flowable, name: str) -> Node:
        """The flowable's element (shared by its split parts), made on its first drawing."""
        key = flowable.__dict__.setdefault("pdf_key", object())   # not the flowable: kept alive
        if id(key) in self.nodes:
            return self.nodes[id(key)][1]
        info, parent = getattr(flowable, "pdf_info", {}), self.parents[-1]
        if (name in CELL_ROLES and parent.tag in CELL_ROLES) or parent.tag == "TOCI":
            node = parent               # a cell's paragraph is the cell's content
        elif name == "LI":
            node = self._list_item(parent, info)
        elif name[:1] == "H" and name[1:].isdigit():   # as the outline: never skip a level
            self.heading = min(int(name[1:]), self.heading + 1)
            node = Node(f"H{self.heading}", parent)
        else:
            self.lists = [entry for entry in self.lists if entry[0] is not parent]
            node = Node(name, parent, alt=info.get("alt"))
        self.nodes[id(key)] = (key, node)
        return node

    def _list_item(self, parent: Node, info: dict) -> Node:
        """L > LI > LBody for a list paragraph; a deeper list sits in its item's LBody."""
        depth, first = info.get("depth", 0), info.get("first", False)
        open_ = [e for e in self.lists if e[0] is parent and (e[1] < depth or
                                                              (e[1] == depth and not first))]
        same = [e for e in open_ if e[1] == depth]
        outer = [e for e in open_ if e[1] < depth]
        lst = same[-1][2] if same else Node("L", outer[-1][3] if outer else parent)
        body = Node("LBody", Node("LI", lst))
        self.lists = [e for e in self.lists if e[0] is not parent] + outer + \
            [(parent, depth, lst, body)]
        return body

    def table_node(self, key, tbl) -> Node:
        """A table's element, shared by the parts of a table split over pages and by the
        tables of one group (a program drawn as several tables: `pdf_info['group']`)."""
        info = getattr(tbl, "pdf_info", {})
        group = info.get("group")
        if id(key) not in self.nodes and group is not None and id(group) in self.nodes:
            self.nodes[id(key)] = (key, self.nodes[id(group)][1])
        if id(key) not in self.nodes:
            name = role_of(tbl)
            if name not in CONTAINERS:
                name = "Table" if name == "Table" and not info.get("layout") else "Div"
            self.nodes[id(key)] = (key, Node(name, self.parents[-1]))
            if group is not None:
                self.nodes[id(group)] = (group, self.nodes[id(key)][1])
        return self.nodes[id(key)][1]


class TaggedFrame(Frame):
    """A frame that places each flowable through the canvas's tagger."""

    def _add(self, flowable, canv, trySplit=0):
        tagger = getattr(canv, "tagger", None)
        if tagger is None:
            return super()._add(flowable, canv, trySplit)
        return tagger.place(canv, flowable, lambda: super(TaggedFrame, self)._add(
            flowable, canv, trySplit))

    add = _add

    def split(self, flowable, canv):
        parts = super().split(flowable, canv)
        if not isinstance(flowable, _ContainerSpace):   # a group's parts are its own flowables
            inherit(flowable, parts)
        return parts


def furniture(draw, kind: str = ""):
    """A page hook (canv, doc) whose drawing is an artifact."""
    def hook(canv, doc):
        tagger = getattr(canv, "tagger", None)
        if tagger is None:
            return draw(canv, doc)
        return tagger.artifact(canv, lambda: draw(canv, doc), kind)
    return hook


def place(canv, flowable, draw) -> None:
    """Draw a flowable outside a frame (a footnote) as marked content of its role."""
    tagger = getattr(canv, "tagger", None)
    if tagger is None:
        draw()
    else:
        tagger.place(canv, flowable, lambda: draw() or True)


def aside(draw):
    """A paragraph's onDraw callback (canv, kind, label) whose drawing is an artifact inside
    the paragraph's marked content (the contents' leader dots and page number)."""
    def callback(canv, kind, label):
        tagger = getattr(canv, "tagger", None)
        if tagger is None or tagger.sequence is None:
            return draw(canv, kind, label)
        return tagger.interrupt(canv, lambda: draw(canv, kind, label))
    return callback


def artifact_bytes(ops: bytes) -> bytes:
    """Content operators added after the build (crop marks) as an artifact."""
    return b"/Artifact BMC\n" + ops + b"EMC\n"


def marked_bytes(tag: str, mcid: int | None, ops: bytes) -> bytes:
    """Content operators added after the build (a chart) as the marked content `mcid`."""
    if mcid is None:
        return ops
    return f"/{tag} <</MCID {mcid}>> BDC\n".encode() + ops + b"EMC\n"


class CellTagger:
    """A table's render callback: backgrounds and rules are artifacts; a data table's rows are
    TR in THead (header rows) or TBody, with TH (a row of header cells, /Scope /Column; a header cell in a row of data cells,
    /Scope /Row) or TD cells; a layout table's cells pass
    their flowables' own roles through.  reportlab hands the callback on to a split table's
    parts, and they share their row lists, so a table over pages is one element, and a header
    row drawn again on the next page is an artifact."""

    def __init__(self):
        self.open: list[str] = []       # per cell: 'artifact', 'content' or 'node'

    def __call__(self, tbl, event, *args):
        tagger = getattr(tbl.canv, "tagger", None)
        if tagger is None:
            return
        if event == "startTable":
            tagger.parents.append(tagger.table_node(self, tbl))
        elif event == "endTable":
            tagger.parents.pop()
        elif event in ("startBG", "startLines"):
            tagger.open_artifact(tbl.canv)
        elif event in ("endBG", "endLines"):
            tagger.close(tbl.canv)
        elif event == "startCell":
            self._start(tagger, tbl, *args[:3])
        elif event == "endCell":
            self._end(tagger, tbl.canv)

    def _start(self, tagger: Tagger, tbl, r: int, c: int, value) -> None:
        row, canv = tbl._cellvalues[r], tbl.canv
        table, key = tagger.parents[-1], (id(row), c)
        if key in tagger.cells or tagger.depth:
            self.open.append("artifact")       # a repeated header row, or inside a sequence
            tagger.open_artifact(canv)
            return
        tagger.cells.add(key)
        node = table
        if table.tag == "TOC":          # a contents row is an entry (its Spacer rows are not)
            entry = any(isinstance(v, Paragraph) for v in
                        (value if isinstance(value, (list, tuple)) else [value]))
            node = Node("TOCI", table) if entry else table
        elif table.tag == "Table":
            head = _header(row) or _header([value])
            attrs = {"Scope": "Column" if _header(row) else "Row"} if head else {}
            x0, y0, x1, y1 = (getattr(tbl, "_spanRanges", None) or {}).get((c, r)) or (c, r, c, r)
            if x1 > x0:
                attrs["ColSpan"] = x1 - x0 + 1
            if y1 > y0:
                attrs["RowSpan"] = y1 - y0 + 1
            node = Node("TH" if head else "TD", self._row(tagger, table, row), attrs=attrs)
        tagger.parents.append(node)
        flowables = value if isinstance(value, (list, tuple)) else [value]
        if all(isinstance(v, str) for v in flowables):
            text = "".join(flowables).strip()
            if not text:
                self.open.append("artifact-node")
                tagger.open_artifact(canv)
                return
            tagger.open_content(canv, node if node is not table else Node("P", table))
            self.open.append("content")
            return
        for v in flowables:
            if not isinstance(v, str):
                _hook(v)
        self.open.append("node")

    def _row(self, tagger: Tagger, table: Node, row) -> Node:
        """A row's TR, made on its first cell: in the table's THead (header rows before any
        other), else its TBody (a header row further down, as the SWOT's second pair of
        titles, stays there in reading order)."""
        if id(row) not in tagger.nodes:
            parts = table.__dict__.setdefault("parts", {})
            part = "THead" if _header(row) and "TBody" not in parts else "TBody"
            if part not in parts:
                parts[part] = Node(part, table)
            tagger.nodes[id(row)] = (row, Node("TR", parts[part]))
        return tagger.nodes[id(row)][1]

    def _end(self, tagger: Tagger, canv) -> None:
        state = self.open.pop()
        if state != "node":
            tagger.close(canv)
        if state != "artifact":
            tagger.parents.pop()


def _header(row) -> bool:
    """Whether a table row (or one cell: [value]) is a header: all its cells' paragraphs are
    marked TH.  A TH cell in a row of TD cells heads its row (a program's time)."""
    cells = [v for value in row for v in (value if isinstance(value, (list, tuple)) else [value])
             if not isinstance(v, str)]
    return bool(cells) and all(role_of(v) == "TH" for v in cells)


def _hook(flowable) -> None:
    """Make a cell's flowable draw through the tagger (reportlab draws cells itself)."""
    if "drawOn" in flowable.__dict__:
        return
    draw_on = flowable.drawOn

    def tagged_draw_on(canv, *args, **kw):
        place(canv, flowable, lambda: draw_on(canv, *args, **kw))
    flowable.drawOn = tagged_draw_on


# --- the structure tree, written once after the build ----------------------------------------


def write_tree(pdf, tagger: Tagger, lang: str, link_text) -> None:
    """StructTreeRoot, ParentTree and the catalog and page entries a tagged PDF needs.

    `link_text(annotation)` gives a link's /Contents when it has none."""
    import pikepdf

    tree = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    writer = _TreeWriter(pdf, link_text)
    tree.K = writer.element(tagger.root, tree)
    nums = []                   # a Python list made an Array once: extending one is slow
    for index, page in enumerate(writer.pages):
        page.StructParents = index
        page.Tabs = pikepdf.Name.S
        marked = writer.marked.get(index, {})
        missing = sorted(set(range(len(marked))) ^ set(marked))
        if missing:
            raise RuntimeError(f"page {index + 1}: marked content {missing} has no element")
        nums += [index, pdf.make_indirect(pikepdf.Array(
            [marked[n] for n in range(len(marked))]))]
    for key, elem in enumerate(writer.annots, start=len(writer.pages)):
        nums += [key, elem]
    tree.ParentTree = pdf.make_indirect(pikepdf.Dictionary(Nums=pikepdf.Array(nums)))
    tree.ParentTreeNextKey = len(writer.pages) + len(writer.annots)
    pdf.Root.StructTreeRoot = tree
    pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    pdf.Root.Lang = pikepdf.String(lang)
    prefs = pdf.Root.get("/ViewerPreferences", pikepdf.Dictionary())
    prefs.DisplayDocTitle = True
    pdf.Root.ViewerPreferences = prefs


class _TreeWriter:
    """Recorded Nodes → StructElem dictionaries; collects the ParentTree's entries."""

    def __init__(self, pdf, link_text):
        import pikepdf
        self.pdf, self.link_text = pdf, link_text
        self.marked: dict[int, dict[int, object]] = {}   # page → {mcid: element}
        self.annots: list = []                            # elements of annotations, in order
        self.notes = 0
        self.pages = [page.obj for page in pdf.pages]     # looked up once, not per element
        self.tags: dict[str, object] = {}                 # tag → its PDF name
        self.struct_elem = pikepdf.Name.StructElem

    def element(self, node: Node, parent):
        """The StructElem of `node` (an empty indirect object filled with one update: a
        dictionary made indirect whole is copied, ~40 % more per element)."""
        import pikepdf
        tag = self.tags.get(node.tag) or self.tags.setdefault(node.tag,
                                                              pikepdf.Name("/" + node.tag))
        page = _first_page(node)
        elem = self.pdf.make_indirect(pikepdf.Dictionary())
        fields = {"/Type": self.struct_elem, "/S": tag, "/P": parent}
        if page is not None:
            fields["/Pg"] = self.pages[page]
        if node.alt:
            fields["/Alt"] = pikepdf.String(node.alt)
        if node.attrs:
            fields["/A"] = pikepdf.Dictionary({"/O": pikepdf.Name.Table, **{
                "/" + k: pikepdf.Name("/" + v) if isinstance(v, str) else v
                for k, v in node.attrs.items()}})
        if node.tag == "Note":              # PDF/UA: every note has an ID of its own
            self.notes += 1
            fields["/ID"] = pikepdf.String(f"note-{self.notes}")
        kids = [self._kid(kid, elem, page) for kid in node.kids]
        fields["/K"] = pikepdf.Array(kids)
        if node.tag == "Link" and all(kid[0] == "annot" for kid in node.kids):
            # a link in running text: its words stay in the paragraph's one marked-content
            # sequence (reportlab draws a paragraph as one text object, which a sequence may
            # not straddle), so the element is described by its annotation's /Contents
            fields["/Alt"] = kids[0].Obj.Contents
        elem.update(fields)
        return elem

    def _kid(self, kid, elem, page):
        import pikepdf
        if isinstance(kid, Node):
            return self.element(kid, elem)
        if kid[0] == "annot":
            return self._annotation(kid[1], kid[2], elem)
        _, on, mcid = kid
        self.marked.setdefault(on, {})[mcid] = elem
        if on == page:
            return mcid
        return pikepdf.Dictionary(Type=pikepdf.Name.MCR, Pg=self.pages[on], MCID=mcid)

    def _annotation(self, page: int, index: int, elem):
        import pikepdf
        annot = self.pages[page].Annots[index]
        annot.StructParent = len(self.pages) + len(self.annots)
        self.annots.append(elem)
        if not str(annot.get("/Contents", "")).strip():
            annot.Contents = pikepdf.String(self.link_text(annot))
        return pikepdf.Dictionary(Type=pikepdf.Name.OBJR, Obj=annot, Pg=self.pages[page])


def _first_page(node: Node) -> int | None:
    for kid in node.kids:
        page = _first_page(kid) if isinstance(kid, Node) else kid[1]
        if page is not None:
            return page
    return None
