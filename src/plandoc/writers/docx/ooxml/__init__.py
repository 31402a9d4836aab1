"""The raw-XML layer of the DOCX writer: the only modules that build WordprocessingML by hand or
reach into python-docx's internals.

Every helper takes python-docx objects (Document, Paragraph, Table, _Row, _Cell, Section,
InlineShape, header) and plain values ('#RRGGBB', millimetres, points); the rest of the writer
uses python-docx's API and these helpers.

    base         elements, units and schema order
    paragraphs   rules, list membership, hidden marks, line-number exemption
    tables       fixed widths, shading, borders, padding, rows that keep / repeat
    tablestyles  'Plan Table' and 'Layout Table'
    styles       paragraph and character styles, document defaults
    numbering    list definitions (multilevel too) and list instances
    fields       complex fields (PAGE, NUMPAGES, TOC, SEQ, REF)
    links        bookmarks (around a paragraph or a field) and hyperlinks
    pictures     alternative text
    sections     ending a section, line numbering
    watermark    the VML draft watermark
    settings     refresh fields on open, hyphenation
    package      template body, leftover parts, core dates, app.xml, the style resolver
"""
