"""The other forms a Hebrew or Arabic word is found under, for search.

Hebrew writes its short words on the front of the next one: ו (and), ה (the), ב (in), כ (as),
ל (to), מ (from), ש (that), up to three of them (ובמשבר: and + in + crisis). Arabic does the
same with و and ف (and), ب (with), ك (as), ل (to) and the article ال (العائلة: the family).
A search for משבר or عائلة must find those words. SQLite's tokenizer cannot strip them, so
for every Hebrew or Arabic word of an answer we index, beside the text, the word with each
possible run of prefixes taken off (keeping at least two letters), and without its vowel
points (niqqud, harakat). Stripping can also take off a letter that belongs to the word (בית
gives ית): a few extra matches, never a missed one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_HEBREW_WORD = re.compile("[\u05d0-\u05ea\u05b0-\u05c7\u05f0-\u05f4'\"״׳]{2,}")
_ARABIC_WORD = re.compile("[\u0620-\u065f\u0670-\u06d3]{2,}")
HEBREW_PREFIXES = "והבכלמש"
ARABIC_CONJUNCTIONS = ("و", "ف")
ARABIC_PREPOSITIONS = ("ب", "ك", "ل")
ARABIC_ARTICLE = "ال"
_TATWEEL = "\u0640"
_MIN_LETTERS = 2


def bare(word: str) -> str:
    """The word without vowel points, cantillation, harakat or tatweel."""
    return "".join(c for c in unicodedata.normalize("NFD", word)
                   if not unicodedata.combining(c) and c != _TATWEEL)


def hebrew_forms(word: str) -> set[str]:
    word = bare(word).strip("'\"״׳")
    found = {word}
    rest = word
    for _ in range(3):
        if len(rest) - 1 < _MIN_LETTERS or rest[0] not in HEBREW_PREFIXES:
            break
        rest = rest[1:]
        found.add(rest)
    return found


def arabic_forms(word: str) -> set[str]:
    word = bare(word)
    found = {word}
    stems = {word}
    for prefixes in (ARABIC_CONJUNCTIONS, ARABIC_PREPOSITIONS):
        stems |= {s[1:] for s in stems if s[:1] in prefixes and len(s) - 1 >= _MIN_LETTERS}
    # the article, and لل (to the: ل + ال with its alef dropped)
    stems |= {s[2:] for s in stems if s.startswith(ARABIC_ARTICLE) and len(s) - 2 >= _MIN_LETTERS}
    stems |= {s[2:] for s in stems if s.startswith("لل") and len(s) - 2 >= _MIN_LETTERS}
    return found | stems


def form_list(text: str) -> list[str]:
    """The extra words to index for a text, sorted: none when it has no Hebrew or Arabic
    word."""
    if not _ANY_LETTER.search(text):
        return []
    forms: set[str] = set()
    for word in _HEBREW_WORD.findall(text):
        forms |= hebrew_forms(word)
    for word in _ARABIC_WORD.findall(text):
        forms |= arabic_forms(word)
    return sorted(form for form in forms if _ANY_LETTER.search(form))


def search_forms(text: str) -> str:
    """The extra words to index for a text, in one string: '' when it has no Hebrew or
    Arabic word."""
    return " ".join(form_list(text))


_ANY_LETTER = re.compile("[\u05d0-\u05ea\u0620-\u065f\u0670-\u06d3]")
"""One Hebrew or Arabic letter: a single scan that rules out most texts (English, Italian…)."""


def has_forms(words: str) -> bool:
    """Whether a text or query has a Hebrew or Arabic word (and so has forms to index or to
    look in)."""
    return bool(_ANY_LETTER.search(words)) and bool(_HEBREW_WORD.search(words)
                                                     or _ARABIC_WORD.search(words))


MARKS = "\u0300-\u036f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a" \
    "\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
"""Combining marks that belong inside a word: accents typed apart, niqqud, harakat."""
_QUERY_WORD = re.compile(f"({_HEBREW_WORD.pattern}|{_ARABIC_WORD.pattern}"
                         f"|(?:[^\\W_]|[{MARKS}])+)(\\*?)")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


@dataclass(frozen=True)
class QueryWord:
    """One word of a search as typed: `text` without its star, `prefix` when typed with a *
    at its end, `forms` when it is a Hebrew or Arabic word, looked for among the word forms
    (then `text` is bare: no vowel points, no quote marks at its ends)."""

    text: str
    prefix: bool
    forms: bool


def query_words(words: str) -> list[QueryWord]:
    """The words of a search: letters and digits with the marks inside them (a pointed
    Hebrew word stays one word), a Hebrew or Arabic word as the forms index holds it. Every
    other character (quotes, operators, brackets, a lone *) only separates words."""
    found = []
    for token, star in _QUERY_WORD.findall(words):
        if has_forms(token):
            token = bare(token).strip("'\"״׳")
            if _ANY_LETTER.search(token):
                found.append(QueryWord(token, bool(star), True))
            continue
        if _LETTER_OR_DIGIT.search(token):
            found.append(QueryWord(unicodedata.normalize("NFC", token), bool(star), False))
    return found
