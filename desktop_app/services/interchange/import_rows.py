"""Reading one imported row: raw cell values → checked values for a new person, or the reasons it is refused.

Cells arrive as a spreadsheet gives them (str, int, float, date, datetime, bool, None). Empty cells
mean "not given", so the model defaults apply (ethnicity Kinh, religion Không). The person rules
themselves are services.people.validate_person, the same the form uses.

Decisions worth knowing:
- A CCCD that Excel stored as a number has lost its leading zero (every CCCD starts with the
  province code 0xx), so it is refused with advice to format the column as Text; it is never padded.
- A phone number stored as a number gets its leading 0 back when it has 9 digits (Vietnamese numbers
  have 10): a phone is contact detail, not an identifier.
- An education cell like "12/12" that Excel turned into a date is read back as "12/12".
- Gender is required: a wrong default would skew the statistics reported upward (women, minorities).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop_app.core.enums import Status
from desktop_app.core.text import clean_name, fold, shown
from desktop_app.i18n import _, format_date
from desktop_app.services.interchange import value_labels
from desktop_app.services.interchange.import_plan import RowInput, RowOutcome  # noqa: F401 - kept here too
from desktop_app.services.people import record_fields
from desktop_app.services.people.people import DATE_FIELDS, TEXT_FIELDS, field_labels

MEMBERS, CANDIDATES = "members", "candidates"
KINDS = (MEMBERS, CANDIDATES)
ALLOWED_STATUS = {MEMBERS: Status.MEMBERS, CANDIDATES: Status.CANDIDATES}
# Every key a row may carry; "branch" is a branch code or name, "branch_code" a code.
FIELDS = ("full_name", "gender", "birth_date", "cccd", "card_number", "status", "branch", "branch_code",
          "theory_level", "categories", "youth_union", "trade_union", *TEXT_FIELDS, *DATE_FIELDS,
          "old_id_number", *record_fields.IMPORTED)
ALL_DATES = ("birth_date", *DATE_FIELDS, *record_fields.DATE_FIELDS)
_ACTIVE_WORDS = {"dang sinh hoat", "dang hoat dong"}


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _number_text(value: int | float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def convert(key: str, raw: Any, labels: dict[str, str]) -> tuple[Any, str | None]:
    """(value for validate_person, problem) of one cell."""
    label = labels.get(key, key)
    if key in ALL_DATES:
        if isinstance(raw, dt.datetime):
            return raw.date(), None
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            return None, _("{field}: “{value}” is not a date (dd/mm/yyyy).").format(field=label,
                                                                                     value=_number_text(raw))
        return raw, None  # dates and text: validate_person reads d/m/yyyy and refuses impossible dates
    if key == "cccd":
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            digits = _number_text(raw)
            if len(digits) != 12:
                return None, _("{field} must be 12 digits, but the cell holds the number {value}: Excel drops "
                               "leading zeros from numbers. Format the column as Text and type the number again."
                               ).format(field=label, value=digits)
            return digits, None
        return str(raw).replace(".", "").replace(" ", ""), None
    if key == "old_id_number" and isinstance(raw, (int, float)) and not isinstance(raw, bool):
        digits = _number_text(raw)
        if len(digits) not in (9, 12):
            return None, _("{field} has 9 or 12 digits, but the cell holds the number {value}: Excel drops leading "
                           "zeros from numbers. Format the column as Text and type the number again.").format(
                field=label, value=digits)
        return digits, None
    if key == "phone" and isinstance(raw, (int, float)) and not isinstance(raw, bool):
        digits = _number_text(raw)
        return ("0" + digits if len(digits) == 9 else digits), None
    if key in ("gender", "theory_level"):
        code = value_labels.code_for(key, raw)
        if code is None:
            choices = ", ".join(value_labels.labels(key, "vi") + value_labels.labels(key, "en"))
            return None, _("{field}: “{value}” is not known; use one of: {choices}.").format(
                field=label, value=shown(raw), choices=choices)
        return code, None
    if key == "categories":
        codes, unknown = value_labels.categories_for(raw)
        if unknown:
            return None, _("Unknown category: {value}.").format(value=shown(", ".join(unknown), 80))
        return codes, None
    if key in ("youth_union", "trade_union"):
        flag = value_labels.flag_for(raw)
        if flag is None:
            return None, _("{field}: “{value}” should be Có (yes) or left empty.").format(
                field=label, value=shown(raw))
        return flag, None
    if isinstance(raw, dt.datetime | dt.date):
        day = raw.date() if isinstance(raw, dt.datetime) else raw
        # "12/12" typed into a General cell becomes 12 December: the school grade is what was meant.
        return (f"{day.day}/{day.month}" if key == "education" else format_date(day)), None
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return _number_text(raw), None
    return raw, None


def convert_row(row: RowInput, labels: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    """Values of the given cells (status and branch still as typed) and the problems found."""
    data: dict[str, Any] = {}
    errors: list[str] = []
    for key, raw in row.values.items():
        if key not in FIELDS or is_blank(raw):
            continue
        if key in ("status", "branch", "branch_code"):
            data[key] = clean_name(str(raw)) if not isinstance(raw, float) else _number_text(raw)
            continue
        value, problem = convert(key, raw, labels)
        if problem:
            errors.append(problem)
        elif value is not None:
            data[key] = value
    return data, errors


def status_for(kind: str, data: dict[str, Any], labels: dict[str, str],
               today: dt.date) -> tuple[str | None, str | None]:
    """(status code, problem). Empty: candidates are outstanding mass members; members are official,
    or probationary when the ceremony was less than 12 months ago and no official date is given."""
    raw = data.get("status")
    allowed = ALLOWED_STATUS[kind]
    if kind == MEMBERS and raw is not None and fold(str(raw)) in _ACTIVE_WORDS:
        # The central member database's "Đang sinh hoạt": official with an official date, else probationary.
        return (Status.OFFICIAL if data.get("official_date") else Status.PROBATIONARY), None
    if raw is None:
        if kind == CANDIDATES:
            return Status.PROSPECT, None
        ceremony = data.get("ceremony_date")
        if isinstance(ceremony, dt.date) and not data.get("official_date") and \
                (today - ceremony).days < 365:
            return Status.PROBATIONARY, None
        return Status.OFFICIAL, None
    code = value_labels.code_for("status", raw)
    if code in allowed:
        return code, None
    choices = ", ".join(value_labels.label("status", c, "vi") for c in allowed)
    other = ALLOWED_STATUS[CANDIDATES if kind == MEMBERS else MEMBERS]
    if code in other:
        message = (_("{field}: “{value}” is not a member status; import it with the candidates, or use one of: "
                     "{choices}.") if kind == MEMBERS else
                   _("{field}: “{value}” is not a candidate status; import it with the members, or use one of: "
                     "{choices}."))
    elif code is not None:  # transferred, struck off, deceased…: not someone the branch keeps
        message = _("{field}: “{value}”: only current members and candidates can be imported; use one of: "
                    "{choices}.")
    else:
        message = _("{field}: “{value}” is not known; use one of: {choices}.")
    return None, message.format(field=labels["status"], value=str(raw)[:40], choices=choices)


class BranchResolver:
    """Branch codes and names (accent-insensitive, with or without "Chi bộ") → branch ids."""

    def __init__(self, branches: list[tuple[int, str, str]], default_id: int | None):
        self.by_code = {fold(code): bid for bid, code, _name in branches}
        self.by_name: dict[str, set[int]] = {}
        for bid, _code, name in branches:
            self.by_name.setdefault(self._bare(name), set()).add(bid)
        self.default_id = default_id if default_id is not None else (
            branches[0][0] if len(branches) == 1 else None)

    @staticmethod
    def _bare(name: str) -> str:
        key = fold(name)
        return key[len("chi bo "):] if key.startswith("chi bo ") else key

    def resolve(self, code: str | None, text: str | None) -> tuple[int | None, str | None]:
        by_code = None
        if code:
            by_code = self.by_code.get(fold(code))
            if by_code is None:
                return None, _("No branch has the code {code}.").format(code=code)
        if text:
            found = self.by_code.get(fold(text))
            if found is None:
                ids = self.by_name.get(self._bare(text), set())
                if len(ids) > 1 and by_code is None:
                    return None, _("Several branches are named “{name}”; give the branch code instead.").format(
                        name=text)
                found = next(iter(ids)) if len(ids) == 1 else (by_code if by_code in ids else None)
            if found is None and by_code is None:
                return None, _("No branch has the code or name “{name}”.").format(name=text)
            if by_code is not None and found is not None and found != by_code:
                return None, _("The branch code {code} and the branch “{name}” do not agree.").format(
                    code=code, name=text)
            return by_code or found, None
        if by_code is not None:
            return by_code, None
        if self.default_id is None:
            return None, _("No branch given: fill in the Branch column or choose a branch for rows without one.")
        return self.default_id, None


def person_labels() -> dict[str, str]:
    labels = field_labels()
    labels["branch_code"] = _("Branch code")
    return labels
