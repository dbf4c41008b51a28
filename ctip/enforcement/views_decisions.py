"""The procuracy's and the court's decisions on the web (issue 24): a prosecutor records the
procuracy's decisions (the indictment...), a judge the court's and a judgment with the verdict
and sentence of each defendant (ctip.enforcement.decisions).

Both pages name the defendants (the case's suspects), so opening one is a logged read. Each
offers only the decisions the user may record now; a case where they may record none is outside
the page's scope (the same 404 as a missing one), and a decision not offered, posted anyway, is
refused (403) with nothing written."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from ctip.core import formfields as bounded
from ctip.core.access import access_confidential, access_object, requires
from ctip.core.actors import actor_name
from ctip.core.bounds import MAX_AMOUNT_VND
from ctip.core.permissions import P
from ctip.core.text import vn_date, vn_int
from ctip.enforcement.checks import EnforcementError
from ctip.enforcement.decision_models import (
    CHARGES,
    MAX_TERM_MONTHS,
    DecisionKind,
    Penalty,
    Sentence,
    Verdict,
)
from ctip.enforcement.decisions import (
    JUDGMENTS,
    OTHER_DECISIONS,
    SentenceSpec,
    criminal_cases_deciding,
    decision_record,
    decisions_open,
)

REASON = _l("Lý do điều chỉnh (bắt buộc nếu thuộc kỳ đã có báo cáo ban hành)")


class DecisionForm(forms.Form):
    kind = forms.ChoiceField(label=_l("Loại quyết định"))
    number = bounded.CharField(label=_l("Số, ký hiệu"), max_length=40)
    on = bounded.DateField(label=_l("Ngày ra quyết định (ngày/tháng/năm)"), initial=date.today)
    suspects = forms.TypedMultipleChoiceField(
        label=_l("Bị can, bị cáo"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    reason = bounded.CharField(label=REASON, max_length=1000, required=False)


class JudgmentForm(forms.Form):
    kind = forms.ChoiceField(label=_l("Bản án"))
    number = bounded.CharField(label=_l("Số, ký hiệu"), max_length=40)
    on = bounded.DateField(label=_l("Ngày tuyên án (ngày/tháng/năm)"), initial=date.today)
    reason = bounded.CharField(label=REASON, max_length=1000, required=False)


class SentenceForm(forms.Form):
    """One defendant's part of the judgment; no verdict: not judged in this judgment."""

    verdict = forms.ChoiceField(
        label=_l("Phán quyết"),
        required=False,
        choices=[("", _l("Không xét xử trong bản án này")), *Verdict.choices],
    )
    charge = forms.ChoiceField(
        label=_l("Tội danh"), required=False, choices=[("", "—"), *CHARGES.items()]
    )
    penalty = forms.ChoiceField(
        label=_l("Hình phạt chính"), required=False, choices=[("", "—"), *Penalty.choices]
    )
    months = bounded.IntegerField(
        label=_l("Thời hạn tù hoặc cải tạo không giam giữ (tháng)"),
        required=False,
        max_value=MAX_TERM_MONTHS,
    )
    suspended = forms.BooleanField(label=_l("Cho hưởng án treo"), required=False)
    probation_months = bounded.IntegerField(
        label=_l("Thời gian thử thách (tháng)"), required=False, max_value=MAX_TERM_MONTHS
    )
    fine_vnd = bounded.IntegerField(
        label=_l("Phạt tiền (đồng)"), required=False, max_value=MAX_AMOUNT_VND
    )


