from django.contrib import admin
from django.db import transaction

from ctip.core.audit import audit_write
from ctip.prevention.models import Funding, Population, VolunteerCount, VolunteerTeam


class AuditedAdmin(admin.ModelAdmin):
    """Reference-like prevention data edited by administrators: every save and delete audited."""

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            audit_write(
                action=f"prevention.{obj._meta.model_name}_{'change' if change else 'add'}",
                acting_user=request.user,
                obj=obj,
                changes={k: [None, str(form.cleaned_data.get(k))] for k in form.changed_data},
            )

    def save_formset(self, request, form, formset, change):
        with transaction.atomic():
            super().save_formset(request, form, formset, change)
            if formset.has_changed():
                audit_write(
                    action="prevention.inline_change",
                    acting_user=request.user,
                    obj=form.instance,
                    changes={"rows": [None, len(formset.forms)]},
                )

    def delete_model(self, request, obj):
        with transaction.atomic():
            audit_write(
                action=f"prevention.{obj._meta.model_name}_delete",
                acting_user=request.user,
                obj=obj,
            )
            super().delete_model(request, obj)


class CountInline(admin.TabularInline):
    model = VolunteerCount
    extra = 1


@admin.register(VolunteerTeam)
class VolunteerTeamAdmin(AuditedAdmin):
    list_display = ("name", "unit", "established", "dissolved")
    search_fields = ("name",)
    raw_id_fields = ("unit",)
    inlines = [CountInline]


@admin.register(Funding)
class FundingAdmin(AuditedAdmin):
    list_display = ("agency", "year", "allocated", "spent")
    list_filter = ("year",)
    exclude = ("year_start",)
    raw_id_fields = ("agency",)

    def save_model(self, request, obj, form, change):
        from datetime import date

        obj.year_start = date(obj.year, 1, 1)
        super().save_model(request, obj, form, change)


@admin.register(Population)
class PopulationAdmin(AuditedAdmin):
    list_display = ("unit", "year", "population", "source")
    list_filter = ("year",)
    raw_id_fields = ("unit",)
    exclude = ("batch",)
