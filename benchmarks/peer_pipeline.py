"""The peer: the 2025 briefing drafted the straightforward way, for benchmarks/bench_ratios.py.

Run: ``python benchmarks/peer_pipeline.py [--year 2025] [--host "Tuyên Quang"] [--data-dir data]
[--out DIR]``. It is what a competent engineer would write without thinking about speed:
pandas reads every table of ``data/``, pyplot draws six charts like the draft's (PNG at
150 dpi, tight bounding box), python-docx writes headings, about thirty paragraphs, the
charts and six tables filled through ``table.cell()``. The numbers are the same rows of
the same files; the wording is plainer than briefgen's. It writes
``DIR/peer-<year>.docx`` and ``DIR/charts/*.png`` and prints the path.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from docx import Document  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.shared import Cm, Pt  # noqa: E402

PROJECT = Path(__file__).resolve().parent.parent
HEADLINES = {"iip_growth": "Chỉ số sản xuất công nghiệp", "retail_sales": "Tổng mức bán lẻ",
             "retail_growth": "Tăng tổng mức bán lẻ", "export_value": "Kim ngạch xuất khẩu",
             "export_growth": "Tăng kim ngạch xuất khẩu", "ccn_established": "Cụm công nghiệp"}
LIMITATIONS = ["Tăng trưởng công nghiệp giữa các địa phương chưa đồng đều.",
               "Cơ cấu công nghiệp chuyển dịch còn chậm.",
               "Hạ tầng nhiều cụm công nghiệp chưa hoàn thiện.",
               "Hạ tầng thương mại ở vùng sâu, vùng xa còn thiếu.",
               "Số liệu giữa các địa phương chưa thống nhất về kỳ báo cáo."]
PROPOSALS = ["Đề nghị Chính phủ hoàn thiện chính sách hỗ trợ đầu tư cụm công nghiệp.",
             "Đề nghị các bộ, ngành thống nhất chế độ báo cáo thống kê.",
             "Đề nghị Ủy ban nhân dân các tỉnh chỉ đạo phối hợp với Sở Công Thương."]
DPI = 150
ORDINALS = ["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một",
            "mười hai"]


def vn(value) -> str:
    """Return *value* with Vietnamese separators (1.234,5)."""
    if pd.isna(value):
        return "…"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "X").replace(".", ",").replace("X", ".")


def load(data_dir: Path) -> dict[str, pd.DataFrame]:
    """Return every table of *data_dir* as a DataFrame keyed by file stem."""
    return {path.stem: pd.read_csv(path) for path in sorted(data_dir.glob("*.csv"))}


def region(figures: pd.DataFrame, indicator: str, before: int) -> pd.DataFrame:
    """Return the usable regional figures of *indicator* reported at editions up to *before*."""
    rows = figures[(figures.scope == "region") & (figures.indicator == indicator)
                   & (figures.edition_year <= before) & (figures.status != "rejected")]
    return rows.drop_duplicates("period").copy()


def annual(figures: pd.DataFrame, indicator: str, year: int) -> pd.DataFrame:
    """Return *indicator* for whole years, one row per year, sorted."""
    rows = region(figures, indicator, year)
    rows = rows[rows.period.astype(str).str.fullmatch(r"\d{4}")].copy()
    rows["year"] = rows.period.astype(int)
    return rows.sort_values("year")


def bar_chart(labels, values, title, unit, path: Path) -> None:
    """Write a bar chart with value labels to *path*."""
    fig, ax = plt.subplots(figsize=(6.3, 3.4))
    bars = ax.bar(labels, values, color="#1f4e79")
    ax.bar_label(bars, labels=[vn(v) for v in values], fontsize=7)
    ax.set_title(title, fontweight="bold")
    ax.set_ylabel(unit)
    plt.savefig(path, dpi=DPI, bbox_inches="tight")
    plt.close(fig)


def growth_lines(figures, year, path: Path) -> None:
    """Write the line chart of the growth headlines by year to *path*."""
    fig, ax = plt.subplots(figsize=(6.3, 3.4))
    for indicator in ("retail_growth", "export_growth", "industrial_output_growth"):
        rows = annual(figures, indicator, year)
        rows = rows[rows.unit == "%"]
        ax.plot(rows.year, rows.value, marker="o", label=HEADLINES.get(indicator, "Công nghiệp"))
        for x, y in zip(rows.year, rows.value):
            ax.annotate(vn(y), (x, y), textcoords="offset points", xytext=(0, 4), fontsize=7)
    ax.axhline(0, color="#999999", linewidth=0.6)
    ax.legend(frameon=False)
    ax.set_title("Tốc độ tăng so với năm trước", fontweight="bold")
    plt.savefig(path, dpi=DPI, bbox_inches="tight")
    plt.close(fig)


def clusters_chart(figures, year, path: Path) -> None:
    """Write the grouped bars of clusters established and operating to *path*."""
    rows = figures[(figures.scope == "region") & figures.indicator.isin(["ccn_established", "ccn_operating"])
                   & (figures.edition_year <= year)]
    table = rows.pivot_table(index="edition_year", columns="indicator", values="value", aggfunc="max")
    fig, ax = plt.subplots(figsize=(6.3, 3.4))
    table.plot.bar(ax=ax, rot=0, color=["#1f4e79", "#c55a11"])
    ax.legend(["Đã thành lập", "Đang hoạt động"], frameon=False)
    ax.set_title("Cụm công nghiệp qua các kỳ hội nghị", fontweight="bold")
    plt.savefig(path, dpi=DPI, bbox_inches="tight")
    plt.close(fig)


def region_products(figures, year):
    """Return the region's product figures reported at the edition of *year*."""
    return figures[(figures.scope == "region") & (figures.edition_year == year)
                   & figures.indicator.isin(["product_output", "product_growth"])]


