"""Issue 23, words not codes in the audit log: every action code ctip writes has its own words
(ctip.core.audit_words), found by reading ctip's source, so a new code without words fails here;
the admin's audit list and its filter show the words."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.contrib import admin
from django.db import transaction

from ctip.accounts.models import User
from ctip.core.audit import audit_write
from ctip.core.audit_words import action_label, generic_label
from tests.helpers import add_totp, log_in, make_user

SOURCE = Path(__file__).resolve().parent.parent / "ctip"


class Module:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.tree = ast.parse(path.read_text(), filename=str(path))
        self.constants = {
            target.id: node.value.value
            for node in self.tree.body
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
            for target in node.targets
            if isinstance(target, ast.Name) and isinstance(node.value.value, str)
        }


def modules() -> list[Module]:
    return [Module(p) for p in sorted(SOURCE.rglob("*.py")) if "migrations" not in p.parts]


def functions(module: Module) -> list[ast.FunctionDef]:
    return [n for n in ast.walk(module.tree) if isinstance(n, ast.FunctionDef)]


def called(node: ast.Call) -> str:
    return ast.unparse(node.func).rsplit(".", 1)[-1]


def action_argument(node: ast.Call, position: int) -> ast.expr | None:
    for keyword in node.keywords:
        if keyword.arg == "action":
            return keyword.value
    return node.args[position] if 0 <= position < len(node.args) else None


def writers(found: list[Module]) -> dict[str, int]:
    """audit_write and every function that passes its own `action` parameter on to a writer
    (admin_save, password_save, activities_import...): name -> the parameter's position."""
    result = {"audit_write": -1}  # keyword-only
    grown = True
    while grown:
        grown = False
        for module in found:
            for function in functions(module):
                names = [a.arg for a in function.args.args]
                takes = "action" in names or "action" in [a.arg for a in function.args.kwonlyargs]
                if not takes or function.name in result:
                    continue
                for node in ast.walk(function):
                    if isinstance(node, ast.Call) and called(node) in result:
                        argument = action_argument(node, result[called(node)])
                        if isinstance(argument, ast.Name) and argument.id == "action":
                            result[function.name] = (
                                names.index("action") if "action" in names else -1
                            )
                            grown = True
                            break
    return result


def registered_model_names(module: Module) -> list[str]:
    """The models whose admin classes the module defines (for f"...{obj._meta.model_name}...")."""
    return sorted(
        model._meta.model_name
        for model, model_admin in admin.site._registry.items()
        if type(model_admin).__module__.replace(".", "/") in str(module.path.with_suffix(""))
    )


def values(node: ast.expr, module: Module, where: str) -> list[str]:
    """Every string `node` can be (a literal, both sides of `a if c else b`, a module constant,
    an f-string over the admin's models and such choices)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return values(node.body, module, where) + values(node.orelse, module, where)
    if isinstance(node, ast.Name) and node.id in module.constants:
        return [module.constants[node.id]]
    if isinstance(node, ast.JoinedStr):
        out = [""]
        for part in node.values:
            if isinstance(part, ast.FormattedValue):
                text = ast.unparse(part.value)
                if text.endswith("_meta.model_name"):
                    choices = registered_model_names(module)
                else:
                    choices = values(part.value, module, where)
            else:
                choices = values(part, module, where)
            out = [head + tail for head in out for tail in choices]
        return out
    raise AssertionError(f"{where}: cannot tell which action codes {ast.unparse(node)!r} writes")


def action_default(function: ast.FunctionDef) -> ast.expr | None:
    """The default of the function's `action` parameter, if it has one."""
    arguments = function.args
    positional = [a.arg for a in arguments.args]
    if "action" in positional:
        index = positional.index("action") - (len(positional) - len(arguments.defaults))
        return arguments.defaults[index] if index >= 0 else None
    for argument, default in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True):
        if argument.arg == "action":
            return default
    return None


def enclosing(module: Module) -> dict[ast.Call, ast.FunctionDef | None]:
    """Each call of the module with the innermost function it is written in."""
    found: dict[ast.Call, ast.FunctionDef | None] = {
        n: None for n in ast.walk(module.tree) if isinstance(n, ast.Call)
    }
    for function in functions(module):  # outer functions first: inner ones overwrite
        for node in ast.walk(function):
            if isinstance(node, ast.Call):
                found[node] = function
    return found


