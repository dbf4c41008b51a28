"""Vietnamese text helpers."""

from __future__ import annotations

import unicodedata


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
