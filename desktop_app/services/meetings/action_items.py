"""Tasks a meeting assigns, carried into each next meeting until done.

Carrying copies the open task into the new meeting and links the two (the old one's ``carried_to``,
the copy's ``carried_from``), so each meeting's minutes keep the tasks as they stood that month, and
the task is closed in the meeting where it is reported done. A carried task keeps the due date it was
set with: at a meeting after that date it is overdue, not a new assignment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import JOIN

from desktop_app.core import clock
from desktop_app.i18n import _, format_date
from desktop_app.services.common import audit, versions
from desktop_app.services.common.errors import NotFoundError, ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker, record_id
from desktop_app.services.meetings.meetings import editable_meeting, get_meeting
from desktop_app.store.models import ActionItem, Meeting, Person


@dataclass(frozen=True)
class ActionItemRow:
    id: int
    meeting_id: int
    text: str
    responsible_id: int | None
    responsible_name: str
    due: dt.date | None
    done: bool
    done_on: dt.date | None
    carried_to_id: int | None
    carried_from: dt.date | None  # date of the meeting that first set the task, when carried in
    meeting_date: dt.date | None = None  # the date of the meeting the row belongs to

    @property
    def is_carried(self) -> bool:
        return self.carried_from is not None

    @property
    def overdue(self) -> bool:
        """Still open at the meeting and due before it."""
        return (not self.done and self.due is not None and self.meeting_date is not None
                and self.due < self.meeting_date)


def get_item(item_id: int) -> ActionItem:
    item = ActionItem.get_or_none(ActionItem.id == record_id(item_id))
    if item is None:
        raise NotFoundError(_("Task not found."))
    return item


def _origin_dates(meeting_id: int) -> dict[int, dt.date]:
    """{task of *meeting_id* carried in: the date of the meeting that first set it}, along the carried_from links."""
    origins: dict[int, dt.date] = {}
    current = dict(ActionItem.select(ActionItem.id, ActionItem.carried_from)
                   .where((ActionItem.meeting == meeting_id) & ActionItem.carried_from.is_null(False)).tuples())
    while current:  # each round steps one meeting back
        query = (ActionItem.select(ActionItem.id, ActionItem.carried_from, Meeting.date)
                 .join(Meeting, on=(ActionItem.meeting == Meeting.id))
                 .where(ActionItem.id.in_(list(set(current.values())))))
        back = {iid: (parent, day) for iid, parent, day in query.tuples()}
        following = {}
        for item, source in current.items():
            if source not in back:
                continue
            parent, day = back[source]
            origins[item] = day  # older meetings overwrite newer ones
            if parent is not None:
                following[item] = parent
        current = following
    return origins


def action_items(meeting_id: int) -> list[ActionItemRow]:
    origins = _origin_dates(meeting_id)
    meeting = Meeting.get_or_none(Meeting.id == meeting_id)
    day = meeting.date if meeting else None
    query = (ActionItem.select(ActionItem, Person.full_name.alias("responsible_name"))
             .join(Person, JOIN.LEFT_OUTER, on=(ActionItem.responsible == Person.id))
             .where(ActionItem.meeting == meeting_id).order_by(ActionItem.id))
    return [ActionItemRow(i.id, i.meeting_id, i.text, i.responsible_id, i.responsible_name or "", i.due,
                          bool(i.done), i.done_on, i.carried_to_id, origins.get(i.id), day)
            for i in query.objects()]


def _validate(data: dict, creating: bool) -> dict:
    check = Checker(data)
    check.text("text", required=creating, max_length=2000, label=_("Task"))
    if "text" in check.clean and not check.clean["text"]:
        check.fail("text", _("{field} is required.").format(field=_("Task")))
    check.date("due", label=_("Due date"))
    if "responsible" in data:
        pid = data["responsible"]
        if pid in (None, ""):
            check.clean["responsible"] = None
        else:
            person = Person.get_or_none(Person.id == record_id(pid)) if record_id(pid) else None
            if person is None or person.deleted_at is not None:
                check.fail("responsible", _("The chosen person does not exist."))
            else:
                check.clean["responsible"] = person.id
    return check.done()


def add_action_item(meeting_id: int, text: str, responsible_id: int | None = None,
                    due: dt.date | None = None) -> ActionItem:
    meeting = editable_meeting(meeting_id)
    values = _validate({"text": text, "responsible": responsible_id, "due": due}, True)
    with atomic():
        item = ActionItem.create(meeting=meeting, text=values["text"], responsible=values["responsible"],
                                 due=values["due"])
        audit.record_change("create", item, None)
    return item


def _editable_item(item_id: int) -> ActionItem:
    item = get_item(item_id)
    editable_meeting(item.meeting_id)
    if item.carried_to_id is not None:
        raise ValidationError({"text": _("This task was carried into a later meeting; change it there.")})
    return item


def update_action_item(item_id: int, data: dict) -> ActionItem:
    """Edit text, responsible member or due date of a task of a draft meeting."""
    data, expected = versions.take(data)
    item = _editable_item(item_id)
    versions.expect(item, expected)
    unknown = set(data) - {"text", "responsible", "due"}
    if unknown:
        raise ValidationError({k: _("This field cannot be changed here.") for k in sorted(unknown)})
    values = _validate(data, False)
    if item.carried_from_id is not None and "due" in values and values["due"] != item.due:
        raise ValidationError({"due": _("A task carried from an earlier meeting keeps the due date it was set with "
                                        "({date}); record a new task for a new date.").format(
            date=format_date(item.due) if item.due else "—")})
    with atomic():
        before = audit.snapshot(item)
        for key, value in values.items():
            setattr(item, "responsible_id" if key == "responsible" else key, value)
        item.save()
        audit.record_change("update", item, before)
    return item


def set_done(item_id: int, done: bool, on: dt.date | None = None) -> ActionItem:
    """Mark a task done (on *on*, by default the meeting's date) or open again."""
    item = _editable_item(item_id)
    meeting = get_meeting(item.meeting_id)
    check = Checker({"done_on": on})
    day = check.date("done_on", not_future=True, label=_("Done on"))
    check.done()
    with atomic():
        before = audit.snapshot(item)
        item.done = bool(done)
        item.done_on = (day or min(meeting.date, clock.today())) if done else None
        item.save()
        audit.record_change("update", item, before)
    return item


def delete_action_item(item_id: int) -> None:
    item = _editable_item(item_id)
    with atomic():
        before = audit.snapshot(item)
        item.delete_instance()
        audit.record("delete", "actionitem", item.uid, before, None)


def open_items(branch_id: int, before: dt.date, exclude_meeting: int | None = None) -> list[ActionItem]:
    """Tasks of earlier meetings of the branch that are neither done nor carried yet, oldest first."""
    query = (ActionItem.select().join(Meeting, on=(ActionItem.meeting == Meeting.id))
             .where((Meeting.branch == branch_id) & Meeting.deleted_at.is_null() & (Meeting.date < before)
                    & (ActionItem.done == False) & ActionItem.carried_to.is_null())  # noqa: E712
             .order_by(Meeting.date, ActionItem.id))
    if exclude_meeting is not None:
        query = query.where(Meeting.id != exclude_meeting)
    return list(query)


def carry_into(meeting: Meeting) -> int:
    """Copy the branch's open tasks from earlier meetings into *meeting*; call inside a transaction."""
    count = 0
    for old in open_items(meeting.branch_id, meeting.date, exclude_meeting=meeting.id):
        copy = ActionItem.create(meeting=meeting, text=old.text, responsible=old.responsible_id, due=old.due,
                                 carried_from=old)
        audit.record_change("create", copy, None)
        before = audit.snapshot(old)
        old.carried_to = meeting
        old.save()
        audit.record_change("carry", old, before)
        count += 1
    return count


def carry_open_items(meeting_id: int) -> int:
    """Bring tasks still open from earlier meetings into this draft (again, after new ones were added)."""
    meeting = editable_meeting(meeting_id)
    with atomic():
        return carry_into(meeting)


def release_carried(meeting: Meeting) -> None:
    """Before *meeting* is deleted: the tasks it carried become open again where they came from."""
    for old in ActionItem.select().where(ActionItem.carried_to == meeting):
        before = audit.snapshot(old)
        old.carried_to = None
        old.save()
        audit.record_change("update", old, before)
