"""README's quickstart commands are the ones CI runs."""

import re

from tests.conftest import ROOT


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quickstart\n(.*?)\n## ", readme, re.S).group(1)
    cmds = re.findall(r"^\s*(pip install .+)$", block, re.M)
    assert len(cmds) == 2, cmds
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert cmds[1].strip() in ci.splitlines()
