from django.contrib import admin

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
    list_display = ("date", "kind", "name")
    list_filter = ("kind",)
    date_hierarchy = "date"
