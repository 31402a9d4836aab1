"""Readers: content files (YAML, Markdown, CSV) → the validated document model.

`plandoc.reader.content.read_document` is the entry point.
"""
