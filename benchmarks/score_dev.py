"""Score ``briefgen extract`` on the labelled development corpus (``../shared/extract-dev``).

Run: ``python3 benchmarks/score_dev.py [DIR] [-v]``. DIR holds ``texts/*.txt`` and ``key.csv``
(default: ``../shared/extract-dev`` next to the repository). Line 1 of each text is metadata
("# dev text; facts from <URL>") and is not extracted; quotes and offsets refer to the body.
Prints precision, recall and F1 per indicator and, for the core indicators, per kind of
scope; with -v also the key rows not found and the rows found that are not in the key.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefgen.extract.cli import extract_files
from briefgen.extract.score import find_differences, load_key, render_key, render_scores, score, \
    score_by_scope

DEV_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "extract-dev"


def score_corpus(folder: Path):
    """Return (scores per indicator, scores per scope kind, figures, key) for *folder*."""
    figures, failed = extract_files(sorted((folder / "texts").glob("*.txt")), skip_comment_line=True)
    if failed:
        raise SystemExit(f"{failed} tệp không đọc được")
    key = load_key(folder / "key.csv")
    return score(figures, key), score_by_scope(figures, key), figures, key


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEV_CORPUS,
                        help=f"corpus folder (default {DEV_CORPUS})")
    parser.add_argument("-v", "--verbose", action="store_true", help="list missing and extra rows")
    args = parser.parse_args()
    if not (args.folder / "key.csv").is_file():
        print(f"no development corpus at {args.folder} (texts/*.txt and key.csv)", file=sys.stderr)
        return 1
    by_indicator, by_scope, figures, key = score_corpus(args.folder)
    print(render_scores(by_indicator))
    print()
    print(render_scores(by_scope, title="scope (core)"))
    if args.verbose:
        missing, extra = find_differences(figures, key)
        for label, rows in (("missing", missing), ("extra", extra)):
            for row in rows:
                print(f"{label}: {render_key(row)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
