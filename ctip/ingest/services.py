"""Writes of draft records: a report read into drafts, a draft confirmed into an activity (through
ctip.prevention's `activity_create`, so every check of a recorded activity applies: the unit in
the agency's area, dates, counts, the periods of issued reports) or discarded. One transaction
and one audit row each."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from ctip.agencies.models import Agency
from ctip.agencies.selectors import in_territories, offered_on
from ctip.core.audit import audit_write
from ctip.core.bounds import MAX_COUNT
from ctip.core.uploads import MAX_DOCUMENT_BYTES
from ctip.core.work import unit_of_work
from ctip.enforcement.checks import EnforcementError
from ctip.enforcement.models import CriminalCase
from ctip.enforcement.selectors import investigating_agency
from ctip.enforcement.services import criminal_case_create
from ctip.geo.models import Unit
from ctip.ingest.agency_match import match_agency
from ctip.ingest.docx_text import DocumentError, read_docx, read_text
from ctip.ingest.drafts import CaseProposal, Proposal, read
from ctip.ingest.masking import mask
from ctip.ingest.models import TRANSITIONS, DraftActivity, DraftCase, DraftState, Reading
from ctip.prevention.import_checks import check_rows
from ctip.prevention.importer import ImportRejected
from ctip.prevention.models import Activity, ActivityKind
from ctip.prevention.selectors import agencies_recordable_by
from ctip.prevention.services import activity_create
from ctip.prevention.target_groups import TARGET_GROUPS

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
    "target_groups",
    "partners",
    "notes",
)
COUNT_KEYS = ("sessions", "participants", "media_items", "sms")
# The text a reading takes, uploaded or pasted (ctip.ingest.forms.MAX_PASTED is the same bound).
MAX_TEXT_READ = 200_000


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
    if len(text) > MAX_TEXT_READ:
        raise DocumentError(
            _("Văn bản quá dài (tối đa %(max)s ký tự); hãy chia báo cáo thành nhiều phần.")
            % {"max": f"{MAX_TEXT_READ:,}".replace(",", ".")}
        )
    content_hash = hashlib.sha256(data).hexdigest()
    earlier = Reading.objects.filter(agency=agency, content_hash=content_hash).first()
    if earlier is not None:
        # The same report read twice would propose every record twice.
        raise DraftError(
            _("Báo cáo này đã được đọc lúc %(time)s; hãy xem lượt đọc đó.")
            % {"time": timezone.localtime(earlier.created).strftime("%d/%m/%Y %H:%M")}
        )
    proposals = [_hidden(p) for p in read(text)]
    if not proposals:
        raise DraftError(_("Không tìm thấy số liệu về hoạt động hoặc vụ án trong văn bản."))
    matcher = _Matcher(agency, acting_user)
    with unit_of_work():
        reading = Reading.objects.create(
            agency=agency,
            created_by=acting_user if getattr(acting_user, "pk", None) else None,
            content_hash=content_hash,
            from_file=file_bytes is not None,
        )
        activities = [p for p in proposals if isinstance(p, Proposal)]
        cases = [p for p in proposals if isinstance(p, CaseProposal)]
        DraftActivity.objects.bulk_create(
            _draft_activity(reading, proposals.index(p), p, matcher) for p in activities
        )
        DraftCase.objects.bulk_create(
            DraftCase(
                reading=reading,
                position=proposals.index(p),
                sentence=p.sentence,
                figures=p.figures,
                verb=p.verb,
                cases=min(p.cases, MAX_COUNT),
                suspects=p.suspects,
                victims=p.victims,
                start_date=p.start_date,
                end_date=p.end_date,
            )
            for p in cases
        )
        # One row for the batch; the sentences are not copied into the log.
        audit_write(
            action="ingest.reading_create",
            acting_user=acting_user,
            obj=reading,
            count=len(activities) + len(cases),
            changes={"activities": [None, len(activities)], "cases": [None, len(cases)]},
            file_hash=reading.content_hash,
        )
    return reading


def _hidden(proposal: Proposal | CaseProposal) -> Proposal | CaseProposal:
    """The proposal with who its sentence names hidden (ctip.ingest.masking), its figures'
    places moved to match: the sentence is kept and shown to the agency's officers."""
    places = [(f["start"], f["end"]) for f in proposal.figures]
    proposal.sentence, moved = mask(proposal.sentence, places)
    figures = []
    for figure, place in zip(proposal.figures, moved, strict=True):
        figure = {k: v for k, v in figure.items() if k not in ("start", "end")}
        if place is not None:
            figure["start"], figure["end"] = place
        figures.append(figure)
    proposal.figures = figures
    return proposal


