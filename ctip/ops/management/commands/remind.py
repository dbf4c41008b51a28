"""`ctip remind`: e-mail each owning agency's case workers and supervisors about verifications
past their time limit, commune officers about overdue watch checks, and agencies (and the
standing office) about parts of requested reports due or overdue (run daily by cron or a systemd
timer; docs/deploy.md). The e-mails name case codes and request numbers only, never a person."""

from datetime import date

from django.core.mail import send_mail
from django.core.management.base import BaseCommand

from ctip.accounts.models import Assignment
from ctip.enforcement.watchlist import watch_overdue
from ctip.reporting.reminders import send_contribution_reminders
from ctip.victims.models import Case
from ctip.victims.states import State


class Command(BaseCommand):
    help = "Send reminders: overdue victim-case steps, watch checks, report contributions."

    def handle(self, *args, **options):
        today = date.today()
        overdue = Case.objects.filter(
            state__in=(State.RECEIVED, State.VERIFYING), verification_due__lt=today
        ).values_list("owner_id", "code", "verification_due")
        by_agency: dict[int, list[str]] = {}
        for owner, code, due in overdue:
            by_agency.setdefault(owner, []).append(f"{code} (hạn {due:%d/%m/%Y})")
        sent = 0
        for owner, codes in by_agency.items():
            recipients = sorted(
                {
                    a.user.email
                    for a in Assignment.objects.valid_on(today)
                    .filter(agency_id=owner, role__in=("case_worker", "case_supervisor"))
                    .select_related("user")
                    if a.user.email
                }
            )
            if recipients:
                body = "Hồ sơ quá hạn xác minh ban đầu:\n" + "\n".join(codes)
                send_mail("[ctip] Hồ sơ quá hạn xác minh", body, None, recipients)
                sent += 1

        for officer_email, count in _watch_reminders(watch_overdue(today=today)):
            send_mail(
                "[ctip] Kiểm tra theo dõi quá hạn",
                f"Bạn có {count} trường hợp theo dõi đến hạn kiểm tra.",
                None,
                [officer_email],
            )
            sent += 1

        sent += send_contribution_reminders(today=today)
        self.stdout.write(f"{len(overdue)} overdue cases, {sent} reminders sent")


def _watch_reminders(entries):  # type: ignore[no-untyped-def]
    """(officer e-mail, number of overdue checks): counts only, never who is watched."""
    from django.db.models import Count

    rows = entries.values("officer__email").annotate(n=Count("pk"))
    return [(r["officer__email"], r["n"]) for r in rows if r["officer__email"]]
