"""The notices job, run by the django-q2 worker on the schedule `ctip.ops.jobs` keeps."""

from __future__ import annotations

from datetime import date

from ctip.work.notices import notices_send_due


def notices_send() -> int:
    return notices_send_due(today=date.today())
