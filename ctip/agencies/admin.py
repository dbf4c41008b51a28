from django.contrib import admin

from ctip.agencies.models import Agency, AgencySuccession


class SuccessionInline(admin.TabularInline):
    model = AgencySuccession
    fk_name = "predecessor"
    extra = 0
    readonly_fields = ("successor", "date", "carries_records", "note")
    can_delete = False


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "unit", "valid_from", "valid_to")
    list_filter = ("kind",)
    search_fields = ("name", "code", "abbreviation")
    readonly_fields = [f.name for f in Agency._meta.fields]
    inlines = [SuccessionInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # agencies come from the shipped fixtures, through their service