def products_chart(products, host, path: Path) -> None:
    """Write the region's product growth as horizontal bars to *path*."""
    growth = products[products.indicator == "product_growth"]
    fig, ax = plt.subplots(figsize=(6.3, 3.4))
    bars = ax.barh(growth.subject, growth.value, color="#1f4e79")
    ax.bar_label(bars, labels=[vn(v) + "%" for v in growth.value], fontsize=7)
    ax.invert_yaxis()
    ax.set_title("Tăng trưởng một số sản phẩm chủ yếu của khu vực", fontweight="bold")
    plt.savefig(path, dpi=DPI, bbox_inches="tight")
    plt.close(fig)


def draw_charts(tables, year, host, folder: Path) -> list[tuple[Path, str]]:
    """Return the six chart files drawn into *folder* with their captions."""
    folder.mkdir(parents=True, exist_ok=True)
    figures = tables["indicators"]
    charts = []
    for number, (indicator, title) in enumerate((("retail_sales", "Tổng mức bán lẻ qua các năm"),
                                                  ("export_value", "Kim ngạch xuất khẩu qua các năm")), 1):
        rows = annual(figures, indicator, year)
        rows = rows[rows.unit == rows.unit.iloc[-1]]
        path = folder / f"0{number}-{indicator}.png"
        bar_chart(rows.period.astype(str), rows.value, title, rows.unit.iloc[-1], path)
        charts.append((path, title))
    charts.append((folder / "03-growth.png", "Tốc độ tăng các chỉ tiêu chủ yếu"))
    growth_lines(figures, year, charts[-1][0])
    partial = region(figures, "retail_growth", year)
    partial = partial[~partial.period.astype(str).str.fullmatch(r"\d{4}")].sort_values("edition_year")
    charts.append((folder / "04-partial.png", "Tăng bán lẻ các tháng đầu năm"))
    bar_chart(partial.period, partial.value, charts[-1][1], "%", charts[-1][0])
    charts.append((folder / "05-clusters.png", "Cụm công nghiệp"))
    clusters_chart(figures, year, charts[-1][0])
    products = region_products(figures, year)
    charts.append((folder / "06-products.png", "Sản phẩm chủ yếu của khu vực"))
    products_chart(products, host, charts[-1][0])
    return charts