@requires(P.EDIT_CRIMINAL_CASES)
def criminal_case_decision(request: HttpRequest, pk: int) -> HttpResponse:
    """The procuracy's decisions (approval, return of the file, indictment) and the court's
    return of the file, with the defendants each concerns."""
    case, offered = _case(request, pk, OTHER_DECISIONS)
    suspects = list(case.suspects.order_by("pk"))  # type: ignore[attr-defined]
    form = DecisionForm(request.POST or None)
    form.fields["kind"].choices = offered  # type: ignore[attr-defined]
    form.fields["suspects"].choices = [(s.pk, s.full_name) for s in suspects]  # type: ignore[attr-defined]
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        chosen = [s for s in suspects if s.pk in set(data["suspects"])]
        try:
            decision = decision_record(
                case=case,
                kind=data["kind"],
                number=data["number"],
                on=data["on"],
                suspects=chosen,
                reason=data["reason"],
                acting_user=request.user,
            )
        except EnforcementError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _recorded(decision))
            return redirect("criminal_case_detail", pk=case.pk)
    context = {"case": case, "form": form, "offered": offered}
    return render(request, "enforcement/decision_form.html", context)


@requires(P.EDIT_CRIMINAL_CASES)
def criminal_case_judgment(request: HttpRequest, pk: int) -> HttpResponse:
    """A judgment (first instance, appeal): its number and date, and for each defendant the
    verdict, the crime, the main penalty and its term, a suspended sentence, a fine."""
    case, offered = _case(request, pk, JUDGMENTS)
    posted = request.POST if request.method == "POST" else None
    form = JudgmentForm(posted)
    form.fields["kind"].choices = offered  # type: ignore[attr-defined]
    judged = judged_by_suspect(case)
    parts = [
        (s, SentenceForm(posted, prefix=f"bc{s.pk}"), judged.get(s.pk, []))
        for s in case.suspects.order_by("pk")  # type: ignore[attr-defined]
    ]
    if posted is not None and form.is_valid() and all(f.is_valid() for _s, f, _j in parts):
        data = form.cleaned_data
        try:
            decision = decision_record(
                case=case,
                kind=data["kind"],
                number=data["number"],
                on=data["on"],
                sentences=_sentences(parts),
                reason=data["reason"],
                acting_user=request.user,
            )
        except EnforcementError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _recorded(decision))
            return redirect("criminal_case_detail", pk=case.pk)
    context = {"case": case, "form": form, "parts": parts, "offered": offered}
    return render(request, "enforcement/judgment_form.html", context)


def _case(request: HttpRequest, pk: int, kinds: Sequence[str]) -> tuple[Any, list[Any]]:
    """The case, if the user may record one of `kinds` on it (else 404), read as a logged read
    (the page names the defendants), and the kinds offered: those the rule in force on a day the
    decision could be dated allows, as the stages are offered (`decisions_open`; the service
    checks the date given). A kind posted that is not offered is refused before anything is
    written."""
    today = date.today()
    scope = criminal_cases_deciding(request.user, kinds=kinds, on=today, earlier=True)
    offered = decisions_open(request.user, access_object(scope, pk), kinds=kinds, today=today)
    if not offered:  # nothing to record there: outside the page's scope, and no read logged
        raise Http404
    case = access_confidential(scope, pk, user=request.user, purpose="decision")
    posted = request.POST.get("kind", "") if request.method == "POST" else ""
    if posted and posted not in dict(offered):
        raise PermissionDenied
    return case, offered


def judged_by_suspect(case: Any) -> dict[int, list[str]]:
    """For the judgment page: the judgments each defendant already has ("Đã có bản án sơ thẩm"),
    as each is judged at most once per instance (ctip.enforcement.decisions)."""
    words: dict[str, Any] = {
        DecisionKind.FIRST_INSTANCE: _l("Đã có bản án sơ thẩm"),
        DecisionKind.APPEAL: _l("Đã có bản án phúc thẩm"),
    }
    found: dict[int, list[str]] = {}
    rows = Sentence.objects.filter(decision__case=case).order_by("decision__on", "pk")
    for suspect, instance in rows.values_list("suspect_id", "instance"):
        found.setdefault(suspect, []).append(str(words[instance]))
    return found


def _sentences(parts: list[tuple[Any, SentenceForm, list[str]]]) -> list[SentenceSpec]:
    specs = []
    for suspect, form, _judged in parts:
        data = form.cleaned_data
        if not data["verdict"]:
            continue
        specs.append(
            SentenceSpec(
                suspect=suspect,
                verdict=data["verdict"],
                charge=data["charge"],
                penalty=data["penalty"],
                months=data["months"],
                suspended=data["suspended"],
                probation_months=data["probation_months"],
                fine_vnd=data["fine_vnd"] or 0,
            )
        )
    return specs


