"""The OpenAPI schema: the token scheme (`Authorization: Bearer ctip_…`), and every refusal an
operation may answer with, documented on every operation (schemathesis checks that each answer
is documented)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object

ERROR = "Error"
ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "detail": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "string"}},
    },
    # A refused filter or body names its fields: {"from": ["…"]}.
    "additionalProperties": True,
}
REFUSALS: dict[str, Any] = {
    "400": _("Yêu cầu không hợp lệ (tham số hoặc dữ liệu)."),
    "401": _("Thiếu mã truy cập, hoặc mã sai, hết hạn, đã thu hồi."),
    "403": _("Mã truy cập không có quyền này."),
    "404": _("Không có, hoặc ngoài phạm vi của mã truy cập."),
    "429": _("Quá số yêu cầu cho phép; thử lại sau Retry-After giây."),
}
WRITE_REFUSALS: dict[str, Any] = {
    "409": _("Trạng thái hiện tại không cho phép (kỳ đã có báo cáo ban hành…).")
}


class HashedTokenScheme(OpenApiAuthenticationExtension):
    target_class = "ctip.api.auth.HashedTokenAuthentication"
    name = "ctipToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return build_bearer_security_scheme_object(
            header_name="Authorization",
            token_prefix="Bearer",  # noqa: S106 (the scheme's name, not a secret)
        )


def document_errors(result: dict[str, Any], generator: Any, **kwargs: Any) -> dict[str, Any]:
    """Postprocessing hook: the JSON error answers on every operation."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas[ERROR] = ERROR_SCHEMA
    ref = {"$ref": f"#/components/schemas/{ERROR}"}
    for methods in result.get("paths", {}).values():
        for method, operation in methods.items():
            refusals = dict(REFUSALS)
            if method in ("post", "put", "patch", "delete"):
                refusals |= WRITE_REFUSALS
            responses = operation.setdefault("responses", {})
            for code, text in refusals.items():
                responses.setdefault(
                    code,
                    {"description": str(text), "content": {"application/json": {"schema": ref}}},
                )
    return result
