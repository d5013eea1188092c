"""Every setting stored in the database, declared once (key, type, default, title, check), and how they are read
and written.

To add a setting, declare it below with ``declare(...)`` and read it with ``settings.get(settings.MY_SETTING)``:
the declaration is the only place its default lives. A stored value that cannot be read, has the wrong type or
fails its check reads as the default (and is logged), never as None; ``set`` and ``set_many`` refuse such a value
before anything is written, and ``set_many`` writes several settings in one transaction.

The program keeps its own bookkeeping in the same table, declared below as RESERVED and refused by ``set``: the
head of the audit chain (``audit.head``) and the database's identity (``database.uid``), both written by
common.audit_head only.
"""

from __future__ import annotations

import copy
import json
import logging
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from desktop_app import i18n
from desktop_app.core import rules
from desktop_app.i18n import N_, _
from desktop_app.services.common import audit
from desktop_app.services.common.audit_head import DATABASE_UID, HEAD_KEY
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.store.models import Setting

log = logging.getLogger(__name__)
T = TypeVar("T")


def _typed(value: Any, kind: type) -> bool:
    """True when *value* (as JSON gave it back) is of *kind*: an int is a float too, a bool is neither."""
    if isinstance(value, bool):
        return kind is bool
    if kind is float:
        return isinstance(value, (int, float)) and math.isfinite(value)
    return isinstance(value, kind)


@dataclass(frozen=True, eq=False)  # one object per key: compared and hashed by identity
class Declared(Generic[T]):
    """One setting: its key in the Setting table, the type of its value, its default, its title (a deferred
    msgid, shown beside its field) and a check the value must pass beyond its type."""

    key: str
    type: type
    default: T
    title: str
    check: Callable[[Any], bool] | None = None

    def accepts(self, value: Any) -> bool:
        return _typed(value, self.type) and (self.check is None or bool(self.check(value)))

    def fresh_default(self) -> T:
        """The default, copied: a caller may change a dict it was given without changing the declaration."""
        return copy.deepcopy(self.default)


REGISTRY: dict[str, Declared[Any]] = {}

# Rows of the Setting table that are no settings: the audit trail's head (the count and hash of its newest entry)
# and the database's own identity (written once, by migration 8), which keys the audit chain and names the copy of
# the head kept outside the file. The program writes them itself; set() refuses them, whatever is asked.
RESERVED = frozenset({HEAD_KEY, DATABASE_UID})


def declare(key: str, kind: type[T], default: T, title: str, check: Callable[[Any], bool] | None = None
            ) -> Declared[T]:
    setting = Declared(key, kind, default, title, check)
    if key in REGISTRY or not setting.accepts(default):
        raise ValueError(f"setting {key!r} is declared twice or its default does not pass its own check")
    REGISTRY[key] = setting
    return setting


def _within(low: float, high: float) -> Callable[[Any], bool]:
    return lambda value: low <= value <= high


# ---- the app -------------------------------------------------------------------------------------------
# "": never chosen, so the app starts in the computer's language (i18n.choose_language).
LANGUAGE = declare("language", str, "", N_("Language"), lambda v: v == "" or v in i18n.LANGUAGES)

# ---- backups and protection ------------------------------------------------------------------------------
BACKUP_FOLDER = declare("backup.folder", str, "", N_("Backup folder"))  # "": the app's own backup folder
BACKUP_KEEP = declare("backup.keep", int, 10, N_("Automatic backups kept"), _within(1, 365))
IDLE_LOCK_MINUTES = declare("security.idle_lock_minutes", int, 15, N_("Lock after no use for"),
                            _within(0, 240))  # 0: never
MASK_IDS = declare("privacy.mask_ids", bool, True, N_("Mask ID numbers in lists"))  # citizen ID, card, phone

# ---- workbooks read for an import (services.interchange.limits) -----------------------------------------
# Far beyond any branch's or committee's list, so that a wrong file or a zip bomb is refused with a message
# that says the limit instead of grinding through gigabytes.
IMPORT_MAX_ROWS = declare("import.max_rows", int, 200_000, N_("Rows read from a sheet, at most"),
                          _within(1, 1_048_576))
IMPORT_MAX_UNPACKED_MB = declare("import.max_unpacked_mb", int, 256, N_("Size of a workbook unpacked, at most (MB)"),
                                 _within(1, 16_384))
IMPORT_MAX_COLUMNS = declare("import.max_columns", int, 1_000, N_("Columns read from a sheet, at most"),
                             _within(1, 16_384))

# ---- rules and calendar ----------------------------------------------------------------------------------
# {"off": [{"date": "2027-02-11", "note": "…"}], "working": […]}; entries are checked as they are read
# (organisation.calendar_days).
CALENDAR_DAYS = declare("calendar.extra_days", dict, {"off": [], "working": []},
                        N_("Extra days off and make-up working days"))
RULE_OVERRIDES = declare(rules.SETTING_KEY, dict, {}, N_("Local values of the Party rules"),
                         lambda v: not rules.check_overrides(v))

# ---- printed documents (Hướng dẫn 36-HD/VPTW) ----------------------------------------------------------------
# HD36 fixes A4 paper and the type size of each element; the margins and the page numbers' place are not
# confirmed from the official text (domain.md §5), so they are settings. Sizes in points, lengths in mm.
_SIDES = {"top": 20, "bottom": 20, "left": 30, "right": 15}  # top: secondary source [32]; left: binding side


