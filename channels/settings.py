"""A channel setting from credentials.yml, or from its environment variable when absent there."""

from __future__ import annotations

import os
from typing import Any


def setting(credentials: dict[str, Any] | None, key: str, variable: str) -> Any:
    value = (credentials or {}).get(key)
    return value if value not in (None, "") else (os.environ.get(variable) or None)
