"""Branches (chi bộ): create, edit, soft delete and restore, list with member counts."""

from __future__ import annotations

from dataclasses import dataclass

from peewee import JOIN, fn

from desktop_app.core.enums import BranchKind, Status
from desktop_app.core.text import fold
from desktop_app.i18n import _, ngettext
from desktop_app.services.common import audit, versions
from desktop_app.services.common.errors import NotFoundError, ValidationError
from desktop_app.services.common.soft_delete import set_deleted
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker, record_id
from desktop_app.services.organisation.organisation import get_organisation
from desktop_app.store import raw, search_index
from desktop_app.store.models import Branch, Person


@dataclass(frozen=True)
class BranchRow:
    id: int
    code: str
    name: str
    kind: str
    rural: bool
    active: bool
    secretary: str
    deputy: str
    counts: dict[str, int]

    @property
    def members(self) -> int:
        return sum(self.counts.get(s, 0) for s in Status.MEMBERS)


def get_branch(branch_id: int, include_deleted: bool = False) -> Branch:
    branch = Branch.get_or_none(Branch.id == record_id(branch_id))
    if branch is None or (branch.deleted_at is not None and not include_deleted):
        raise NotFoundError(_("Branch not found."))
    return branch


def _validate(data: dict, branch: Branch | None) -> dict:
    check = Checker(data)
    creating = branch is None
    code = check.text("code", required=creating, max_length=32, name=True, label=_("Code"))
    check.text("name", required=creating, max_length=200, name=True, label=_("Name"))
    check.choice("kind", BranchKind.codes(), label=_("Kind"))
    check.flag("rural")
    check.flag("active")
    check.text("note")
    for role in ("secretary", "deputy"):
        if role in data:
            pid = data[role]
            if pid in (None, ""):
                check.clean[role] = None
            else:
                person = Person.get_or_none(Person.id == record_id(pid))
                if person is None or person.deleted_at is not None:
                    check.fail(role, _("The chosen person does not exist."))
                elif person.status not in (Status.OFFICIAL, Status.PROBATIONARY):
                    check.fail(role, _("The secretary and deputy must be Party members."))
                else:
                    check.clean[role] = person.id
    if code:
        clash = Branch.select().where(Branch.code == code)
        if branch is not None:
            clash = clash.where(Branch.id != branch.id)
        if clash.exists():
            check.fail("code", _("Another branch already has the code {code}.").format(code=code))
    for field in ("code", "name"):
        if field in check.clean and not check.clean[field]:
            check.fail(field, _("{field} is required.").format(field=_("Code") if field == "code" else _("Name")))
    return check.done()


def create_branch(data: dict) -> Branch:
    values = _validate(data, None)
    org = get_organisation()
    if org is None:
        raise ValidationError({"organisation": _("Create the organisation first.")})
    with atomic():
        branch = Branch(organisation=org, **values)
        branch.name_fold = fold(branch.name)
        branch.save(force_insert=True)
        search_index.index_branch(branch)
        audit.record_change("create", branch, None)
    return branch


def update_branch(branch_id: int, data: dict) -> Branch:
    data, expected = versions.take(data)
    branch = get_branch(branch_id)
    versions.expect(branch, expected)
    values = _validate(data, branch)
    with atomic():
        before = audit.snapshot(branch)
        for key, value in values.items():
            setattr(branch, key if key not in ("secretary", "deputy") else f"{key}_id", value)
        branch.name_fold = fold(branch.name)
        branch.save()
        search_index.index_branch(branch)
        audit.record_change("update", branch, before)
    return branch


def delete_branch(branch_id: int) -> None:
    """Soft delete: the branch disappears from lists and can be restored. Refused while it has members."""
    branch = get_branch(branch_id)
    active = Person.select().where((Person.branch == branch) & Person.deleted_at.is_null()
                                   & Person.status.in_(Status.ACTIVE)).count()
    if active:
        raise ValidationError({"branch": ngettext("The branch still has {n} member or candidate; transfer them first.",
                                           "The branch still has {n} members or candidates; transfer them first.",
                                           active).format(n=active)})
    set_deleted(branch, True, reindex=search_index.index_branch)


def restore_branch(branch_id: int) -> Branch:
    branch = get_branch(branch_id, include_deleted=True)
    set_deleted(branch, False, reindex=search_index.index_branch)
    return branch


def status_counts(branch_id: int | None = None) -> dict[int, dict[str, int]]:
    """{branch id: {status: count}} in one aggregate query."""
    query = (Person.select(Person.branch, Person.status, fn.COUNT(Person.id))
             .where(Person.deleted_at.is_null()).group_by(Person.branch, Person.status))
    if branch_id is not None:
        query = query.where(Person.branch == branch_id)
    result: dict[int, dict[str, int]] = {}
    for bid, status, count in raw.rows(query):
        result.setdefault(bid, {})[status] = count
    return result


def list_branches(include_inactive: bool = True, include_deleted: bool = False) -> list[BranchRow]:
    counts = status_counts()
    Secretary = Person.alias()
    Deputy = Person.alias()
    query = (Branch.select(Branch.id, Branch.code, Branch.name, Branch.kind, Branch.rural, Branch.active,
                           Secretary.full_name, Deputy.full_name)
             .join(Secretary, on=(Branch.secretary == Secretary.id), join_type=JOIN.LEFT_OUTER)
             .switch(Branch)
             .join(Deputy, on=(Branch.deputy == Deputy.id), join_type=JOIN.LEFT_OUTER)
             .order_by(Branch.code))
    if not include_deleted:
        query = query.where(Branch.deleted_at.is_null())
    if not include_inactive:
        query = query.where(Branch.active == True)  # noqa: E712 - peewee expression
    return [BranchRow(bid, code, name, kind, bool(rural), bool(active), sec or "", dep or "", counts.get(bid, {}))
            for bid, code, name, kind, rural, active, sec, dep in query.tuples()]


def branch_choices() -> list[tuple[int, str]]:
    """(id, "code – name") of active branches, for pickers."""
    query = (Branch.select(Branch.id, Branch.code, Branch.name)
             .where(Branch.deleted_at.is_null() & (Branch.active == True))  # noqa: E712 - peewee expression
             .order_by(Branch.code))
    return [(bid, f"{code} – {name}") for bid, code, name in query.tuples()]


def id_for_code(code: str) -> int | None:
    row = Branch.select(Branch.id).where((Branch.code == code) & Branch.deleted_at.is_null()).first()
    return row.id if row else None
