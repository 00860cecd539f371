"""Drafts that come back: read an edited DOCX, find its figures again, say what changed."""
