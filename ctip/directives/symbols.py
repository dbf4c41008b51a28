"""Number/symbol of official documents (Decree 30/2020/NĐ-CP; domain README §7).

Forms accepted:
- administrative documents: "207/BC-UBND" (number/KIND-ISSUER), joint ones with several issuers
  "2467/QCPH-LĐTBXH-CA-BP-SNgV";
- official letters, which carry no kind: "5645/UBND-NC", "3131/BCA-V03" (number/ISSUER-UNIT);
- legal documents with their year: "24/2012/TTLT-BLĐTBXH-BNV-BTC", "45/2025/NĐ-CP", and laws and
  resolutions of the National Assembly "53/2024/QH15" (number/year/ISSUER);
- Party documents: "13-KL/TW", "48-CT/TW" (number-KIND/ISSUER).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ctip.core.bounds import MAX_COUNT, MAX_YEAR, MIN_YEAR

# Kinds of document that appear in a symbol (Decree 30/2020 Appendix III, Party regulations).
KINDS = {
    "BC": "Báo cáo",
    "KH": "Kế hoạch",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "KL": "Kết luận",
    "NQ": "Nghị quyết",
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "QCPH": "Quy chế phối hợp",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "HD": "Hướng dẫn",
    "TB": "Thông báo",
    "CTr": "Chương trình",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "TTr": "Tờ trình",
    "CĐ": "Công điện",
    "GM": "Giấy mời",
    "BB": "Biên bản",
    "HĐ": "Hợp đồng",
}
OFFICIAL_LETTER = "CV"  # công văn: no kind in the symbol
LAW = "L"  # a law or resolution whose symbol names only the issuer (53/2024/QH15)

_CODE = r"[A-Za-zĐđ][A-Za-zĐđ0-9]*"
_ADMIN = re.compile(rf"^(?P<number>\d+)/(?P<codes>{_CODE}(?:-{_CODE})+)$")
_DATED = re.compile(rf"^(?P<number>\d+)/(?P<year>\d{{4}})/(?P<codes>{_CODE}(?:-{_CODE})*)$")
_PARTY = re.compile(rf"^(?P<number>\d+)-(?P<kind>{_CODE})/(?P<issuer>{_CODE})$")


class SymbolError(ValueError):
    pass


@dataclass(frozen=True)
class Symbol:
    number: int
    kind: str  # a KINDS key, OFFICIAL_LETTER or LAW
    issuers: tuple[str, ...]
    year: int | None = None
    unit: str = ""  # the drafting unit of an official letter ("NC" in 5645/UBND-NC)
    party: bool = False
    text: str = field(default="", compare=False)


def parse_symbol(text: str) -> Symbol:
    """Parse a number/symbol, or raise SymbolError with a Vietnamese message."""
    raw = " ".join((text or "").split())
    cleaned = raw.removeprefix("Số:").removeprefix("Số").strip().replace(" ", "")
    if not cleaned:
        raise SymbolError(_("Chưa nhập số, ký hiệu văn bản."))
    symbol = _parse(cleaned)
    if not 0 <= symbol.number <= MAX_COUNT:
        raise SymbolError(
            _("Số %(number)s trong ký hiệu “%(symbol)s” quá lớn.")
            % {"number": symbol.number, "symbol": cleaned}
        )
    return symbol


def _parse(cleaned: str) -> Symbol:
    if m := _PARTY.match(cleaned):
        kind = _kind(m["kind"], cleaned)
        return Symbol(int(m["number"]), kind, (m["issuer"],), party=True, text=cleaned)
    if m := _DATED.match(cleaned):
        codes = m["codes"].split("-")
        year = int(m["year"])
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise SymbolError(_("Năm %(year)s trong ký hiệu không hợp lệ.") % {"year": year})
        if _known_kind(codes[0]) and len(codes) > 1:
            return Symbol(
                int(m["number"]), _known_kind(codes[0]), tuple(codes[1:]), year, text=cleaned
            )
        if len(codes) == 1:
            return Symbol(int(m["number"]), LAW, (codes[0],), year, text=cleaned)
        raise SymbolError(_bad(cleaned))
    if m := _ADMIN.match(cleaned):
        codes = m["codes"].split("-")
        kind = _known_kind(codes[0])
        if kind:
            return Symbol(int(m["number"]), kind, tuple(codes[1:]), text=cleaned)
        # No kind: an official letter, ISSUER-UNIT.
        if len(codes) != 2:
            raise SymbolError(_bad(cleaned))
        return Symbol(int(m["number"]), OFFICIAL_LETTER, (codes[0],), unit=codes[1], text=cleaned)
    raise SymbolError(_bad(cleaned))


def _known_kind(code: str) -> str:
    return code if code in KINDS else ""


def _kind(code: str, text: str) -> str:
    if code not in KINDS:
        raise SymbolError(
            _("“%(kind)s” trong “%(symbol)s” không phải loại văn bản đã biết.")
            % {"kind": code, "symbol": text}
        )
    return code


def _bad(text: str) -> str:
    return _(
        "Số, ký hiệu “%(symbol)s” không đúng thể thức (ví dụ: 34/KH-UBND, 5645/UBND-NC, "
        "24/2012/TTLT-BLĐTBXH-BNV-BTC, 13-KL/TW)."
    ) % {"symbol": text}
