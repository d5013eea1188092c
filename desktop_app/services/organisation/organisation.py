"""The organisation using the app: header lines, place, committee term."""

from __future__ import annotations

from desktop_app.i18n import _
from desktop_app.services.common import audit, versions
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker
from desktop_app.store.models import Organisation


def get_organisation() -> Organisation | None:
    return Organisation.select().where(Organisation.deleted_at.is_null()).order_by(Organisation.id).first()


def save_organisation(data: dict) -> Organisation:
    """Create the organisation, or update the existing one, from *data*."""
    data, expected = versions.take(data)
    check = Checker(data)
    check.text("name", required=get_organisation() is None, max_length=200, name=True, label=_("Name"))
    for field in ("superior_body", "place", "superior_committee", "address", "signer"):
        check.text(field, max_length=200, name=True)
    check.text("issuer_code", max_length=10, name=True, label=_("Issuer code"))
    check.text("term", max_length=20, name=True, label=_("Committee term"))
    check.flag("is_grassroots_branch")
    check.flag("authorised_to_admit")
    values = check.done()
    if "name" in values and not values["name"]:
        check.fail("name", _("{field} is required.").format(field=_("Name")))
        check.done()
    with atomic():
        org = get_organisation()
        if org is None:
            org = Organisation.create(**values)
            audit.record_change("create", org, None)
        else:
            versions.expect(org, expected)
            before = audit.snapshot(org)
            for key, value in values.items():
                setattr(org, key, value)
            org.save()
            audit.record_change("update", org, before)
    return org
