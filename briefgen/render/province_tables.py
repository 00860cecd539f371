"""Tables from the filled forms: the provinces side by side, and earlier figures across the merger."""

from __future__ import annotations

from briefgen.analyze.provinces_table import MergerRow, PeriodProvinces, ProvinceFindings
from briefgen.domain.figure import Figure
from briefgen.domain.indicators import label_of
from briefgen.model import TableBlock
from briefgen.render.markers import parse_inlines
from briefgen.render.narrative import FigureLedger
from briefgen.render.table_cells import cell_mark

DASH = "–"


def _mark(ledger: FigureLedger, figure: Figure | None, fmt: str = "number") -> str:
    return DASH if figure is None else ledger.mark(figure, fmt) + cell_mark(figure)


def _block(ledger: FigureLedger, table_id: str, caption: str, header: tuple[str, ...],
           rows: list[list[str]], note: str, numeric: tuple[int, ...],
           widths: tuple[float, ...]) -> TableBlock:
    parsed = tuple(tuple(parse_inlines(c, ledger.figures, ledger.placeholders, ledger.notes, ledger.cited) for c in row)
                   for row in rows)
    return TableBlock(table_id, caption, header, parsed, note, numeric, widths)


def _on_record(period: PeriodProvinces) -> str:
    """Return the note's words for the printed figures the merge kept from the data, not a form ("" if none)."""
    kept: dict[str, list[str]] = {}
    for line in period.lines:
        shown = [("tăng IIP", line.iip)] + [
            (f"{'tăng ' if what == 'growth' else ''}{s.measure.short.lower()}", line.get(s.measure.indicator, what))
            for s in period.values for what in ("value", "growth")]
        for what, figure in shown:
            if figure is not None and figure.source_kind != "form":
                kept.setdefault(what, []).append(line.name)
    said = "; ".join(f"{what} của {', '.join(names)}" for what, names in kept.items())
    return f", trừ số liệu giữ theo dữ liệu đã có (nguồn tại Phụ lục): {said}" if said else ""


def province_table(findings: ProvinceFindings, period: PeriodProvinces, ledger: FigureLedger) -> TableBlock:
    """Return one period's figures of every province, with the region's total row."""
    header, widths = ["STT", "Tỉnh, thành phố"], [0.5, 1.9]
    if period.iip:
        header.append("Tăng IIP (%)")
        widths.append(0.9)
    for summary in period.values:
        unit = summary.measure.province_unit
        header += [f"{summary.measure.short} ({unit})", "Tăng (%)", "Tỷ trọng (%)"]
        widths += [1.3, 0.8, 0.8]
    rows = []
    for number, line in enumerate(period.lines, start=1):
        name = line.name + (" (đăng cai)" if line.is_host else "") + (" *" if line.formed_from else "")
        row = [str(number), name]
        if period.iip:
            row.append(_mark(ledger, line.iip))
        for summary in period.values:
            indicator = summary.measure.indicator
            row += [_mark(ledger, line.get(indicator, what)) for what in ("value", "growth", "share")]
        rows.append(row)
    total = ["", "Toàn khu vực"]
    if period.iip:
        total.append(_mark(ledger, period.iip.median) + " (trung vị)")
    for summary in period.values:
        total += [_mark(ledger, summary.total, "value"), _mark(ledger, summary.growth), DASH]
    rows.append(total)
    merged = "; ".join(f"{new} (gồm {', '.join(olds)})" for new, olds in findings.merged_units)
    note = ("Số liệu theo biểu mẫu của các tỉnh, thành phố" + _on_record(period) + ". IIP là chỉ số nên "
            "không cộng, dòng Toàn khu vực ghi trung vị; tốc độ tăng của toàn khu vực tính từ tổng thực hiện "
            "và tổng cùng kỳ năm trước. – chưa có số liệu." + (f" * Đơn vị hình thành từ 01/7/2025: {merged}."
                                                               if merged else ""))
    return _block(ledger, period.table_id, f"Một số chỉ tiêu theo địa phương, {period.period.label}",
                  tuple(header), rows, note, tuple(range(2, len(header))), tuple(widths))


def _reported(ledger: FigureLedger, row: MergerRow) -> str:
    return "; ".join(f"{f.scope}: {ledger.mark(f, 'value')}{cell_mark(f)}" for f in row.mapped.found)


def _mapped(ledger: FigureLedger, row: MergerRow) -> str:
    mapped = row.mapped
    if not mapped.merged:
        return "cùng địa bàn"
    if row.total is not None:
        return ledger.mark(row.total, "value") + cell_mark(row.total)
    if mapped.is_index:
        return "không quy đổi (tốc độ tăng, chỉ số không cộng được)"
    return f"chưa quy đổi được (thiếu số liệu của {', '.join(mapped.missing)})"


def merger_comparison_table(findings: ProvinceFindings, ledger: FigureLedger) -> TableBlock:
    """Return the earlier edition's province figures next to today's units they belong to."""
    rows = []
    for row in findings.earlier:
        parts = f" (gồm {', '.join(row.mapped.parts)})" if row.mapped.merged else ""
        what = label_of(row.mapped.indicator)
        rows.append([row.unit + parts, f"{what[:1].upper()}{what[1:]}, {row.mapped.period.label}",
                     _reported(ledger, row), _mapped(ledger, row)])
    return _block(ledger, "merger-comparison",
                  f"Số liệu theo địa phương tại kỳ hội nghị năm {findings.earlier_edition}, theo đơn vị "
                  f"hành chính hiện nay", ("Đơn vị hiện nay", "Chỉ tiêu, kỳ", "Đã báo cáo (địa giới cũ)",
                                            "Theo địa giới hiện nay"),
                  rows, "Giá trị của các tỉnh cũ được cộng vào đơn vị mới khi có đủ số liệu của tất cả "
                        "các tỉnh cũ hợp thành.", (), (2.0, 2.2, 2.2, 2.0))


def province_tables(findings: ProvinceFindings | None, ledger: FigureLedger) -> list[TableBlock]:
    """Return every table of the forms' findings (none without forms)."""
    if findings is None:
        return []
    built = [province_table(findings, p, ledger) for p in findings.periods]
    if findings.earlier:
        built.append(merger_comparison_table(findings, ledger))
    return built
