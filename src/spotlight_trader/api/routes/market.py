"""Market REST routes: watchlist and bars."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from spotlight_trader.api.cursor import MAX_SEQ
from spotlight_trader.api.openapi import json_body, json_response
from spotlight_trader.api.responses import MsgspecResponse, decode_body, error_response
from spotlight_trader.api.schemas import (
    BarsResponse,
    ErrorBody,
    SymbolIn,
    SymbolOut,
    SymbolQuote,
    SymbolsResponse,
)
from spotlight_trader.market.lifecycle import Phase
from spotlight_trader.service import MarketService, normalise_symbol

router = APIRouter()
MAX_BARS = 5_000
MAX_BODY_BYTES = 4_096


def _service(request: Request) -> MarketService:
    service: MarketService = request.app.state.service
    return service


def _quote(service: MarketService, symbol: str) -> SymbolQuote:
    pipeline = service.pipeline
    last = pipeline.last_price.get(symbol)
    prev = pipeline.prev_close.get(symbol)
    change = round(last - prev, 4) if last is not None and prev is not None else None
    pct = round(change / prev * 100, 3) if change is not None and prev else None
    quote = pipeline.builder.quote(symbol)
    return SymbolQuote(
        symbol=symbol,
        last=last,
        prev_close=prev,
        change=change,
        change_pct=pct,
        last_trade_ms=pipeline.last_trade_ms.get(symbol),
        bid=quote.bid if quote else None,
        ask=quote.ask if quote else None,
    )


@router.get("/api/symbols", responses=json_response(SymbolsResponse), summary="Watchlist")
async def list_symbols(request: Request) -> Response:
    """The watchlist with last price and change since the prior regular-session close."""
    service = _service(request)
    return MsgspecResponse(SymbolsResponse([_quote(service, s) for s in service.watchlist]))


@router.post(
    "/api/symbols",
    status_code=201,
    responses=json_response(SymbolOut, 201),
    openapi_extra=json_body(SymbolIn),
    summary="Add a symbol to the watchlist",
)
async def add_symbol(request: Request) -> Response:
    """Add a symbol; the feed subscribes to it."""
    payload = await decode_body(request, SymbolIn, MAX_BODY_BYTES, '{"symbol": "AMZN"}')
    symbol = await _service(request).add_symbol(payload.symbol)
    return MsgspecResponse(SymbolOut(symbol=symbol), status_code=201)


@router.delete("/api/symbols/{symbol}", status_code=204, summary="Remove a symbol")
async def remove_symbol(request: Request, symbol: str) -> Response:
    """Remove a symbol from the watchlist; the feed unsubscribes."""
    if not await _service(request).remove_symbol(symbol):
        return error_response(404, f"not on the watchlist: {symbol.upper()[:20]}", "symbol")
    return Response(status_code=204)


@router.get(
    "/api/bars",
    responses={**json_response(BarsResponse), **json_response(ErrorBody, 503)},
    summary="Final 1-minute bars",
)
async def get_bars(
    request: Request,
    symbol: Annotated[str, Query(description="Ticker symbol")],
    limit: Annotated[int, Query(ge=1, le=MAX_BARS, description="Most bars to return")] = 500,
    before_seq: Annotated[
        int | None,
        Query(alias="beforeSeq", ge=0, le=MAX_SEQ, description="Only bars with seq < beforeSeq"),
    ] = None,
) -> Response:
    """Final bars of one symbol, oldest first: the last ``limit`` before ``beforeSeq``.
    503 (with ``Retry-After``) while the market is warming: the ring does not hold the
    history yet, and a partial answer would draw a chart that ends hours ago."""
    service = _service(request)
    name = normalise_symbol(symbol)
    state = service.state
    if state.phase is Phase.WARMING:
        response = error_response(503, f"warming up: {state.describe()}; retry shortly")
        response.headers["Retry-After"] = "1"
        return response
    if name not in service.watchlist and await service.ring.last(name) is None:
        return error_response(404, f"unknown symbol: {name}", "symbol")
    bars = await service.ring.recent(name, limit, before_seq)
    return MsgspecResponse(BarsResponse(symbol=name, bars=bars))
