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
            if point.value is None:
                ax.bar(x, top * 0.12, width, fill=False, hatch="///", edgecolor="#999999")
                ax.text(x, top * 0.14, MISSING_TEXT, ha="center", va="bottom", fontsize=7, color="#666666")
                continue
            ax.bar(x, float(point.value), width, color=COLOURS[i % len(COLOURS)],
                   label=series.name if x == xs[0] else None)
            mark = f" ({point.note})" if point.note else ""
            ax.text(x, float(point.value), _label(point.value) + mark, ha="center", va="bottom", fontsize=7)
    ax.set_xticks(range(len(labels)), labels)
    if count > 1:
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


def _draw_lines(ax, spec: ChartSpec) -> None:
    years = sorted({p.label for s in spec.series for p in s.points})
    for i, series in enumerate(spec.series):
        known = [(years.index(p.label), float(p.value)) for p in series.points if p.value is not None]
        if not known:
            continue
        xs, ys = zip(*known)
        ax.plot(xs, ys, marker="o", color=COLOURS[i % len(COLOURS)], label=series.name)
        for x, y in known:
            ax.annotate(fmt_number(round(y, 1)), (x, y), textcoords="offset points", xytext=(0, 4),
                        ha="center", fontsize=7)
    ax.set_xticks(range(len(years)), years)
    ax.axhline(0, color="#999999", linewidth=0.6)
    ax.legend(frameon=False, fontsize=8)


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
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def has_data(series: tuple[Series, ...]) -> bool:
    """Return whether any point of the chart has a value."""
    return any(p.value is not None for s in series for p in s.points)
