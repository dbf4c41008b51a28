from django.contrib import admin

from ctip.core.admin_writes import admin_delete, admin_save, form_changes
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

    def has_delete_permission(self, request, obj=None):
        return False  # rules are effective-dated: a rule ends (valid_to), it is never deleted


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    """Days off and make-up days are announced each year: edited here, each edit audited."""

    list_display = ("date", "kind", "name")
    list_filter = ("kind",)
    date_hierarchy = "date"

    def save_model(self, request, obj, form, change):
        admin_save(
            obj=obj,
            action="rules.holiday_change" if change else "rules.holiday_add",
            changes=form_changes(form),
            save=lambda: super(HolidayAdmin, self).save_model(request, obj, form, change),
            acting_user=request.user,
        )

    def delete_model(self, request, obj):
        admin_delete(
            obj=obj,
            action="rules.holiday_delete",
            changes={},
            delete=lambda: super(HolidayAdmin, self).delete_model(request, obj),
            acting_user=request.user,
        )
