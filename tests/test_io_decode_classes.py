"""The compiled character classes of the loaders say exactly what the Unicode tables say."""

from __future__ import annotations

import sys
import unicodedata

from analysis.io import decode, language


def test_not_text_class_is_the_unicode_control_surrogate_and_private_use_categories():
    wrong = []
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        expected = (
            unicodedata.category(c) in ("Cc", "Cs", "Co") and c not in "\n\r\t\f\v"
        ) or c == "\ufffd"
        if bool(decode._NOT_TEXT.match(c)) != expected:
            wrong.append(hex(cp))
    assert not wrong, wrong[:10]


def test_script_counts_count_each_letter_once_in_its_script():
    text = "Paris, Москва, Αθήνα, القاهرة, ירושלים, 서울, とうきょう, 北京 -- café “quoted”"
    counts = language._script_counts(text)
    assert counts["latin"] == len("Paris") + len("café") + len("quoted")
    assert counts["cyrillic"] == len("Москва")
    assert counts["greek"] == len("Αθήνα")
    assert counts["arabic"] == len("القاهرة")
    assert counts["hebrew"] == len("ירושלים")
    assert counts["hangul"] == len("서울")
    assert counts["kana"] == len("とうきょう")
    assert counts["han"] == len("北京")