class _Matcher:
    """Agency names matched to records, read once per reading: the partners among the agencies
    in force today in the province of the reading's agency, the one acting among those the
    reader records activities for (a compiled report names several)."""

    def __init__(self, agency: Agency, acting_user: Any):
        province = agency.unit.rollup_province or agency.unit
        self.offered = list(
            offered_on(in_territories([province]), date.today()).select_related("unit")
        )
        self.own = list(
            offered_on(agencies_recordable_by(acting_user), date.today()).select_related("unit")
        )
        self.reading_agency = agency

    def partners(self, proposal: Proposal, actor: Agency | None) -> list[str]:
        codes: list[str] = []
        acting = actor or self.reading_agency
        for name in proposal.partners:
            found = match_agency(name, self.offered)
            if found is not None and found.pk != acting.pk and found.code not in codes:
                codes.append(found.code)
        return codes

    def actor(self, proposal: Proposal) -> Agency | None:
        """The agency the sentence is about when it is not the reading's own, else None."""
        if proposal.actor is None:
            return None
        found = match_agency(proposal.actor, self.own)
        return found if found is not None and found.pk != self.reading_agency.pk else None


def _draft_activity(reading: Reading, position: int, p: Proposal, matcher: _Matcher) -> Any:
    actor = matcher.actor(p)
    return DraftActivity(
        reading=reading,
        position=position,
        sentence=p.sentence,
        figures=p.figures,
        agency=actor,
        kind=p.kind,
        sessions=p.counts.get("sessions"),
        participants=p.counts.get("participants"),
        participants_estimated=p.participants_estimated,
        media_items=p.counts.get("media_items"),
        sms=p.counts.get("sms"),
        target_groups=p.target_groups,
        partners=matcher.partners(p, actor),
        notes=p.notes,
        start_date=p.start_date,
        end_date=p.end_date,
        unit_id=(actor or reading.agency).unit_id,
    )


def draft_update(
    *, draft: DraftActivity, values: dict[str, Any], acting_user: Any
) -> DraftActivity:
    """The officer's corrections kept on the draft, not yet confirmed (a long report is checked
    over several sittings): the same keys as draft_confirm plus `agency` (a code); each value
    checked for what it is, the whole record only on confirmation. DraftError: nothing saved."""
    with unit_of_work():
        draft = _locked(draft, DraftState.DRAFT)
        changes: dict[str, list[Any]] = {}
        for key, value in _clean_update(values, acting_user).items():
            old = getattr(draft, key if key not in ("unit", "agency") else f"{key}_id")
            new = value.pk if isinstance(value, Unit | Agency) else value
            if old != new:
                # Notes are the officer's words: the log says they changed, not what they say.
                changes[key] = [None, None] if key == "notes" else [_plain(old), _plain(new)]
                setattr(draft, key, value)
        if changes:
            draft.save()
            audit_write(
                action="ingest.draft_update", acting_user=acting_user, obj=draft, changes=changes
            )
    return draft


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _clean_update(values: dict[str, Any], acting_user: Any) -> dict[str, Any]:
    """Each value for what it is: a kind of the list, counts within bounds, known groups and
    partners, an agency the user records for, a unit that exists. Vietnamese messages."""
    errors: list[str] = []
    out: dict[str, Any] = {}
    for key in ("start_date", "end_date", "participants_estimated", "notes", *COUNT_KEYS):
        if key in values:
            out[key] = values[key]
    # A draft always has a kind: a blank one leaves it as it is, an unknown one is refused.
    if values.get("kind"):
        out["kind"] = values["kind"]
        if out["kind"] not in ActivityKind.values:
            errors.append(_("Hình thức không có trong danh mục."))
    for key in COUNT_KEYS:
        value = out.get(key)
        if value is not None and not (isinstance(value, int) and 0 <= value <= MAX_COUNT):
            errors.append(_("Số liệu phải là số nguyên từ 0 đến %(max)s.") % {"max": MAX_COUNT})
            break
    if "target_groups" in values:
        groups = list(dict.fromkeys(values["target_groups"] or []))
        if set(groups) - set(TARGET_GROUPS):
            errors.append(_("Có đối tượng không có trong danh mục."))
        out["target_groups"] = groups
    if "partners" in values:
        codes = list(dict.fromkeys(values["partners"] or []))
        if Agency.objects.filter(code__in=codes).count() != len(codes):
            errors.append(_("Có cơ quan phối hợp không có trong danh mục."))
        out["partners"] = codes
    if values.get("agency"):
        agency = agencies_recordable_by(acting_user).filter(code=values["agency"]).first()
        if agency is None:
            errors.append(_("Bạn không ghi hoạt động cho cơ quan này."))
        out["agency"] = agency
    if values.get("unit"):
        unit = (
            getattr(values["unit"], "unit", None)
            or Unit.objects.filter(code=values["unit"]).order_by("-valid_from").first()
        )
        if unit is None:
            errors.append(_("Không có đơn vị hành chính mã này."))
        out["unit"] = unit
    start, end = out.get("start_date"), out.get("end_date")
    if start and end and end < start:
        errors.append(_("Ngày kết thúc trước ngày bắt đầu."))
    if errors:
        raise DraftError(errors)
    return out


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
        agency = _agency_for(draft, values.get("agency"), acting_user)
        raw = {k: values.get(k) for k in VALUE_KEYS} | {"agency": agency.code}
        raw["target_groups"] = "; ".join(values.get("target_groups") or [])
        raw["partners"] = "; ".join(values.get("partners") or [])
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


