"""How reports word the registry's indicators: every phrase, folded (lower case, "hóa" spelling).

The registry (``indicators.py``) gives each indicator the phrases below; the extractor reads
them from there. Reports name one subject in many ways, so most lists are built from heads
and tails ("chỉ số sản xuất" + " toàn ngành công nghiệp" + " (iip)").
"""

from __future__ import annotations


def phrases(heads, tails) -> list[str]:
    """Return every head followed by every tail: the wordings of one subject."""
    return [head + tail for head in heads for tail in tails]


# "chỉ số [phát triển] sản xuất [của] [toàn] ngành công nghiệp (IIP)", "chỉ số IIP của toàn ngành
# công nghiệp", "IIP toàn ngành": the qualifiers belong to the subject, they start no new topic.
_INDUSTRY = ["", " công nghiệp", " ngành công nghiệp", " toàn ngành công nghiệp", " toàn ngành",
             " toàn ngành công nghiệp", " của ngành công nghiệp", " của toàn ngành công nghiệp",
             " của toàn ngành", " sản xuất công nghiệp", " sản xuất ngành công nghiệp",
             " sản xuất toàn ngành công nghiệp"]
_IIP_HEADS = ["chỉ số sản xuất", "chỉ số phát triển sản xuất", "chỉ số phát triển",
              "chỉ số", "chỉ số iip", "iip"]
_ACRONYM = ["", " (iip)"]
IIP = tuple([p for p in phrases(phrases(_IIP_HEADS, _INDUSTRY), _ACRONYM)
             if p not in ("chỉ số", "chỉ số (iip)", "chỉ số phát triển", "chỉ số sản xuất")
             ] + ["chỉ số sản xuất (iip)", "chỉ số (iip)"])
# Industry as a whole: a growth of it is the IIP, a level of money its output value.
INDUSTRY = ("sản xuất công nghiệp",)
OUTPUT = tuple(phrases(["giá trị sản xuất"], [t for t in _INDUSTRY if "công nghiệp" in t
                                              and "sản xuất" not in t]) +
               phrases(phrases(["giá trị sản xuất"], [" công nghiệp", " toàn ngành công nghiệp"]),
                       [" (gtsxcn)"]) + ["gtsxcn"])
# Retail with services, in its many wordings: "tổng mức bán lẻ [hàng hóa] và doanh thu dịch vụ
# [tiêu dùng]", "doanh thu bán lẻ hàng hóa và dịch vụ", "tổng mức lưu chuyển hàng hóa bán lẻ".
_RETAIL_HEADS = ["tổng mức bán lẻ", "tổng mức bán lẻ hàng hóa", "doanh thu bán lẻ",
                 "tổng doanh thu bán lẻ", "tổng doanh thu bán lẻ hàng hóa",
                 "tổng mức lưu chuyển hàng hóa", "tổng mức lưu chuyển hàng hóa bán lẻ",
                 "tổng mức luân chuyển hàng hóa bán lẻ", "tổng mức lưu chuyển hàng hóa và dịch vụ",
                 "tổng mức lưu chuyển hàng hóa bán lẻ và dịch vụ"]
_SERVICES = ["", " và doanh thu dịch vụ", " và dịch vụ", " và doanh thu dịch vụ tiêu dùng",
             " và dịch vụ tiêu dùng", " và doanh thu dịch vụ tiêu dùng xã hội", " xã hội",
             " và dịch vụ tiêu dùng xã hội", " hàng hóa và dịch vụ tiêu dùng xã hội",
             " hàng hóa và dịch vụ"]
_GOODS = ["bán lẻ hàng hóa", "doanh thu bán lẻ hàng hóa"]
# "bán lẻ" alone is a table's short label, "bán lẻ tăng 10,6" ("giá bán lẻ" is a price).
RETAIL = tuple(phrases(_RETAIL_HEADS, _SERVICES) + phrases(_GOODS, _SERVICES[1:]) + ["bán lẻ"])
# Goods only: the retail figure where the report gives no total with services (else a part).
RETAIL_GOODS = tuple(_GOODS)
EXPORT = ("kim ngạch xuất khẩu", "giá trị xuất khẩu", "xuất khẩu")
