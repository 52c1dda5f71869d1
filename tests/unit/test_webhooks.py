"""Webhooks, the pure part: placeholders, bodies, the signature, retries."""

from __future__ import annotations

import hashlib
import hmac
import json

import pytest

from spotlight_trader.errors import InputError
from spotlight_trader.model import Signal
from spotlight_trader.rules.webhooks import (
    WebhookTarget,
    backoff_s,
    body,
    check_target,
    render,
    retryable,
    signature,
)

SIGNAL = Signal(
    id=7,
    rule_id=3,
    rule_name="PM high",
    version=1,
    symbol="SPY",
    seq=29_000_000,
    ts_ms=29_000_000 * 60_000 + 60_000,
    direction="long",
    inputs={"close": 167.75, "pmh": 167.7},
    explanation='SPY closed 167.75 above the "pre-market high" 167.70, 09:47 ET',
    user_id="local",
    key="local/3/1/SPY/29000000",
)


def test_placeholders_in_a_text_template() -> None:
    text = render("{{ticker}} {{ close }} > {{pmh}} at {{time}} [{{interval}}] {{nope}}", SIGNAL)
    assert text == "SPY 167.75 > 167.7 at 2025-02-19T21:20:00Z [1] {{nope}}"
    assert render("{{rule}} {{direction}} {{key}}", SIGNAL) == "PM high long local/3/1/SPY/29000000"


def test_a_json_template_is_sent_as_it_renders_with_escaped_values() -> None:
    sent = json.loads(body('{"text": "{{explanation}}", "ticker": "{{ticker}}"}', SIGNAL))
    assert sent == {"text": SIGNAL.explanation, "ticker": "SPY"}


def test_a_text_template_is_wrapped_with_the_signal() -> None:
    sent = json.loads(body("{{ticker}} broke out", SIGNAL))
    assert sent["message"] == "SPY broke out"
    assert sent["signal"]["key"] == SIGNAL.key and sent["signal"]["inputs"] == SIGNAL.inputs


def test_signature_is_hmac_sha256_over_timestamp_and_body() -> None:
    content = body("{{ticker}}", SIGNAL)
    expected = hmac.new(b"s3cret", b"1700000000000." + content, hashlib.sha256).hexdigest()
    assert signature("s3cret", 1_700_000_000_000, content) == f"sha256={expected}"
    assert signature("other", 1_700_000_000_000, content) != f"sha256={expected}"


@pytest.mark.parametrize(
    ("status", "again"),
    [(None, True), (500, True), (503, True), (429, True), (408, True), (404, False), (401, False)],
)
def test_retryable(status: int | None, again: bool) -> None:
    assert retryable(status) is again


def test_backoff_doubles() -> None:
    assert [backoff_s(n, 0.5) for n in (1, 2, 3)] == [0.5, 1.0, 2.0]


@pytest.mark.parametrize(
    ("target", "field"),
    [
        (WebhookTarget("ftp://example.com/x"), "url"),
        (WebhookTarget("http:///nohost"), "url"),
        (WebhookTarget("https://example.com", template=" "), "template"),
        (WebhookTarget("https://example.com", secret=""), "secret"),
    ],
)
def test_bad_targets_are_refused(target: WebhookTarget, field: str) -> None:
    with pytest.raises(InputError, match=f"^{field}:"):
        check_target(target)
    assert check_target(WebhookTarget("https://example.com/hook")).url.endswith("/hook")
