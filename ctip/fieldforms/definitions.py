"""The field forms as data (XLSForm: ODK Collect, KoboToolbox), built from ctip's own catalogues
so that a form cannot offer what the import would refuse:

- `activity_form`: an awareness activity; its fields are the columns of the activities import
  (ctip.prevention.importer.COLUMNS), its choices the catalogues the import checks against
  (ActivityKind, Campaign, TARGET_GROUPS) and the agencies and units given by the caller
  (ctip.fieldforms.lists: those of the user who downloads it);
- `watch_check_form`: a check on a watched person, carrying the entry's code and coded answers
  only (ctip.enforcement.watchlist.WATCH_CHECK_FIELDS, WatchOutcome): no name, no free text.

Labels are written in Vietnamese (the default language) and English. `ctip.fieldforms.xlsform`
writes a form as the .xlsx the tools read."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from django.utils import translation
from django.utils.translation import gettext_lazy as _l

from ctip.core.bounds import MAX_CELL, MAX_COUNT
from ctip.core.text import vn_int
from ctip.enforcement.watchlist import WATCH_CHECK_FIELDS, WatchOutcome
from ctip.prevention.import_checks import TEXT_LIMITS
from ctip.prevention.models import ActivityKind, Campaign
from ctip.prevention.target_groups import TARGET_GROUPS

# (code, XLSForm language name): Vietnamese first, the form's default.
LANGUAGES = (("vi", "Tiếng Việt (vi)"), ("en", "English (en)"))
ACTIVITY_FORM_ID = "ctip_hoat_dong"
WATCH_CHECK_FORM_ID = "ctip_kiem_tra_theo_doi"
YES_NO = (("yes", _l("Có")), ("no", _l("Không")))


@dataclass(frozen=True)
class Question:
    type: str  # an XLSForm type: "text", "integer", "date", "select_one LIST", "begin_group"...
    name: str = ""
    label: Any = ""  # a text, or a lazy translation written in every language
    hint: Any = ""
    required: bool = False
    constraint: str = ""
    constraint_message: Any = ""
    relevant: str = ""
    appearance: str = ""

    @property
    def is_field(self) -> bool:
        """A question whose answer is a field of the submission (not a group's bounds)."""
        return self.type not in ("begin_group", "end_group", "note")


@dataclass(frozen=True)
class Form:
    form_id: str
    title: Any
    questions: tuple[Question, ...]
    choices: dict[str, tuple[tuple[str, Any], ...]] = field(default_factory=dict)
    instance_name: str = ""

    @property
    def fields(self) -> list[str]:
        return [q.name for q in self.questions if q.is_field]

    @property
    def file_name(self) -> str:
        return f"{self.form_id}.xlsx"

    @property
    def version(self) -> str:
        """Changes with the form's content (a catalogue, a list of agencies): ODK Central and
        Kobo take a new version of a form only under a new version string."""
        content = json.dumps(
            [[_texts(v) for v in q.__dict__.values()] for q in self.questions]
            + [
                [name, [(c, _texts(label)) for c, label in items]]
                for name, items in sorted(self.choices.items())
            ],
            ensure_ascii=False,
        )
        return hashlib.sha256(content.encode()).hexdigest()[:10]


def _texts(value: Any) -> Any:
    """A label in every language (a lazy translation), or the value as it is."""
    if isinstance(value, bool | int) or value is None:
        return value
    out = []
    for code, _name in LANGUAGES:
        with translation.override(code):
            out.append(str(value))
    return out


@dataclass(frozen=True)
class Formatted:
    """A lazy translation with its placeholders, translated when written in each language."""

    text: Any
    params: tuple[tuple[str, Any], ...]

    def __str__(self) -> str:
        return str(self.text) % {k: str(v) for k, v in self.params}


def _count(name: str, label: Any) -> Question:
    return Question(
        "integer",
        name,
        label,
        hint=_l("Để trống nếu không có số liệu (khác với 0)."),
        constraint=f". >= 0 and . <= {MAX_COUNT}",
        constraint_message=Formatted(_l("Từ 0 đến %(max)s."), (("max", vn_int(MAX_COUNT)),)),
    )


def _text(name: str, label: Any, limit: int) -> Question:
    return Question(
        "text",
        name,
        label,
        constraint=f"string-length(.) <= {limit}",
        constraint_message=Formatted(_l("Tối đa %(max)s ký tự."), (("max", vn_int(limit)),)),
        appearance="multiline" if limit > 300 else "",
    )


COUNT_LABELS = {
    "sessions": _l("Số buổi"),
    "participants": _l("Số lượt người"),
    "media_items": _l("Số tin, bài"),
    "sms": _l("Số tin nhắn"),
}


def activity_form(
    *,
    agencies: list[tuple[str, str]],
    units: list[tuple[str, str]],
    partners: list[tuple[str, str]],
) -> Form:
    """The activity form offering these (code, name) agencies and units (GSO code, name);
    `partners`: the agencies that may be named as working with them."""
    not_future = ". <= today()"
    future_message = _l("Không được là ngày trong tương lai.")
    questions = (
        Question("select_one agencies", "agency", _l("Cơ quan thực hiện"), required=True),
        Question("select_one kinds", "kind", _l("Hình thức"), required=True, appearance="minimal"),
        Question(
            "date",
            "start_date",
            _l("Từ ngày"),
            required=True,
            constraint=not_future,
            constraint_message=future_message,
        ),
        Question(
            "date",
            "end_date",
            _l("Đến ngày"),
            required=True,
            constraint=f". >= ${{start_date}} and {not_future}",
            constraint_message=_l("Không trước ngày bắt đầu, không ở tương lai."),
        ),
        Question(
            "select_one units",
            "unit",
            _l("Địa bàn"),
            hint=_l("Gõ vài chữ của tên xã, phường để tìm."),
            required=True,
            appearance="autocomplete",
        ),
        Question("begin_group", "figures", _l("Số liệu")),
        _count("sessions", COUNT_LABELS["sessions"]),
        _count("participants", COUNT_LABELS["participants"]),
        Question(
            "select_one yes_no",
            "participants_estimated",
            _l("Số người là ước tính?"),
            relevant="string-length(${participants}) > 0",
        ),
        _count("media_items", COUNT_LABELS["media_items"]),
        _count("sms", COUNT_LABELS["sms"]),
        Question("end_group"),
        Question(
            "select_multiple target_groups", "target_groups", _l("Đối tượng"), appearance="minimal"
        ),
        Question(
            "select_multiple partners",
            "partners",
            _l("Cơ quan phối hợp"),
            appearance="autocomplete",
        ),
        Question("select_one campaigns", "campaign", _l("Đợt"), appearance="minimal"),
        _text("theme", _l("Chủ đề"), TEXT_LIMITS["theme"]),
        # A cell of the file holds at most MAX_CELL characters, whatever the field allows.
        _text("notes", _l("Ghi chú"), min(TEXT_LIMITS["notes"], MAX_CELL)),
    )
    return Form(
        form_id=ACTIVITY_FORM_ID,
        title=_l("ctip: hoạt động tuyên truyền phòng, chống mua bán người"),
        questions=questions,
        choices={
            "agencies": tuple(agencies),
            "kinds": tuple(ActivityKind.choices),
            "units": tuple(units),
            "yes_no": YES_NO,
            "target_groups": tuple(TARGET_GROUPS.items()),
            "partners": tuple(partners),
            "campaigns": tuple((c, label) for c, label in Campaign.choices if c),
        },
        instance_name="concat(${agency}, ' ', ${start_date})",
    )


def watch_check_form() -> Form:
    """A check on a watched person: the entry's code, the day, whether the person was
    verified, a coded outcome. Nothing that names the person, no free text."""
    labels = WATCH_CHECK_FIELDS
    questions = (
        Question(
            "text",
            "entry_code",
            labels["entry_code"],
            hint=_l(
                "Mã in trên danh sách theo dõi, dạng TD-123. Không ghi họ tên hay địa chỉ của "
                "người được theo dõi."
            ),
            required=True,
            constraint="regex(., '^TD-[0-9]{1,9}$')",
            constraint_message=_l("Mã dạng TD- và số, ví dụ TD-123."),
        ),
        Question(
            "date",
            "on",
            labels["on"],
            required=True,
            constraint=". <= today()",
            constraint_message=_l("Không được là ngày trong tương lai."),
        ),
        Question("select_one yes_no", "found", labels["found"], required=True),
        Question("select_one outcomes", "outcome", labels["outcome"], required=True),
    )
    return Form(
        form_id=WATCH_CHECK_FORM_ID,
        title=_l("ctip: kiểm tra người được theo dõi"),
        questions=questions,
        choices={"yes_no": YES_NO, "outcomes": tuple(WatchOutcome.choices)},
        instance_name="concat(${entry_code}, ' ', ${on})",
    )
