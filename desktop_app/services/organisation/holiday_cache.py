"""Vietnam's public holidays and make-up working days per year, kept between runs in the cache folder.

The ``holidays`` package computes them (lunar Tết included) in well under a millisecond, but importing
it costs ~80 ms, more than the rest of the first deadline computation. The tables are a function of
the package's version and the year, so they are kept in a small JSON file named after that version:
an upgraded package starts a new file. When the version cannot be read without importing the package
(no distribution metadata beside it), nothing is kept and the package is asked as before.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import threading
from pathlib import Path

from desktop_app import paths
from desktop_app.core import calendar

log = logging.getLogger(__name__)
_lock = threading.Lock()  # deadlines are computed on worker threads too


def package_version() -> str | None:
    """The installed ``holidays`` version, from its ``holidays-<version>.dist-info`` folder (reading it
    through importlib.metadata or the package would cost what the cache saves)."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("holidays")
        if spec is None or not spec.origin:
            return None
        site = os.path.dirname(os.path.dirname(spec.origin))
        names = [n for n in os.listdir(site) if n.startswith("holidays-") and n.endswith(".dist-info")]
    except (OSError, ValueError, ImportError):
        return None
    if len(names) != 1:
        return None
    return names[0][len("holidays-"):-len(".dist-info")]


class HolidayFile:
    """The tables of one package version, read once and written whenever a year is added."""

    def __init__(self, path: Path):
        self.path = path
        self.years: dict[str, dict[str, list[str]]] | None = None

    def _loaded(self) -> dict[str, dict[str, list[str]]]:
        if self.years is None:
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                self.years = data["years"] if isinstance(data, dict) and isinstance(data.get("years"), dict) else {}
            except FileNotFoundError:
                self.years = {}
            except (OSError, ValueError, KeyError) as exc:
                log.warning("ignoring unreadable holiday cache %s: %s", self.path, exc)
                self.years = {}
        return self.years

    def load(self, year: int) -> tuple[list[dt.date], list[dt.date]] | None:
        with _lock:
            entry = self._loaded().get(str(year))
        if not isinstance(entry, dict):
            return None
        try:
            return ([dt.date.fromisoformat(d) for d in entry["off"]],
                    [dt.date.fromisoformat(d) for d in entry["working"]])
        except (KeyError, TypeError, ValueError):
            return None

    def save(self, year: int, days_off: frozenset[dt.date], working: frozenset[dt.date]) -> None:
        with _lock:
            years = self._loaded()
            years[str(year)] = {"off": sorted(d.isoformat() for d in days_off),
                                "working": sorted(d.isoformat() for d in working)}
            text = json.dumps({"years": years}, sort_keys=True)
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
                temporary.write_text(text, encoding="utf-8")
                os.replace(temporary, self.path)
            except OSError as exc:  # a read-only cache folder only costs time
                log.warning("could not keep the holiday tables in %s: %s", self.path, exc)


_installed: HolidayFile | None = None


def install() -> HolidayFile | None:
    """Let every working-day calendar read and keep the package's tables in the cache folder (again
    only when that folder changed)."""
    global _installed
    version = package_version()
    try:
        folder = paths.cache_dir() if version is not None else None
    except OSError as exc:
        log.warning("no cache folder for the holiday tables: %s", exc)
        folder = None
    if folder is None:
        _installed = None
        calendar.use_holiday_cache(None, None)
        return None
    path = folder / f"holidays-vn-{version}.json"
    if _installed is None or _installed.path != path:
        _installed = HolidayFile(path)
        calendar.use_holiday_cache(_installed.load, _installed.save)
    return _installed
