"""The one merge step (issue 9): form > edited draft > data/ > report, every conflict a warning naming both."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.domain.dataset import Dataset
from briefgen.domain.figure import Figure
from briefgen.domain.period import Period
from briefgen.sources.merge import EXAMPLE, PARTIAL, merge

SOURCES = {"csv": "TCTK", "form": "f.xlsx › Số liệu!D9", "draft": "da-sua.docx, ô nội dung bg_1, II",
           "report": "lang-son.docx, đoạn 4"}
PLACE = "data/indicators.csv, dòng 12"         # where a figure of data/ was read


def _figure(kind: str, value: str, scope: str = "region") -> Figure:
    return Figure(2025, "phia_bac", Period(2025, 9), scope, "retail_sales", None, Decimal(value),
                  "nghìn tỷ đồng", False, "confirmed", SOURCES[kind], "", None,
                  line=12 if kind == "csv" else 0, source_kind=kind)


def _dataset(*figures: Figure) -> Dataset:
    return Dataset((), (), (), figures, (), (), (), Path("data"))


WHAT = "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng của khu vực, 9 tháng đầu năm 2025"


@pytest.mark.parametrize("old, new, winner", [
    ("csv", "form", "form"), ("csv", "draft", "draft"), ("csv", "report", "csv"),
    ("draft", "form", "form"), ("form", "draft", "form"), ("form", "report", "form"),
    ("draft", "report", "draft"), ("report", "csv", "csv"),
])
def test_the_higher_kind_wins_and_the_conflict_is_a_warning(old, new, winner):
    merged = merge(_dataset(_figure(old, "1")), [_figure(new, "2")])
    assert [f.source_kind for f in merged.dataset.figures] == [winner]
    assert len(merged.warnings) == 1
    said = str(merged.warnings[0])                 # both provenances: file and place of each
    assert all((PLACE if kind == "csv" else SOURCES[kind]) in said for kind in (old, new)), said
    assert merged.dropped == (frozenset() if winner == new else {merged.dataset.figures[0].id})


def test_the_exact_warnings():
    record = _figure("csv", "1700")
    draft = merge(_dataset(record), [_figure("draft", "1720.5")])
    assert [str(w) for w in draft.warnings] == [
        f"data/indicators.csv, dòng 12: {WHAT}: 1.700 nghìn tỷ đồng (dữ liệu có sẵn) được thay bằng "
        f"1.720,5 nghìn tỷ đồng từ dự thảo đã sửa (da-sua.docx, ô nội dung bg_1, II)"]
    report = merge(_dataset(record), [_figure("report", "1690")])
    assert [str(w) for w in report.warnings] == [
        "lang-son.docx, đoạn 4: báo cáo (lang-son.docx, đoạn 4) ghi 1.690 nghìn tỷ đồng cho "
        "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng của khu vực, "
        "9 tháng đầu năm 2025, khác 1.700 nghìn tỷ đồng (dữ liệu có sẵn: TCTK, "
        "data/indicators.csv, dòng 12); giữ số đã có, cần kiểm tra"]
    said = _figure("report", "1690")
    named = merge(_dataset(record), [said], said={said: "báo cáo của UBND tỉnh Lạng Sơn (lang-son.docx, đoạn 4)"})
    assert named.warnings[0].message.startswith("báo cáo của UBND tỉnh Lạng Sơn (lang-son.docx, đoạn 4) ghi")


@pytest.mark.parametrize("reason, tail", [
    (EXAMPLE, "số 1.800 nghìn tỷ đồng của biểu mẫu ví dụ (f.xlsx › Số liệu!D9) là số giả định"),
    (PARTIAL, "số tổng hợp từ biểu mẫu (1.800 nghìn tỷ đồng, f.xlsx › Số liệu!D9) chưa đủ các tỉnh, "
              "thành phố"),
])
def test_a_held_back_form_figure_leaves_the_record(reason, tail):
    record, form = _figure("csv", "1700"), _figure("form", "1800")
    merged = merge(_dataset(record), [form], held_back={form.id: reason})
    assert merged.dataset.figures == (record,) and merged.dropped == {form.id}
    assert [str(w) for w in merged.warnings] == [
        f"data/indicators.csv, dòng 12: {WHAT}: giữ 1.700 nghìn tỷ đồng (dữ liệu có sẵn); {tail}"]


def test_agreeing_sources_are_no_conflict_and_the_first_of_a_kind_wins():
    merged = merge(_dataset(_figure("csv", "5")), [_figure("report", "5")])
    assert merged.warnings == () and [f.source_kind for f in merged.dataset.figures] == ["csv"]
    first, second = _figure("report", "5", "national"), replace(_figure("report", "6", "national"),
                                                                source="tk.txt, dòng 2")
    merged = merge(_dataset(), [first, second])
    assert merged.dataset.figures == (first,)
    assert [w.where for w in merged.warnings] == ["tk.txt, dòng 2"]


KINDS = st.sampled_from(["csv", "form", "draft", "report"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(KINDS, st.integers(0, 3), st.sampled_from(["region", "national", "Lạng Sơn"])),
                max_size=6),
       st.lists(st.tuples(KINDS, st.integers(0, 3), st.sampled_from(["region", "national", "Lạng Sơn"])),
                max_size=6))
def test_no_figure_is_lost_or_doubled_silently(base, incoming):
    # Whatever the sources, each id appears once, and every value that lost is warned about.
    base_figures = {f.id: f for f in (_figure(k, str(v), s) for k, v, s in base)}
    new = [_figure(k, str(v), s) for k, v, s in incoming]
    merged = merge(_dataset(*base_figures.values()), new)
    ids = [f.id for f in merged.dataset.figures]
    assert len(ids) == len(set(ids)) == len(set(base_figures) | {f.id for f in new})
    value_of = {f.id: f.value for f in merged.dataset.figures}
    lost = {(f.id, f.value) for f in (*base_figures.values(), *new) if f.value != value_of[f.id]}
    assert len(merged.warnings) >= len(lost)
