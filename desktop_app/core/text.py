"""Vietnamese text: NFC normalisation, accent folding for search, and the name sort key.

Vietnamese input arrives in NFC or NFD (Unikey's composite mode, macOS copy-paste); every stored
string is NFC. Folding drops tone and shape marks and maps đ→d, which Unicode does not decompose.
"""

from __future__ import annotations

import re
import unicodedata
from typing import overload

_DD = str.maketrans({"đ": "d", "Đ": "D"})
_SPACES = re.compile(r"\s+")
# Control characters other than tab/newline never belong in stored text; nor do invisible format characters
# (zero-width spaces and joiners, direction marks and overrides, the byte-order mark, soft hyphens…, Unicode
# category Cf): they hide inside names, so that search and duplicate checks miss them, and they can make
# text display in another order than it is stored.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")

# Tone marks in the Vietnamese collation order: none, huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# The alphabet in dictionary order; f, j, w, z appear in foreign and ethnic-minority names.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}


def invisible(ch: str) -> bool:
    """True for a format character (category Cf): zero-width, direction marks and overrides, BOM, soft hyphen."""
    return unicodedata.category(ch) == "Cf"


def _visible(text: str) -> str:
    return "".join(ch for ch in text if not invisible(ch)) if not text.isascii() else text


@overload
def nfc(value: str) -> str: ...


@overload
def nfc(value: None) -> None: ...


def nfc(value: str | None) -> str | None:
    """NFC form of *value* with control and invisible format characters removed and outer whitespace
    trimmed."""
    if value is None:
        return None
    # Removed first, normalised after: a mark after a removed character must compose with the letter before it.
    return unicodedata.normalize("NFC", _visible(_CONTROL.sub("", str(value)))).strip()


def has_lone_surrogate(value: str) -> bool:
    """True when *value* holds half of a UTF-16 pair (a broken copy and paste): it cannot be stored."""
    return bool(_SURROGATE.search(value))


def shown(value: object, limit: int = 40) -> str:
    """*value* as text safe to put in a message: NFC, cleaned, cut to *limit*, broken characters replaced."""
    text = _SURROGATE.sub("\ufffd", str(value))
    return (nfc(text) or "")[:limit]


def clean_name(value: str | None) -> str:
    """A person's or branch's name: NFC, single spaces, no outer whitespace."""
    return _SPACES.sub(" ", nfc(value) or "")


def fold(value: str | None) -> str:
    """Accent- and case-insensitive form for search: 'Nguyễn Văn Đức' → 'nguyen van duc'."""
    if not value:
        return ""
    text = unicodedata.normalize("NFD", _SURROGATE.sub("", str(value)).translate(_DD))
    text = "".join(c for c in text if unicodedata.category(c) not in ("Mn", "Cf"))
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()


def is_nfc(value: str) -> bool:
    return unicodedata.is_normalized("NFC", value)


def _letter_key(word: str) -> tuple[str, str]:
    """Primary key (letters in Vietnamese alphabet order) and secondary key (tones) of one word."""
    primary, tones = [], []
    for ch in unicodedata.normalize("NFC", word.lower()):
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], parts[1:]
        tone = 0
        shape = ""
        for mark in marks:
            if mark in _TONES:
                tone = _TONES[mark]
            else:
                shape += mark
        letter = unicodedata.normalize("NFC", base + shape)
        rank = _RANK.get(letter)
        if rank is None:
            # Digits and other letters sort after the alphabet, by code point.
            primary.append(chr(0x100 + ord(letter[0])) if letter.isalnum() else "")
        else:
            primary.append(chr(0x41 + rank))
        tones.append(str(tone))
    return "".join(primary), "".join(tones)


def split_name(full_name: str) -> tuple[str, str, str]:
    """(family, middle, given) of a Vietnamese full name: 'Nguyễn Thị Hồng Nhung' → ('Nguyễn', 'Thị Hồng', 'Nhung')."""
    words = clean_name(full_name).split(" ")
    if not words or words == [""]:
        return "", "", ""
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


def name_sort_key(full_name: str) -> str:
    """Key that orders names as Vietnamese lists do: given name, then middle names, then family name.

    Letters follow the Vietnamese alphabet (a < ă < â < b … d < đ), tones break ties
    (none < huyền < hỏi < ngã < sắc < nặng). The result compares correctly as plain text,
    so the database can index and sort by it.
    """
    family, middle, given = split_name(full_name)
    parts = [_letter_key(given), _letter_key(middle), _letter_key(family)]
    primary = " ".join(p for p, _ in parts)
    secondary = "".join(t for _, t in parts)
    return f"{primary} ~{secondary}"
