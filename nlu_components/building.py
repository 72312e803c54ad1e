"""What the project's graph components share: they are built from their configuration alone."""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage


class BuiltFromConfig:
    """A graph component that needs nothing but its configuration (no stored model, no resources)."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> Any:
        return cls(config)  # type: ignore[call-arg]  # the components' own __init__ take their config
