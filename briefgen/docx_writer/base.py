"""The blank styled document every draft starts from, built once per process and copied per draft.

Opening python-docx's template and setting the page and styles costs about 7 ms a draft;
a deep copy of the finished blank costs about 2 ms. The blank comes from python-docx's own
template and this package's constants only (no user file, nothing read from a cache), and a
draft only ever changes its copy, so every draft starts from the same bytes.
"""

from __future__ import annotations

import copy
import threading

import docx

from briefgen.docx_writer.styles import set_page, set_styles

_blank = None
_lock = threading.Lock()   # the server builds drafts in several threads
BLANK_STYLE_IDS: dict = {}  # the blank's style ids by (name, is a table style), as writers look them up


def build_blank():
    """Return a new python-docx Document: the default template with the decree's page and styles."""
    document = docx.Document()
    set_page(document)
    set_styles(document)
    return document


def new_document():
    """Return a fresh copy of the blank styled document (``build_blank``), the blank built on first use."""
    global _blank
    with _lock:
        if _blank is None:
            _blank = build_blank()
        return copy.deepcopy(_blank)
