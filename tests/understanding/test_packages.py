"""The parsers are shared by the Rasa server and the action server without dragging either along."""

from __future__ import annotations

import subprocess
import sys

from rasa_sdk.executor import ActionExecutor


def test_the_understanding_package_imports_nothing_from_rasa():
    script = (
        "import sys, pkgutil, importlib, understanding\n"
        "for module in pkgutil.iter_modules(understanding.__path__):\n"
        "    importlib.import_module('understanding.' + module.name)\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in ('rasa', 'rasa_sdk', 'tensorflow')))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    assert result.stdout.strip() == "[]"


def test_the_action_server_registers_every_module_of_the_actions_package():
    # pkgutil.walk_packages imports subpackages by their bare name: a subpackage `actions.understanding`
    # would be mistaken for the top-level `understanding` and the action server would not start.
    executor = ActionExecutor()
    executor.register_package("actions")
    assert "action_validate_slot_mappings" in executor.actions
