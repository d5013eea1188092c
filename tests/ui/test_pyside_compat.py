"""The guard that keeps None alive under PySide6 6.12 on Python 3.11 (desktop_app.ui.pyside_compat)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})


LOOP = """
    from PySide6.QtWidgets import QApplication, QLineEdit
    app = QApplication([])
    edit = QLineEdit()
    for _ in range(200000):
        edit.setText("a")   # a method returning nothing
    print("alive")
"""


def test_many_qt_calls_survive_with_the_guard():
    result = run("from desktop_app.ui.pyside_compat import protect_singletons\nassert protect_singletons()\n"
                 + textwrap.dedent(LOOP))
    assert result.returncode == 0, result.stderr[-500:]
    assert "alive" in result.stdout


def test_the_guard_is_idempotent_and_applied_in_tests():
    from desktop_app.ui.pyside_compat import HEAD_START, _affected_binding, protect_singletons

    assert protect_singletons() is True
    if sys.version_info < (3, 12) and _affected_binding():
        assert sys.getrefcount(None) > HEAD_START // 2


def test_the_pinned_binding_survives_many_calls_without_the_guard():
    """The pinned PySide6 must not give away references to None (6.12.0 on Python 3.11 does)."""
    result = run(LOOP)
    assert result.returncode == 0, result.stderr[-500:]
    assert "alive" in result.stdout
