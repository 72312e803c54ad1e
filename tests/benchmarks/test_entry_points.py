"""The benchmark commands import what they use (make bench once failed at its first line after a rename)."""

import importlib

import pytest


@pytest.mark.parametrize(
    "module",
    ["benchmarks.load.__main__", "benchmarks.turn_profile", "benchmarks.reply_latency", "benchmarks.nlu_figures"],
)
def test_each_benchmark_command_imports(module):
    assert callable(importlib.import_module(module).main)
