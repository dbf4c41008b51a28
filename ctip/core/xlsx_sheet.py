"""The worksheet's parser handlers: cells and rows turned into values within the row, column
and cell bounds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from ctip.core.bounds import MAX_IMPORT_TEXT
from ctip.core.cells import TooLong
from ctip.core.xlsx_stream import (
    EXCEL_COLUMNS,
    EXCEL_ROWS,
    FORMULA,
    BoundedText,
    TextBudget,
    as_int,
    damaged,
    ignore,
    local_name,
    too_many_columns,
    too_many_rows,
)


def _column(reference: str) -> int:
    """1 for "A1", 28 for "AB7"; 0 when the reference has no letters."""
    number = 0
    for char in reference:
        if "A" <= char <= "Z":
            number = number * 26 + ord(char) - 64
        elif "a" <= char <= "z":
            number = number * 26 + ord(char) - 96
        else:
            break
        if number > EXCEL_COLUMNS:
            raise damaged()
    return number


def _learn(table: dict[str, Callable], name: str) -> Callable:
    """The handler of `name` by its local name ("x:c" is "c"); remembered for prefixed names
    (a writer uses one prefix), not for unknown ones (a hostile file could name millions)."""
    handler = table.get(local_name(name))
    if handler is None:
        return ignore
    if len(table) < 64:
        table[name] = handler
    return handler


class Sheet:
    """The parser's handlers for a worksheet: a table of handlers by element name (names with a
    namespace prefix are added once seen, up to a bound), and caches of column letters and
    styles, since a sheet repeats both on every row."""

    def __init__(
        self,
        strings: list[Any],
        dates: frozenset[int],
        epoch: Any,
        max_rows: int,
        max_columns: int,
        max_cell: int,
    ):
        self.strings, self.epoch = strings, epoch
        self.dates = frozenset(str(index) for index in dates)
        self.max_rows, self.max_columns = max_rows, max_columns
        self.budget = TextBudget(MAX_IMPORT_TEXT)
        self.text = BoundedText(max_cell)
        self.done: list[tuple[int, list[Any]]] = []
        self.row_number = 0
        self.rows_with_values = 0
        self.values: dict[int, Any] = {}
        self.column = 0
        self.cell_type = "n"
        self.style = "0"
        self.formula = False
        self.inline = False
        self.phonetic = 0
        self.columns: dict[str, int] = {}
        self.starts: dict[str, Callable] = {
            "c": self._start_cell,
            "v": self._start_value,
            "t": self._start_text,
            "is": self._start_inline,
            "rPh": self._start_phonetic,
            "f": self._start_formula,
            "row": self._start_row,
        }
        self.ends: dict[str, Callable] = {
            "c": self._cell,
            "v": self._end_text,
            "t": self._end_text,
            "rPh": self._end_phonetic,
            "row": self._row,
        }

    def handlers(self) -> tuple[Callable, Callable, Callable]:
        return self.start, self.end, self.text.add

    def take(self) -> list[tuple[int, list[Any]]]:
        done, self.done = self.done, []
        return done

    def start(self, name: str, attrs: dict[str, str]) -> None:
        handler = self.starts.get(name)
        if handler is None:
            handler = _learn(self.starts, name)
        handler(attrs)

    def end(self, name: str) -> None:
        handler = self.ends.get(name)
        if handler is None:
            handler = _learn(self.ends, name)
        handler()

    def _start_cell(self, attrs: dict[str, str]) -> None:
        reference = attrs.get("r")
        if reference:
            letters = reference.rstrip("0123456789")
            column = self.columns.get(letters)
            if column is None:
                column = _column(letters)
                if len(self.columns) < EXCEL_COLUMNS:
                    self.columns[letters] = column
            self.column = column or self.column + 1
        else:
            self.column += 1
        if self.column > EXCEL_COLUMNS:
            raise damaged()
        self.cell_type = attrs.get("t", "n")
        self.style = attrs.get("s", "0")
        self.formula = self.inline = False
        self.text.reset()

    def _start_value(self, _attrs: dict[str, str]) -> None:
        self.text.on = True

    def _start_text(self, _attrs: dict[str, str]) -> None:
        self.text.on = self.inline and not self.phonetic

    def _end_text(self) -> None:
        self.text.on = False

    def _start_inline(self, _attrs: dict[str, str]) -> None:
        self.inline = True

    def _start_phonetic(self, _attrs: dict[str, str]) -> None:
        self.phonetic += 1

    def _end_phonetic(self) -> None:
        self.phonetic -= 1

    def _start_formula(self, _attrs: dict[str, str]) -> None:
        self.formula = True

    def _start_row(self, attrs: dict[str, str]) -> None:
        reference = attrs.get("r")
        self.row_number = as_int(reference) if reference else self.row_number + 1
        if not 0 < self.row_number <= EXCEL_ROWS:
            raise damaged()
        self.values = {}
        self.column = 0

    def _cell(self) -> None:
        value = FORMULA if self.formula else self._value()
        if value is None:
            return
        if self.column > self.max_columns:
            raise too_many_columns(self.row_number, self.max_columns)
        self.values[self.column] = value

    def _row(self) -> None:
        if not self.values:
            return
        if self.row_number > 1:
            self.rows_with_values += 1
            if self.rows_with_values > self.max_rows:
                raise too_many_rows(self.max_rows)
        row: list[Any] = [None] * max(self.values)
        for column, value in self.values.items():
            row[column - 1] = value
        self.done.append((self.row_number, row))
        self.values = {}

    def _value(self) -> Any:
        text = self.text.value()
        kind = self.cell_type
        if isinstance(text, TooLong):
            return text
        if kind == "inlineStr":
            return self.budget.keep(text) if self.inline else None
        if text == "":
            return None
        if kind == "s":
            try:
                return self.strings[int(text)]
            except (ValueError, IndexError) as exc:
                raise damaged() from exc
        if kind == "b":
            return text.strip() not in ("0", "false", "")
        if kind == "d":
            try:
                return datetime.fromisoformat(text)
            except ValueError:
                return self.budget.keep(text)
        if kind in ("str", "e"):
            return self.budget.keep(text)
        return self._number(text)

    def _number(self, text: str) -> Any:
        try:
            number: int | float = int(text)
        except ValueError:
            try:
                number = float(text)
            except ValueError:
                return self.budget.keep(text)
        if self.style in self.dates:
            from openpyxl.utils.datetime import from_excel

            try:
                return from_excel(number, self.epoch)
            except (OverflowError, ValueError, TypeError):
                return number
        return number
