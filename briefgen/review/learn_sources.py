"""What ``learn`` reads besides edited drafts: checked province forms and reviewed extraction sheets.

A form is read and checked exactly as ``--data`` reads it (an error refuses it, an example
form is refused outright: its numbers are invented); its province figures and the regional
figures computed from every province's form are learned. A review sheet gives its rows
marked "Có": a person compared each with the report, so they are learned as "confirmed".
Both need the edition (year, host) a draft carries in itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from briefgen.analyze.edition import build_edition, find_record
from briefgen.domain.dataset import Dataset
from briefgen.domain.edition import EditionContext
from briefgen.domain.figure import Figure
from briefgen.domain.indicators import RANK_IN_REGION
from briefgen.domain.period import parse_period
from briefgen.errors import BriefgenError, DataFileError, FormValidationError, InvalidArgumentError
from briefgen.extract.reported import Reported
from briefgen.extract.review_sheet import is_review, read_review_rows
from briefgen.sources.problems import ERROR, Problem
from briefgen.sources.tables.figures import value_problem

FORM_SUFFIXES = (".xlsx", ".xlsm", ".csv")
CROSS_PROVINCE = (RANK_IN_REGION,)      # a rank "/17" among the provinces that reported is not learned
FORM_NOTE = "Bổ sung từ biểu mẫu đã kiểm tra"
SHEET_NOTE = "Bổ sung từ bảng rà soát số liệu trích từ báo cáo"


class LearnFormError(FormValidationError):
    """Forms or review sheets given to ``learn`` have errors; ``errors`` names each cell."""

    def __init__(self, problems, what: str = "biểu mẫu"):
        super().__init__(problems)
        BriefgenError.__init__(self, f"{what} có {len(self.errors)} lỗi; không bổ sung số liệu nào, "
                                     f"không ghi tệp nào",
                               hint="sửa các ô nêu trên rồi chạy lại (kiểm tra trước: briefgen form --check …)")


@dataclass(frozen=True)
class Inputs:
    """The files given to ``learn`` by kind: edited drafts, province forms, review sheets."""

    drafts: tuple[Path, ...]
    forms: tuple[Path, ...]
    sheets: tuple[Path, ...]

    @property
    def need_edition(self) -> bool:
        return bool(self.forms or self.sheets)


def split_inputs(paths: Sequence[Path | str]) -> Inputs:
    """Return *paths* by kind: a review sheet by its content, a form by its suffix, else a draft."""
    drafts, forms, sheets = [], [], []
    for path in map(Path, paths):
        if path.suffix.lower() in (".xlsx", ".xlsm") and is_review(path):
            sheets.append(path)
        elif path.suffix.lower() in FORM_SUFFIXES:
            forms.append(path)
        else:
            drafts.append(path)
    return Inputs(tuple(drafts), tuple(forms), tuple(sheets))


def edition_of(dataset: Dataset, year: int | None, host: str | None) -> EditionContext:
    """Return the edition forms and sheets are learned for; raise when the year is not given."""
    if year is None:
        raise InvalidArgumentError("biểu mẫu và bảng rà soát cần năm của kỳ hội nghị: thêm --year NĂM")
    record = find_record(dataset, year)
    host = host or (record.host if record else None)
    if not host:
        raise InvalidArgumentError(f"chưa có tỉnh chủ trì kỳ hội nghị năm {year} trong dữ liệu: thêm --host TỈNH")
    return build_edition(dataset, year, host)


def _reviewed(figure: Figure, today: date, note: str) -> Figure:
    return Figure(figure.edition_year, figure.series, figure.period, figure.scope, figure.indicator,
                  figure.subject, figure.value, figure.unit, figure.estimate, figure.status,
                  f"{figure.source}, rà soát ngày {today:%d/%m/%Y}", figure.quote, note,
                  qualifiers=figure.qualifiers)


def form_figures(paths: Sequence[Path], dataset: Dataset, edition: EditionContext, today: date) -> list[Figure]:
    """Return the figures the checked forms at *paths* add, with the review date in their source.

    Regional figures not every province reported are left out (they would change when the
    last forms arrive), and so are ranks among fewer provinces than the region has.
    """
    from briefgen.forms.collect import load_forms

    try:
        data = load_forms(paths, dataset, edition)
    except FormValidationError as error:
        raise LearnFormError(error.problems) from None
    if data.example:
        raise DataFileError(", ".join(data.files) or paths[0], "là biểu mẫu ví dụ (VÍ DỤ, số liệu giả định); "
                            "số liệu giả định không được bổ sung vào dữ liệu, không ghi tệp nào",
                            hint="dùng biểu mẫu các tỉnh, thành phố đã điền số liệu thật")
    whole = f"/{len(data.expected)}"
    return [_reviewed(f, today, FORM_NOTE) for f in data.figures
            if f.id not in data.partial and not (f.indicator in CROSS_PROVINCE and f.unit != whole)]


def _sheet_figure(item: Reported, path: Path, edition: EditionContext, today: date) -> Figure | Problem:
    """Return the learned figure of one accepted row, or the problem that keeps it out."""
    figure, where = item.figure, f"{path.name}, {item.place}"
    if figure.high is not None:
        return Problem(where, f"là một khoảng ({figure.value_text} {figure.unit}), không phải một số", ERROR)
    problem = value_problem(figure.indicator, figure.value, figure.unit)
    if problem:
        return Problem(where, problem, ERROR)
    whose = f" của {item.issuer}" if item.issuer else ""
    learned = Figure(edition.year, edition.series, parse_period(figure.period), figure.scope, figure.indicator,
                     None, figure.value, figure.unit, figure.estimate, "confirmed",
                     item.place or path.name, figure.quote, f"{SHEET_NOTE}{whose} ({path.name})",
                     qualifiers=item.qualifiers)
    return _reviewed(learned, today, learned.note)


def sheet_figures(paths: Sequence[Path], edition: EditionContext,
                  today: date) -> tuple[list[Figure], list[Problem]]:
    """Return the figures of the usable rows marked "Có" in the review sheets at *paths*, as "confirmed",
    and the warnings about accepted rows left out (unclassified, or stating a figure twice)."""
    sheets = {path: read_review_rows(path) for path in paths}
    results = [_sheet_figure(item, path, edition, today) for path, sheet in sheets.items() for item in sheet.items]
    problems = [r for r in results if isinstance(r, Problem)]
    if problems:
        raise LearnFormError(problems, "bảng rà soát")
    return [r for r in results if isinstance(r, Figure)], [w for sheet in sheets.values() for w in sheet.warnings]
