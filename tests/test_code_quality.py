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


def _cycles(imports: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import one another, directly or round about (Tarjan's SCCs)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(m: str) -> None:
        index[m] = low[m] = len(index)
        stack.append(m)
        for n in imports[m]:
            if n not in index:
                visit(n)
                low[m] = min(low[m], low[n])
            elif n in stack:
                low[m] = min(low[m], index[n])
        if low[m] == index[m]:
            group = []
            while True:
                n = stack.pop()
                group.append(n)
                if n == m:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for m in sorted(imports):
        if m not in index:
            visit(m)
    return found


def test_no_module_imports_itself_round_about():
    # every import counts, also one inside a function; a package importing its own
    # submodules (re-exports in __init__) is not a cycle of design
    import grimp

    graph = grimp.build_graph("model", "tui")
    imports = {
        m: {n for n in graph.find_modules_directly_imported_by(m) if not n.startswith(m + ".")} for m in graph.modules
    }
    assert _cycles(imports) == []


def test_the_cycle_check_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
