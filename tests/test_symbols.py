"""Number/symbol of official documents."""

import pytest

from ctip.core.text import fold
from ctip.directives.symbols import LAW, OFFICIAL_LETTER, SymbolError, parse_symbol


@pytest.mark.parametrize(
    ("text", "number", "year", "kind", "issuers", "unit", "party"),
    [
        ("207/BC-UBND", 207, None, "BC", ("UBND",), "", False),
        ("34/KH-UBND", 34, None, "KH", ("UBND",), "", False),
        ("521/QĐ-UBND", 521, None, "QĐ", ("UBND",), "", False),
        ("5645/UBND-NC", 5645, None, OFFICIAL_LETTER, ("UBND",), "NC", False),
        ("3131/BCA-V03", 3131, None, OFFICIAL_LETTER, ("BCA",), "V03", False),
        (
            "2467/QCPH-LĐTBXH-CA-BP-SNgV",
            2467,
            None,
            "QCPH",
            ("LĐTBXH", "CA", "BP", "SNgV"),
            "",
            False,
        ),
        (
            "2467/QCPH-LĐTĐBXH-CA-BP-SNgV",
            2467,
            None,
            "QCPH",
            ("LĐTĐBXH", "CA", "BP", "SNgV"),
            "",
            False,
        ),
        ("13-KL/TW", 13, None, "KL", ("TW",), "", True),
        ("48-CT/TW", 48, None, "CT", ("TW",), "", True),
        ("24/2012/TTLT-BLĐTBXH-BNV-BTC", 24, 2012, "TTLT", ("BLĐTBXH", "BNV", "BTC"), "", False),
        ("45/2025/NĐ-CP", 45, 2025, "NĐ", ("CP",), "", False),
        ("53/2024/QH15", 53, 2024, LAW, ("QH15",), "", False),
        ("Số: 207/BC-UBND", 207, None, "BC", ("UBND",), "", False),
        (" 207 / BC-UBND ", 207, None, "BC", ("UBND",), "", False),
    ],
)
def test_every_form_parses(text, number, year, kind, issuers, unit, party):
    symbol = parse_symbol(text)
    assert (symbol.number, symbol.year, symbol.kind, symbol.issuers, symbol.unit, symbol.party) == (
        number,
        year,
        kind,
        issuers,
        unit,
        party,
    )


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "34/KH-",
        "/KH-UBND",
        "34//UBND",
        "34/KH UBND X",
        "x/KH-UBND",
        "34/KH",
        "13-XYZ/TW",
        "24/1800/TTLT-BNV",
        "5645/UBND-NC-X",
        "34/KH-UB ND-",
    ],
)
def test_malformed_symbols_are_refused_with_a_vietnamese_message(text):
    with pytest.raises(SymbolError) as caught:
        parse_symbol(text)
    message = str(caught.value)
    assert "ký hiệu" in message or "loại văn bản" in message or "Năm" in message


def test_fold_for_accent_insensitive_search():
    assert fold("Kế hoạch") == "ke hoach"
    assert fold("Đặng Thị HOÀ") == "dang thi hoa"
    assert fold("  Quy   chế ") == "quy che"
