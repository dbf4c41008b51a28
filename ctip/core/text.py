"""Vietnamese text helpers."""

from __future__ import annotations

import unicodedata
from datetime import date


def fold(text: str) -> str:
    """Lower case without diacritics, for accent-insensitive search: "Kế hoạch" -> "ke hoach",
    "Đặng Thị HOÀ" -> "dang thi hoa". Whitespace is collapsed."""
    text = text.replace("Đ", "D").replace("đ", "d")
    stripped = "".join(
        ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn"
    )
    return " ".join(stripped.lower().split())


def vn_int(value: int) -> str:
    """Thousands grouped with "." as Vietnamese writes them: 3000 -> "3.000"."""
    return f"{value:,}".replace(",", ".")


def vn_date_parts(day: date) -> tuple[str, str, str]:
    """Day, month and year as Decree 30/2020 (Appendix I) has them written: a leading zero for
    days under 10 and for the months 1 and 2 ("05", "02"), none otherwise ("9"); the zero
    leaves no room to add a digit later (1 into 11 or 12). The one rule for reports and
    papers."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{day.day:02d}", month, str(day.year)


def vn_date(day: date) -> str:
    """ "05/9/2023", "19/02/2021", "16/10/2023"."""
    return "/".join(vn_date_parts(day))


def vn_long_date(day: date) -> str:
    """ "ngày 05 tháng 9 năm 2023", the place-and-date line of Decree 30/2020."""
    d, m, y = vn_date_parts(day)
    return f"ngày {d} tháng {m} năm {y}"