def _margins_ok(value: dict) -> bool:
    return all(side in _SIDES and _typed(mm, float) and 5 <= mm <= 60 for side, mm in value.items())


REPORT_MARGINS = declare("report.margins_mm", dict, _SIDES, N_("Page margins (mm)"), _margins_ok)
_LAYOUT = (  # (field of reports.layout_settings.LayoutSettings, type, default, title, check)
    ("page_numbers", bool, True, N_("Page numbers (top centre, Arabic numerals)"), None),
    ("page_number_from", int, 2, N_("First numbered page"), _within(1, 99)),
    ("page_number_size", float, 14, N_("Page number size"), _within(8, 20)),
    ("page_number_offset_mm", float, 10, N_("Page number distance from the top edge (mm)"), _within(3, 30)),
    ("header_size", float, 14, N_("Header size"), _within(10, 18)),  # HD36: 14
    ("party_heading_size", float, 15, N_("Size of “ĐẢNG CỘNG SẢN VIỆT NAM”"), _within(10, 20)),  # HD36: 15, bold
    ("title_size", float, 16, N_("Document type size"), _within(10, 22)),  # HD36: 15–16, bold
    ("summary_size", float, 14, N_("Summary size"), _within(10, 20)),  # HD36: 14–15, bold
    ("body_size", float, 14, N_("Body text size"), _within(10, 18)),  # HD36: 14–15
    ("table_size", float, 12, N_("Table text size"), _within(8, 16)),
    ("recipients_size", float, 12, N_("Recipients list size"), _within(8, 16)),
    ("signature_space_mm", float, 25, N_("Room to sign (mm)"), _within(10, 60)),
    ("line_spacing", float, 1.25, N_("Line spacing (times the type size)"), _within(1.0, 2.0)),
    ("header_left_mm", float, 78, N_("Width of the issuing body's header column (mm)"), _within(50, 110)),
)
REPORT_LAYOUT: dict[str, Declared[Any]] = {
    name: declare(f"report.{name}", kind, default, title, check) for name, kind, default, title, check in _LAYOUT}

DEFAULTS: Mapping[str, Any] = MappingProxyType({key: s.default for key, s in REGISTRY.items()})


# ---- reading and writing ---------------------------------------------------------------------------------

_NO_DEFAULT = object()


def _declared(setting: Declared[T] | str) -> Declared[T] | None:
    return setting if isinstance(setting, Declared) else REGISTRY.get(setting)


def _key(setting: Declared[Any] | str) -> str:
    return setting.key if isinstance(setting, Declared) else setting


def _read(key: str, text: str | None, default: Any) -> Any:
    """The value stored as *text* under *key*: the declared default when it is missing or damaged; for a key
    not declared (written by a later version), *default*."""
    declared = REGISTRY.get(key)
    if text is None or text == "":
        return declared.fresh_default() if declared else default
    try:
        value = json.loads(text)
    except ValueError:
        value = _NO_DEFAULT
    if declared is None:
        return default if value is _NO_DEFAULT else value
    if value is _NO_DEFAULT or not declared.accepts(value):
        log.warning("setting %s: the stored value %.80r cannot be used; reading the default", key, text)
        return declared.fresh_default()
    return value


def get(setting: Declared[T] | str, default: Any = None) -> T:
    """The value of *setting*; its declared default when nothing usable is stored. *default* is only for keys
    not declared here (a declared setting has its default in its declaration)."""
    if _declared(setting) is not None and default is not None:
        raise TypeError(f"{_key(setting)} is declared with its default; do not pass another")
    key = _key(setting)
    row = Setting.get_or_none(Setting.key == key)
    return _read(key, row.value if row is not None else None, default)


def get_many(settings: Iterable[Declared[Any] | str]) -> dict[str, Any]:
    """{key: get(key)} for each of *settings*, read in one query (a document's layout has fifteen)."""
    keys = [_key(s) for s in settings]
    stored = dict(Setting.select(Setting.key, Setting.value).where(Setting.key.in_(keys)).tuples())
    return {key: _read(key, stored.get(key), None) for key in keys}


def set(setting: Declared[T] | str, value: T) -> None:
    """Store *value*; a ValidationError (nothing written) when the setting is unknown or refuses the value."""
    set_many({setting: value})


def set_many(values: Mapping[Declared[Any] | str, Any]) -> None:
    """Store several settings in one transaction, each change audited; nothing is written when any is refused."""
    texts: dict[str, str] = {}
    errors: dict[str, str] = {}
    for setting, value in values.items():
        declared = _declared(setting)
        if isinstance(setting, str) and setting.strip() in RESERVED:
            errors["key"] = _("“{key}” is kept by the program itself and cannot be changed.").format(
                key=setting.strip())
            continue
        if declared is None:
            name = setting if isinstance(setting, str) and setting.isprintable() and len(setting) <= 100 else ""
            errors["key"] = (_("There is no setting named “{key}”.").format(key=name) if name.strip() else
                             _("A setting needs a short name without control characters."))
            continue
        if not declared.accepts(value):
            errors[declared.key] = _("This value cannot be stored as a setting.")
            continue
        texts[declared.key] = json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)
    if errors:
        raise ValidationError(errors)
    with atomic():
        for key, text in texts.items():
            row = Setting.get_or_none(Setting.key == key)
            before = audit.snapshot(row)
            if row is None:
                row = Setting.create(key=key, value=text)
                audit.record_change("create", row, None)
            elif row.value != text:
                row.value = text
                row.save()
                audit.record_change("update", row, before)
