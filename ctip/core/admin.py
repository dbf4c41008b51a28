from django.contrib import admin

from ctip.core.models import AuditEntry


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


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor", "action", "object_type", "object_id", "count")
    list_filter = ("action", "object_type", "actor")
    search_fields = ("action", "object_id", "actor__username")
    date_hierarchy = "at"
