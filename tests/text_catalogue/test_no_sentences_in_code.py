"""No citizen-facing sentence is written in code: they belong in the catalogues.

Scans actions/, channels/ and policy_rules/rules/ for string literals that read
like a sentence (three words or more), leaving out docstrings, log messages,
exception messages (for developers), the passages of law that rule units
quote, and the short list below of texts meant
for operators and machines, not citizens.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCANNED = [ROOT / "actions", ROOT / "channels", ROOT / "policy_rules" / "rules"]
READERS = ROOT / "actions" / "facts.py"  # patterns for what citizens type, not texts they read
# HTTP bodies for operators and WeChat's servers, never shown in a conversation.
FOR_OPERATORS = {
    "the Telegram channel is not configured (TELEGRAM_ACCESS_TOKEN)",
    "the WeChat channel is not configured (WECHAT_TOKEN)",
    "the chat widget is not built: run `make web`",
    "invalid message signature",
    "safe mode is not configured",
}
WORD = re.compile(r"[A-Za-z\u4e00-\u9fff]")
LOG_METHODS = {"debug", "info", "warning", "error", "exception", "critical"}


def is_log_call(node: ast.Call) -> bool:
    return isinstance(node.func, ast.Attribute) and node.func.attr in LOG_METHODS


def sentences_in(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                skipped.add(id(body[0].value))
        if isinstance(node, ast.Raise) or (isinstance(node, ast.Call) and is_log_call(node)):
            skipped |= {id(inner) for inner in ast.walk(node)}
        if isinstance(node, ast.keyword) and node.arg == "quote":  # the law quoted by a rule unit
            skipped |= {id(inner) for inner in ast.walk(node)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped:
            words = [token for token in node.value.split() if WORD.search(token)]
            if len(words) >= 3 and node.value not in FOR_OPERATORS:
                found.append((node.lineno, node.value))
    return found


def test_no_citizen_facing_sentence_is_written_in_code():
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text!r}"
        for folder in SCANNED
        for path in sorted(folder.rglob("*.py"))
        if path != READERS
        for line, text in sentences_in(path)
    ]
    assert not found, "\n".join(found)
