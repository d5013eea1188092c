"""The failure the interchange package reports to the user."""

from __future__ import annotations

from pathlib import Path

from desktop_app.i18n import _
from desktop_app.services.common.errors import ServiceError


class WorkbookError(ServiceError):
    """The workbook cannot be read or written as asked; ``str()`` says why, translated."""


def check_target(path: Path) -> Path:
    """Refuse, before any work, a workbook that could not be saved where asked."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise WorkbookError(_("{path} is a folder, not a file.").format(path=path))
    if not folder.is_dir():
        raise WorkbookError(_("The folder {folder} does not exist.").format(folder=folder))
    if not _writable(folder) or (path.exists() and not _writable(path)):
        raise WorkbookError(_("Permission denied: {path}").format(path=path))
    return path


def _writable(path: Path) -> bool:
    import os

    return os.access(path, os.W_OK)
