"""Health of the open database: integrity, foreign keys, schema version and the audit chain."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.i18n import _
from desktop_app.services import audit
from desktop_app.store import backup, migrations
from desktop_app.store.db import current_path, database


@dataclass
class HealthReport:
    schema_version: int = 0
    problems: list[str] = field(default_factory=list)  # translated, for the user

    @property
    def healthy(self) -> bool:
        return not self.problems


def check(quick: bool = False) -> HealthReport:
    conn = database.obj.connection()
    report = HealthReport(schema_version=migrations.schema_version(database.obj))
    found = backup.integrity_problems(conn, quick=quick)
    if found:
        report.problems.append(_("The database file is damaged: {detail}").format(detail="; ".join(found[:3])))
    if report.schema_version != migrations.SCHEMA_VERSION:
        report.problems.append(_("Schema version {found} does not match this program ({expected}).").format(
            found=report.schema_version, expected=migrations.SCHEMA_VERSION))
    if not found:
        chain = audit.verify_chain()
        if chain:
            report.problems.append(_("The audit trail has been altered: {detail}").format(detail=chain[0]))
    return report


def backup_now(target: str | Path | None = None) -> Path:
    """Back up the open database to *target* (default: the backup folder) and audit it."""
    from desktop_app import paths

    db_path = current_path()
    if target is None:
        target = paths.default_backup_dir() / backup.backup_name(db_path)
    result = backup.backup_connection(database.obj.connection(), target)
    with database.atomic():
        audit.record("backup", "database", "", None, {"file": str(result)})
    return result
