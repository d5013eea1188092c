"""Every filesystem location the app uses.

Folders come from platformdirs; ``SOCHIBO_HOME`` moves them all under one folder (tests, portable use).
A frozen build reads its resources from the bundle.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from desktop_app import APP_NAME

ROOT = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))


def _home() -> Path | None:
    value = os.environ.get("SOCHIBO_HOME")
    return Path(value) if value else None


def _dir(kind: str) -> Path:
    home = _home()
    if home is not None:
        path = home / kind
    else:
        import platformdirs

        getters: dict[str, Callable[..., str]] = {
            "data": platformdirs.user_data_dir,
            "log": platformdirs.user_log_dir,
            "cache": platformdirs.user_cache_dir,
            "config": platformdirs.user_config_dir,
        }
        getter = getters[kind]
        path = Path(getter(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    return _dir("data")


def log_dir() -> Path:
    return _dir("log")


def cache_dir() -> Path:
    return _dir("cache")


def config_dir() -> Path:
    return _dir("config")


def default_db_path() -> Path:
    return data_dir() / "sochibo.sqlite3"


def default_backup_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def resources_dir() -> Path:
    return ROOT / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def i18n_dir() -> Path:
    return ROOT / "i18n"