def written_codes() -> dict[str, str]:
    """code -> where it is written, for every audit row ctip's source can write."""
    found = modules()
    names = writers(found)
    codes: dict[str, str] = {}
    for module in found:
        for function in functions(module):
            default = action_default(function) if function.name in names else None
            if default is not None:
                where = f"{module.path.name}:{function.lineno}"
                codes.update(dict.fromkeys(values(default, module, where), where))
        for node, function in enclosing(module).items():
            if called(node) not in names:
                continue
            argument = action_argument(node, names[called(node)])
            if argument is None:
                continue
            passed_on = isinstance(argument, ast.Name) and argument.id == "action"
            if passed_on and function is not None and function.name in names:
                continue  # a writer passing its own parameter on: its callers are read
            where = f"{module.path.name}:{node.lineno}"
            codes.update(dict.fromkeys(values(argument, module, where), where))
    return codes


def test_the_source_reader_finds_the_codes_written_every_way():
    """The reader itself: literal codes, module constants, `a if c else b`, codes passed through
    admin_save and password_save, a positional code (audit_archive), a default (the activity
    import's), and the admin's f-string over its models."""
    codes = written_codes()
    for code in (
        "prevention.activity_create",  # literal, to audit_write
        "synth.load",  # module constant
        "accounts.user_create",  # a if c else b, through admin_save
        "accounts.password_change",  # through password_save
        "core.backup",  # positional, through audit_archive
        "prevention.activities_import",  # the default of activities_import's parameter
        "prevention.population_add",  # f-string over the prevention admin's models
        "prevention.volunteerteam_delete",
        "read",  # audit_read
    ):
        assert code in codes, code
    assert len(codes) > 100


def test_every_action_code_ctip_writes_has_its_own_words():
    without = sorted(
        f"{code} ({where})"
        for code, where in written_codes().items()
        if action_label(code) == generic_label(code)
    )
    assert not without, without


def test_the_words_are_vietnamese_sentences_not_codes():
    for code in written_codes():
        label = action_label(code)
        assert label[0].isupper(), (code, label)
        assert code not in label and "_" not in label, (code, label)


def test_an_unknown_code_reads_as_a_generic_phrase_and_never_raises():
    assert action_label("prevention.something_new") == "Thao tác khác (Phòng ngừa)"
    assert action_label("nowhere.at_all") == "Thao tác khác"
    assert action_label("") == "Thao tác khác"
    assert action_label("prevention.nomodel_add") == "Thao tác khác (Phòng ngừa)"
    assert action_label("prevention.population_add") == "Thêm dân số"


@pytest.fixture
def admin_client(client):
    user = make_user("quantri", "system_admin")
    User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
    user.refresh_from_db()
    log_in(client, user, add_totp(user))
    with transaction.atomic():
        audit_write(action="prevention.activity_create", acting_user=user)
        audit_write(action="victims.case_create", acting_user=user)
    return client


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)  # codes may stay in links' addresses


@pytest.mark.django_db
def test_the_audit_list_and_its_filter_show_actions_in_words(admin_client):
    html = admin_client.get("/admin/core/auditentry/").content.decode()
    shown = text_of(html)
    assert shown.count("Tạo hoạt động tuyên truyền") >= 2  # the row and the filter's choice
    assert "Mở hồ sơ nạn nhân" in shown
    assert "activity_create" not in shown and "case_create" not in shown


@pytest.mark.django_db
def test_the_action_filter_filters(admin_client):
    html = admin_client.get("/admin/core/auditentry/?action=victims.case_create").content
    shown = text_of(html.decode())
    assert "Mở hồ sơ nạn nhân" in shown
    rows = re.findall(r"/admin/core/auditentry/(\d+)/change/", html.decode())
    from ctip.core.models import AuditEntry

    expected = AuditEntry.objects.filter(action="victims.case_create").values_list("pk", flat=True)
    assert set(rows) == {str(pk) for pk in expected} and rows


@pytest.mark.django_db
def test_an_entrys_page_shows_its_action_in_words(admin_client):
    from ctip.core.models import AuditEntry

    entry = AuditEntry.objects.get(action="victims.case_create")
    html = admin_client.get(f"/admin/core/auditentry/{entry.pk}/change/").content.decode()
    shown = text_of(html)
    assert "Mở hồ sơ nạn nhân" in shown
    assert "victims.case_create" not in shown
