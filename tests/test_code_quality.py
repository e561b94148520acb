"""The code's own checks, run as the tools run them: lint, format, and the import contracts
(`[tool.importlinter]` in pyproject.toml: what may import what)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent  # the console scripts installed beside this Python


def _run(*command: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # this checkout's packages, not an installed copy
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)


@pytest.mark.parametrize(
    "command",
    [
        (sys.executable, "-m", "ruff", "check", "model", "tui", "tests"),
        (sys.executable, "-m", "ruff", "format", "--check", "model", "tui", "tests"),
        (str(BIN / "lint-imports"),),
    ],
    ids=["ruff check", "ruff format", "lint-imports"],
)
def test_the_code_passes_its_checks(command):
    result = _run(*command)
    assert result.returncode == 0, result.stdout + result.stderr
