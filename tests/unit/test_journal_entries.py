"""Symbols and tags found in entry text."""

from __future__ import annotations

import pytest

from spotlight_trader.errors import InputError
from spotlight_trader.journal.entries import check_body, search_text, symbols_in, tags_in


def test_symbols_and_tags_are_found_once_in_order() -> None:
    body = "Faded $spy at the open #ORB #mistake/chased, then $AAPL and $SPY again. a#b &#39; $5"
    assert symbols_in(body) == ["SPY", "AAPL"]
    assert tags_in(body) == ["orb", "mistake/chased"]
    assert search_text(body, ["SPY"], ["mistake/chased"]).endswith("\nSPY mistake chased")


def test_empty_and_huge_bodies_are_refused() -> None:
    with pytest.raises(InputError, match="needs some text"):
        check_body("  \n")
    with pytest.raises(InputError, match="more than"):
        check_body("x" * 100_001)
