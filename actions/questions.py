"""The forms' questions: one `action_ask_<fact>` per input a rule asks for.

Rasa's forms call `action_ask_<slot>` to ask for a slot. The wording and the
buttons come from the catalogue; a button's payload is what its key stands for.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.wording import LANGUAGE, buttons
from text_catalogue import messages, say

ANSWER_INTENTS = {"yes": "/affirm", "no": "/deny", "unknown": "/dont_know"}


def question_facts() -> list[str]:
    return sorted({key.split(".")[1] for key in messages(LANGUAGE) if key.startswith("question.")})


class AskQuestion(Action, ABC):
    """Ask the question for one fact; subclasses set `fact`."""

    @property
    @abstractmethod
    def fact(self) -> str:
        """The input the question asks for."""

    def name(self) -> str:
        return f"action_ask_{self.fact}"

    def payload(self, value: str) -> str:
        return ANSWER_INTENTS.get(value) or "/inform" + json.dumps({self.fact: value})

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        key = f"question.{self.fact}"
        dispatcher.utter_message(text=say(LANGUAGE, key + ".text"), buttons=buttons(key, self.payload))
        return []


# Rasa SDK registers every Action subclass defined in the actions package.
QUESTION_ACTIONS = {
    fact: type(f"Ask_{fact}", (AskQuestion,), {"fact": fact, "__module__": __name__})
    for fact in question_facts()
}
