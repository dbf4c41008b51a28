"""Vietnamese prose for figures: "3.000", "hơn 3.000", "ngày 16 tháng 10 năm 2023".

The rounding rule for "hơn N" (documented in ctip/reporting/README.md): N is the largest
multiple of a step strictly below the value, the step being 10 to the power (digits - 2), at
least 10; so 3.110 reads "hơn 3.100", 9.610 "hơn 9.600", 3.300 "hơn 3.200". Values under 100
are never rounded: "hơn 45" would hide too much of a small count.
"""

from __future__ import annotations

from ctip.core.text import vn_date, vn_int, vn_long_date

# Dates follow the one rule of ctip.core.text (shared with the victims' papers).
__all__ = ["figure_text", "round_down", "vn_date", "vn_long_date"]


def round_down(value: int) -> int:
    step = max(10, 10 ** (len(str(value)) - 2))
    return ((value - 1) // step) * step


def figure_text(value: int, *, estimate: bool, round_large: bool) -> tuple[str, bool]:
    """The words for a count, and whether they are a lower bound ("hơn N")."""
    if value >= 100 and (estimate or (round_large and value >= 1000)):
        return f"hơn {vn_int(round_down(value))}", True
    return vn_int(value), False
