"""Build the desktop app as one folder that runs without Python installed (PyInstaller).

    python -m pip install -e ".[build]"
    python -m tools.build_app [--dist DIR] [--work DIR]

Compiles the catalogs (``.po`` → ``.mo``) into a staging folder, writes the Windows version information from
``desktop_app.__version__``, then runs PyInstaller on ``packaging/sochibo.spec``. The result is ``DIR/SoChiBo``
(default ``dist/SoChiBo``): ``SoChiBo`` (``SoChiBo.exe``) opens the window, ``SoChiBo-cli`` runs the commands of
the command line; everything else sits in ``_internal``. Build on the system you ship to: PyInstaller does not
cross-compile.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "sochibo.spec"
NAME = "SoChiBo"


def compile_catalogs(stage: Path) -> list[Path]:
    """Every ``i18n/<lang>/LC_MESSAGES/*.po`` compiled to a ``.mo`` at the same place under *stage*."""
    from desktop_app.i18n import compile_po

    written = []
    for po in sorted((ROOT / "i18n").glob("*/LC_MESSAGES/*.po")):
        mo = stage / "i18n" / po.relative_to(ROOT / "i18n").with_suffix(".mo")
        mo.parent.mkdir(parents=True, exist_ok=True)
        mo.write_bytes(compile_po(po.read_bytes()))
        written.append(mo)
    if not written:
        raise SystemExit("no catalogs found under i18n/")
    return written


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """"1.2.3" → (1, 2, 3, 0): Windows keeps four numbers; anything after them (".dev1", "rc2") is dropped."""
    numbers = []
    for part in version.split(".")[:4]:
        digits = "".join(ch for ch in part if ch.isdigit())
        numbers.append(int(digits) if digits and part[0].isdigit() else 0)
    return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def write_version_file(path: Path) -> Path:
    """The Windows version resource (file properties → Details) in PyInstaller's text form."""
    from desktop_app import __version__

    numbers = version_numbers(__version__)
    strings = {
        "CompanyName": "Sổ Chi bộ",
        "FileDescription": "Sổ Chi bộ – quản lý chi bộ, đảng viên và công tác phát triển đảng viên",
        "FileVersion": __version__,
        "InternalName": NAME,
        "LegalCopyright": "Sổ Chi bộ",
        "OriginalFilename": f"{NAME}.exe",
        "ProductName": "Sổ Chi bộ",
        "ProductVersion": __version__,
    }
    entries = ",\n".join(f"        StringStruct({key!r}, {value!r})" for key, value in strings.items())
    path.write_text(
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,\n"
        "                    fileType=0x1, subtype=0x0, date=(0, 0)),\n"
        "  kids=[\n"
        "    StringFileInfo([StringTable('042a04b0', [\n"  # Vietnamese, Unicode
        f"{entries}])]),\n"
        "    VarFileInfo([VarStruct('Translation', [0x042a, 1200, 0x0409, 1200])])])\n",
        encoding="utf-8")
    return path


def folder_size(path: Path) -> tuple[int, int]:
    """(bytes, files) under *path*."""
    files = [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def build(dist: Path, work: Path) -> Path:
    """Build into *dist*/SoChiBo (replacing it) using *work* for PyInstaller's files; returns the folder."""
    stage = work / "stage"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    compile_catalogs(stage)
    env = dict(os.environ, SOCHIBO_BUILD_STAGE=str(stage),
               SOCHIBO_VERSION_FILE=str(write_version_file(stage / "version_info.txt")))
    command = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--clean", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work / "pyinstaller")]
    subprocess.run(command, check=True, cwd=ROOT, env=env)
    return dist / NAME


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the app's folder goes (dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's work folder (build/)")
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print('PyInstaller is not installed: python -m pip install -e ".[build]"', file=sys.stderr)
        return 2
    start = time.perf_counter()
    try:
        folder = build(args.dist.resolve(), args.work.resolve())
    except subprocess.CalledProcessError as exc:
        print(f"PyInstaller failed (exit {exc.returncode})", file=sys.stderr)
        return 1
    size, count = folder_size(folder)
    program = folder / (f"{NAME}.exe" if sys.platform == "win32" else NAME)
    print(f"built {program} ({size / 2**20:.0f} MiB in {count} files, {time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
