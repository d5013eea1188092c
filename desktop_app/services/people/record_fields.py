"""The member record's fields beyond the first form (the Party's member form and the central member database;
domain.md §6): other names, the old ID number, languages and IT, the card's issue and its number under Decision 85,
the three addresses in parts, inspection, a transfer due, the residence contact (Quy định 213-QĐ/TW) and how a
former member left (re-admission). ``people.validate_person`` checks them with ``check`` and writes each address's
line from its parts, or its parts from a line given alone, with ``complete``.
"""

from __future__ import annotations

import datetime as dt
import re

from desktop_app.core.member_codes import ConvictionKind, LeavingGround, LeavingKind
from desktop_app.core.places import compose_address, split_address
from desktop_app.i18n import _
from desktop_app.services.common.validation import Checker, record_id
from desktop_app.store.models import Branch

ADDRESSES = ("home_town", "birth_place", "residence")
PARTS = ("country", "province", "detail")
ADDRESS_FIELDS = tuple(f"{address}_{part}" for address in ADDRESSES for part in PARTS)
TEXT_FIELDS = ("other_names", "foreign_language", "it_level", "card_issued_place", "card_number_qd85",
               "inspection_reason", "moving_to", "residence_contact", *ADDRESS_FIELDS)
DATE_FIELDS = ("card_issued_on", "moving_on", "left_party_on", "record_cleared_on")
OTHER_FIELDS = ("old_id_number", "under_inspection", "residence_branch", "left_party_how", "left_party_grounds",
                "conviction")
EDITABLE = (*TEXT_FIELDS, *DATE_FIELDS, *OTHER_FIELDS)
# The fields a member workbook carries (interchange): the form's record, the card, the addresses in parts and the
# residence contact in words.
IMPORTED = ("other_names", "foreign_language", "it_level", "card_issued_on", "card_issued_place", "card_number_qd85",
            *ADDRESS_FIELDS, "residence_contact")
# The fields about a former member's leaving, which the re-admission rules read.
LEAVING_FIELDS = ("left_party_on", "left_party_how", "left_party_grounds", "conviction", "record_cleared_on")
OLD_ID_RE = re.compile(r"^(\d{9}|\d{12})$")


def labels() -> dict[str, str]:
    names = {
        "other_names": _("Other names"), "old_id_number": _("Old ID card number (CMND)"),
        "foreign_language": _("Foreign language"), "it_level": _("IT level"),
        "card_issued_on": _("Card issued on"), "card_issued_place": _("Card issued by"),
        "card_number_qd85": _("Card number (Decision 85)"),
        "under_inspection": _("Under inspection"), "inspection_reason": _("Reason for the inspection"),
        "moving_on": _("Leaving for good on"), "moving_to": _("Going to"),
        "residence_branch": _("Residence branch"), "residence_contact": _("Residence organisation (in words)"),
        "left_party_on": _("Left the Party on"), "left_party_how": _("How they left"),
        "left_party_grounds": _("Circumstances"), "conviction": _("Criminal conviction"),
        "record_cleared_on": _("Criminal record cleared on"),
    }
    names.update({
        "home_town_country": _("Home town: country"), "home_town_province": _("Home town: province or city"),
        "home_town_detail": _("Home town: commune, village, street"),
        "birth_place_country": _("Place of birth registration: country"),
        "birth_place_province": _("Place of birth registration: province or city"),
        "birth_place_detail": _("Place of birth registration: commune, village, street"),
        "residence_country": _("Permanent residence: country"),
        "residence_province": _("Permanent residence: province or city"),
        "residence_detail": _("Permanent residence: commune, village, street"),
    })
    return names


