"""Build the draft's tables from the facts; cells use the same markers as the narrative."""

from __future__ import annotations

from briefgen.analyze import Facts
from briefgen.analyze.history import HEADLINES, HistoryRow
from briefgen.domain.catalog import Source
from briefgen.domain.dataset import Dataset
from briefgen.domain.figure import Figure
from briefgen.domain.indicators import INDICATORS, INDUSTRY_GROWTH, K, common_unit, headline_headers
from briefgen.model import Slot, TableBlock
from briefgen.render.citations import citation_parts, fallback_source, missing_parts
from briefgen.render.edition_notes import DASH, TDMNBB, edition_cells
from briefgen.render.markers import parse_inlines
from briefgen.render.narrative import FigureLedger
from briefgen.render.table_cells import cell_mark

# Every table a draft can have; the province tables add one per period ("provinces-2024").
TABLE_IDS = ("results", "products", "history", "merger", "sources", "merger-comparison")


def _cell(ledger: FigureLedger, item: Slot | Figure | None, fmt: str = "value") -> str:
    if isinstance(item, Slot) and not item.known:
        fmt = "number"      # a placeholder in a cell: the header or the row says unit and comparison
    return DASH if item is None else ledger.mark(item, fmt) + cell_mark(item)


def _block(ledger: FigureLedger, table_id: str, caption: str, header: tuple[str, ...],
           rows: list[list], note: str = "", numeric: tuple[int, ...] = (),
           widths: tuple[float, ...] = ()) -> TableBlock:
    """Return the table of *rows*: a cell is text with markers, or its runs already made."""
    parsed = tuple(tuple(c if isinstance(c, tuple)
                         else parse_inlines(c, ledger.figures, ledger.placeholders, ledger.notes, ledger.cited)
                         for c in row)
                   for row in rows)
    return TableBlock(table_id, caption, header, parsed, note, numeric, widths)


def results_table(facts: Facts, ledger: FigureLedger) -> TableBlock:
    """Return the headline indicators of each period of the briefing."""
    header = ("Chỉ tiêu", "Đơn vị") + tuple(x for r in facts.results
                                             for x in (r.period.label.capitalize(), "So với cùng kỳ"))
    rows = [
        [line.indicator.results_row, line.indicator.unit]
        + [c for r in facts.results for c in (_cell(ledger, r.lines[key].value, "number"),
                                               _cell(ledger, r.lines[key].growth, "change"))]
        for key, line in facts.results[0].lines.items()
    ] + [
        ["Số tỉnh, thành phố có IIP tăng cao hơn cả nước", "tỉnh, thành phố"]
        + [c for r in facts.results for c in (_cell(ledger, r.iip_above_national, "value"), DASH)],
        ["Chỉ số sản xuất công nghiệp cả nước (tham chiếu)", "%"]
        + [c for r in facts.results for c in (DASH, _cell(ledger, r.iip_national, "change"))],
    ]
    return _block(ledger, "results", f"Một số chỉ tiêu chủ yếu của {facts.edition.region.name}",
                  header, rows, numeric=tuple(range(2, len(header))),
                  widths=(3.2, 1.4) + (1.2, 1.3) * len(facts.results))


def _output_format(slot: Slot, row_unit: str) -> str:
    """Return "number" when the unit column says it all, else "value" (number with its unit)."""
    return "number" if not slot.known or slot.figure.unit == row_unit else "value"


def products_table(facts: Facts, ledger: FigureLedger) -> TableBlock:
    """Return output and change of the main industrial products in each period."""
    header = ("Sản phẩm", "Đơn vị") + tuple(x for r in facts.results
                                             for x in (r.period.short_label, "So với cùng kỳ"))
    rows = [[row.name[:1].upper() + row.name[1:], row.unit]
            + [c for out, chg in zip(row.outputs, row.changes)
               for c in (_cell(ledger, out, _output_format(out, row.unit)), _cell(ledger, chg, "change"))]
            for row in facts.products]
    return _block(ledger, "products", "Sản lượng một số sản phẩm công nghiệp chủ yếu của khu vực",
                  header, rows, numeric=tuple(range(2, len(header))),
                  widths=(1.8, 1.3) + (1.1, 1.3) * len(facts.results))