def fill_table(document, header: list[str], rows: list[list[str]], caption: str) -> None:
    """Add a captioned grid table, one ``table.cell()`` call per cell."""
    document.add_paragraph(caption).alignment = WD_ALIGN_PARAGRAPH.CENTER
    table = document.add_table(rows=len(rows) + 1, cols=len(header))
    table.style = "Table Grid"
    for column, text in enumerate(header):
        table.cell(0, column).text = text
        table.cell(0, column).paragraphs[0].runs[0].bold = True
    for row_number, row in enumerate(rows, 1):
        for column, text in enumerate(row):
            table.cell(row_number, column).text = str(text)


def headline_table(figures, year) -> list[list[str]]:
    """Return indicator rows with the value of the last whole year and of the current period."""
    rows = []
    for indicator, name in HEADLINES.items():
        found = region(figures, indicator, year)
        last = found[found.period.astype(str) == str(year - 1)]
        current = found[found.period.astype(str).str.endswith(str(year)) & (found.period != str(year))]
        unit = found.unit.iloc[0] if len(found) else ""
        rows.append([name, unit, vn(last.value.iloc[0]) if len(last) else "…",
                     vn(current.value.iloc[0]) if len(current) else "…"])
    return rows


def editions_table(tables) -> list[list[str]]:
    """Return one row per earlier edition with its host and headline results."""
    figures = tables["indicators"]
    rows = []
    for _, edition in tables["editions"].iterrows():
        cells = [str(edition.year), str(edition.ordinal), "" if pd.isna(edition.host) else edition.host]
        for indicator in ("iip_growth", "retail_sales", "retail_growth", "export_value", "export_growth"):
            found = figures[(figures.edition_year == edition.year) & (figures.scope == "region")
                            & (figures.indicator == indicator)]
            cells.append(vn(found.value.iloc[0]) if len(found) else "")
        rows.append(cells)
    return rows


def add_text(document, tables, year, host) -> None:
    """Add the narrative paragraphs of sections I–III."""
    figures = tables["indicators"]
    edition = tables["editions"][tables["editions"].year == year].iloc[0]
    document.add_heading("I. KHÁI QUÁT VỀ HỘI NGHỊ", level=1)
    document.add_paragraph(f"Hội nghị ngành Công Thương các tỉnh, thành phố khu vực phía Bắc năm {year} "
                           f"(lần thứ {edition.ordinal}) do tỉnh {host} đăng cai, ngày {edition.date}.")
    document.add_paragraph(f"Kỳ báo cáo: {edition.period}.")
    document.add_heading("II. KẾT QUẢ PHÁT TRIỂN NGÀNH CÔNG THƯƠNG", level=1)
    for indicator, name in HEADLINES.items():
        for _, row in region(figures, indicator, year).tail(2).iterrows():
            document.add_paragraph(f"{name} ({row.period}) đạt {vn(row.value)} {row.unit}.")
    products = region_products(figures, year)
    for _, row in products[products.indicator == "product_output"].iterrows():
        document.add_paragraph(f"- Sản lượng {row.subject} {row.period} đạt {vn(row.value)} {row.unit}.",
                               style="List Bullet")
    document.add_heading("III. TỒN TẠI, HẠN CHẾ", level=1)
    for text in LIMITATIONS:
        document.add_paragraph(text, style="List Bullet")


