"""Writers: the document model → output files (DOCX, PDF)."""
