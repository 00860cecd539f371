"""Dates in the style of Nghị định 30/2020/NĐ-CP: leading zero on days 1–9 and months 1–2."""

from __future__ import annotations

from datetime import date


def fmt_day(day: int) -> str:
    """Return the day with a leading zero below 10 ("05")."""
    return f"{day:02d}"


def fmt_month(month: int) -> str:
    """Return the month with a leading zero for January and February only ("01", "3")."""
    return f"{month:02d}" if month <= 2 else str(month)


def fmt_date_long(value: date) -> str:
    """Return ``"ngày 05 tháng 3 năm 2025"``."""
    return f"ngày {fmt_day(value.day)} tháng {fmt_month(value.month)} năm {value.year}"


def fmt_date_short(value: date) -> str:
    """Return ``"17/10/2025"``, ``"28/7/2023"``, ``"06/01/2023"`` (same zero rule as long dates)."""
    return f"{fmt_day(value.day)}/{fmt_month(value.month)}/{value.year}"
