"""The forms' questions: one `action_ask_<fact>` per input a rule asks for.

Rasa's forms call `action_ask_<slot>` to ask for a slot. The wording and the
buttons come from actions/wording.yml; the classes are made from that file so
that adding a question there is all a new input needs.
"""

from __future__ import annotations

from abc import ABC, abstractmethod

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.wording import wording


class AskQuestion(Action, ABC):
    """Ask the question for one fact; subclasses set `fact`."""

    @property
    @abstractmethod
    def fact(self) -> str:
        """The input the question asks for."""

    def name(self) -> str:
        return f"action_ask_{self.fact}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        question = wording()["questions"][self.fact]
        dispatcher.utter_message(text=question["text"], buttons=question.get("buttons", []))
        return []


# Rasa SDK registers every Action subclass defined in the actions package.
QUESTION_ACTIONS = {
    fact: type(f"Ask_{fact}", (AskQuestion,), {"fact": fact, "__module__": __name__})
    for fact in wording()["questions"]
}
