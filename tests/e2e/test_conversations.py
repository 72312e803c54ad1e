"""Conversations played through the REST channel against the running servers.

Each file in tests/conversations/ lists conversations: what the citizen types
(`user`) or clicks (`click`: a button title from the previous reply), and what
the replies must contain (`expect`) or must not contain (`reject`).
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
import yaml

CONVERSATIONS = Path(__file__).resolve().parents[1] / "conversations"


class NoDuplicateKeys(yaml.SafeLoader):
    """A turn with two `reject:` keys silently kept only the second one: a key given twice is an error."""

    def construct_mapping(self, node, deep=False):
        keys = [self.construct_object(key, deep=deep) for key, _value in node.value]
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        if repeated:
            raise yaml.constructor.ConstructorError(None, None, f"{repeated} given twice", node.start_mark)
        return super().construct_mapping(node, deep=deep)


def load():
    for path in sorted(CONVERSATIONS.glob("*.yml")):
        for conversation in yaml.load(path.read_text(encoding="utf-8"), Loader=NoDuplicateKeys):
            typed = [turn["user"] for turn in conversation["turns"] if "user" in turn]
            if not all(isinstance(text, str) for text in typed):  # YAML reads a bare yes as True: quote it
                raise TypeError(f"{path.name}: {conversation['name']}: a typed turn that is not text: {typed}")
            yield pytest.param(conversation, id=f"{path.stem}: {conversation['name']}")


def reply_text(replies: list[dict]) -> str:
    parts = []
    for reply in replies:
        parts.append(reply.get("text", ""))
        parts += [button["title"] for button in reply.get("buttons", [])]
    return "\n".join(parts)


@pytest.mark.parametrize("conversation", list(load()))
def test_conversation(assistant, conversation):
    sender = f"test-{uuid.uuid4().hex[:10]}"
    buttons: list[dict] = []
    for number, turn in enumerate(conversation["turns"], 1):
        if "click" in turn:
            match = [b for b in buttons if b["title"].lower() == turn["click"].lower()]
            assert match, f"turn {number}: no button {turn['click']!r} among {[b['title'] for b in buttons]}"
            message = match[0]["payload"]
        else:
            message = turn["user"]
        replies = assistant.say(sender, message)
        text = reply_text(replies)
        buttons = [button for reply in replies for button in reply.get("buttons", [])]
        for expected in turn.get("expect", []):
            assert expected.lower() in text.lower(), f"turn {number} ({message!r}): {expected!r} not in:\n{text}"
        for rejected in turn.get("reject", []):
            assert rejected.lower() not in text.lower(), f"turn {number} ({message!r}): {rejected!r} in:\n{text}"
