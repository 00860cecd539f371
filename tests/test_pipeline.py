"""The pipeline's contracts: the edition is built once and handed down; templates refer to what exists."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from briefgen.analyze import edition as edition_module
from briefgen.api import build_briefing, prepare_draft

PROJECT = Path(__file__).resolve().parent.parent
EXAMPLE_FORM = PROJECT / "examples" / "bieu-mau-2025-vi-du.xlsx"


@pytest.fixture
def editions_built(monkeypatch) -> list[tuple]:
    """Count every call of ``build_edition``, wherever a module imported it from."""
    original, calls = edition_module.build_edition, []

    def counting(*args, **kwargs):
        calls.append(args[1:3])
        return original(*args, **kwargs)

    for module in [m for name, m in sys.modules.items() if name.startswith("briefgen")]:
        if getattr(module, "build_edition", None) is original:
            monkeypatch.setattr(module, "build_edition", counting)
    return calls


def test_with_forms_the_edition_is_built_once(editions_built, tmp_path, dataset):
    result = build_briefing(2025, "tuyen quang", out_dir=tmp_path, dataset=dataset, data_files=[EXAMPLE_FORM])
    assert result.docx_path.exists() and result.warnings is not None
    assert editions_built == [(2025, "tuyen quang")]


def test_without_forms_the_edition_is_built_once(editions_built, tmp_path, dataset):
    build_briefing(2023, "Quảng Ninh", out_dir=tmp_path, dataset=dataset)
    assert editions_built == [(2023, "Quảng Ninh")]


def _templates_with(tmp_path: Path, line: str) -> Path:
    folder = tmp_path / "templates"
    shutil.copytree(PROJECT / "templates", folder)
    section = folder / "sections" / "04_comparison.j2"
    section.write_text(section.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("reference, message", [
    ("[[chart:retail_histroy]]", "Mẫu văn bản dẫn tới biểu đồ 'retail_histroy' không có"),
    ("[[table:resluts]]", "Mẫu văn bản dẫn tới bảng 'resluts' không có"),
])
def test_an_unknown_chart_or_table_reference_is_an_error(tmp_path, dataset, reference, message):
    from briefgen.errors import TemplateError

    with pytest.raises(TemplateError) as raised:
        prepare_draft(2023, "Quảng Ninh", dataset=dataset, templates_dir=_templates_with(tmp_path, reference))
    assert message in str(raised.value)


def test_format_docx_and_md_writes_both_from_one_built_document(tmp_path):
    from briefgen.cli import main
    from briefgen.output import DOCUMENT_SUFFIXES
    from briefgen.writers import WRITERS

    assert {w.suffix for w in WRITERS.values()} <= set(DOCUMENT_SUFFIXES)
    assert main(["--year", "2023", "--host", "Quảng Ninh", "--out", str(tmp_path), "--format", "docx,md"]) == 0
    folder = tmp_path / "2023-quang-ninh"
    markdown = (folder / "bao-cao-2023-quang-ninh.md").read_text(encoding="utf-8")
    assert (folder / "bao-cao-2023-quang-ninh.docx").is_file()
    assert "](charts/01-retail-history.png)" in markdown and "BÁO CÁO" in markdown
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["docx"] == "bao-cao-2023-quang-ninh.docx" and manifest["md"] == "bao-cao-2023-quang-ninh.md"
    # The next run is version 2 and its Markdown links version 2's charts.
    assert main(["--year", "2023", "--host", "Quảng Ninh", "--out", str(tmp_path), "--format", "md"]) == 0
    second = (folder / "bao-cao-2023-quang-ninh-v2.md").read_text(encoding="utf-8")
    assert "](charts-v2/01-retail-history.png)" in second
    assert not (folder / "bao-cao-2023-quang-ninh-v2.docx").exists()
    second_manifest = json.loads((folder / "manifest-v2.json").read_text(encoding="utf-8"))
    assert second_manifest["docx"] is None and second_manifest["md"] == "bao-cao-2023-quang-ninh-v2.md"


def test_an_unknown_format_is_a_usage_error(tmp_path, capsys):
    from briefgen.cli import main

    with pytest.raises(SystemExit) as raised:
        main(["--year", "2023", "--host", "Quảng Ninh", "--out", str(tmp_path), "--format", "docx,pdf"])
    assert raised.value.code == 2
    assert "định dạng không hỗ trợ 'pdf'; dùng docx, md" in capsys.readouterr().err
    assert not any(tmp_path.iterdir())


def test_data_files_are_told_apart_by_content_not_by_name(tmp_path, dataset):
    from briefgen.sources import ADAPTERS, group_by_kind

    renamed_draft = tmp_path / "du-thao.dat"
    renamed_draft.write_bytes(prepare_draft(2023, "Quảng Ninh", dataset=dataset).docx)
    report = tmp_path / "bao-cao.txt"
    report.write_text("Năm 2024, kim ngạch xuất khẩu của tỉnh đạt 1.234 triệu USD.", encoding="utf-8")
    groups = group_by_kind([EXAMPLE_FORM, renamed_draft, report])
    assert groups == {"form": [EXAMPLE_FORM], "draft": [renamed_draft], "report": [report]}
    assert ADAPTERS[-1].kind == "form"     # the form reader explains whatever nothing else recognised