def check(check: Checker, data: dict, birth: dt.date | None, today: dt.date | None) -> None:
    """Add the checks of the record's fields present in *data* to *check* (values land in ``check.clean``)."""
    names = labels()
    for field in TEXT_FIELDS:
        limit = 1000 if field == "inspection_reason" else 200
        check.text(field, max_length=limit, name=True, label=names[field])
    for field in DATE_FIELDS:
        value = check.date(field, not_future=True, label=names[field], today=today)
        if value and birth and value < birth:
            check.fail(field, _("{field} cannot be before the date of birth.").format(field=names[field]))
    if "old_id_number" in data:
        raw = data["old_id_number"]
        number = "" if raw in (None, "") else str(raw).replace(" ", "").replace(".", "")
        if isinstance(raw, float) and raw.is_integer():
            number = str(int(raw))
        if number and not OLD_ID_RE.match(number):
            check.fail("old_id_number", _("The old ID card number (CMND) has 9 or 12 digits."))
        else:
            check.clean["old_id_number"] = number
    check.flag("under_inspection")
    if "left_party_how" in data:
        check.choice("left_party_how", ["", *LeavingKind.codes()], label=names["left_party_how"])
    if "conviction" in data:
        check.choice("conviction", ConvictionKind.codes(), label=names["conviction"])
    if "left_party_grounds" in data:
        raw = data["left_party_grounds"]
        items = raw if isinstance(raw, (list, tuple, set)) else str(raw or "").split(",")
        codes = [str(c).strip() for c in items if str(c).strip()]
        unknown = [c for c in codes if c not in LeavingGround.codes()]
        if unknown:
            check.fail("left_party_grounds", _("Unknown circumstance: {value}.").format(value=", ".join(unknown)[:80]))
        else:
            check.clean["left_party_grounds"] = ",".join(c for c in LeavingGround.codes() if c in codes)
    if "residence_branch" in data:
        bid = data["residence_branch"]
        if bid in (None, ""):
            check.clean["residence_branch"] = None
        else:
            branch = Branch.get_or_none(Branch.id == record_id(bid)) if record_id(bid) else None
            if branch is None or branch.deleted_at is not None:
                check.fail("residence_branch", _("The chosen branch does not exist."))
            else:
                check.clean["residence_branch"] = branch.id


def check_together(values: dict, check: Checker, person=None) -> None:
    """Checks across fields, on the values the record will have (the stored ones for fields not given)."""
    def now(field: str):
        if field in values:
            return values[field]
        return getattr(person, "residence_branch_id" if field == "residence_branch" else field, None) \
            if person is not None else None

    if now("under_inspection") and not (now("inspection_reason") or "").strip():
        check.fail("inspection_reason", _("Say why the member is under inspection."))
    if now("residence_branch") and (now("residence_contact") or "").strip():
        check.fail("residence_contact", _("Choose a branch of the organisation or name the residence organisation "
                                          "in words, not both."))
    left = now("left_party_on")
    details = any(now(f) for f in ("left_party_how", "left_party_grounds", "conviction", "record_cleared_on"))
    if details and not left:
        check.fail("left_party_on", _("Enter the day the person left the Party (the date of the decision)."))
    if left and not now("left_party_how"):
        check.fail("left_party_how", _("Say how the person left the Party."))
    cleared = now("record_cleared_on")
    if cleared and now("conviction") != ConvictionKind.LESS_SERIOUS:
        check.fail("record_cleared_on", _("A cleared criminal record concerns a conviction for a less serious "
                                          "offence."))
    grounds = (now("left_party_grounds") or "").split(",")
    if LeavingGround.FAMILY_HARDSHIP in grounds and now("left_party_how") != LeavingKind.LEFT_ON_REQUEST:
        check.fail("left_party_grounds", _("Family circumstances concern a member who left on request."))


def complete(values: dict, person=None) -> None:
    """Write each address's line from its parts when any part is given, or its parts from a line given alone."""
    for address in ADDRESSES:
        keys = [f"{address}_{p}" for p in PARTS]
        if any(k in values for k in keys):
            parts = [values.get(k, getattr(person, k, "") if person is not None else "") or "" for k in keys]
            values[address] = compose_address(*parts)
        elif address in values:
            for key, part in zip(keys, split_address(values[address] or ""), strict=True):
                values[key] = part
