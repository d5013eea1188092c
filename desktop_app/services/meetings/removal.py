"""Deleting a draft meeting and restoring it (design.md §5: deletes go to a recoverable state)."""

from __future__ import annotations

from desktop_app.i18n import _
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.common.soft_delete import set_deleted
from desktop_app.services.common.tx import atomic
from desktop_app.services.meetings import action_items
from desktop_app.services.meetings.decision_effects import effect_applied
from desktop_app.services.meetings.meetings import editable_meeting, get_meeting
from desktop_app.store.models import Decision, Meeting


def delete_meeting(meeting_id: int) -> None:
    """Soft delete a draft; open tasks it had carried return to the meeting before it. Refused while a vote
    of the meeting has changed someone's record (delete that vote first: it undoes the change)."""
    meeting = editable_meeting(meeting_id)
    applied = [d.title for d in Decision.select().where(Decision.meeting == meeting) if effect_applied(d)]
    if applied:
        raise ValidationError({"decisions": _("These votes of the meeting changed people's records; delete them "
                                              "first: {titles}.").format(titles="; ".join(applied))})
    with atomic():
        action_items.release_carried(meeting)
        set_deleted(meeting, True)


def restore_meeting(meeting_id: int) -> Meeting:
    meeting = get_meeting(meeting_id, include_deleted=True)
    set_deleted(meeting, False)
    return meeting
