"""Chart specs from the filled forms: province ranking, shares of the regional total, the host."""

from __future__ import annotations

from briefgen.analyze.provinces_table import TABLE_MEASURES, PeriodProvinces, ProvinceFindings
from briefgen.model import ChartSpec, Point, Series

HOST_MARK = "đăng cai"


def _note(figure, is_host: bool) -> str | None:
    notes = [n for n in (HOST_MARK if is_host else None, figure.estimate_word) if n]
    return ", ".join(notes) or None


def ranking_chart(period: PeriodProvinces) -> ChartSpec | None:
    """Return the provinces ranked by IIP growth (an index: ranked, never added up)."""
    ranked = sorted((line for line in period.lines if line.iip is not None), key=lambda l: -l.iip.value)
    if not ranked:
        return None
    points = tuple(Point(line.name, line.iip.value, _note(line.iip, line.is_host), line.iip.id) for line in ranked)
    label = period.period.short_label
    return ChartSpec("province_ranking", "barh", f"Tốc độ tăng IIP theo địa phương, {label}", "%",
                     (Series(label, points),),
                     f"Xếp hạng tốc độ tăng chỉ số sản xuất công nghiệp (IIP) của các tỉnh, thành phố "
                     f"{period.period.label} so với cùng kỳ",
                     figure_ids=tuple(line.iip.id for line in ranked))


def share_chart(period: PeriodProvinces, indicator: str) -> ChartSpec | None:
    """Return each province's share of the regional total of *indicator*, largest first."""
    summary = next((v for v in period.values if v.measure.indicator == indicator), None)
    if summary is None:
        return None
    shared = sorted((line for line in period.lines if line.get(indicator, "share")),
                    key=lambda l: -l.get(indicator, "share").value)
    if not shared:
        return None
    points = tuple(Point(line.name, line.get(indicator, "share").value,
                         _note(line.get(indicator, "share"), line.is_host), line.get(indicator, "share").id)
                   for line in shared)
    short = summary.measure.short
    return ChartSpec(f"province_share_{indicator}", "barh",
                     f"Tỷ trọng trong {short.lower()} toàn khu vực, {period.period.short_label}", "%",
                     (Series(short, points),),
                     f"Tỷ trọng của các tỉnh, thành phố trong {summary.measure.noun} "
                     f"của khu vực {period.period.label}",
                     figure_ids=tuple(line.get(indicator, "share").id for line in shared))


def host_chart(findings: ProvinceFindings) -> ChartSpec | None:
    """Return the host's growth rates next to the region's, for the latest period it reported."""
    if not findings.host_periods:
        return None
    latest = findings.host_periods[-1]
    host_points, region_points, ids = [], [], []
    if latest.iip is not None and latest.iip_median is not None:
        host_points.append(Point("IIP", latest.iip.value, _note(latest.iip, False), latest.iip.id))
        region_points.append(Point("IIP", latest.iip_median.value, _note(latest.iip_median, False),
                                   latest.iip_median.id))
        ids += [latest.iip.id, latest.iip_median.id]
    for item in latest.values:
        if item.growth is None:
            continue
        region = item.region_growth
        host_points.append(Point(item.measure.short, item.growth.value, _note(item.growth, False),
                                 item.growth.id))
        region_points.append(Point(item.measure.short, region.value if region else None,
                                   _note(region, False) if region else None, region.id if region else None))
        ids += [item.growth.id] + ([region.id] if region else [])
    if not host_points:
        return None
    label = latest.period.short_label
    return ChartSpec("host_vs_region", "bar", f"{findings.host_name} và toàn khu vực, {label}", "%",
                     (Series(findings.host_name, tuple(host_points)),
                      Series("Toàn khu vực", tuple(region_points))),
                     f"Tốc độ tăng một số chỉ tiêu của {findings.host_name} so với toàn khu vực "
                     f"{latest.period.label} (IIP khu vực: trung vị của các tỉnh, thành phố)",
                     figure_ids=tuple(ids))


def province_charts(findings: ProvinceFindings) -> tuple[ChartSpec, ...]:
    """Return the charts of the province section and of the host paragraph."""
    latest = findings.latest
    if latest is None:
        return ()
    specs = [ranking_chart(latest), *(share_chart(latest, key) for key in TABLE_MEASURES), host_chart(findings)]
    return tuple(s for s in specs if s)
