"""Render a compilation to DOCX (docxtpl over the template's layout) and to PDF (LibreOffice)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from io import BytesIO
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate

from ctip.reporting.layout import build_layout
from ctip.reporting.models import ReportTemplate


class RenderError(RuntimeError):
    pass


def paragraph_text(paragraph: dict[str, Any]) -> str:
    return "".join(segment[0] for segment in paragraph["segments"])


def render_docx(result: dict[str, Any], template: ReportTemplate) -> bytes:
    layout = template.layout.read() if template.layout else build_layout()
    doc = DocxTemplate(BytesIO(layout))
    body = [{"kind": p["kind"], "text": paragraph_text(p)} for p in result["body"]]
    # autoescape: without it docxtpl silently drops "&" and "<" ("Nam & Nữ <18 tuổi>").
    doc.render({"h": result["header"], "body": body}, autoescape=True)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: bytes, *, timeout: int = 120) -> bytes:
    """LibreOffice headless, in a private profile so concurrent conversions do not collide."""
    binary = soffice()
    if binary is None:
        raise RenderError(
            "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui"
        )
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "report.docx"
        source.write_bytes(docx)
        profile = Path(tmp, "profile").as_uri()
        subprocess.run(  # noqa: S603 - fixed arguments, no shell
            [
                binary,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=timeout,
        )
        pdf = Path(tmp) / "report.pdf"
        if not pdf.exists():
            raise RenderError("LibreOffice produced no PDF")
        return pdf.read_bytes()
