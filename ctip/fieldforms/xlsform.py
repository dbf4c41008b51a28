"""A form (ctip.fieldforms.definitions) as the XLSForm workbook ODK Central and KoboToolbox
read: the sheets `survey`, `choices` and `settings`, labels in every language of LANGUAGES.
Written with openpyxl; pyxform (which checks the result) is used by the tests only."""

from __future__ import annotations

import io
from typing import Any

from django.utils import translation
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ctip.fieldforms.definitions import LANGUAGES, Form, Question

# Columns of the survey sheet: (XLSForm header, Question attribute, translated?).
SURVEY = (
    ("type", "type", False),
    ("name", "name", False),
    ("label", "label", True),
    ("hint", "hint", True),
    ("required", "required", False),
    ("constraint", "constraint", False),
    ("constraint_message", "constraint_message", True),
    ("relevant", "relevant", False),
    ("appearance", "appearance", False),
)


def build_xlsx(form: Form) -> bytes:
    workbook = Workbook()
    survey = workbook.active
    assert survey is not None
    survey.title = "survey"
    _survey(survey, form.questions)
    _choices(workbook.create_sheet("choices"), form)
    _settings(workbook.create_sheet("settings"), form)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _headers(column: str, translated: bool) -> list[str]:
    if not translated:
        return [column]
    return [f"{column}::{name}" for _code, name in LANGUAGES]


def _in_languages(value: Any) -> list[str]:
    texts = []
    for code, _name in LANGUAGES:
        with translation.override(code):
            texts.append(str(value) if value else "")
    return texts


def _survey(sheet: Worksheet, questions: tuple[Question, ...]) -> None:
    _append(sheet, [h for column, _a, t in SURVEY for h in _headers(column, t)])
    for question in questions:
        row: list[Any] = []
        for _column, attribute, translated in SURVEY:
            value = getattr(question, attribute)
            if translated:
                row += _in_languages(value)
            elif isinstance(value, bool):
                row.append("yes" if value else "")
            else:
                row.append(value)
        _append(sheet, row)


def _choices(sheet: Worksheet, form: Form) -> None:
    _append(sheet, ["list_name", "name", *_headers("label", True)])
    for list_name, items in form.choices.items():
        for name, label in items:
            _append(sheet, [list_name, str(name), *_in_languages(label)])


def _settings(sheet: Worksheet, form: Form) -> None:
    with translation.override(LANGUAGES[0][0]):
        title = str(form.title)
    values = {
        "form_title": title,
        "form_id": form.form_id,
        "version": form.version,
        "default_language": LANGUAGES[0][1],
        "instance_name": form.instance_name,
    }
    _append(sheet, list(values))
    _append(sheet, list(values.values()))


def _append(sheet: Worksheet, values: list[Any]) -> None:
    """A row of texts: a text starting with "=" (an agency's name, say) stays a text, never a
    formula."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"