def add_tasks(document, tables, year) -> None:
    """Add sections V and VI: the task groups and the proposals."""
    document.add_heading("V. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM", level=1)
    targets = tables["targets"][tables["targets"].year == year]
    for _, target in targets.iterrows():
        bounds = f"{vn(target.low)}–{vn(target.high)}"
        document.add_paragraph(f"Mục tiêu {target.indicator}: {bounds} {target.unit}.")
    for number, (_, task) in enumerate(tables["task_groups"].sort_values("order").iterrows()):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"Thứ {ORDINALS[number % len(ORDINALS)]}, ").bold = True
        paragraph.add_run(task.text.replace("{{ resolution }}", "Nghị quyết của Chính phủ"))
    document.add_heading("VI. KIẾN NGHỊ, ĐỀ XUẤT", level=1)
    for number, text in enumerate(PROPOSALS, 1):
        document.add_paragraph(f"{number}. {text}")


def add_tables(document, tables, year, host) -> None:
    """Add the six tables."""
    figures = tables["indicators"]
    products = region_products(figures, year)
    output = products[products.indicator == "product_output"]
    growth = products[products.indicator == "product_growth"].set_index("subject").value
    fill_table(document, ["Sản phẩm", "Đơn vị", "Sản lượng", "So với cùng kỳ (%)"],
               [[r.subject, r.unit, vn(r.value), vn(growth.get(r.subject))] for r in output.itertuples()],
               "Bảng 1. Sản phẩm chủ yếu của khu vực")
    fill_table(document, ["Chỉ tiêu", "Đơn vị", f"Năm {year - 1}", f"Kỳ báo cáo {year}"],
               headline_table(figures, year), "Bảng 2. Một số chỉ tiêu chủ yếu của khu vực")
    fill_table(document, ["Năm", "Lần", "Đăng cai", "IIP (%)", "Bán lẻ", "Tăng bán lẻ (%)", "Xuất khẩu",
                          "Tăng xuất khẩu (%)"], editions_table(tables), "Bảng 3. Các kỳ hội nghị")
    fill_table(document, ["Năm", "Chỉ tiêu", "Từ", "Đến", "Đơn vị"],
               [[str(r.year), r.indicator, vn(r.low), vn(r.high), r.unit]
                for r in tables["targets"].itertuples()],
               "Bảng 4. Mục tiêu của Chính phủ")
    sources = figures.groupby("source").size().reset_index(name="count")
    fill_table(document, ["STT", "Nguồn", "Số số liệu"],
               [[str(i), r.source, str(r.count)] for i, r in enumerate(sources.itertuples(), 1)],
               "Bảng 5. Nguồn số liệu")
    merged = tables["province_merger"].groupby("new").old.apply(", ".join).reset_index()
    fill_table(document, ["Đơn vị mới", "Hình thành từ"], merged.values.tolist(),
               "Bảng 6. Đơn vị hành chính cấp tỉnh sau sắp xếp")


def new_document():
    """Return an A4 document in Times New Roman 13 with the usual margins."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(13)
    return document


def build(year: int, host: str, data_dir: Path, out: Path) -> Path:
    """Return the path of the peer draft written into *out*."""
    tables = load(data_dir)
    charts = draw_charts(tables, year, host, out / "charts")
    document = new_document()
    title = document.add_paragraph("BÁO CÁO")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.runs[0].bold = True
    add_text(document, tables, year, host)
    add_tables(document, tables, year, host)
    document.add_heading("IV. SO SÁNH VỚI CÁC KỲ HỘI NGHỊ TRƯỚC", level=1)
    for number, (path, caption) in enumerate(charts, 1):
        document.add_picture(str(path), width=Cm(16))
        document.add_paragraph(f"Hình {number}. {caption}").alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_tasks(document, tables, year)
    path = out / f"peer-{year}.docx"
    document.save(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--host", default="Tuyên Quang")
    parser.add_argument("--data-dir", type=Path, default=PROJECT / "data")
    parser.add_argument("--out", type=Path, default=Path("output-peer"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    print(build(args.year, args.host, args.data_dir, args.out))


if __name__ == "__main__":
    main()
