"""Writes of draft records: a report read into drafts, a draft confirmed into an activity (through
ctip.prevention's `activity_create`, so every check of a recorded activity applies: the unit in
the agency's area, dates, counts, the periods of issued reports) or discarded. One transaction
and one audit row each."""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from ctip.agencies.models import Agency
from ctip.core.audit import audit_write
from ctip.core.uploads import MAX_DOCUMENT_BYTES
from ctip.core.work import unit_of_work
from ctip.ingest.docx_text import DocumentError, read_docx, read_text
from ctip.ingest.drafts import propose
from ctip.ingest.models import TRANSITIONS, DraftActivity, DraftState, Reading
from ctip.prevention.import_checks import check_rows
from ctip.prevention.importer import ImportRejected
from ctip.prevention.models import Activity
from ctip.prevention.services import activity_create

# What an officer may set on a draft before confirming it (ctip.prevention.importer.COLUMNS keys).
VALUE_KEYS = (
    "kind",
    "start_date",
    "end_date",
    "unit",
    "sessions",
    "participants",
    "participants_estimated",
    "media_items",
    "sms",
    "notes",
)


class DraftError(ValidationError):
    """A draft that cannot be confirmed or discarded; `messages` are Vietnamese."""


def reading_create(
    *,
    agency: Agency,
    acting_user: Any,
    text: str = "",
    file_bytes: bytes | None = None,
) -> Reading:
    """Read a report part (a .docx or UTF-8 text file's bytes, or pasted text) into draft
    activities, one per sentence with figures of prevention work. DocumentError when the file
    cannot be read; DraftError when it holds no such figure (nothing is written then)."""
    if file_bytes is not None:
        data = file_bytes
        if len(data) > MAX_DOCUMENT_BYTES:
            raise DocumentError(
                _("Tệp quá lớn (tối đa %(max)s MB).") % {"max": MAX_DOCUMENT_BYTES // 1024 // 1024}
            )
        text = read_docx(data) if data.startswith(b"PK\x03\x04") else read_text(data)
    else:
        data = text.encode("utf-8")
    proposals = propose(text)
    if not proposals:
        raise DraftError(_("Không tìm thấy số liệu về hoạt động tuyên truyền trong văn bản."))
    with unit_of_work():
        reading = Reading.objects.create(
            agency=agency,
            created_by=acting_user if getattr(acting_user, "pk", None) else None,
            content_hash=hashlib.sha256(data).hexdigest(),
            from_file=file_bytes is not None,
        )
        DraftActivity.objects.bulk_create(
            DraftActivity(
                reading=reading,
                position=index,
                sentence=p.sentence,
                figures=p.figures,
                kind=p.kind,
                sessions=p.counts.get("sessions"),
                participants=p.counts.get("participants"),
                participants_estimated=p.participants_estimated,
                media_items=p.counts.get("media_items"),
                sms=p.counts.get("sms"),
                notes=p.notes,
                start_date=p.start_date,
                end_date=p.end_date,
                unit_id=agency.unit_id,
            )
            for index, p in enumerate(proposals)
        )
        # One row for the batch; the sentences are not copied into the log.
        audit_write(
            action="ingest.reading_create",
            acting_user=acting_user,
            obj=reading,
            count=len(proposals),
            file_hash=reading.content_hash,
        )
    return reading


def draft_confirm(
    *, draft: DraftActivity, values: dict[str, Any], acting_user: Any, reason: str = ""
) -> Activity:
    """The activity the officer confirmed from `values` (VALUE_KEYS: the unit as its code,
    dates as dates), for the reading's agency, its sentence kept as the source (the draft links
    it). DraftError with the problems when a check refuses it: nothing is written then.
    LockedPeriodError (ctip.periods.locks) when it falls in an issued report's period and
    `reason` is empty."""
    with unit_of_work(sources=[Activity]):
        draft = _locked(draft, DraftState.CONFIRMED)
        agency = draft.reading.agency
        raw = {k: values.get(k) for k in VALUE_KEYS} | {"agency": agency.code}
        try:
            # The form's and the import's own rules; the period lock is activity_create's.
            (spec,) = check_rows([raw], allowed_agencies={agency.pk}, locked_ok=True)
        except ImportRejected as exc:
            raise DraftError([_row_message(e) for e in exc.errors]) from exc
        activity = activity_create(spec=spec, acting_user=acting_user, reason=reason)
        draft.state = DraftState.CONFIRMED
        draft.activity = activity
        _decided(draft, acting_user)
        audit_write(
            action="ingest.draft_confirm",
            acting_user=acting_user,
            obj=draft,
            changes={
                "state": [DraftState.DRAFT, DraftState.CONFIRMED],
                "activity": [None, activity.pk],
            },
        )
    return activity


def draft_discard(*, draft: DraftActivity, acting_user: Any) -> DraftActivity:
    with unit_of_work():
        draft = _locked(draft, DraftState.DISCARDED)
        draft.state = DraftState.DISCARDED
        _decided(draft, acting_user)
        audit_write(
            action="ingest.draft_discard",
            acting_user=acting_user,
            obj=draft,
            changes={"state": [DraftState.DRAFT, DraftState.DISCARDED]},
        )
    return draft


def _locked(draft: DraftActivity, to_state: str) -> DraftActivity:
    """The draft read again under a row lock: two confirmations at once write one activity."""
    current = (
        DraftActivity.objects.select_for_update().select_related("reading__agency").get(pk=draft.pk)
    )
    if to_state not in TRANSITIONS[current.state]:
        raise DraftError(
            _("Bản ghi dự thảo này đã được xử lý (%(state)s).")
            % {"state": current.get_state_display()}
        )
    return current


def _decided(draft: DraftActivity, acting_user: Any) -> None:
    draft.decided_by = acting_user if getattr(acting_user, "pk", None) else None
    draft.decided = timezone.now()
    draft.save(update_fields=["state", "activity", "decided_by", "decided"])


def _row_message(error: str) -> str:
    """ "Dòng 1, cột “Mã địa bàn”: ..." without the row: a draft is not a file's row."""
    prefix = _("Dòng %(row)s, cột “%(column)s”: %(message)s").split("%(row)s", 1)[0]
    return error.split(", ", 1)[-1] if prefix and error.startswith(prefix) else error
