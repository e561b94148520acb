from tui.config import load_config


def test_config_problems_are_reported_not_raised(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = 3\n[keys]\n"app.quit" = ["ctrl+q", "q"]\n"list.down" = 5\n', encoding="utf-8")
    cfg = load_config(path)
    assert cfg.keys == {"app.quit": "ctrl+q,q"} and len(cfg.problems) == 2
    path.write_text("this is = not toml [", encoding="utf-8")
    assert load_config(path).problems
    assert load_config(tmp_path / "missing.toml").problems == []
