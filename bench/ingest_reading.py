"""Time to read figures out of long Vietnamese texts (issue 25: `ctip.ingest.extract`), at
growing sizes, to show it grows with the text's length, not its square (a review measured 54 s
for 200.000 characters pasted as one paragraph, and 5 s for one 20.000-character sentence).

Usage: .venv/bin/python bench/ingest_reading.py

Two shapes, each at 25.000 to 200.000 characters: one paragraph of many sentences, and one
run-on sentence of many clauses. Prints Markdown rows (characters, seconds, figures found, µs
per character) for docs/benchmarks.md; the median of three runs each.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ctip.settings")

import django  # noqa: E402

django.setup()

from ctip.ingest.extract import extract  # noqa: E402

PARAGRAPH = (
    "Năm 2024, Công an tỉnh phối hợp với Bộ đội Biên phòng tỉnh tổ chức 126 buổi tuyên truyền "
    "tại 14/16 xã, mỗi buổi khoảng 30 - 50 người. Trong quý I/2025, lực lượng chức năng giải cứu "
    "14 nạn nhân, trong đó có 05 trẻ em; khởi tố 03 vụ/07 bị can. "
)
CLAUSE = "tổ chức 12 buổi tuyên truyền tại 05 xã cho khoảng 300 người dân; giải cứu 02 nạn nhân, "


def timed(text: str) -> tuple[float, int]:
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        found = extract(text)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs), len(found)


def main() -> None:
    print("| Shape | Characters | Seconds | Figures | µs per character |")
    print("|---|---|---|---|---|")
    for shape, unit, head in (
        ("paragraph", PARAGRAPH, ""),
        ("run-on sentence", CLAUSE, "Năm 2024, "),
    ):
        for size in (25_000, 50_000, 100_000, 200_000):
            text = head + unit * (size // len(unit) + 1)
            seconds, figures = timed(text)
            per = seconds / len(text) * 1e6
            print(f"| {shape} | {len(text):,} | {seconds:.2f} | {figures:,} | {per:.1f} |")


if __name__ == "__main__":
    main()
