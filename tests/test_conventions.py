"""The shape of the house, checked (issue 20): services are keyword-only and name who acts;
writes and audit rows happen in services, not in views, forms or the admin; every view declares
what it requires; every field that identifies a person carries the personal-data marker."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import get_resolver

from ctip.core.access import undeclared_views
from ctip.core.personal import is_personal

ROOT = Path(__file__).resolve().parent.parent / "ctip"
SOURCES = sorted(p for p in ROOT.rglob("*.py") if "migrations" not in p.parts)


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(), filename=str(path))


def _calls(tree: ast.AST, name: str) -> list[int]:
    """Lines calling `name` (as `name(...)` or `x.name(...)`)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if called == name:
                found.append(node.lineno)
    return found


def test_every_public_service_is_keyword_only_and_names_who_acts():
    wrong = []
    for path in SOURCES:
        if path.name != "services.py":
            continue
        for node in _tree(path).body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                args = node.args
                positional = [a.arg for a in (*args.posonlyargs, *args.args)]
                if positional or "acting_user" not in [a.arg for a in args.kwonlyargs]:
                    wrong.append(f"{path.relative_to(ROOT)}: {node.name}")
    assert wrong == []


# Where writes are not made: pages and forms call services; the admin too.
FRONT = ("views", "forms", "admin")


def _front(path: Path) -> bool:
    return path.stem in FRONT or path.stem.startswith("views_")


def test_no_audit_row_or_transaction_outside_the_services():
    wrong = []
    for path in SOURCES:
        if not _front(path):
            continue
        tree = _tree(path)
        for name in ("audit_write", "atomic", "unit_of_work"):
            wrong += [f"{path.relative_to(ROOT)}:{line} {name}" for line in _calls(tree, name)]
    assert wrong == []


def test_services_open_their_transaction_as_a_unit_of_work():
    """A write's transaction is a unit of work (ctip.core.work): its audit row is checked and
    the rollups of what it touched are refreshed. Every module of the apps that writes audit
    rows (services.py and the services split beside it: transitions, stages, referrals...)
    opens none of its own. The kernel and the operations (backup, key rotation, demo, synth)
    manage their own transactions."""
    wrong = []
    for path in SOURCES:
        if path.relative_to(ROOT).parts[0] in ("core", "ops"):
            continue
        tree = _tree(path)
        if _calls(tree, "audit_write"):
            wrong += [f"{path.relative_to(ROOT)}:{n}" for n in _calls(tree, "atomic")]
    assert wrong == []


@pytest.mark.django_db
def test_every_view_declares_what_it_requires():
    assert undeclared_views(get_resolver().url_patterns) == []


# Field names that identify a person wherever they appear.
IDENTIFYING = {
    "full_name",
    "other_names",
    "date_of_birth",
    "identity_document",
    "address",
    "contacts",
    "relatives",
    "ethnicity",
    "phone",
    "email",
}
# Not about the persons ctip protects or watches: officials' own accounts (Django's user model),
# and agencies' office contact details, which are public.
NOT_ABOUT_PERSONS = {"accounts.user", "agencies.agency"}


def _unmarked(models) -> list[str]:
    """Identifying fields of `models` without the personal marker."""
    return [
        f"{model._meta.label_lower}.{field.name}"
        for model in models
        for field in model._meta.concrete_fields
        if field.name in IDENTIFYING and not is_personal(field)
    ]


def test_every_identifying_field_carries_the_personal_marker():
    ours = [
        m
        for m in apps.get_models()
        if m.__module__.startswith("ctip.") and m._meta.label_lower not in NOT_ABOUT_PERSONS
    ]
    assert _unmarked(ours) == []


def test_the_marker_check_sees_an_unmarked_field():
    """Without its exemption, an agency's office contacts are reported: the check can fail."""
    agency = apps.get_model("agencies", "Agency")
    assert set(_unmarked([agency])) == {
        "agencies.agency.phone",
        "agencies.agency.email",
        "agencies.agency.address",
    }


def test_no_import_of_ctip_inside_a_function_except_app_start_up():
    """Imports sit at the top of the module, where the layers check and a reader see them;
    an import inside a function was how cycles used to be dodged. AppConfig.ready is the one
    place Django needs late imports (models must be loaded first)."""
    wrong = []
    for path in SOURCES:
        if path.name == "apps.py":
            continue
        tree = _tree(path)
        top = {id(node) for node in tree.body}
        for block in tree.body:  # imports under a module-level `if TYPE_CHECKING:` or `try:`
            if isinstance(block, ast.If | ast.Try):
                top |= {id(node) for node in ast.walk(block)}
        for node in ast.walk(tree):
            module = getattr(node, "module", None) or ""
            if (
                isinstance(node, ast.ImportFrom)
                and module.startswith("ctip")
                and id(node) not in top
            ):
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert wrong == []
