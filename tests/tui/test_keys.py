from pathlib import Path

from tui.keys import all_ids, load_config

README = Path(__file__).resolve().parents[2] / "README.md"  # the keys table lives there


def test_every_binding_is_documented_and_ids_are_unique():
    ids = all_ids()
    assert len(ids) == len(set(ids))
    text = README.read_text(encoding="utf-8")
    missing = [i for i in ids if f"`{i}`" not in text]
    assert not missing


def test_config_problems_are_reported_not_raised(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = 3\n[keys]\n"app.quit" = ["ctrl+q", "q"]\n"list.down" = 5\n', encoding="utf-8")
    cfg = load_config(path)
    assert cfg.keys == {"app.quit": "ctrl+q,q"} and len(cfg.problems) == 2
    path.write_text("this is = not toml [", encoding="utf-8")
    assert load_config(path).problems
    assert load_config(tmp_path / "missing.toml").problems == []


def test_browser_never_imports_spacy_or_sqlite_utils():
    import subprocess
    import sys

    code = (
        "import sys, tui.app, tui.screens, tui.modals, tui.commands; "
        "bad = [m for m in ('spacy', 'sqlite_utils') if m in sys.modules]; print(bad); sys.exit(bool(bad))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
