"""Large parts deflated once and kept by content give the very bytes zipfile writes (docx_writer.package)."""

from __future__ import annotations

import pytest
from docx.shared import Pt

from briefgen.docx_writer import package
from briefgen.docx_writer.base import new_document
from briefgen.docx_writer.package import save_docx


def _reference(document, monkeypatch) -> bytes:
    """Return *document* saved with every part deflated by zipfile itself."""
    with monkeypatch.context() as patch:
        patch.setattr(package, "REUSED_FROM", float("inf"))
        return save_docx(document)


def test_kept_parts_give_zipfiles_own_bytes_first_time_and_after(monkeypatch):
    monkeypatch.setattr(package, "DEFLATED_PARTS", package._DeflatedParts())
    document = new_document()
    document.add_paragraph("Báo cáo")
    first, again = save_docx(document), save_docx(document)
    assert first == again == _reference(document, monkeypatch)
    assert len(package.DEFLATED_PARTS._kept) >= 2       # the two style parts were large enough to keep


def test_a_changed_part_is_deflated_afresh(monkeypatch):
    """Kept by content: a part changed under the same name is not given its old bytes."""
    monkeypatch.setattr(package, "DEFLATED_PARTS", package._DeflatedParts())
    plain, changed = new_document(), new_document()
    changed.styles["Normal"].font.size = Pt(9)
    assert save_docx(plain) == _reference(plain, monkeypatch)
    assert save_docx(changed) == _reference(changed, monkeypatch) != save_docx(plain)


@pytest.mark.parametrize("kept", [1, 3])
def test_only_the_newest_parts_are_kept(monkeypatch, kept):
    monkeypatch.setattr(package, "REUSED_KEPT", kept)
    parts = package._DeflatedParts()
    for size in range(5):
        parts.deflated(bytes(100_000 + size))
    assert len(parts._kept) == kept
