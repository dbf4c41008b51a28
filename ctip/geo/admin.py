from django.contrib import admin

from ctip.geo.models import FLAGS, Unit, UnitSuccession
from ctip.geo.services import unit_set_flags


class SuccessionInline(admin.TabularInline):
    model = UnitSuccession
    fk_name = "predecessor"
    extra = 0
    can_delete = False
    readonly_fields = ("successor", "date", "partial")


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "level", "valid_from", "valid_to", *FLAGS)
    list_filter = ("level", "source", *FLAGS)
    search_fields = ("name", "=code")
    fields = (
        "code",
        "name",
        "kind",
        "level",
        "parent",
        "valid_from",
        "valid_to",
        "source",
        *FLAGS,
        "flags_source",
    )
    # Only the analysis flags are edited by hand; the rest comes from the package or a CSV import.
    readonly_fields = (
        "code",
        "name",
        "kind",
        "level",
        "parent",
        "valid_from",
        "valid_to",
        "source",
    )
    inlines = [SuccessionInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        unit_set_flags(
            unit=obj,
            flags={f: form.cleaned_data[f] for f in FLAGS},
            flags_source=form.cleaned_data["flags_source"],
            acting_user=request.user,
        )
