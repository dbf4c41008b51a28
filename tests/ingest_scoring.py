"""The score of the figure extractor over a held-out set of sentences (issue 25): (kind, value,
bound) compared as multisets per sentence, the unit noun left out (as written it may differ).
Shared by tests/test_ingest_heldout*.py, which keep only their sentences."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ctip.ingest.extract import extract

Figures = Counter[tuple[str, int, str]]
Sentences = list[tuple[str, list[tuple[str, int, str, str]]]]


def _scored(figures: list[tuple[str, int, str, str]]) -> Figures:
    return Counter((kind, value, bound) for kind, value, bound, _noun in figures)


def _found(sentence: str) -> Figures:
    return Counter((f.kind, f.value, f.bound) for f in extract(sentence))


def _report(rows: list[tuple[int, str, Figures, Figures]]) -> list[str]:
    """The misses and false hits of each sentence that has any, for the person reading the run."""
    lines = []
    for index, sentence, missed, false_hits in rows:
        if missed or false_hits:
            lines.append(f"[{index}] {sentence}")
            lines.extend(f"    miss: {item}" for item in sorted(missed.elements()))
            lines.extend(f"    false hit: {item}" for item in sorted(false_hits.elements()))
    return lines


def score(name: str, sentences: Sentences, capsys: Any) -> tuple[float, float]:
    """(precision, recall) over `sentences`, printed with every miss and false hit."""
    hits = found_total = expected_total = 0
    rows = []
    for index, (sentence, expected) in enumerate(sentences):
        found, wanted = _found(sentence), _scored(expected)
        hits += sum((found & wanted).values())
        found_total += sum(found.values())
        expected_total += sum(wanted.values())
        rows.append((index, sentence, wanted - found, found - wanted))
    precision = hits / found_total if found_total else 0.0
    recall = hits / expected_total
    with capsys.disabled():
        print(
            f"\nissue 25 extraction, {name}: {len(sentences)} sentences, {expected_total} figures "
            f"expected, {found_total} found, {hits} right: precision {precision:.3f}, "
            f"recall {recall:.3f} (goal 0.95, floor 0.80)"
        )
        print("\n".join(_report(rows)))
    return precision, recall
