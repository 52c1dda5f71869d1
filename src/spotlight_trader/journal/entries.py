"""Journal entries: Markdown notes with symbols (``$SPY``) and tags (``#orb``,
``#mistake/chased``), linked to trades and signals; every edit keeps the old version."""

from __future__ import annotations

import re

import msgspec

from spotlight_trader.errors import InputError

MAX_BODY = 100_000  # characters
_SYMBOL = re.compile(r"(?<![\w$])\$([A-Za-z][A-Za-z0-9.]{0,9})\b")
_TAG = re.compile(r"(?<![\w#&])#([A-Za-z][\w/-]{0,39})")


class Entry(msgspec.Struct, frozen=True):
    """A stored note (``version`` counts edits from 1)."""

    id: int
    body: str
    symbols: list[str]
    tags: list[str]
    trade_ids: list[int]
    signal_ids: list[int]
    day: str
    version: int
    created_at_ms: int
    updated_at_ms: int


class EntryVersion(msgspec.Struct, frozen=True):
    """An earlier text of an entry."""

    version: int
    body: str
    symbols: list[str]
    tags: list[str]
    edited_at_ms: int


def symbols_in(body: str) -> list[str]:
    """Cashtags in ``body`` (``$spy`` → ``SPY``), in order, once each."""
    return list(dict.fromkeys(m.upper() for m in _SYMBOL.findall(body)))


def tags_in(body: str) -> list[str]:
    """Hashtags in ``body`` (lower case), in order, once each."""
    return list(dict.fromkeys(m.lower() for m in _TAG.findall(body)))


def check_body(body: str) -> str:
    """``body`` if it is a note we store; :class:`InputError` otherwise."""
    if not body.strip():
        raise InputError("body: an entry needs some text")
    if len(body) > MAX_BODY:
        raise InputError(f"body: more than {MAX_BODY:,} characters")
    return body


def search_text(body: str, symbols: list[str], tags: list[str]) -> str:
    """What full-text search indexes: the text plus its symbols and tags as words."""
    words = [*symbols, *(t.replace("/", " ") for t in tags)]
    return body + ("\n" + " ".join(words) if words else "")