def _recorded(decision: Any) -> str:
    """What was saved, in words: the decision, and a judgment's verdicts counted."""
    done = _("Đã ghi “%(kind)s” số %(number)s ngày %(day)s.") % {
        "kind": decision.get_kind_display(),
        "number": decision.number,
        "day": vn_date(decision.on),
    }
    verdicts = list(decision.sentences.values_list("verdict", flat=True))
    if not verdicts:
        return done
    guilty = verdicts.count(Verdict.GUILTY)
    counted = _("%(guilty)s bị cáo có tội, %(innocent)s bị cáo không có tội.") % {
        "guilty": vn_int(guilty),
        "innocent": vn_int(len(verdicts) - guilty),
    }
    return f"{done} {counted}"


# --- what the case's pages show ---------------------------------------------------------------


def decisions_shown(case: Any) -> list[dict[str, Any]]:
    """The case's decisions for its page, without a name: kind, number, date, body, who
    recorded it, how many defendants, and a judgment's verdicts counted."""
    rows = case.decisions.select_related("agency", "actor").annotate(
        defendants=Count("suspects", distinct=True),
        guilty=Count("sentences", filter=Q(sentences__verdict=Verdict.GUILTY), distinct=True),
        judged=Count("sentences", distinct=True),
    )
    return [
        {
            "decision": d,
            "who": actor_name(d.actor),
            "defendants": d.defendants,
            "guilty": d.guilty,
            "not_guilty": d.judged - d.guilty,
            "judgment": d.judged > 0,
        }
        for d in rows
    ]


def sentences_by_suspect(case: Any) -> dict[int, list[str]]:
    """For the logged page of identities: each suspect's decisions and sentences, in words."""
    found: dict[int, list[str]] = {}
    decisions = case.decisions.prefetch_related("suspects").order_by("on", "pk")
    for d in decisions:
        for suspect in d.suspects.all():
            found.setdefault(suspect.pk, []).append(
                _("%(kind)s số %(number)s ngày %(day)s")
                % {"kind": d.get_kind_display(), "number": d.number, "day": vn_date(d.on)}
            )
    sentences = Sentence.objects.filter(decision__case=case).select_related("decision")
    for s in sentences.order_by("decision__on", "pk"):
        found.setdefault(s.suspect_id, []).append(
            _("%(number)s: %(sentence)s")
            % {"number": s.decision.number, "sentence": sentence_words(s)}
        )
    return found


def sentence_words(s: Sentence) -> str:
    """ "Có tội — Tội mua bán người (Điều 150 Bộ luật Hình sự); Tù có thời hạn 7 năm 6 tháng,
    cho hưởng án treo, thử thách 24 tháng; phạt tiền 20.000.000 đồng"."""
    if s.verdict != Verdict.GUILTY:
        return str(s.get_verdict_display())
    parts = [f"{s.get_verdict_display()} — {CHARGES.get(s.charge, s.charge)}"]
    penalty = str(s.get_penalty_display())
    if s.months:
        penalty = f"{penalty} {term_words(s.months)}"
    if s.suspended:
        penalty = _("%(penalty)s, cho hưởng án treo, thử thách %(months)s tháng") % {
            "penalty": penalty,
            "months": s.probation_months,
        }
    parts.append(penalty)
    if s.fine_vnd:
        parts.append(_("phạt tiền %(amount)s đồng") % {"amount": vn_int(s.fine_vnd)})
    return "; ".join(parts)


def term_words(months: int) -> str:
    """90 -> "7 năm 6 tháng", 84 -> "7 năm", 9 -> "9 tháng"."""
    years, rest = divmod(months, 12)
    if years and rest:
        return _("%(years)s năm %(months)s tháng") % {"years": years, "months": rest}
    if years:
        return _("%(years)s năm") % {"years": years}
    return _("%(months)s tháng") % {"months": rest}