def _agency_for(draft: DraftActivity, code: Any, acting_user: Any) -> Agency:
    """The agency the activity is recorded for: the one chosen (among those the user records
    for), else the draft's proposal, else the reading's."""
    own = agencies_recordable_by(acting_user)
    if code:
        found = own.filter(code=code).first()
    else:
        # The draft's proposal was matched among the reader's agencies, not this user's: it is
        # checked like a chosen one (a review found another officer could record for it).
        proposed = draft.agency or draft.reading.agency
        found = own.filter(pk=proposed.pk).first()
    if found is None:
        raise DraftError(_("Bạn không ghi hoạt động cho cơ quan này."))
    return found


def draft_discard(
    *, draft: DraftActivity | DraftCase, acting_user: Any
) -> DraftActivity | DraftCase:
    """A draft activity or draft case left out (the cases already opened from it stay). A draft
    case is the investigators' to leave out, as it is theirs to open (DraftError otherwise)."""
    if isinstance(draft, DraftCase):
        _check_investigator(draft, acting_user)
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


def draft_case_open(*, draft: DraftCase, values: dict[str, Any], acting_user: Any) -> CriminalCase:
    """One criminal case opened from the sentence (ctip.enforcement's `criminal_case_create`:
    its checks all apply), by an investigator of the reading's agency; `values` are that
    service's keywords with `unit` a Unit. The draft is confirmed once as many cases are open
    as the sentence states. DraftError: nothing written."""
    owner = _check_investigator(draft, acting_user)
    with unit_of_work(sources=[CriminalCase]):
        draft = _locked(draft, DraftState.CONFIRMED)
        try:
            case = criminal_case_create(owner=owner, acting_user=acting_user, **values)
        except EnforcementError as exc:
            raise DraftError(str(exc)) from exc
        draft.opened.add(case)
        done = draft.opened.count() >= draft.cases
        if done:
            draft.state = DraftState.CONFIRMED
            _decided(draft, acting_user)
        audit_write(
            action="ingest.draft_case_open",
            acting_user=acting_user,
            obj=draft,
            changes={"opened": [None, case.pk]}
            | ({"state": [DraftState.DRAFT, DraftState.CONFIRMED]} if done else {}),
        )
    return case


def _check_investigator(draft: DraftCase, acting_user: Any) -> Agency:
    owner = investigating_agency(acting_user)
    if owner is None or owner.pk != draft.reading.agency_id:
        raise DraftError(_("Chỉ điều tra viên của cơ quan báo cáo được lập vụ án từ câu này."))
    return owner


def _locked[D: (DraftActivity, DraftCase, DraftActivity | DraftCase)](draft: D, to_state: str) -> D:
    """The draft read again under a row lock: two confirmations at once write one record.
    `to_state` DRAFT: the draft is to stay one (a correction kept, a case opened)."""
    model = type(draft)
    current = model.objects.select_for_update().select_related("reading__agency").get(pk=draft.pk)
    allowed = TRANSITIONS[current.state] | (
        {DraftState.DRAFT} if current.state == DraftState.DRAFT else set()
    )
    if to_state not in allowed:
        raise DraftError(
            _("Bản ghi dự thảo này đã được xử lý (%(state)s).")
            % {"state": current.get_state_display()}
        )
    return current


def _decided(draft: DraftActivity | DraftCase, acting_user: Any) -> None:
    draft.decided_by = acting_user if getattr(acting_user, "pk", None) else None
    draft.decided = timezone.now()
    fields = ["state", "decided_by", "decided"]
    draft.save(update_fields=[*fields, "activity"] if isinstance(draft, DraftActivity) else fields)


def _row_message(error: str) -> str:
    """ "Dòng 1, cột “Mã địa bàn”: ..." without the row: a draft is not a file's row."""
    prefix = _("Dòng %(row)s, cột “%(column)s”: %(message)s").split("%(row)s", 1)[0]
    return error.split(", ", 1)[-1] if prefix and error.startswith(prefix) else error
