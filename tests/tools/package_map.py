"""Print docs/architecture.md's package map: one row a module, its lines and its docstring's first sentence.

python tests/tools/package_map.py model tui > /tmp/map.md
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

WIDTH = 150  # a description longer than this is cut with "…"


def first_sentence(path: Path) -> str:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    text = " ".join(doc.split())
    m = re.match(r"(.+?[.:;!?])(\s|$)", text)
    sentence = (m.group(1) if m else text).rstrip(".:;")
    return sentence if len(sentence) <= WIDTH else sentence[: WIDTH - 1] + "…"


def rows(package: str) -> list[str]:
    out = []
    for path in sorted(Path(package).rglob("*.py")):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if not lines:  # an empty __init__.py
            continue
        out.append(f"| `{path.as_posix()}` | {lines} | {first_sentence(path)} |")
    return out


def main(argv: list[str]) -> int:
    for package in argv or ["model", "tui"]:
        print(f"### `{package}/`\n\n| file | lines | what it holds |\n|---|---|---|")
        print("\n".join(rows(package)))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
