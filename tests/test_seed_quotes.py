"""Data curation checks: every seed-sourced figure is quoted verbatim and states its value.

Offline: reads data/*.csv, data/README.md and seeds/*.txt only. Assertion messages name the
CSV file and line so a curator can open the row and fix it.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from briefgen.numbers import fmt_number, parse_number

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEEDS = ROOT / "seeds"
SEED_NAME = re.compile(r"^\d{3}_[0-9a-f]{16}\.txt$")

FIGURE_STATUSES = {"confirmed", "unconfirmed", "english", "rejected"}
EDITION_STATUSES = {"confirmed", "inferred", "unconfirmed"}
RESOLUTION_STATUSES = {"confirmed", "unconfirmed"}
# targets.csv also names the electricity target (Tổng điện năng sản xuất và nhập khẩu), which is a
# target only: no result figure uses it, so it is not in the README's indicator vocabulary.
TARGET_ONLY_INDICATORS = {"electricity_growth"}
LAST_DAY_OF_28 = date(2025, 6, 30)
FIRST_DAY_OF_18 = date(2025, 7, 1)


def read_rows(name: str) -> list[tuple[str, int, dict[str, str]]]:
    """Return (label "file:line", line, row) for each record of data/<name>."""
    path = DATA / name
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = []
        for row in reader:
            rows.append((f"{name}:{reader.line_num}", reader.line_num, row))
    return rows


def readme_vocabulary(marker: str) -> set[str]:
    """Return the backticked words of the README paragraph that starts with *marker*."""
    text = (DATA / "README.md").read_text(encoding="utf-8")
    start = text.index(marker)
    paragraph = text[start + len(marker):].split("\n\n", 1)[0]
    return set(re.findall(r"`([a-z0-9_]+)`", paragraph))


INDICATORS = readme_vocabulary("Indicator vocabulary:")
COUNT_SUBJECTS = readme_vocabulary("`provinces_count` subjects:")


def seed_text(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def states_number(quote: str, value: Decimal, note: str) -> bool:
    """Return whether *quote* writes |value| in Vietnamese style as a whole number token.

    A source typo with a dot for the decimal comma ("chiếm 28.3%") is accepted only when the
    row's note says "typo"; it is then read with ``parse_number``.
    """
    expected = fmt_number(abs(value))
    if re.search(rf"(?<![\d.,]){re.escape(expected)}(?![\d]|[.,]\d)", quote):
        return True
    if "typo" in note.lower():
        for token in re.findall(r"(?<![\d.,])\d+\.\d{1,2}(?![\d]|[.,]\d)", quote):
            if parse_number(token) == abs(value):
                return True
    return False


def provinces() -> list[dict[str, str]]:
    return [row for _, _, row in read_rows("provinces.csv")]


def valid_on(row: dict[str, str], day: date) -> bool:
    starts = row["valid_from"]
    ends = row["valid_to"]
    return (not starts or date.fromisoformat(starts) <= day) and (not ends or day <= date.fromisoformat(ends))


# ---------------------------------------------------------------- the vocabulary itself

def test_readme_vocabulary_is_parsed():
    assert {"iip_growth", "retail_sales", "share_of_region", "ccn_workers"} <= INDICATORS
    assert {"iip_above_national", "khuyen_cong_plan_approved"} <= COUNT_SUBJECTS


# ---------------------------------------------------------------- quotes of seed figures

SEEDED = [(label, row) for label, _, row in read_rows("indicators.csv") if SEED_NAME.match(row["source"])]
SEEDED_TARGETS = [(label, row) for label, _, row in read_rows("targets.csv") if SEED_NAME.match(row["source"])]


def test_there_are_seed_figures():
    assert len(SEEDED) > 100
    assert {row["source"] for _, row in SEEDED} == {p.name for p in SEEDS.glob("*.txt")}


@pytest.mark.parametrize(("label", "row"), SEEDED, ids=[label for label, _ in SEEDED])
def test_indicator_quote_is_verbatim_and_states_value(label, row):
    assert (SEEDS / row["source"]).is_file(), f"{label}: seed file {row['source']} not in seeds/"
    assert row["quote"] in seed_text(row["source"]), f"{label}: quote not found verbatim in {row['source']}: {row['quote']!r}"
    value = Decimal(row["value"])
    assert states_number(row["quote"], value, row["note"]), (
        f"{label}: quote does not contain {fmt_number(abs(value))!r} (value {row['value']}): {row['quote']!r}")


@pytest.mark.parametrize(("label", "row"), SEEDED_TARGETS, ids=[label for label, _ in SEEDED_TARGETS])
def test_target_quote_is_verbatim_and_states_bounds(label, row):
    assert (SEEDS / row["source"]).is_file(), f"{label}: seed file {row['source']} not in seeds/"
    assert row["quote"] in seed_text(row["source"]), f"{label}: quote not found verbatim in {row['source']}: {row['quote']!r}"
    for bound in ("low", "high"):
        if row[bound]:
            assert states_number(row["quote"], Decimal(row[bound]), ""), (
                f"{label}: quote does not contain {bound} {fmt_number(Decimal(row[bound]))!r}: {row['quote']!r}")


# ---------------------------------------------------------------- vocabularies, statuses, keys

def test_indicators_use_the_vocabulary():
    for label, _, row in read_rows("indicators.csv"):
        assert row["indicator"] in INDICATORS, f"{label}: indicator {row['indicator']!r} not in data/README.md"
        if row["indicator"] == "provinces_count":
            assert row["subject"] in COUNT_SUBJECTS, f"{label}: provinces_count subject {row['subject']!r} unknown"
            assert re.fullmatch(r"/\d+", row["unit"]), f"{label}: a count needs a unit like /28"
        assert row["status"] in FIGURE_STATUSES, f"{label}: status {row['status']!r}"
        assert row["estimate"] in ("true", "false"), f"{label}: estimate {row['estimate']!r}"
        assert row["series"] in ("phia_bac", "tdmnbb"), f"{label}: series {row['series']!r}"
        assert re.fullmatch(r"-?\d+(\.\d+)?", row["value"]), f"{label}: value {row['value']!r} is not a plain number"
        assert row["quote"].strip() and row["source"].strip(), f"{label}: source and quote are required"
        if row["status"] in ("unconfirmed", "rejected"):
            assert row["note"].strip(), f"{label}: an {row['status']} figure needs a note saying why"


def test_targets_use_the_vocabulary():
    for label, _, row in read_rows("targets.csv"):
        allowed = INDICATORS | TARGET_ONLY_INDICATORS
        assert row["indicator"] in allowed, f"{label}: indicator {row['indicator']!r} not allowed"
        assert row["low"] or row["high"], f"{label}: a target needs a bound"


def test_figure_keys_are_unique():
    seen: dict[tuple[str, ...], str] = {}
    for label, _, row in read_rows("indicators.csv"):
        key = (row["edition_year"], row["period"], row["scope"], row["indicator"], row["subject"])
        assert key not in seen, f"{label}: duplicate key {key} (first at {seen.get(key)})"
        seen[key] = label


def test_edition_and_resolution_statuses():
    for label, _, row in read_rows("editions.csv"):
        assert row["ordinal_status"] in EDITION_STATUSES, f"{label}: ordinal_status {row['ordinal_status']!r}"
        assert row["host_status"] in EDITION_STATUSES, f"{label}: host_status {row['host_status']!r}"
    for label, _, row in read_rows("resolutions.csv"):
        assert row["status"] in RESOLUTION_STATUSES, f"{label}: status {row['status']!r}"


# ---------------------------------------------------------------- provinces

def test_province_scopes_name_a_province_of_their_time():
    units = provinces()
    for label, _, row in read_rows("indicators.csv"):
        scope = row["scope"]
        if scope in ("region", "national"):
            continue
        matches = [u for u in units if u["name"] == scope]
        assert matches, f"{label}: scope {scope!r} is not a province in provinces.csv"
        if int(row["edition_year"]) <= 2024:
            assert any(valid_on(u, LAST_DAY_OF_28) for u in matches), (
                f"{label}: {scope!r} did not exist among the 28 before the 2025 merger")


def test_28_then_18_provinces():
    units = provinces()
    before = [u["name"] for u in units if valid_on(u, LAST_DAY_OF_28)]
    after = [u["name"] for u in units if valid_on(u, FIRST_DAY_OF_18)]
    assert len(before) == len(set(before)) == 28, f"provinces.csv: {len(before)} units valid on 2025-06-30"
    assert len(after) == len(set(after)) == 18, f"provinces.csv: {len(after)} units valid on 2025-07-01"


def test_merger_maps_old_onto_new_units():
    units = provinces()
    before = {u["name"] for u in units if valid_on(u, LAST_DAY_OF_28)}
    after = {u["name"] for u in units if valid_on(u, FIRST_DAY_OF_18)}
    for label, _, row in read_rows("province_merger.csv"):
        assert row["old"] in before, f"{label}: old unit {row['old']!r} not among the 28"
        assert row["new"] in after, f"{label}: new unit {row['new']!r} not among the 18"
        assert row["effective"] == "2025-07-01", f"{label}: effective {row['effective']!r}"


def test_every_seed_sourced_figure_is_found_by_the_extractor(capsys):
    """`briefgen check-data` on the shipped data: no row the extractor cannot find in its seed."""
    from briefgen.cli import main

    assert main(["check-data"]) == 0
    assert capsys.readouterr().out.rstrip().endswith(": 0 lỗi, 7 cảnh báo.")
