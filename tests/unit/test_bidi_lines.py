"""Interface lines in reading order: paths, commands, options and numbers kept as units
(first-strong isolates) inside a right-to-left sentence, wrapped in logical order first.

The expected lines are written out by hand (reversed letters, mirrored brackets, units left to
right), not computed by the code under test.
"""

from __future__ import annotations

import arabic_reshaper
import pytest

from reflect import bidi, bidi_lines

_SHAPER = arabic_reshaper.ArabicReshaper(configuration={
    "delete_harakat": False, "support_ligatures": False, "shift_harakat_position": False})


def pieces(text: str) -> list[str]:
    return [text[start:end] for start, end in bidi_lines.units(text)]


@pytest.mark.parametrize(("text", "found"), [
    ("שימוש: reflect [-h] [--db DB]\u200e", ["reflect [-h] [--db DB]"]),
    ("/tmp/x/r.db: תקין (ריאיון 'lfs-client', 6 שלבים)", ["/tmp/x/r.db", "'lfs-client'", "6"]),
    ("השפות: en, he, ar", ["en, he, ar"]),  # a Latin list is one unit
    ("נכתב /tmp/הספר.pdf (1,234 בתים).", ["/tmp/הספר.pdf", "1,234"]),  # a Hebrew file name
    ("כן ו/או לא", []),  # and/or is no path
    ("ב-3 ימים", ["3"]),  # the hyphen after a prefix is not an option's
    ("בלי --confirm, ראו ./x ו-.venv", ["--confirm", "./x", ".venv"]),
    ("reflect \u200f(app, ברירת המחדל)", ["reflect", "app"]),  # brackets whose partner is out
    ("COMMAND ...\u200e", ["COMMAND ..."]),
    ("(الافتراضي: REFLECT_LANG، 'reflect language')", ["REFLECT_LANG", "'reflect language'"]),
])
def test_units_are_the_left_to_right_pieces_a_sentence_holds(text, found):
    assert pieces(text) == found


@pytest.mark.parametrize(("text", "shown"), [
    ("שימוש: reflect [-h] [--db DB]\u200e", "reflect [-h] [--db DB] :שומיש"),
    ("/tmp/x/r.db: תקין (ריאיון 'lfs-client', 6 שלבים)",
     "(םיבלש 6 ,'lfs-client' ןויאיר) ןיקת :/tmp/x/r.db"),
    ("נכתב /tmp/הספר.pdf", "/tmp/רפסה.pdf בתכנ"),
    ("הריצו 'reflect where' כדי לבדוק.", ".קודבל ידכ 'reflect where' וצירה"),
    ("ב-3 ימים", "םימי 3-ב"),
    ("reflect 0.1.0", "reflect 0.1.0"),  # a Latin-only line reads as it is
])
def test_a_right_to_left_interface_line_in_reading_order(text, shown):
    assert bidi_lines.display_paragraph_line(text, rtl=True) == shown


def test_arabic_is_shaped_and_its_comma_separates_units():
    logical = "الافتراضي: REFLECT_LANG، 'reflect language'"
    words = _SHAPER.reshape("الافتراضي")[::-1]
    comma = "\u060c"
    assert bidi_lines.display_paragraph_line(logical, rtl=True) == \
        f"'reflect language' {comma}REFLECT_LANG :{words}"


def test_a_unit_is_one_neutral_to_its_sentence_and_reads_left_to_right_inside():
    text = "א (b c) ד"
    levels = bidi_lines.isolated_levels(text, True, [(2, 7)])
    assert levels[2:7] == [2] * 5 and levels[0] == 1 and levels[-1] == 1
    assert bidi.order_of_levels(text, levels) == [8, 7, 2, 3, 4, 5, 6, 1, 0]


def test_a_paragraph_is_wrapped_at_spaces_outside_its_units():
    text = "הריצו 'reflect where' כדי לבדוק"
    lines = [text[start:end] for start, end in bidi_lines.wrap(text, 16)]
    assert lines == ["הריצו", "'reflect where'", "כדי לבדוק"]
    assert bidi_lines.wrap(text, 80) == [(0, len(text))]


def test_a_unit_longer_than_a_line_breaks_at_its_own_spaces_then_anywhere():
    text = "ראו: alpha, beta, gamma"
    assert [text[s:e] for s, e in bidi_lines.wrap(text, 12)] == ["ראו: alpha,", "beta, gamma"]
    word = "א" + "x" * 9
    assert [word[s:e] for s, e in bidi_lines.wrap(word, 4)] == ["אxxx", "xxxx", "xx"]


def test_a_wrapped_unit_is_a_unit_on_each_line():
    assert bidi_lines.line_units([(5, 30)], 10, 40) == [(0, 20)]
    assert bidi_lines.line_units([(5, 30)], 30, 40) == []


def test_marks_take_no_cell_and_are_not_drawn():
    assert bidi_lines.cells("בְּ\u200e") == 1
    assert bidi_lines.without_marks("a\u200fb\u2068c\u2069") == "abc"
    assert "\u200e" not in bidi_lines.display_paragraph_line("שלום\u200e a", rtl=True)


def test_a_middle_dot_separates_units():
    from reflect import bidi_lines

    line = "עברית · lfs-practitioner · 6 שלבים · 14 שאלות"
    spans = [line[a:b] for a, b in bidi_lines.units(line)]
    assert "lfs-practitioner" in spans and "lfs-practitioner · 6" not in spans
    drawn = bidi_lines.display_paragraph_line(line, True)
    assert "םיבלש 6" in drawn  # the number stays with its word


def test_an_arabic_date_with_its_direction_marks_stays_one_unit():
    from reflect import bidi_lines

    line = "فتح المقابلة المكتملة (4\u200f/11\u200f/2026 10:11)"
    assert bidi_lines.display_paragraph_line(line, True).startswith("(4/11/2026 10:11) ")


def test_a_progress_bar_parts_the_numbers_around_it():
    from reflect import bidi_lines

    line = "ש׳ 1/14  ░░░░ 0 נענו"
    assert [line[a:b] for a, b in bidi_lines.units(line)] == ["1/14", "0"]
    assert bidi_lines.display_paragraph_line(line, True) == "ונענ 0 ░░░░  1/14 ׳ש"
