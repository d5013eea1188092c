"""Keep the translation catalogs in step with the code.

    python -m tools.i18n_catalogs            # extract → i18n/messages.pot, merge into vi and en, fill English, report
    python -m tools.i18n_catalogs --check    # exit 1 when a msgid is missing, untranslated or fuzzy (CI)

The same steps with the babel command line (run from the project folder):

    pybabel extract -F pyproject.toml -o i18n/messages.pot --no-location --sort-output -c TRANSLATORS: .
    pybabel update -i i18n/messages.pot -d i18n -D desktop_app --no-fuzzy-matching \\
        --ignore-pot-creation-date --no-location
    pybabel init -i i18n/messages.pot -d i18n -D desktop_app -l vi     # only to start a new language

``_``, ``gettext``, ``ngettext``, ``pgettext``, ``npgettext`` and ``N_`` are babel's default keywords, so no ``-k`` is
needed. The ``.po`` files are the source of truth and are committed; ``.mo`` files are not (the app compiles a
``.po`` on first use, see ``desktop_app.i18n``). New msgids arrive empty (no fuzzy guesses); msgids the code no longer
has are kept as obsolete entries and revived if they come back; English msgstrs are filled with the msgid
because msgids are English.
"""

from __future__ import annotations

import argparse
import copy
import datetime
import io
import sys
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

from desktop_app import __version__
from desktop_app.core import clock

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "i18n"
DOMAIN = "desktop_app"
LANGUAGES = ("vi", "en")
TEMPLATE = I18N / "messages.pot"
COMMENT_TAGS = ("TRANSLATORS:",)
PROJECT = "Sổ Chi bộ"
HEADER_COMMENT = (
    "# Translations of Sổ Chi bộ. This file is the source of truth: edit msgstrs here, then run\n"
    "# `python -m tools.i18n_catalogs` after code changes to merge new msgids (see tools/i18n_catalogs.py)."
)
LANGUAGE_TEAMS = {"vi": "Tiếng Việt", "en": "English"}
_HEADER = {"project": PROJECT, "version": __version__, "copyright_holder": PROJECT, "msgid_bugs_address": "",
           "charset": "utf-8"}

Key = tuple[str | None, str]  # (msgctxt, msgid)


def po_path(lang: str) -> Path:
    return I18N / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _method_map() -> list[tuple[str, str]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    mappings = config["tool"]["babel"]["mappings"]
    return [(m["pattern"], m["method"]) for m in mappings]


def extract_template() -> Catalog:
    """Every translatable string of the code, as pybabel extract with the pyproject.toml mapping finds it."""
    template = Catalog(fuzzy=False, **_HEADER, header_comment=HEADER_COMMENT)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT), _method_map(), keywords=DEFAULT_KEYWORDS, comment_tags=COMMENT_TAGS, strip_comment_tags=True
    ):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    for entry in template:
        # Babel flags any "%" as python-format ("% of plan", "85%"); the code formats with str.format only.
        entry.flags.discard("python-format")
    return template


def key_of(message: Message) -> Key:
    msgid = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
    return (message.context, msgid)


def keys(catalog: Catalog) -> set[Key]:
    return {key_of(m) for m in catalog if m.id}


def read_catalog(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, no_location=True, sort_output=True, include_previous=False)
    return out.getvalue()


def _body(data: bytes) -> bytes:
    """The catalog without its header block, to tell a real change from a new timestamp."""
    return data.split(b"\n\n", 1)[-1]


def write_if_changed(catalog: Catalog, path: Path) -> bool:
    data = _po_bytes(catalog)
    if path.exists() and _body(path.read_bytes()) == _body(data):
        return False
    if catalog.locale is not None:
        catalog.revision_date = clock.now().astimezone(datetime.UTC)
        data = _po_bytes(catalog)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def has_vietnamese(text: str) -> bool:
    return any(ord(c) > 127 and unicodedata.category(c).startswith("L") for c in text)


def is_translated(message: Message) -> bool:
    if message.fuzzy:
        return False
    strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
    return bool(strings) and all(strings)


def fill_english(catalog: Catalog) -> int:
    """English msgstr = msgid where the msgid is English text; returns how many were filled."""
    filled = 0
    for message in catalog:
        if not message.id or is_translated(message):
            continue
        ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        if any(has_vietnamese(i) for i in ids):
            continue  # a Vietnamese msgid needs a real English translation
        message.string = tuple(ids) if isinstance(message.id, (list, tuple)) else message.id
        message.flags.discard("fuzzy")
        filled += 1
    return filled


