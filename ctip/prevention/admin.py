from django.contrib import admin

from ctip.core.admin_writes import admin_delete, admin_save, form_changes
from ctip.prevention.models import Funding, Population, VolunteerCount, VolunteerTeam
from ctip.prevention.services import funding_set, volunteer_team_record


class AuditedAdmin(admin.ModelAdmin):
    """Reference-like prevention data edited by administrators: every save and delete audited."""

    def save_model(self, request, obj, form, change):
        admin_save(
            obj=obj,
            action=f"prevention.{obj._meta.model_name}_{'change' if change else 'add'}",
            changes=form_changes(form),
            save=lambda: super(AuditedAdmin, self).save_model(request, obj, form, change),
            acting_user=request.user,
        )

    def save_formset(self, request, form, formset, change):
        if not formset.has_changed():
            return
        if formset.model is VolunteerCount:
            for count in formset.save(commit=False):
                volunteer_team_record(
                    team=form.instance,
                    as_of=count.as_of,
                    volunteers=count.volunteers,
                    acting_user=request.user,
                )
            return
        admin_save(
            obj=form.instance,
            action="prevention.inline_change",
            changes={"rows": [None, len(formset.forms)]},
            save=lambda: super(AuditedAdmin, self).save_formset(request, form, formset, change),
            acting_user=request.user,
        )

    def delete_model(self, request, obj):
        admin_delete(
            obj=obj,
            action=f"prevention.{obj._meta.model_name}_delete",
            changes={},
            delete=lambda: super(AuditedAdmin, self).delete_model(request, obj),
            acting_user=request.user,
        )


class CountInline(admin.TabularInline):
    """A team's counts: added or corrected through the service (one audited count each);
    deleting a count is not offered (a count is corrected by a newer one)."""

    model = VolunteerCount
    extra = 1
    can_delete = False

    def has_change_permission(self, request, obj=None):
        return False  # a saved count is history: a newer count corrects it, shown read-only


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

    def get_readonly_fields(self, request, obj=None):
        # A year's funding of an agency is one row: its agency and year are set once.
        return ("agency", "year") if obj is not None else ()

    def save_model(self, request, obj, form, change):
        """Through the service, which bounds the year and the amounts."""
        saved = funding_set(
            agency=obj.agency,
            year=obj.year,
            allocated=obj.allocated,
            spent=obj.spent,
            acting_user=request.user,
        )
        obj.pk, obj.year_start = saved.pk, saved.year_start


@admin.register(Population)
class PopulationAdmin(AuditedAdmin):
    list_display = ("unit", "year", "population", "source")
    list_filter = ("year",)
    raw_id_fields = ("unit",)
    exclude = ("batch",)
