"""The frozen build (``python -m tools.build_app``) works without Python or the source tree: the commands, a
printed report and the window, with every resource, catalog, plugin and module the app loads.

Slow (a PyInstaller build): marked ``frozen``, which the ordinary run leaves out (pyproject's addopts) and
``.ci/run`` runs with ``-m frozen``. ``SOCHIBO_FROZEN_DIST=…/SoChiBo`` tests a folder built before instead of
building one.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tools import build_app

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = sys.platform == "win32"
pytestmark = [pytest.mark.frozen, pytest.mark.timeout(1200)]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    given = os.environ.get("SOCHIBO_FROZEN_DIST")
    if given:
        return Path(given)
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail('PyInstaller is not installed: python -m pip install -e ".[build]"')
    work = tmp_path_factory.mktemp("build")
    code = build_app.main(["--dist", str(work / "dist"), "--work", str(work / "work")])
    assert code == 0, "the build failed"
    return work / "dist" / build_app.NAME


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("frozen-home")


def program(bundle: Path, name: str) -> Path:
    return bundle / (f"{name}.exe" if WINDOWS else name)


def run(bundle: Path, name: str, home: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """The frozen *name* with *args*, offscreen, in an environment without the project's Python or sources."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTHON", "VIRTUAL_ENV", "QT_", "SOCHIBO_", "LC_", "LANG"))}
    env.update(QT_QPA_PLATFORM="offscreen", SOCHIBO_HOME=str(home), LANG="C.UTF-8")
    return subprocess.run([str(program(bundle, name)), *args], cwd=home, env=env, capture_output=True,
                          timeout=timeout, encoding="utf-8", errors="replace")


@pytest.fixture(scope="module")
def demo(bundle: Path, home: Path) -> Path:
    path = home / "demo.sqlite3"
    result = run(bundle, "SoChiBo-cli", home, "demo", "--db", str(path), "--scale", "branch")
    assert result.returncode == 0, result.stderr
    return path


def internal(bundle: Path) -> Path:
    return bundle / "_internal"


# ---- what is in the folder ------------------------------------------------------------------------


