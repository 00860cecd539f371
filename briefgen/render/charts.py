"""Draw chart specs as PNG bytes with matplotlib's object API (no pyplot global state)."""

from __future__ import annotations

import io

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from briefgen.model import ChartSpec, Series
from briefgen.numbers import fmt_number

# DejaVu Sans covers every Vietnamese letter; Times-like fonts on CI machines may not.
STYLE = {"font.family": "DejaVu Sans", "font.size": 9, "axes.spines.top": False,
         "axes.spines.right": False, "svg.hashsalt": "briefgen"}
COLOURS = ("#1f4e79", "#c55a11", "#548235", "#7f6000")
SIZE_INCHES = (6.3, 3.4)
DPI = 150
MISSING_TEXT = "chưa có\nsố liệu"


def _vi_ticks(value: float, _position: int) -> str:
    return fmt_number(round(value, 1)) if value % 1 else fmt_number(int(value))


def _label(value) -> str:
    return fmt_number(value)


def _draw_bars(ax, spec: ChartSpec) -> None:
    count = len(spec.series)
    width = 0.8 / count
    labels = [p.label for p in spec.series[0].points]
    top = max((float(p.value) for s in spec.series for p in s.points if p.value is not None), default=1)
    for i, series in enumerate(spec.series):
        xs = [j + (i - (count - 1) / 2) * width for j in range(len(series.points))]
        for x, point in zip(xs, series.points):
            if point.value is None:  # no bar: a height would be invented
                if not point.is_gap:    # a year no one reported stays an empty category
                    ax.text(x, 0, MISSING_TEXT, ha="center", va="bottom", fontsize=7, color="#666666")
                continue
            ax.bar(x, float(point.value), width, color=COLOURS[i % len(COLOURS)])
            mark = "*" if point.note else ""
            ax.text(x, float(point.value), _label(point.value) + mark, ha="center", va="bottom", fontsize=7)
            if point.note:
                ax.figure.text(0.01, 0.01, "* số liệu ước tính hoặc từ nguồn cần kiểm tra",
                               fontsize=7, color="#555555")
    ax.set_xticks(range(len(labels)), labels)
    bottom = min([0.0] + [float(p.value) for s in spec.series for p in s.points if p.value is not None])
    ax.set_ylim(bottom * 1.15, top * 1.15)
    if count > 1:
        for i, series in enumerate(spec.series):  # legend entries even for series with gaps
            ax.bar([0], [0], width=0, color=COLOURS[i % len(COLOURS)], label=series.name)
        ax.legend(frameon=False, fontsize=8)


def _draw_barh(ax, spec: ChartSpec) -> None:
    points = spec.series[0].points
    ys = range(len(points))
    values = [float(p.value) if p.value is not None else 0.0 for p in points]
    ax.barh(list(ys), values, color=COLOURS[0])
    for y, point in zip(ys, points):
        mark = f" ({point.note})" if point.note else ""
        text = _label(point.value) + "%" + mark if point.value is not None else "chưa có số liệu"
        ax.text(values[y], y, " " + text, va="center", fontsize=7)
    ax.set_yticks(list(ys), [p.label for p in points])
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(FuncFormatter(_vi_ticks))
    ax.set_xlabel(spec.unit)


def _runs(points: list[tuple[int, float]]) -> list[list[tuple[int, float]]]:
    """Split year-sorted points into runs of consecutive years (a line never bridges a gap)."""
    runs: list[list[tuple[int, float]]] = []
    for year, value in points:
        if runs and year == runs[-1][-1][0] + 1:
            runs[-1].append((year, value))
        else:
            runs.append([(year, value)])
    return runs


def _draw_lines(ax, spec: ChartSpec) -> None:
    years = sorted({int(p.label) for s in spec.series for p in s.points})
    flagged = False
    for i, series in enumerate(spec.series):
        colour = COLOURS[i % len(COLOURS)]
        known = [(int(p.label), float(p.value), p.note) for p in series.points if p.value is not None]
        for run in _runs([(x, y) for x, y, _ in known]):
            xs, ys = zip(*run)
            ax.plot(xs, ys, marker="o", color=colour)
        ax.plot([], [], marker="o", color=colour, label=series.name)
        for x, y, note in known:
            flagged |= bool(note)
            ax.annotate(fmt_number(round(y, 1)) + ("*" if note else ""), (x, y),
                        textcoords="offset points", xytext=(0, 4), ha="center", fontsize=7)
    ax.set_xticks(years, [str(y) for y in years])
    ax.axhline(0, color="#999999", linewidth=0.6)
    ax.legend(frameon=False, fontsize=8)
    if flagged:
        ax.figure.text(0.01, 0.01, "* số liệu ước tính hoặc từ nguồn cần kiểm tra", fontsize=7,
                       color="#555555")


DRAWERS = {"bar": _draw_bars, "barh": _draw_barh, "line": _draw_lines}


def plot_chart(spec: ChartSpec) -> bytes:
    """Return *spec* drawn as PNG bytes (same spec, same bytes)."""
    with matplotlib.rc_context(STYLE):
        figure = Figure(figsize=SIZE_INCHES, dpi=DPI)
        FigureCanvasAgg(figure)
        ax = figure.add_subplot()
        DRAWERS[spec.kind](ax, spec)
        ax.set_title(spec.title, fontsize=10, fontweight="bold")
        if spec.kind != "barh":
            ax.set_ylabel(spec.unit)
            ax.yaxis.set_major_formatter(FuncFormatter(_vi_ticks))
        figure.tight_layout()
        figure.set_layout_engine(None)  # layout done: spares savefig a second, layout-only draw
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def has_data(series: tuple[Series, ...]) -> bool:
    """Return whether any point of the chart has a value."""
    return any(p.value is not None for s in series for p in s.points)
