"""Opt-in benchmarks (issue 6): `python -m tests.bench [--limit N]`.

Not part of the default test run (pytest collects no test here). Every figure is a
ratio against a baseline measured in the same run, because the machines are shared
and noisy. See docs/performance.md for what is measured and what limits each figure.
"""