def _history_cell(ledger: FigureLedger, row: HistoryRow, headline: str, fmt: str) -> str:
    figure = row.cells.get(headline)
    if figure is None:
        return DASH
    if fmt == "value" and figure.unit == common_unit(figure.indicator):
        fmt = "number"  # the header states the unit
    other_period = not figure.period.is_whole_year or figure.period.year != row.edition.year - 1
    text = ledger.mark(figure, fmt) + cell_mark(figure, figure.period.short_label if other_period else "")
    if headline == INDUSTRY_GROWTH and figure.indicator == K.industrial_output_growth:
        text += "*"
    return text


def _is_growth(headline: str) -> bool:
    return headline == INDUSTRY_GROWTH or INDICATORS[headline].is_growth


def history_table(facts: Facts, ledger: FigureLedger) -> TableBlock:
    """Return every earlier edition with the headline figures its briefing reported."""
    header = ("Năm", "Lần", "Địa phương đăng cai") + headline_headers()
    rows = []
    for row in facts.history:
        rows.append([*edition_cells(row.edition),
                     *(_history_cell(ledger, row, h, "change" if _is_growth(h) else "value")
                       for h in HEADLINES)])
    note = ("Số liệu của năm liền trước kỳ hội nghị, trừ khi ghi kỳ trong ngoặc; giá trị và tốc độ tăng của "
            "một chỉ tiêu trên cùng dòng luôn cùng một kỳ; * theo nguồn là tăng "
            "trưởng giá trị sản xuất công nghiệp hoặc \"công nghiệp\" nói chung, không phải IIP; "
            f"{TDMNBB}: 14 tỉnh trung du và miền núi Bắc Bộ, không so sánh "
            "trực tiếp với khu vực phía Bắc; – chưa có số liệu, thông tin trong các nguồn đã thu thập.")
    return _block(ledger, "history", "Các kỳ hội nghị trước và kết quả chủ yếu được báo cáo",
                  header, rows, note, numeric=(3, 4, 5, 6, 7), widths=(1.3, 0.9, 1.5, 1.4, 1.4, 1.2, 1.3, 1.2))


def merger_table(dataset: Dataset, ledger: FigureLedger) -> TableBlock:
    """Return the old → new mapping of provincial units from 01/7/2025."""
    by_new: dict[str, list[str]] = {}
    for merger in dataset.mergers:
        by_new.setdefault(merger.new, []).append(merger.old)
    pairs = [[new, ", ".join(sorted(olds))] for new, olds in sorted(by_new.items())]
    half = (len(pairs) + 1) // 2   # two units side by side: half the height on the annex page
    rows = [left + (pairs[half + i] if half + i < len(pairs) else ["", ""]) for i, left in enumerate(pairs[:half])]
    return _block(ledger, "merger", "Đơn vị hành chính cấp tỉnh sau sắp xếp từ ngày 01/7/2025",
                  ("Đơn vị mới", "Hình thành từ") * 2, rows,
                  note="Căn cứ Nghị quyết số 202/2025/QH15 của Quốc hội.", widths=(1.0, 1.6, 1.0, 1.6))


def sources_table(ledger: FigureLedger, sources: tuple[Source, ...]) -> TableBlock:
    """Return the documents the printed figures come from, cited as an official text cites them."""
    known = {s.id: s for s in sources}
    documents: dict[str, Source] = {}
    for figure in ledger.figures.values():
        source = known.get(figure.source) or fallback_source(figure.source)
        documents[source.id] = source
    rows = []
    for number, source in enumerate(sorted(documents.values(), key=lambda s: (s.date or "9999", s.title)), 1):
        text = ", ".join(citation_parts(source))
        gap = missing_parts(source)
        rows.append([str(number), text + (", " + ledger.mark(gap) if gap else "") + "."])
    return _block(ledger, "sources", "Nguồn của các số liệu sử dụng trong báo cáo",
                  ("STT", "Tài liệu"), rows, numeric=(0,), widths=(0.45, 6.55))
