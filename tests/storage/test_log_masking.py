"""What any library logs is masked: personal numbers and the secrets of signed URLs."""

from __future__ import annotations

import logging

import storage  # noqa: F401  (importing the package installs the masking)


def test_personal_numbers_in_a_library_log_are_masked(caplog):
    with caplog.at_level(logging.INFO):
        logging.getLogger("rasa.core.processor").info("Received user message '%s'", "my id 110105199003071239")
    assert "110105199003071239" not in caplog.text and "[ID number]" in caplog.text


def test_signed_url_parameters_are_redacted(caplog):
    url = "/webhooks/wechat/?signature=abc123&timestamp=1700000000&nonce=n42&echostr=hello&openid=o1"
    with caplog.at_level(logging.INFO):
        logging.getLogger("sanic.access").info("GET %s 200", url)
    assert "abc123" not in caplog.text and "n42" not in caplog.text and "hello" not in caplog.text
    assert "signature=[redacted]" in caplog.text


def test_a_record_with_bad_arguments_still_reaches_logging():
    record = logging.getLogRecordFactory()("x", logging.INFO, __file__, 1, "%d", ("not a number",), None)
    assert record.msg == "%d"  # logging reports the mistake itself when it formats the record
