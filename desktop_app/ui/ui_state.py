"""Window geometry, the last view and the last database, kept in an INI file in the app's config
folder (never the Windows registry), so a portable copy carries them along."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from desktop_app import paths

_settings: QSettings | None = None
_path = None


def store() -> QSettings:
    """The QSettings of the current config folder (re-created when SOCHIBO_HOME moves, as in tests)."""
    global _settings, _path
    path = paths.config_dir() / "window.ini"
    if _settings is None or _path != path:
        _settings = QSettings(str(path), QSettings.Format.IniFormat)
        _path = path
    return _settings


def get(key: str, default=None):
    return store().value(key, default)


def put(key: str, value) -> None:
    store().setValue(key, value)


def get_str(key: str, default: str = "") -> str:
    value = get(key, default)
    return str(value) if value is not None else default
