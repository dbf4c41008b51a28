"""The outline of a report template, as data an administrator edits (JSON in the admin).

    [{"numeral": "II.", "title": "KẾT QUẢ THỰC HIỆN", "blocks": [...], "sections": [...]}, ...]

Blocks:
- {"type": "documents"}: the documents issued in the period and those its work implements;
- {"type": "figures", "parts": [{"indicator": code, "text": "tổ chức {value} buổi"}, ...],
   "by": "agency" (optional), "groups": [{"indicator": code, "dimension": d, "text": "... {list}"}],
   "intro": text, "zero": sentence for a zero count};
- {"type": "agency_work", "kinds": [{"kind", "figure", "text", "blank"}], "extras", "slots",
   "order", "campaigns", "slot"}: one paragraph per agency (ctip/reporting/agency_work.py);
- {"type": "documents"} / {"type": "campaigns"} / {"type": "cooperation"}: lists from those
   registers, in the block's sentence patterns (REQUIRED_WORDS); an optional "national" mapping
   holds the national review's sentences of figures instead of lists (NATIONAL_WORDS, each with
   its slots; ctip/reporting/national_blocks.py);
- {"type": "narrative", "slot": key, "label": text, "optional": bool}: written by people in the
   browser (or the agencies' accepted parts); a required one left empty stops issuing;
- {"type": "text", "text": fixed sentence}.
Optional "annex": [{"sheet": name, "indicators": [codes], "by": [dimensions]}] on the template.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from ctip.indicators.registry import DIMENSIONS, REGISTRY

BLOCK_TYPES = {
    "documents",
    "figures",
    "agency_work",
    "campaigns",
    "cooperation",
    "narrative",
    "text",
}
# The words a block of each type needs from the template (its sentence patterns).
REQUIRED_WORDS = {
    "documents": ("intro_own", "intro_central", "item", "issuer", "about", "tasks", "task", "zero"),
    "campaigns": ("intro", "item"),
    "cooperation": ("item", "summary"),
    "agency_work": ("kinds",),
}


# The national review's sentences of a block's optional "national" mapping, each with the slots
# it must hold ("{value}" a figure, "{list}" the groups' figures).
NATIONAL_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "documents": {
        "intro_central": (),
        "local": ("{list}",),
        "local_partial": ("{list}", "{provinces}"),
        "local_one": ("{list}", "{province}"),
        "local_unplaced": ("{list}",),
        "local_kind": ("{value}", "{kind}"),
        "local_zero": (),
    },
    "campaigns": {"count": ("{value}",), "sector": ("{value}", "{sector}"), "intro_central": ()},
    "cooperation": {
        "kinds": ("{list}",),
        "kind": ("{value}", "{kind}"),
        "countries": ("{list}",),
        "country": ("{value}", "{country}"),
        "others": ("{count}",),
    },
}


class OutlineError(ValueError):
    pass


def check_outline(outline: Any) -> None:
    """Raise OutlineError with a Vietnamese message naming the first fault."""
    if not isinstance(outline, dict) or not isinstance(outline.get("sections"), list):
        raise OutlineError(_("Đề cương phải có danh sách “sections”."))
    slots: set[str] = set()
    for section in walk(outline["sections"]):
        if not section.get("numeral") or not section.get("title"):
            raise OutlineError(_("Mỗi mục phải có số thứ tự (“numeral”) và tên (“title”)."))
        for block in section.get("blocks", []):
            _check_block(block, section["numeral"], slots)
    for sheet in outline.get("annex", []):
        _check_codes(sheet.get("indicators", []), sheet.get("sheet", "?"))
        for d in sheet.get("by", []):
            if not _breaks_down(d):
                raise OutlineError(_("Không có chiều phân tổ “%(d)s”.") % {"d": d})


def _breaks_down(dimension: Any) -> bool:
    """A dimension a report may break a figure down by (not one that only narrows, as a case)."""
    return dimension in DIMENSIONS and DIMENSIONS[dimension].breakdown


def walk(sections: list[dict]) -> Any:
    """Every section, depth first."""
    for section in sections:
        yield section
        yield from walk(section.get("sections", []))


def _check_block(block: dict, numeral: str, slots: set[str]) -> None:
    kind = block.get("type")
    if kind not in BLOCK_TYPES:
        raise OutlineError(
            _("Mục %(n)s: loại khối “%(t)s” không hợp lệ.") % {"n": numeral, "t": kind}
        )
    if kind == "figures":
        parts = block.get("parts") or []
        if not parts:
            raise OutlineError(_("Mục %(n)s: khối số liệu không có chỉ tiêu.") % {"n": numeral})
        _check_codes([p.get("indicator") for p in parts], numeral)
        for p in parts:
            if "{value}" not in p.get("text", ""):
                raise OutlineError(
                    _("Mục %(n)s: câu của chỉ tiêu phải chứa {value}.") % {"n": numeral}
                )
        for group in block.get("groups", []):
            _check_codes([group.get("indicator")], numeral)
            if not _breaks_down(group.get("dimension")) or "{list}" not in group.get("text", ""):
                raise OutlineError(
                    _("Mục %(n)s: nhóm phải có chiều phân tổ hợp lệ và chứa {list}.")
                    % {"n": numeral}
                )
    missing = [w for w in REQUIRED_WORDS.get(kind, ()) if w not in block]
    if missing:
        raise OutlineError(
            _("Mục %(n)s: khối “%(t)s” thiếu mẫu câu: %(w)s.")
            % {"n": numeral, "t": kind, "w": ", ".join(missing)}
        )
    if kind == "agency_work":
        _check_agency_work(block, numeral)
    if "national" in block:
        _check_national(block, numeral)
    if kind in ("narrative", "agency_work") and (kind == "narrative" or block.get("slot")):
        slot = block.get("slot")
        if not slot or slot in slots:
            raise OutlineError(
                _("Mục %(n)s: phần viết phải có mã (“slot”) riêng.") % {"n": numeral}
            )
        slots.add(slot)


def _check_national(block: dict, numeral: str) -> None:
    """The national sentences a block declares: every one its type needs, each with its slots."""
    words = block["national"]
    needed = NATIONAL_WORDS.get(block["type"])
    if needed is None or not isinstance(words, dict):
        raise OutlineError(
            _("Mục %(n)s: khối “%(t)s” không nhận mẫu câu toàn quốc (“national”).")
            % {"n": numeral, "t": block["type"]}
        )
    for key, slots in needed.items():
        text = words.get(key)
        if not isinstance(text, str):
            raise OutlineError(
                _("Mục %(n)s: thiếu mẫu câu toàn quốc “%(k)s”.") % {"n": numeral, "k": key}
            )
        if any(slot not in text for slot in slots):
            raise OutlineError(
                _("Mục %(n)s: mẫu câu toàn quốc “%(k)s” phải chứa %(s)s.")
                % {"n": numeral, "k": key, "s": ", ".join(slots)}
            )


def _check_agency_work(block: dict, numeral: str) -> None:
    """Each kind of work has a sentence without a figure (`blank`), and one with `{value}`
    when it names the indicator that counts it."""
    for spec in block["kinds"]:
        if not spec.get("kind") or not spec.get("blank"):
            raise OutlineError(
                _("Mục %(n)s: mỗi hình thức cần mã (“kind”) và câu khi không có số liệu (“blank”).")
                % {"n": numeral}
            )
        if spec.get("figure"):
            _check_codes([spec["figure"]], numeral)
            if "{value}" not in spec.get("text", ""):
                raise OutlineError(
                    _("Mục %(n)s: câu của chỉ tiêu phải chứa {value}.") % {"n": numeral}
                )
    for extra in block.get("extras", []):
        _check_codes([extra.get("indicator")], numeral)
        if "{value}" not in extra.get("text", ""):
            raise OutlineError(_("Mục %(n)s: câu của chỉ tiêu phải chứa {value}.") % {"n": numeral})


def _check_codes(codes: list[Any], where: str) -> None:
    for code in codes:
        if code not in REGISTRY:
            raise OutlineError(_("Mục %(n)s: không có chỉ tiêu “%(c)s”.") % {"n": where, "c": code})


def narrative_slots(outline: dict) -> list[tuple[str, str, str]]:
    """(slot, section heading, label) for each narrative block, in outline order."""
    found = []
    for section in walk(outline.get("sections", [])):
        for block in section.get("blocks", []):
            if block.get("type") == "narrative" or (
                block.get("type") == "agency_work" and block.get("slot")
            ):
                heading = f"{section['numeral']} {section['title']}"
                found.append((block["slot"], heading, block.get("label", "")))
    return found
