"""Every source of work, one small module per domain; the queue asks those whose permission the
user holds."""

from __future__ import annotations

from ctip.work.items import Source
from ctip.work.sources import enforcement, reporting, victims

SOURCES: list[Source] = [
    *victims.SOURCES,
    *enforcement.SOURCES,
    *reporting.SOURCES,
]