def test_every_resource_and_catalog_is_bundled(bundle):
    inside = internal(bundle)
    for source in (ROOT / "resources").rglob("*"):
        if source.is_file() and "__pycache__" not in source.parts:
            target = inside / source.relative_to(ROOT)
            assert target.is_file() and target.stat().st_size == source.stat().st_size, f"{target} is missing"
    catalogs = sorted((ROOT / "i18n").glob("*/LC_MESSAGES/*.po"))
    assert catalogs
    for po in catalogs:
        mo = inside / po.relative_to(ROOT).with_suffix(".mo")
        assert mo.is_file() and mo.read_bytes()[:4] in (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde"), f"{mo} missing"
    assert not list((inside / "i18n").rglob("*.po")), "the sources of the catalogs are not shipped"


def test_qt_plugins_the_app_needs_are_bundled_and_the_unused_ones_pruned(bundle):
    plugins = next(internal(bundle).glob("PySide6/**/plugins"))
    names = {path.name for path in (plugins / "platforms").iterdir()}
    wanted = ("qwindows",) if WINDOWS else ("qxcb", "qwayland", "qoffscreen")
    for plugin in wanted:
        assert any(plugin in name for name in names), f"platform plugin {plugin} is missing from {names}"
    assert not any("eglfs" in name or "vnc" in name for name in names)
    assert (plugins / "printsupport").is_dir()
    assert not (plugins / "generic").exists() and not (plugins / "egldeviceintegrations").exists()
    assert not list(internal(bundle).glob("PySide6/**/translations/*.qm")), "Qt's own translations are pruned"
    assert not list(internal(bundle).rglob("opengl32sw.dll"))
    assert not list(internal(bundle).rglob("*Qt6Quick*")) and not list(internal(bundle).rglob("*Qt6Qml*"))


def test_babel_keeps_only_the_app_locales(bundle):
    data = internal(bundle) / "babel" / "locale-data"
    kept = {path.stem for path in data.glob("*.dat")}
    assert {"root", "vi", "vi_VN", "en", "en_GB"} <= kept
    assert "fr" not in kept and len(kept) < 10


def imported_modules() -> set[str]:
    """Every module named by an import statement in desktop_app (absolute names; a name imported from a
    package counts as a module when it is one)."""
    names: set[str] = set()
    for path in (ROOT / "desktop_app").rglob("*.py"):
        package = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        if path.name != "__init__.py":
            package = package.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(parent + ([node.module] if node.module else []))
                if base == "__future__":
                    continue
                names.add(base)
                names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def test_every_module_the_app_imports_is_bundled(bundle):
    """Views, commands, reports and migrations are imported by name and reportlab, openpyxl, QtPdf or sqlcipher3
    only where used: PyInstaller's analysis alone would miss some. Whatever this Python can import, the bundle
    must hold (a module of another platform, like msvcrt on Linux, is not asked for)."""
    import zipfile

    from PyInstaller.archive.readers import CArchiveReader  # the build extra: pip install -e ".[build]"

    pyz = set(CArchiveReader(str(program(bundle, "SoChiBo-cli"))).open_embedded_archive("PYZ.pyz").toc)
    with zipfile.ZipFile(internal(bundle) / "base_library.zip") as base:  # what the interpreter starts with
        pyz |= {name.removesuffix(".pyc").removesuffix("/__init__").replace("/", ".") for name in base.namelist()}
    files = {path.relative_to(internal(bundle)).as_posix() for path in internal(bundle).rglob("*")}
    extensions = {name.split(".")[0].replace("/", ".") for name in files if name.endswith((".so", ".pyd"))}
    extensions |= {name.rsplit("/", 1)[-1].split(".")[0] for name in files if "lib-dynload/" in name}
    missing = []
    for name in sorted(imported_modules()):
        if name in pyz or name in extensions or name in sys.builtin_module_names:
            continue
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        if spec is None:  # an attribute imported from a module, or a module of another platform
            continue
        if spec.origin in ("built-in", "frozen"):
            continue
        missing.append(name)
    assert not missing, f"not in the bundle: {missing}"
    for lazy in ("reportlab.platypus", "openpyxl", "sqlcipher3.dbapi2", "playhouse.migrate",
                 "desktop_app.store.migrations.m0001_initial", "desktop_app.ui.views.reports_view"):
        assert lazy in pyz, lazy


# ---- what the programs do --------------------------------------------------------------------------


def test_frozen_check_in_both_languages(bundle, home, demo):
    result = run(bundle, "SoChiBo-cli", home, "check", "--db", str(demo))
    assert result.returncode == 0, result.stderr
    assert "tốt" in result.stdout  # the Vietnamese catalog, compiled into the bundle
    english = run(bundle, "SoChiBo-cli", home, "check", "--db", str(demo), "--lang", "en")
    assert english.returncode == 0 and "healthy" in english.stdout


def test_frozen_monthly_report_embeds_the_bundled_fonts(bundle, home, demo, tmp_path):
    import sqlite3

    from pypdf import PdfReader

    conn = sqlite3.connect(demo)
    code, name = conn.execute("SELECT code, name FROM branch WHERE deleted_at IS NULL ORDER BY code").fetchone()
    conn.close()
    out = tmp_path / "monthly.pdf"
    result = run(bundle, "SoChiBo-cli", home, "report", "monthly", "--db", str(demo), "--branch", code,
                 "--draft", "-o", str(out))
    assert result.returncode == 0, result.stderr + result.stdout
    reader = PdfReader(out)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "BÁO CÁO" in text and "ĐẢNG CỘNG SẢN VIỆT NAM" in text and name.upper() in text.upper()
    fonts = {str(font.get("/BaseFont")) for page in reader.pages
             for font in page["/Resources"]["/Font"].values()}
    assert any("LiberationSerif" in font for font in fonts), fonts


def test_frozen_window_opens_the_demo_offscreen(bundle, home, demo):
    result = run(bundle, "SoChiBo", home, "--db", str(demo), "--exit-when-ready")
    assert result.returncode == 0, result.stderr
    lines = [line.split(" ", 1)[0] for line in result.stdout.splitlines()]
    assert {"shown", "ready", "complete"} <= set(lines), result.stdout
    assert "Traceback" not in result.stderr and "could not" not in result.stderr.lower(), result.stderr


def test_frozen_window_shows_every_view(bundle, home, demo, tmp_path):
    """Every view, the report preview (QtPdf) included, drawn by the frozen program; nothing logged as failed."""
    shots = tmp_path / "shots"
    result = run(bundle, "SoChiBo", home, "--db", str(demo), "--screenshots", str(shots))
    assert result.returncode == 0, result.stderr
    pictures = {path.stem: path.stat().st_size for path in shots.glob("*.png")}
    assert {"dashboard", "members", "candidates", "meetings", "reports", "settings"} <= set(pictures)
    assert all(size > 10_000 for size in pictures.values()), pictures
    log = home / "log" / "sochibo.log"
    errors = [line for line in log.read_text(encoding="utf-8").splitlines() if " ERROR " in line] \
        if log.exists() else []
    assert not errors, "\n".join(errors)
