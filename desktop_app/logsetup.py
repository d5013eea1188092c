"""The log file: ``sochibo.log`` in the user log folder, rotated at 1 MB, five old files kept.

A windowed build has no console (``sys.stderr`` is None), so everything worth keeping goes here;
native crashes (a segfault in Qt) are written to ``crash.log`` beside it by faulthandler.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import sys
from pathlib import Path

from desktop_app import paths

LOG_NAME = "sochibo.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
_FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"

_handler: logging.Handler | None = None
_fault_file = None


def log_file() -> Path:
    return paths.log_dir() / LOG_NAME


def configure(level: int = logging.INFO) -> Path | None:
    """Send the root logger to the rotating log file (once per process); returns its path, or None
    when the log folder cannot be written (the program then runs without a log)."""
    global _handler, _fault_file
    if sys.stderr is None:  # windowed build: libraries that write to stderr must not crash
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # open as long as the process runs
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")
    root = logging.getLogger()
    try:
        path = log_file()
    except OSError:
        return None
    if _handler is not None and _handler in root.handlers:
        if Path(_handler.baseFilename) == path:
            return path
        detach()  # the log folder moved (SOCHIBO_HOME changed): follow it
    try:
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                                                       encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    sys.unraisablehook = _log_unraisable
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    _handler = handler
    if faulthandler.is_enabled():  # someone (a test runner) already set it up
        return path
    try:
        _fault_file = open(path.with_name("crash.log"), "a", encoding="utf-8")
        faulthandler.enable(_fault_file)
    except (OSError, RuntimeError, ValueError):
        pass
    return path


def _log_unraisable(unraisable) -> None:
    """Errors Python can only ignore (a file closed by the garbage collector on a full disk, after the failure
    was already reported) go to the log, never as a traceback onto the user's terminal."""
    logging.getLogger("desktop_app").warning(
        "ignored in %r: %s", unraisable.object, unraisable.err_msg or "exception",
        exc_info=(unraisable.exc_type, unraisable.exc_value, unraisable.exc_traceback))


def detach() -> None:
    """Remove the file handler again (tests)."""
    global _handler, _fault_file
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
    if _fault_file is not None:
        try:
            faulthandler.disable()
            _fault_file.close()
        except (OSError, ValueError):
            pass
        _fault_file = None
