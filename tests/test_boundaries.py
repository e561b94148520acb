"""Import boundaries: the model never loads the UI toolkit; the UI never loads spaCy."""

import subprocess
import sys


def run(code):
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def test_model_imports_neither_textual_nor_rich():
    r = run(
        "import sys, pkgutil, importlib, model\n"
        "for m in pkgutil.walk_packages(model.__path__, 'model.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich'))\n"
        "print(bad)"
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


def test_starting_the_tui_does_not_import_spacy():
    r = run(
        "import sys, tui.cli, tui.app\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('spacy', 'thinc', 'sqlite_utils')))"
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"
