from django.contrib import admin
from django.db import transaction

from ctip.core.audit import audit_write
from ctip.rules.models import Holiday, Rule


@admin.register(Rule)
class RuleAdmin(admin.ModelAdmin):
    list_display = ("key", "kind", "valid_from", "valid_to", "legal_basis_document")
    search_fields = ("key", "legal_basis_document")
    readonly_fields = [f.name for f in Rule._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    """Days off and make-up days are announced each year: edited here, each edit audited."""

    list_display = ("date", "kind", "name")
    list_filter = ("kind",)
    date_hierarchy = "date"

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            audit_write(
                action="rules.holiday_change" if change else "rules.holiday_add",
                acting_user=request.user,
                obj=obj,
                changes={k: [None, str(form.cleaned_data.get(k))] for k in form.changed_data},
            )

    def delete_model(self, request, obj):
        with transaction.atomic():
            audit_write(action="rules.holiday_delete", acting_user=request.user, obj=obj)
            super().delete_model(request, obj)
