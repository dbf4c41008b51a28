from typing import Any

from django.apps import apps
from django.contrib import admin
from django.db.models import QuerySet
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from ctip.core.audit_words import action_label, via_words
from ctip.core.models import AuditEntry

# The object-type filter's choice for entries about no one record (a batch, a login).
NO_OBJECT = "-"


class ReadOnlyAdmin(admin.ModelAdmin):
    """Logs are read, filtered and searched; never added, changed or deleted by hand."""

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def object_type_words(object_type: str) -> str:
    """The name a model declares for an object type ("victims.case" -> "Hồ sơ nạn nhân"), or
    the code when the model declares none (Django's default name would be English)."""
    if not object_type:
        return str(_("(không có)"))
    try:
        options = apps.get_model(object_type)._meta
    except (LookupError, ValueError):
        return object_type
    if "verbose_name" not in options.original_attrs:
        return object_type
    return str(capfirst(options.verbose_name))


class ObjectTypeFilter(admin.SimpleListFilter):
    """Filter by object type in words; entries with no object type get a choice of their own
    (an empty value would render as a link with no text)."""

    title = _("loại đối tượng")
    parameter_name = "object_type"

    def lookups(self, request: Any, model_admin: Any) -> list[tuple[str, str]]:
        types = model_admin.get_queryset(request).values_list("object_type", flat=True)
        return sorted(
            ((t or NO_OBJECT, object_type_words(t)) for t in types.distinct().order_by()),
            key=lambda choice: choice[1],
        )

    def queryset(self, request: Any, queryset: QuerySet) -> QuerySet:
        value = self.value()
        if value is None:
            return queryset
        return queryset.filter(object_type="" if value == NO_OBJECT else value)


class ActionFilter(admin.SimpleListFilter):
    """Filter by action in words (ctip.core.audit_words), sorted by the words."""

    title = _("hành động")
    parameter_name = "action"

    def lookups(self, request: Any, model_admin: Any) -> list[tuple[str, str]]:
        codes = model_admin.get_queryset(request).values_list("action", flat=True)
        return sorted(
            ((code, action_label(code)) for code in codes.distinct().order_by()),
            key=lambda choice: (choice[1], choice[0]),
        )

    def queryset(self, request: Any, queryset: QuerySet) -> QuerySet:
        value = self.value()
        return queryset if value is None else queryset.filter(action=value)


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = (
        "at",
        "actor",
        "action_words",
        "object_type_name",
        "object_id",
        "count",
        "via_words",
    )
    list_filter = (ActionFilter, ObjectTypeFilter, "actor")
    # The entry's page shows the same words as the list, not the codes stored.
    fields = (
        "at",
        "actor",
        "action_words",
        "object_type_name",
        "object_id",
        "changes",
        "count",
        "file_hash",
        "via_words",
    )
    search_fields = ("action", "object_id", "actor__username")
    date_hierarchy = "at"

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    @admin.display(description=_("hành động"), ordering="action")
    def action_words(self, entry: AuditEntry) -> str:
        return action_label(entry.action)

    @admin.display(description=_("kênh"), ordering="via")
    def via_words(self, entry: AuditEntry) -> str:
        return via_words(entry.via)

    @admin.display(description=_("loại đối tượng"), ordering="object_type")
    def object_type_name(self, entry: AuditEntry) -> str:
        return object_type_words(entry.object_type) if entry.object_type else ""
