from django.contrib import admin

from ctip.core.admin import ReadOnlyAdmin
from ctip.exchange.models import Outbox, ReceivedPush


@admin.register(Outbox)
class OutboxAdmin(ReadOnlyAdmin):
    """A province's pushes: status, attempts and last error (a code, never data)."""

    list_display = ("push_id", "status", "attempts", "last_error", "next_attempt_at", "sent_at")
    list_filter = ("status",)
    exclude = ("body",)


@admin.register(ReceivedPush)
class ReceivedPushAdmin(ReadOnlyAdmin):
    """Pushes applied by the national ctip, every version kept."""

    list_display = ("province_code", "province_name", "period", "version", "current", "received_at")
    list_filter = ("period", "current")
