from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from ctip.core.admin import ReadOnlyAdmin
from ctip.victims.models import AccessLog
from ctip.victims.vocab import access_section_label


class SectionFilter(admin.SimpleListFilter):
    """The part of a case that was read, in words ("Nhân thân"), not its code ("identity")."""

    title = _("phần")
    parameter_name = "section"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        codes = AccessLog.objects.order_by("section").values_list("section", flat=True).distinct()
        return [(code, access_section_label(code)) for code in codes]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        return queryset.filter(section=self.value()) if self.value() else queryset


@admin.register(AccessLog)
class AccessLogAdmin(ReadOnlyAdmin):
    """Who looked at which case (codes only). Break-glass views are flagged for review."""

    list_display = ("at", "user", "case", "section_words", "flagged")
    list_filter = ("flagged", SectionFilter)
    search_fields = ("case__code", "user__username")
    date_hierarchy = "at"

    @admin.display(description=_("phần"), ordering="section")
    def section_words(self, entry: AccessLog) -> str:
        return access_section_label(entry.section)
