"""What a criminal case's decisions so far allow one more of (issue 24, review): each defendant
is judged at most once at first instance (a later first-instance judgment of the case judges
those not judged yet) and at most once on appeal; an appeal only for defendants whose
first-instance judgment is dated no later than it; one indictment, and a new one only after the
court has returned the file for further investigation later than the last indictment, dated no
earlier than that return; while the file is so returned, the court neither judges nor returns it
again, and a return is dated no earlier than the indictment.

Later means recorded later: with those dates, the order of recording is the order of dates.
`ctip.enforcement.decisions.decision_record` asks `check_history` before it writes and again
under the case's row lock; the pages offer what `history_open` allows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from django.db.models import Exists, F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from ctip.core.text import vn_date
from ctip.enforcement.checks import EnforcementError
from ctip.enforcement.decision_models import Decision, Sentence
from ctip.enforcement.decision_models import DecisionKind as K
from ctip.enforcement.models import CriminalCase, Suspect


def file_returned() -> Exists:
    """Cases whose file the court has returned for further investigation later than their last
    indictment (or with none recorded): the procuracy's to indict again, not the court's to try
    (a condition for a queryset of cases; `file_returned_by` says it of one case)."""
    last_indictment = (
        Decision.objects.filter(case=OuterRef("case"), kind=K.INDICTMENT)
        .order_by("-pk")
        .values("pk")[:1]
    )
    return Exists(
        Decision.objects.filter(case=OuterRef("pk"), kind=K.COURT_RETURN)
        .annotate(after=Coalesce(Subquery(last_indictment), 0))
        .filter(pk__gt=F("after"))
    )


RETURNED = _l("Tòa án đã trả hồ sơ để điều tra bổ sung: chờ Viện kiểm sát truy tố lại.")


def file_returned_by(case: CriminalCase) -> Decision | None:
    """The court's return of the file later than the case's last indictment, while it stands."""
    decisions = Decision.objects.filter(case=case)
    last = decisions.filter(kind=K.INDICTMENT).order_by("-pk").values_list("pk", flat=True)
    return decisions.filter(kind=K.COURT_RETURN, pk__gt=last.first() or 0).order_by("-pk").first()


def _indictment(case: CriminalCase, on: date, defendants: Sequence[int]) -> str:
    returned = file_returned_by(case)
    if returned is None:
        if Decision.objects.filter(case=case, kind=K.INDICTMENT).exists():
            return _(
                "Vụ án đã có “%(kind)s”; chỉ truy tố lại sau khi Tòa án trả hồ sơ để điều tra "
                "bổ sung."
            ) % {"kind": K.INDICTMENT.label}
        return ""
    if on < returned.on:
        return _("Cáo trạng mới không thể trước ngày Tòa án trả hồ sơ (%(day)s).") % {
            "day": vn_date(returned.on)
        }
    return ""


def _court_return(case: CriminalCase, on: date, defendants: Sequence[int]) -> str:
    if file_returned_by(case) is not None:
        return str(RETURNED)
    last = Decision.objects.filter(case=case, kind=K.INDICTMENT).order_by("-pk").first()
    if last is not None and on < last.on:
        return _("Tòa án không thể trả hồ sơ trước ngày của cáo trạng (%(day)s).") % {
            "day": vn_date(last.on)
        }
    return ""


def _judged(case: CriminalCase, instance: str) -> QuerySet[Sentence]:
    return Sentence.objects.filter(decision__case=case, instance=instance)


def _first_instance(case: CriminalCase, on: date, defendants: Sequence[int]) -> str:
    if file_returned_by(case) is not None:
        return str(RETURNED)
    if defendants:
        if _judged(case, K.FIRST_INSTANCE).filter(suspect__in=defendants).exists():
            return _("Có bị cáo đã được xét xử sơ thẩm: mỗi bị cáo chỉ có một bản án sơ thẩm.")
    elif Decision.objects.filter(case=case, kind=K.FIRST_INSTANCE).exists():
        return _("Vụ án đã có “%(kind)s”.") % {"kind": K.FIRST_INSTANCE.label}
    return ""


def _appeal(case: CriminalCase, on: date, defendants: Sequence[int]) -> str:
    if defendants:
        first = _judged(case, K.FIRST_INSTANCE).filter(decision__on__lte=on)
        if first.filter(suspect__in=defendants).count() != len(set(defendants)):
            return _(
                "Bản án phúc thẩm chỉ xét xử bị cáo đã có bản án sơ thẩm tuyên không sau ngày "
                "%(day)s."
            ) % {"day": vn_date(on)}
        if _judged(case, K.APPEAL).filter(suspect__in=defendants).exists():
            return _("Có bị cáo đã được xét xử phúc thẩm: mỗi bị cáo chỉ có một bản án phúc thẩm.")
        return ""
    if not Decision.objects.filter(case=case, kind=K.FIRST_INSTANCE, on__lte=on).exists():
        return _("Vụ án chưa có bản án sơ thẩm tuyên không sau ngày %(day)s.") % {
            "day": vn_date(on)
        }
    if Decision.objects.filter(case=case, kind=K.APPEAL).exists():
        return _("Vụ án đã có “%(kind)s”.") % {"kind": K.APPEAL.label}
    return ""


# kind -> why the case's decisions so far refuse one more dated `on` for these defendants ("" if
# they allow it). A judgment of a case with no named suspect judges nobody: one per instance.
HISTORY: dict[str, Callable[[CriminalCase, date, Sequence[int]], str]] = {
    K.INDICTMENT: _indictment,
    K.COURT_RETURN: _court_return,
    K.FIRST_INSTANCE: _first_instance,
    K.APPEAL: _appeal,
}


def history_open(case: CriminalCase, kind: str) -> bool:
    """Whether the case's decisions so far leave room for one more of `kind` on some date up to
    today (the page's offer; `HISTORY` then checks the date and the defendants given)."""
    suspects = Suspect.objects.filter(case=case)
    if kind == K.INDICTMENT:
        indicted = Decision.objects.filter(case=case, kind=K.INDICTMENT).exists()
        return not indicted or file_returned_by(case) is not None
    if kind == K.COURT_RETURN:
        return file_returned_by(case) is None
    if kind == K.FIRST_INSTANCE:
        if file_returned_by(case) is not None:
            return False
        if not suspects.exists():
            return not Decision.objects.filter(case=case, kind=kind).exists()
        return suspects.exclude(sentences__instance=kind).exists()
    if kind == K.APPEAL:
        if not suspects.exists():
            judgments = Decision.objects.filter(case=case)
            return (
                judgments.filter(kind=K.FIRST_INSTANCE).exists()
                and not judgments.filter(kind=kind).exists()
            )
        first = suspects.filter(sentences__instance=K.FIRST_INSTANCE)
        return first.exclude(sentences__instance=kind).exists()
    return True


def check_history(case: CriminalCase, kind: str, on: date, defendants: Sequence[Suspect]) -> None:
    check = HISTORY.get(kind)
    refusal = check(case, on, [s.pk for s in defendants]) if check else ""
    if refusal:
        raise EnforcementError(refusal)
