"""The layer rules of design.md §2 hold: core ← store ← services ← {reports, interchange} ← ui ← cli; no Qt below ui."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept():
    exe = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    result = subprocess.run([exe, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" in result.stdout and "0 broken" in result.stdout


def _circles(graph) -> list[tuple[str, str]]:
    """Pairs (a, b) where a imports b directly and b leads back to a."""
    return sorted((a, b) for a in graph.modules for b in graph.find_modules_directly_imported_by(a)
                  if graph.chain_exists(importer=b, imported=a))


def test_no_import_circle_between_modules():
    import grimp

    assert _circles(grimp.build_graph("desktop_app", cache_dir=None)) == []


def test_the_circle_test_finds_a_circle(tmp_path, monkeypatch):
    import grimp

    package = tmp_path / "circular"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from circular import b\n")
    (package / "b.py").write_text("def later():\n    from circular import a\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert _circles(grimp.build_graph("circular", cache_dir=None)) == [("circular.a", "circular.b"),
                                                                        ("circular.b", "circular.a")]


def test_no_services_module_outside_a_room():
    services = ROOT / "desktop_app" / "services"
    assert sorted(p.name for p in services.glob("*.py")) == ["__init__.py"]
    for room in (p for p in services.iterdir() if p.is_dir() and p.name != "__pycache__"):
        assert (room / "__init__.py").read_text(encoding="utf-8").startswith('"""'), room.name
