"""Files that take the members' data out of the program (exports, backups, documents) are recorded in the
audit trail before they are written, never after: a file whose entry could not be recorded (the database
busy in another program, a damaged trail) is not written at all, and a file left half-written by a failure
is removed. So no file with personal data exists without its entry.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop_app.services.common import audit
from desktop_app.services.common.tx import atomic

log = logging.getLogger(__name__)


@contextlib.contextmanager
def recorded_file(path: str | Path, action: str, table: str, details: dict[str, Any]) -> Iterator[None]:
    """Record (*action*, *table*, *details* with the file's path) and commit it, then run the body that
    writes *path*. Raises what recording raises before anything is written; if the body fails, a file it
    left at *path* (which was not there before) is removed."""
    path = Path(path)
    existed = path.exists()
    with atomic():
        audit.record(action, table, "", None, {**details, "file": str(path)})
    try:
        yield
    except BaseException:
        if not existed:
            try:
                path.unlink(missing_ok=True)
            except OSError:
                log.warning("could not remove the unfinished %s", path, exc_info=True)
        raise
