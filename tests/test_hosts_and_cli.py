"""Host lookup and the CLI's messages and exit codes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from briefgen.analyze.edition import build_edition, to_roman
from briefgen.analyze.hosts import find_host
from briefgen.cli import main
from briefgen.errors import HostNotInYearError, UnknownHostError
from briefgen.sources.tables import load_dataset

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA)


@pytest.mark.parametrize("typed, expected", [
    ("tuyen quang", "Tuyên Quang"), ("TUYÊN QUANG", "Tuyên Quang"), ("tỉnh Tuyên Quang", "Tuyên Quang"),
    ("ha noi", "Hà Nội"), ("TP Hải Phòng", "Hải Phòng"), ("Thanh Hoá", "Thanh Hóa"),
])
def test_host_matches_without_diacritics(dataset, typed, expected):
    assert find_host(dataset, typed, date(2025, 10, 17)).name == expected


def test_merged_unit_is_the_new_one_after_july_2025(dataset):
    before = find_host(dataset, "Tuyên Quang", date(2025, 6, 30))
    after = find_host(dataset, "Tuyên Quang", date(2025, 7, 1))
    assert before.valid_to == date(2025, 6, 30) and after.valid_from == date(2025, 7, 1)


def test_host_gone_names_successor(dataset):
    with pytest.raises(HostNotInYearError) as error:
        find_host(dataset, "Hà Giang", date(2026, 12, 31), exact=False)
    assert "năm 2026" in str(error.value) and "Tuyên Quang" in str(error.value)
    assert error.value.hint == 'dùng đơn vị kế thừa: --host "Tuyên Quang"'


def test_unknown_host_suggests_closest(dataset):
    with pytest.raises(UnknownHostError) as error:
        find_host(dataset, "Tuyen Kwang", date(2025, 10, 17))
    assert error.value.hint.startswith("có phải: Tuyên Quang")


@pytest.mark.parametrize("year, host, ordinal, status, periods", [
    (2025, "Tuyên Quang", "XI", "confirmed", "năm 2024 và 9 tháng đầu năm 2025"),
    (2023, "Quảng Ninh", "IX", "confirmed", "năm 2022 và 6 tháng đầu năm 2023"),
    (2019, "Hải Phòng", "VI", "confirmed", "năm 2018 và 4 tháng đầu năm 2019"),
    (2026, "Lào Cai", "XII", "inferred", "năm 2025"),
])
def test_edition_context(dataset, year, host, ordinal, status, periods):
    from briefgen.domain.period import describe_periods
    edition = build_edition(dataset, year, host)
    assert (edition.ordinal, edition.ordinal_status) == (ordinal, status)
    assert describe_periods(edition.periods) == periods


def test_date_option_decides_the_months(dataset):
    edition = build_edition(dataset, 2026, "Lào Cai", date(2026, 7, 20))
    assert [p.code for p in edition.periods] == ["2025", "H1-2026"]
    assert edition.region.name == "các tỉnh, thành phố khu vực phía Bắc" and edition.region.count == 18


def test_region_before_2025_counts_28(dataset):
    assert build_edition(dataset, 2023, "Quảng Ninh").region.name == "28 tỉnh, thành phố khu vực phía Bắc"


def test_roman():
    assert [to_roman(n) for n in (1, 4, 9, 11, 14, 16)] == ["I", "IV", "IX", "XI", "XIV", "XVI"]


def test_cli_unknown_host(capsys, tmp_path):
    code = main(["--year", "2025", "--host", "Tuyen Kwang", "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.splitlines() == ["Lỗi: không có tỉnh, thành phố nào tên 'Tuyen Kwang'.",
                                "Gợi ý: có phải: Tuyên Quang?"]
    assert list(tmp_path.iterdir()) == []


def test_cli_host_gone(capsys, tmp_path):
    assert main(["--year", "2026", "--host", "Hà Giang", "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "Hà Giang không còn là đơn vị hành chính cấp tỉnh" in err and "Tuyên Quang" in err


def test_cli_date_outside_year(capsys, tmp_path):
    assert main(["--year", "2025", "--host", "Tuyên Quang", "--date", "2024-05-01", "--out", str(tmp_path)]) == 1
    assert "không thuộc năm 2025" in capsys.readouterr().err


def test_cli_usage_error_exit_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--year", "abc", "--host", "x"])
    assert exit_info.value.code == 2
