"""How big a workbook an import reads: far beyond any real branch's or committee's list, so that a wrong file
or a zip bomb is refused with a message instead of grinding through gigabytes.

The largest committee keeps some ten thousand people; a full list of them is a few megabytes of sheet.
The limits are settings declared with the others (services.common.settings: import.max_rows,
import.max_unpacked_mb, import.max_columns) and read here in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.services.common import settings


@dataclass(frozen=True)
class WorkbookLimits:
    max_rows: int = settings.IMPORT_MAX_ROWS.default  # rows with data in one sheet
    max_unpacked_mb: int = settings.IMPORT_MAX_UNPACKED_MB.default  # every part of the file, unpacked
    max_columns: int = settings.IMPORT_MAX_COLUMNS.default  # the last column with data

    @property
    def max_unpacked_bytes(self) -> int:
        return self.max_unpacked_mb * 1024 * 1024


DEFAULT = WorkbookLimits()


def current() -> WorkbookLimits:
    """The limits in force for the open database (a damaged stored value reads as its default)."""
    stored = settings.get_many([settings.IMPORT_MAX_ROWS, settings.IMPORT_MAX_UNPACKED_MB,
                                settings.IMPORT_MAX_COLUMNS])
    return WorkbookLimits(stored[settings.IMPORT_MAX_ROWS.key], stored[settings.IMPORT_MAX_UNPACKED_MB.key],
                          stored[settings.IMPORT_MAX_COLUMNS.key])
