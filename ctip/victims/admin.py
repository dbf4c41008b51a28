from django.contrib import admin

from ctip.core.admin import ReadOnlyAdmin
from ctip.victims.models import AccessLog


@admin.register(AccessLog)
class AccessLogAdmin(ReadOnlyAdmin):
    """Who looked at which case (codes only). Break-glass views are flagged for review."""

    list_display = ("at", "user", "case", "section", "flagged")
    list_filter = ("flagged", "section")
    search_fields = ("case__code", "user__username")
    date_hierarchy = "at"
