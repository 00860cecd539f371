#!/usr/bin/env python3
"""Score extractor output against key.csv on the core indicators, by kind of scope.

Usage:
    python3 score_by_scope.py OUT.csv

Same matching rule as `check_key.py --score` (file, indicator, period, scope, value; values
compared as numbers, ranges bound by bound; each key row matches at most once; output rows
for files not in the key ignored), with the rows split by the kind of their scope:
`province` (a province name), `national`, `region`. Prints one line per kind and returns 0.
Standard library only.
"""

from __future__ import annotations

import csv
import sys
import unicodedata
from collections import Counter
from decimal import InvalidOperation
from pathlib import Path

from check_key import CORE, KEY, match_value


def core_rows(path: Path) -> Counter:
    """Return the core rows of a key or output CSV as a Counter of comparable tuples."""
    rows: Counter = Counter()
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            row = {k: unicodedata.normalize("NFC", (v or "").strip()) for k, v in row.items() if k}
            if row.get("indicator") not in CORE:
                continue
            try:
                value = match_value(row["value"])
            except (InvalidOperation, ValueError):
                continue
            rows[(Path(row["file"]).name, row["indicator"], row["period"], row["scope"], value)] += 1
    return rows


def kind(scope: str) -> str:
    """Return the kind of a scope: national, region or province."""
    return scope if scope in ("national", "region") else "province"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("Cách dùng: python3 score_by_scope.py OUT.csv")
        return 2
    expected = core_rows(KEY)
    files = {k[0] for k in expected}
    found = Counter({k: n for k, n in core_rows(Path(argv[0])).items() if k[0] in files})
    matched = found & expected
    print(f"{'scope kind':<12}{'key':>6}{'found':>7}{'match':>7}{'prec':>7}{'recall':>8}{'F1':>7}")
    for name in ("province", "national", "region"):
        e = sum(n for k, n in expected.items() if kind(k[3]) == name)
        f = sum(n for k, n in found.items() if kind(k[3]) == name)
        m = sum(n for k, n in matched.items() if kind(k[3]) == name)
        p = m / f if f else 1.0
        r = m / e if e else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{name:<12}{e:>6}{f:>7}{m:>7}{p:>7.3f}{r:>8.3f}{f1:>7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
