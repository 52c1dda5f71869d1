"""Market REST routes: watchlist, bars and the rule engine's indicators per bar."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from starlette.responses import Response

from spotlight_trader.api.cursor import MAX_SEQ
from spotlight_trader.api.deps import (
    Components,
    ComponentsDep,
    CurrentUser,
    MarketViewDep,
    WatchlistDep,
)
from spotlight_trader.api.openapi import errors, json_body, json_response
from spotlight_trader.api.params import SymbolPath, SymbolQuery
from spotlight_trader.api.responses import MsgspecResponse, decode_body, error_response
from spotlight_trader.api.schemas import (
    BarsResponse,
    IndicatorsResponse,
    StudyPoint,
    SymbolIn,
    SymbolMatch,
    SymbolOut,
    SymbolQuote,
    SymbolSearchResponse,
    SymbolsResponse,
)
from spotlight_trader.api.security import current_user_id
from spotlight_trader.market.lifecycle import Phase
from spotlight_trader.market.view import MarketView
from spotlight_trader.model import Bar, normalise_symbol
from spotlight_trader.rules.readiness import field_blockers
from spotlight_trader.rules.studies import study_points

# every route here acts for a user: the router resolves (and checks) it for each one
router = APIRouter(dependencies=[Depends(current_user_id)])
MAX_BARS = 5_000
MAX_BODY_BYTES = 4_096


def _quote(view: MarketView, symbol: str) -> SymbolQuote:
    snap = view.snapshot(symbol)
    last, prev = snap.last, snap.prev_close
    change = round(last - prev, 4) if last is not None and prev is not None else None
    pct = round(change / prev * 100, 3) if change is not None and prev else None
    snapshot = view.indicators(symbol)
    ind = snapshot or {}
    return SymbolQuote(
        symbol=symbol,
        last=last,
        prev_close=prev,
        change=change,
        change_pct=pct,
        last_trade_ms=snap.last_trade_ms,
        bid=snap.bid,
        ask=snap.ask,
        volume=snap.day_volume,
        volume_seq=snap.day_volume_seq,
        rvol=_number(ind.get("rvol")),
        gap_pct=_number(ind.get("gap_pct")),
        notes=field_blockers(("rvol", "gap_pct"), snapshot, view.history_sessions(symbol)),
    )


def _number(value: object) -> float | None:
    """An indicator value as a rounded float (None when it has none)."""
    return round(float(value), 4) if isinstance(value, int | float) else None


@router.get("/api/symbols", responses=json_response(SymbolsResponse), summary="Watchlist")
async def list_symbols(user: CurrentUser, view: MarketViewDep, watchlist: WatchlistDep) -> Response:
    """Your watchlist with last price and change since the prior regular-session close."""
    symbols = await watchlist.user_watchlist(user=user)
    return MsgspecResponse(SymbolsResponse([_quote(view, s) for s in symbols]))


@router.post(
    "/api/symbols",
    status_code=201,
    responses=json_response(SymbolOut, 201),
    openapi_extra=json_body(SymbolIn),
    summary="Add a symbol to the watchlist",
)
async def add_symbol(request: Request, user: CurrentUser, watchlist: WatchlistDep) -> Response:
    """Add a symbol to your watchlist (kept across restarts) once the feed's reference data
    lists it (Polygon's tickers, the replayed file's symbols, the simulator's universe):
    422 with the reason if not, 503 when the reference cannot be asked. A symbol new to
    the feed is backfilled before the answer, so its chart and change are there at once."""
    payload = await decode_body(request, SymbolIn, MAX_BODY_BYTES, '{"symbol": "AMZN"}')
    info = await watchlist.add_symbol(normalise_symbol(payload.symbol), user=user)
    return MsgspecResponse(
        SymbolOut(symbol=info.symbol, name=info.name, simulated=info.simulated), status_code=201
    )


SearchText = Annotated[
    str,
    Query(
        pattern=r"^[A-Za-z0-9.\-]{1,12}$",
        description="The start of a ticker, or part of a company name",
    ),
]
SearchLimit = Annotated[int, Query(ge=1, le=25, description="Most results")]


@router.get(
    "/api/symbols/search",
    responses={**json_response(SymbolSearchResponse), **errors(503)},
    summary="Search tickers",
)
async def search_symbols(
    user: CurrentUser, watchlist: WatchlistDep, q: SearchText, limit: SearchLimit = 10
) -> Response:
    """Tickers of the feed's reference data (Polygon's, the replayed file's, the
    simulator's) for the symbol boxes: the exact ticker, then tickers starting with ``q``,
    then company names containing it; 503 when the reference cannot be asked."""
    query = q.upper()
    found = await watchlist.search_symbols(query, limit=limit)
    mine = set(await watchlist.user_watchlist(user=user))
    results = [SymbolMatch(i.symbol, i.name, i.simulated, i.symbol in mine) for i in found]
    return MsgspecResponse(SymbolSearchResponse(results))


@router.delete("/api/symbols/{symbol}", status_code=204, summary="Remove a symbol")
async def remove_symbol(symbol: SymbolPath, user: CurrentUser, watchlist: WatchlistDep) -> Response:
    """Remove a symbol from your watchlist (other users' watchlists and streams keep it);
    the feed unsubscribes once no watchlist holds it. 422 for the last symbol."""
    if not await watchlist.remove_symbol(normalise_symbol(symbol), user=user):
        return error_response(404, f"not on the watchlist: {symbol.upper()[:20]}", "symbol")
    return Response(status_code=204)


Limit = Annotated[int, Query(ge=1, le=MAX_BARS, description="Most bars to return")]
BeforeSeq = Annotated[
    int | None,
    Query(alias="beforeSeq", ge=0, le=MAX_SEQ, description="Only bars with seq < beforeSeq"),
]


async def _ring_bars(
    components: Components, view: MarketView, symbol: str, limit: int, before_seq: int | None
) -> list[Bar] | Response:
    """The ring's last ``limit`` bars before ``before_seq``, or the error answer: 503 (with
    ``Retry-After``) while the market is warming (the ring does not hold the history yet, and
    a partial answer would draw a chart that ends hours ago), 404 for an unknown symbol."""
    state = view.state()
    if state.phase is Phase.WARMING:
        response = error_response(503, f"warming up: {state.describe()}; retry shortly")
        response.headers["Retry-After"] = "1"
        return response
    ring = components.ring
    if symbol not in view.watchlist() and await ring.last(symbol) is None:
        return error_response(404, f"unknown symbol: {symbol}", "symbol")
    return await ring.recent(symbol, limit, before_seq)


@router.get(
    "/api/bars",
    responses={**json_response(BarsResponse), **errors(404)},
    summary="Final 1-minute bars",
)
async def get_bars(
    components: ComponentsDep,
    view: MarketViewDep,
    symbol: SymbolQuery,
    limit: Limit = 500,
    before_seq: BeforeSeq = None,
) -> Response:
    """Final bars of one symbol, oldest first: the last ``limit`` before ``beforeSeq``;
    503 while the market is warming."""
    name = normalise_symbol(symbol)
    bars = await _ring_bars(components, view, name, limit, before_seq)
    if isinstance(bars, Response):
        return bars
    return MsgspecResponse(BarsResponse(symbol=name, bars=bars))


@router.get(
    "/api/indicators",
    responses={**json_response(IndicatorsResponse), **errors(404)},
    summary="The rule engine's indicators per final bar",
)
async def get_indicators(
    components: ComponentsDep,
    view: MarketViewDep,
    symbol: SymbolQuery,
    limit: Limit = 500,
    before_seq: BeforeSeq = None,
) -> Response:
    """Session VWAP (regular session only), EMA 9/21 and RSI 14 after each of the bars
    ``/api/bars`` returns for the same query, computed by the rule engine's indicator code
    over every bar the server holds before them (the warm-up), so they equal what the rules
    read."""
    name = normalise_symbol(symbol)
    bars = await _ring_bars(components, view, name, MAX_BARS, before_seq)
    if isinstance(bars, Response):
        return bars
    points = study_points(name, bars)[-limit:]
    return MsgspecResponse(
        IndicatorsResponse(
            symbol=name,
            points=[StudyPoint(p.seq, p.vwap, p.ema9, p.ema21, p.rsi14) for p in points],
        )
    )