def new_catalog(lang: str) -> Catalog:
    return Catalog(locale=lang, domain=DOMAIN, fuzzy=False, **_HEADER, header_comment=HEADER_COMMENT,
                   language_team=LANGUAGE_TEAMS[lang], last_translator=PROJECT)


def update(template: Catalog | None = None) -> dict[str, dict[str, int]]:
    """Write the template, merge it into every catalog, fill English; returns per-language counts."""
    template = template or extract_template()
    write_if_changed(template, TEMPLATE)
    report: dict[str, dict[str, int]] = {}
    for lang in LANGUAGES:
        path = po_path(lang)
        catalog = read_catalog(path, lang) if path.exists() else new_catalog(lang)
        # A copy each: babel puts the template's Message objects themselves into the catalog it updates.
        catalog.update(copy.deepcopy(template), no_fuzzy_matching=True, update_header_comment=False,
                       update_creation_date=False)
        for message in catalog:
            message.flags.discard("python-format")
        revive_obsolete(catalog)
        filled = fill_english(catalog) if lang == "en" else 0
        write_if_changed(catalog, path)
        report[lang] = {"total": len(keys(catalog)), "missing": len(untranslated(catalog)), "filled": filled}
    return report


def revive_obsolete(catalog: Catalog) -> int:
    """Gives a msgid that came back (a file moved, a string restored) its old translation again.

    Strings the code no longer has stay at the end of the .po as obsolete ``#~`` entries for that reason;
    they are never compiled. Returns how many were revived.
    """
    revived = 0
    for message in catalog:
        if not message.id or is_translated(message):
            continue
        context, msgid = key_of(message)
        old = catalog.obsolete.pop(msgid if context is None else (msgid, context), None)
        if old is not None and is_translated(old):
            message.string = old.string
            revived += 1
    return revived


def untranslated(catalog: Catalog) -> list[Key]:
    return sorted((key_of(m) for m in catalog if m.id and not is_translated(m)), key=lambda k: (k[0] or "", k[1]))


def apply_translations(lang: str, translations: Mapping[Key, str | tuple[str, ...]], overwrite: bool = False) -> int:
    """Write *translations* ({(msgctxt, msgid): msgstr}) into the catalog of *lang*; returns how many changed.

    Keys not in the catalog are ignored (the code no longer has them); filled entries are kept unless *overwrite*.
    """
    path = po_path(lang)
    catalog = read_catalog(path, lang)
    changed = 0
    for message in catalog:
        if not message.id:
            continue
        value = translations.get(key_of(message))
        if value is None or (is_translated(message) and not overwrite):
            continue
        if isinstance(message.id, (list, tuple)):
            value = (value,) * catalog.num_plurals if isinstance(value, str) else tuple(value)
        if value != message.string:
            message.string = value
            message.flags.discard("fuzzy")
            changed += 1
    write_if_changed(catalog, path)
    return changed


def missing_from(catalog: Catalog, wanted: Iterable[Key]) -> list[Key]:
    have = keys(catalog)
    return sorted((k for k in wanted if k not in have), key=lambda k: (k[0] or "", k[1]))


def check() -> list[str]:
    """Problems that make the catalogs out of date with the code, one line each."""
    wanted = keys(extract_template())
    problems = []
    for lang in LANGUAGES:
        catalog = read_catalog(po_path(lang), lang)
        problems += [f"{lang}: missing {k!r}" for k in missing_from(catalog, wanted)]
        problems += [f"{lang}: untranslated {k!r}" for k in untranslated(catalog) if k in wanted]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report; exit 1 when the catalogs are out of date")
    parser.add_argument("--list", metavar="LANG", help="print the untranslated msgids of LANG after updating")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        print("\n".join(problems) or "catalogs up to date")
        return 1 if problems else 0
    for lang, counts in update().items():
        print(f"{lang}: {counts['total']} msgids, {counts['missing']} untranslated, "
              f"{counts['filled']} English msgstrs filled from the msgid")
    if args.list:
        for context, msgid in untranslated(read_catalog(po_path(args.list), args.list)):
            print(f"{context or ''}\t{msgid!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
