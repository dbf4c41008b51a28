from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ctip.accounts.models import Assignment, User
from ctip.accounts.services import two_factor_reset
from ctip.core.audit import audit_write

AUDITED = ["username", "email", "first_name", "last_name", "is_active", "is_staff"]


class AssignmentInline(admin.TabularInline):
    model = Assignment
    extra = 0
    autocomplete_fields = ["agency"]
    raw_id_fields = ["unit"]


@admin.register(User)
class CtipUserAdmin(UserAdmin):
    inlines = [AssignmentInline]
    actions = ["reset_two_factor"]

    @admin.action(description=_("Đặt lại xác thực hai lớp (mất điện thoại)"))
    def reset_two_factor(self, request: Any, queryset: Any) -> None:
        for user in queryset:
            two_factor_reset(user=user, acting_user=request.user)
        messages.success(request, _("Đã đặt lại xác thực hai lớp; người dùng sẽ thiết lập lại."))

    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        """Admin edits are writes too: one transaction with an audit row (never the password)."""
        with transaction.atomic():
            before = {f: form.initial.get(f) for f in AUDITED} if change else {}
            super().save_model(request, obj, form, change)
            after = {f: getattr(obj, f) for f in AUDITED}
            changes = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
            if "password" in form.changed_data:
                changes["password"] = ["***", "***"]
            audit_write(
                action="accounts.user_change" if change else "accounts.user_create",
                acting_user=request.user,
                obj=obj,
                changes=changes,
            )

    def save_formset(self, request: Any, form: Any, formset: Any, change: bool) -> None:
        with transaction.atomic():
            instances = formset.save(commit=False)
            for deleted in formset.deleted_objects:
                audit_write(
                    action="accounts.assignment_revoke",
                    acting_user=request.user,
                    obj=deleted,
                    changes={"role": [deleted.role, None]},
                )
                deleted.delete()
            for assignment in instances:
                assignment.save()
                audit_write(
                    action="accounts.assignment_change",
                    acting_user=request.user,
                    obj=assignment,
                    changes={"role": [None, assignment.role]},
                )
            formset.save_m2m()
