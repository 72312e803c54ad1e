"""Every log record of the process is masked before any handler writes it.

Personal numbers (storage.personal_data) and the secrets of signed URLs (WeChat's
signature, msg_signature, nonce, echostr) are replaced in the formatted message.
A log record factory is used rather than a handler filter: Rasa, Sanic and structlog
configure their own loggers and handlers, and a factory sees the records of all of them.
The project's own code logs no message text at all; this catches what libraries log.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from storage.personal_data import mask_personal_data

SIGNED_PARAMETER = re.compile(r"\b((?:msg_)?signature|nonce|echostr)=[^&\s\"']+")
_installed = False


def masked(text: str) -> str:
    return mask_personal_data(SIGNED_PARAMETER.sub(r"\1=[redacted]", text))


def install_log_masking() -> None:
    """Mask every log record of this process from now on (once per process)."""
    global _installed
    if _installed:
        return
    make_record = logging.getLogRecordFactory()

    def masked_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = make_record(*args, **kwargs)
        try:
            text = record.getMessage()
        except Exception:  # a malformed log call: leave it to logging's own error report
            return record
        record.msg, record.args = masked(text), None
        return record

    logging.setLogRecordFactory(masked_record)
    _installed = True
