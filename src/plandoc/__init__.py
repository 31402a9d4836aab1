"""plandoc: a Norwegian municipality's plan content → branded DOCX and PDF."""

__version__ = "0.1.0"
