"""Query and path parameters several routes share, with the constraints the schema states
(the same pattern :func:`~spotlight_trader.model.normalise_symbol` checks)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

from spotlight_trader.model import SYMBOL_INPUT_PATTERN

SYMBOL_MAX_CHARS = 10

SymbolQuery = Annotated[
    str,
    Query(pattern=SYMBOL_INPUT_PATTERN, max_length=SYMBOL_MAX_CHARS, description="Ticker symbol"),
]
OptionalSymbolQuery = Annotated[
    str | None,
    Query(
        pattern=SYMBOL_INPUT_PATTERN, max_length=SYMBOL_MAX_CHARS, description="Only this symbol"
    ),
]
SymbolPath = Annotated[
    str,
    Path(pattern=SYMBOL_INPUT_PATTERN, max_length=SYMBOL_MAX_CHARS, description="Ticker symbol"),
]
