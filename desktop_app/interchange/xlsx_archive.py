"""Opening an .xlsx file as the zip archive it is, within limits.

A workbook is a zip of XML parts. A small file can unpack to gigabytes (a zip bomb, or a sheet of a million
formatted rows), so before anything is inflated the sizes the archive declares are added up and checked
against the limit, and while the parts are read the bytes that come out are counted again, in case the
declarations lie. Either way the user gets a message that says the limit, not minutes of a frozen program.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from desktop_app.i18n import _, format_number
from desktop_app.interchange.errors import WorkbookError
from desktop_app.services.interchange.limits import WorkbookLimits

MIB = 1024 * 1024


class LimitError(WorkbookError):
    """The workbook is far bigger than any list this program imports; ``str()`` says which limit and what to do."""


def size_text(size: int) -> str:
    """Bytes as whole megabytes (at least 1), for messages."""
    return format_number(max(1, round(size / MIB)))


def too_big(name: str, size: int, limits: WorkbookLimits) -> LimitError:
    return LimitError(_("{file} unpacks to {size} MB, more than the {limit} MB this program reads from a workbook. "
                        "A list of members or candidates is far smaller: check that this is the right file, or "
                        "copy the list alone into a new workbook.").format(
        file=name, size=size_text(size), limit=format_number(limits.max_unpacked_mb)))


class _Counted:
    """A part being inflated, counting the bytes that come out against the archive's allowance."""

    def __init__(self, raw, archive: GuardedArchive, name: str):
        self.raw, self.archive, self.name = raw, archive, name
        self.position = 0

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self._count(len(data))
        return data

    def read1(self, size: int = -1) -> bytes:
        data = self.raw.read1(size)
        self._count(len(data))
        return data

    def _count(self, n: int) -> None:
        self.position += n
        self.archive.inflated += n
        if self.archive.inflated > self.archive.limits.max_unpacked_bytes:
            raise too_big(self.archive.display_name, self.archive.inflated, self.archive.limits)

    def close(self) -> None:
        self.raw.close()

    def __enter__(self):
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


class GuardedArchive(zipfile.ZipFile):
    """A read-only zip whose declared sizes were checked and whose parts count what they inflate."""

    def __init__(self, path: Path, limits: WorkbookLimits):
        super().__init__(path, "r")
        self.limits = limits
        self.display_name = Path(path).name
        self.inflated = 0
        declared = sum(info.file_size for info in self.infolist())
        if declared > limits.max_unpacked_bytes:
            self.close()
            raise too_big(self.display_name, declared, limits)

    def open(self, name, mode="r", pwd=None, *, force_zip64=False):
        raw = super().open(name, mode, pwd, force_zip64=force_zip64)
        if mode != "r":
            return raw
        return _Counted(raw, self, name if isinstance(name, str) else name.filename)

    def read(self, name, pwd=None) -> bytes:
        with self.open(name, "r", pwd) as part:
            return part.read()

    def size_of(self, name: str) -> int:
        try:
            return self.getinfo(name).file_size
        except KeyError:
            return 0


def open_archive(path: Path, limits: WorkbookLimits) -> GuardedArchive:
    """The workbook at *path* as a guarded archive; a file that is missing, a folder, an old .xls, not a zip
    or too big unpacked is refused with a message for the user."""
    path = Path(path)
    if not path.exists():
        raise WorkbookError(_("File not found: {path}").format(path=path))
    if path.is_dir():
        raise WorkbookError(_("{path} is a folder, not a file.").format(path=path))
    try:
        with open(path, "rb") as fh:
            magic = fh.read(8)
    except OSError as exc:
        raise WorkbookError(_("The file could not be read: {detail}").format(detail=exc)) from exc
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise WorkbookError(_("{path} is in the old Excel format (.xls). Open it in Excel or LibreOffice and save "
                              "it as an Excel Workbook (.xlsx), then import that file.").format(path=path.name))
    if not magic.startswith(b"PK"):
        raise WorkbookError(_("{path} is not an Excel workbook (.xlsx).").format(path=path.name))
    try:
        return GuardedArchive(path, limits)
    except LimitError:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise damaged(path) from exc


def damaged(path: Path) -> WorkbookError:
    return WorkbookError(_("{path} is not an Excel workbook (.xlsx) or it is damaged.").format(path=Path(path).name))
