"""What ``check`` says about the audit trail: one plain, translated sentence per kind of tampering found,
naming the entries, the records or the copy of the head concerned."""

from __future__ import annotations

from desktop_app.i18n import _, format_date, ngettext, pgettext
from desktop_app.services.common import audit_walk as walk
from desktop_app.services.common.audit_walk import Finding
from desktop_app.services.datafile import trail, trail_rows

_ORDER = [walk.HEAD_UNREADABLE, walk.NO_IDENTITY, walk.UNREADABLE, walk.EDITED, walk.REMOVED, walk.INSERTED,
          walk.OLD_FORM, walk.HEAD_MISMATCH, trail.WIPED, trail.TRUNCATED, trail.REWRITTEN, trail.REPLACED,
          trail_rows.ROW_CHANGED, trail_rows.ROW_REMOVED, trail_rows.ROW_BACK]


def record_kind(table: str) -> str:
    labels = {
        "person": pgettext("audit record", "Person"), "branch": pgettext("audit record", "Branch"),
        "organisation": pgettext("audit record", "Organisation"), "meeting": pgettext("audit record", "Meeting"),
        "attendance": pgettext("audit record", "Attendance"), "decision": pgettext("audit record", "Decision"),
        "sponsorship": pgettext("audit record", "Helper or introducer"),
        "stageevent": pgettext("audit record", "Step of the admission"),
        "dossieritem": pgettext("audit record", "Dossier paper"), "quota": pgettext("audit record", "Quota"),
        "progressnote": pgettext("audit record", "Progress report"), "actionitem": pgettext("audit record", "Task"),
        "setting": pgettext("audit record", "Setting"),
        "documentcounter": pgettext("audit record", "Document numbers"),
    }
    return labels.get(table, table)


def _names(examples) -> str:
    """The records named by (table, uid): a person's or branch's name, else the kind of record."""
    from desktop_app.store.models import Branch, Person

    parts = []
    for table, uid in examples:
        model = {"person": Person, "branch": Branch}.get(table)
        row = model.get_or_none(model.uid == uid) if model is not None else None
        name = getattr(row, "full_name", None) or getattr(row, "name", None)
        parts.append(f"{record_kind(table)} “{name}”" if name else record_kind(table))
    return ", ".join(parts)


def _when(text: str) -> str:
    if not text:
        return "?"
    try:
        import datetime as dt

        return format_date(dt.date.fromisoformat(text[:10]))
    except ValueError:
        return text


def _where(item: Finding) -> str:
    source = item.get("source", "")
    if source == trail.HERE:
        return _("on this computer")
    return _("in the backup {name}").format(name=source)


def _ids(items: list[Finding]) -> str:
    ids = [str(i.entry) for i in items[:6]]
    return ", ".join(ids) + ("…" if len(items) > 6 else "")


def _message(kind: str, items: list[Finding]) -> str:
    first, n = items[0], len(items)
    if kind == walk.EDITED:
        return ngettext("Entry {ids} of the audit trail was changed after it was written.",
                        "Entries {ids} of the audit trail were changed after they were written.", n).format(
            ids=_ids(items))
    if kind == walk.REMOVED:
        return ngettext("Entries were removed from the audit trail just before entry {ids}.",
                        "Entries were removed from the audit trail just before entries {ids}.", n).format(
            ids=_ids(items))
    if kind == walk.INSERTED:
        return ngettext("Entry {ids} was slipped into the audit trail outside the program.",
                        "Entries {ids} were slipped into the audit trail outside the program.", n).format(
            ids=_ids(items))
    if kind == walk.OLD_FORM:
        return ngettext("Entry {ids} of the audit trail was rewritten in the older form, which needs no key.",
                        "Entries {ids} of the audit trail were rewritten in the older form, which needs no key.",
                        n).format(ids=_ids(items))
    if kind == walk.HEAD_MISMATCH:
        return _("The record of the audit trail's newest entry does not match the trail ({found} entries found, "
                 "{recorded} recorded): entries were added or removed outside the program.").format(
            found=first.get("found"), recorded=first.get("recorded"))
    if kind == walk.HEAD_UNREADABLE:
        return _("The record of the audit trail's newest entry (its head) is damaged, so no change can be "
                 "recorded until the trail is repaired.")
    if kind == walk.NO_IDENTITY:
        return _("The database's identity, which its audit trail is tied to, was removed or changed outside the "
                 "program.")
    if kind == walk.UNREADABLE:
        return _("The audit trail cannot be read to its end: part of it is damaged.")
    if kind == trail.WIPED:
        return _("The audit trail was emptied: {recorded} entries were recorded {where} on {date}, none "
                 "remain.").format(recorded=first.get("recorded"), where=_where(first), date=_when(first.get("when")))
    if kind == trail.TRUNCATED:
        return _("The audit trail has fewer entries than were recorded {where} on {date} ({recorded} then, {found} "
                 "now): entries were removed, or an older copy of the file was put in its place.").format(
            recorded=first.get("recorded"), where=_where(first), date=_when(first.get("when")),
            found=first.get("found"))
    if kind == trail.REWRITTEN:
        return _("The audit trail was rewritten: its entry {position} is not the one recorded {where} on "
                 "{date}.").format(position=first.get("position"), where=_where(first),
                                   date=_when(first.get("when")))
    if kind == trail.REPLACED:
        return _("This file is not the database last used at this place on this computer ({date}): another "
                 "database file was put here, or its identity was changed.").format(date=_when(first.get("when")))
    count, names = first.get("count", 0), _names(first.get("examples", ()))
    if kind == trail_rows.ROW_CHANGED:
        return ngettext("{n} record was changed outside the program: it differs from its last recorded state "
                        "({names}).",
                        "{n} records were changed outside the program: they differ from their last recorded "
                        "state ({names}…).", count).format(n=count, names=names)
    if kind == trail_rows.ROW_REMOVED:
        return ngettext("{n} record was removed outside the program ({names}).",
                        "{n} records were removed outside the program ({names}…).", count).format(n=count, names=names)
    if kind == trail_rows.ROW_BACK:
        return ngettext("{n} record deleted through the program is back ({names}).",
                        "{n} records deleted through the program are back ({names}…).", count).format(
            n=count, names=names)
    return str(first)


def messages(findings: list[Finding]) -> list[str]:
    """One sentence per kind of finding, the most serious first."""
    grouped: dict[str, list[Finding]] = {}
    for item in findings:
        grouped.setdefault(item.kind, []).append(item)
    kinds = sorted(grouped, key=lambda k: _ORDER.index(k) if k in _ORDER else len(_ORDER))
    return [_message(kind, grouped[kind]) for kind in kinds]
