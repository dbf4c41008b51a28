"""Spreadsheet export helpers."""

from __future__ import annotations

from typing import Any

# A cell starting with one of these is a formula to Excel and LibreOffice ("CSV/formula
# injection"): text exported from user input is prefixed with an apostrophe-like quote.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
