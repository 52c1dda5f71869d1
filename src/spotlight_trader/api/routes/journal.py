"""The trading journal of the current user (docs/journal.md): imports, fills, trades,
stats, entries, search, recap and insights under ``/api/journal``."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Sequence
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, File, Form, Path, Query, Request, UploadFile
from starlette.responses import Response

from spotlight_trader.api.deps import ComponentsDep, CurrentUser, EntriesDep, JournalDep, SignalsDep
from spotlight_trader.api.openapi import json_body, json_response, ref
from spotlight_trader.api.responses import ApiError, MsgspecResponse, decode_body
from spotlight_trader.api.routes.journal_entries import DAY_QUERY, check_day
from spotlight_trader.api.schemas import ErrorBody
from spotlight_trader.api.schemas_journal import (
    FillIn,
    FillOut,
    FillsIn,
    FillsOut,
    ImportResponse,
    InsightsResponse,
    LegOut,
    RowIssue,
    TradeMetaIn,
    TradeOut,
    TradesResponse,
)
from spotlight_trader.api.security import current_user_id
from spotlight_trader.journal.excursion import Excursion, excursion
from spotlight_trader.journal.executions import Execution
from spotlight_trader.journal.formats.base import JournalFormat
from spotlight_trader.journal.importer import decode, parse_fills, zone
from spotlight_trader.journal.insights import insights
from spotlight_trader.journal.recap import Recap, build_recap
from spotlight_trader.journal.stats import Stats, compute_stats, ny_day
from spotlight_trader.journal.trips import group_round_trips
from spotlight_trader.model import MINUTE_MS, normalise_symbol
from spotlight_trader.rules.model import MAX_ID
from spotlight_trader.storage.journal import ImportMeta, StoredTrip

router = APIRouter(prefix="/api/journal", dependencies=[Depends(current_user_id)])
# a 64-bit id: larger numbers get 422, never a database overflow
TradeId = Annotated[int, Path(ge=0, le=MAX_ID, description="Trade id")]
MAX_BODY_BYTES = 200_000
PREVIEW_FILLS = 500
MAX_TRADES = 5_000

FromDay = Annotated[
    str | None, Query(alias="from", pattern=DAY_QUERY, description="First New York day")
]
ToDay = Annotated[str | None, Query(alias="to", pattern=DAY_QUERY, description="Last New York day")]
AccountQ = Annotated[str | None, Query(max_length=64, description="Only this account")]
SymbolQ = Annotated[str | None, Query(max_length=16, description="Only this symbol")]
TagQ = Annotated[str | None, Query(max_length=40, description="Only trades with this tag")]


def _day(t: StoredTrip) -> str:
    return ny_day(t.trip.closed_ms if t.trip.closed_ms is not None else t.trip.opened_ms)


def _trade(t: StoredTrip) -> TradeOut:
    trip = t.trip
    by_key = dict(zip(dict.fromkeys(g.key for g in trip.legs), t.execution_ids, strict=True))
    return TradeOut(
        id=t.id,
        account=trip.account,
        symbol=trip.symbol,
        direction=trip.direction,
        opened_ms=trip.opened_ms,
        closed_ms=trip.closed_ms,
        day=_day(t),
        entry_quantity=trip.entry_quantity,
        exit_quantity=trip.exit_quantity,
        entry_vwap=trip.entry_vwap,
        exit_vwap=trip.exit_vwap,
        max_position=trip.max_position,
        gross_pnl=trip.gross_pnl,
        costs=trip.costs,
        net_pnl=trip.net_pnl,
        stop=t.stop,
        r_multiple=t.r_multiple,
        tags=t.tags,
        legs=[
            LegOut(by_key[g.key], g.ts_ms, g.role, g.quantity, g.price, g.cost) for g in trip.legs
        ],
    )


async def _trips(
    journal: JournalDep,
    user: str,
    *,
    start: str | None = None,
    end: str | None = None,
    account: str | None = None,
    symbol: str | None = None,
    tag: str | None = None,
) -> list[StoredTrip]:
    sym = normalise_symbol(symbol) if symbol else None
    trips = await journal.trips(user=user, account=account, symbol=sym)
    return [
        t
        for t in trips
        if (start is None or _day(t) >= start)
        and (end is None or _day(t) <= end)
        and (tag is None or tag.lower() in t.tags)
    ]


def _fill(e: Execution, id_: int = 0) -> FillOut:
    return FillOut(
        id_, e.account, e.symbol, e.ts_ms, e.side, e.quantity, e.price, e.commission, e.fees, e.key
    )


@router.post(
    "/imports",
    responses={
        **json_response(ImportResponse),
        422: {
            "description": "Rows with errors (nothing stored), or invalid form fields",
            "content": {
                "application/json": {"schema": {"anyOf": [ref(ImportResponse), ref(ErrorBody)]}}
            },
        },
    },
    summary="Import a fill file",
)
async def import_fills(
    user: CurrentUser,
    journal: JournalDep,
    components: ComponentsDep,
    file: Annotated[UploadFile, File(description="The broker's CSV")],
    format: Annotated[Literal["auto", "generic", "ibkr", "tos"], Form()] = "auto",
    tz: Annotated[str | None, Form(description="IANA time zone of the file's times")] = None,
    account: Annotated[str | None, Form(max_length=64, description="Account of every fill")] = None,
    preview: Annotated[bool, Form(description="Only show what would be imported")] = False,
) -> Response:
    """Read a fill file (generic, IBKR Flex trades, thinkorswim statement) all or nothing:
    with any row error nothing is stored; importing the same file again stores nothing."""
    limit = components.settings.journal_max_import_bytes
    data = await file.read(limit + 1)
    text = decode(data, limit)
    tz_name = tz or components.settings.journal_tz
    zone(tz_name)
    fmt = None if format == "auto" else JournalFormat(format)
    result = await asyncio.to_thread(
        parse_fills, text, tz=tz_name, account=account or None, fmt=fmt
    )
    added = already = 0
    import_id = None
    if result.ok and not preview:
        meta = ImportMeta(
            result.format,
            tz_name,
            file.filename or "upload",
            hashlib.sha256(data).hexdigest(),
            result.rows,
            account,
        )
        stored = await journal.store_fills(
            result.executions, user=user, meta=meta, now_ms=components.clock_ms()
        )
        added, already, import_id = stored.added, stored.already_stored, stored.import_id
    body = ImportResponse(
        format=result.format,
        rows=result.rows,
        preview=preview,
        ok=result.ok,
        fill_count=len(result.executions),
        fills=[_fill(e) for e in result.executions[:PREVIEW_FILLS]],
        error_count=result.error_count,
        errors=[RowIssue(e.line, e.message) for e in result.errors],
        warnings=[RowIssue(w.line, w.message) for w in result.warnings],
        added=added,
        already_stored=already,
        import_id=import_id,
        trades=len(group_round_trips(result.executions)),
    )
    return MsgspecResponse(body, status_code=200 if result.ok else 422)


@router.post(
    "/fills",
    status_code=201,
    responses=json_response(FillsOut, 201),
    openapi_extra=json_body(FillsIn),
    summary="Enter fills by hand",
)
async def add_fills(
    request: Request, user: CurrentUser, journal: JournalDep, components: ComponentsDep
) -> Response:
    """One fill, or a whole trade as its fills; always new fills."""
    body = await decode_body(request, FillsIn, MAX_BODY_BYTES)
    fills = [_manual(f) for f in body.fills]
    if not fills:
        raise ApiError(422, "fills: at least one fill", "fills")
    stored = await journal.add_manual(fills, user=user, now_ms=components.clock_ms())
    return MsgspecResponse(FillsOut(stored.added), status_code=201)


def _manual(f: FillIn) -> Execution:
    if f.quantity <= 0 or f.price <= 0 or f.commission < 0 or f.fees < 0:
        raise ApiError(
            422, "fills: quantity and price must be positive, costs not negative", "fills"
        )
    if not f.account.strip() or len(f.account) > 64:
        raise ApiError(422, "fills: account must be 1 to 64 characters", "account")
    return Execution(
        f.account.strip(),
        normalise_symbol(f.symbol),
        f.ts_ms,
        f.side,
        f.quantity,
        f.price,
        commission=f.commission,
        fees=f.fees,
    )


@router.get("/trades", responses=json_response(TradesResponse), summary="Round trips")
async def list_trades(
    user: CurrentUser,
    journal: JournalDep,
    start: FromDay = None,
    end: ToDay = None,
    account: AccountQ = None,
    symbol: SymbolQ = None,
    tag: TagQ = None,
) -> Response:
    """Trades grouped flat to flat, newest first, filtered by New York day range,
    account, symbol and tag."""
    trips = await _trips(
        journal, user, start=start, end=end, account=account, symbol=symbol, tag=tag
    )
    ordered = sorted(trips, key=lambda t: (t.trip.opened_ms, t.id), reverse=True)[:MAX_TRADES]
    return MsgspecResponse(TradesResponse([_trade(t) for t in ordered]))


async def _one(journal: JournalDep, user: str, trade_id: int) -> StoredTrip:
    for t in await journal.trips(user=user):
        if t.id == trade_id:
            return t
    raise ApiError(404, f"no trade {trade_id}", "id")


@router.get("/trades/{trade_id}", responses=json_response(TradeOut), summary="One trade")
async def get_trade(trade_id: TradeId, user: CurrentUser, journal: JournalDep) -> Response:
    """A trade with every execution (leg)."""
    return MsgspecResponse(_trade(await _one(journal, user, trade_id)))


@router.get(
    "/trades/{trade_id}/excursion",
    responses=json_response(Excursion),
    summary="MAE/MFE from our bars",
)
async def trade_excursion(
    trade_id: TradeId, user: CurrentUser, journal: JournalDep, components: ComponentsDep
) -> Response:
    """MAE/MFE over the holding period from the stored 1-minute bars, or why not (bars
    missing for the span)."""
    t = await _one(journal, user, trade_id)
    ring, symbol = components.ring, t.trip.symbol
    oldest = await ring.since_seq(symbol, -1, limit=1)
    newest = await ring.last(symbol)
    covered = (oldest[0].seq, newest.seq) if oldest and newest else None
    first = t.trip.opened_ms // MINUTE_MS
    bars = await ring.since_seq(symbol, first - 1)
    result = excursion(t.trip, bars, covered=covered, stop=t.stop, now_ms=components.clock_ms())
    return MsgspecResponse(result)


@router.put(
    "/trades/{trade_id}",
    responses=json_response(TradeOut),
    openapi_extra=json_body(TradeMetaIn),
    summary="Set a trade's stop and tags",
)
async def set_trade(
    trade_id: TradeId,
    request: Request,
    user: CurrentUser,
    journal: JournalDep,
    components: ComponentsDep,
) -> Response:
    """The initial stop (gives the R-multiple) and tags (setup, mistake, emotion)."""
    body = await decode_body(request, TradeMetaIn, MAX_BODY_BYTES)
    await _one(journal, user, trade_id)
    if body.stop is not None and body.stop <= 0:
        raise ApiError(422, "stop: must be positive", "stop")
    tags = list(dict.fromkeys(t.strip().lower() for t in body.tags if t.strip()))
    await journal.set_trade_meta(
        trade_id, user=user, stop=body.stop, tags=tags, now_ms=components.clock_ms()
    )
    return MsgspecResponse(_trade(await _one(journal, user, trade_id)))


def _stats(trips: Sequence[StoredTrip]) -> Stats:
    return compute_stats(
        [t.trip for t in trips],
        tags={t.trip.id: t.tags for t in trips},
        r_multiples={t.trip.id: t.r_multiple for t in trips if t.r_multiple is not None},
    )


@router.get("/stats", responses=json_response(Stats), summary="Statistics")
async def stats(
    user: CurrentUser,
    journal: JournalDep,
    start: FromDay = None,
    end: ToDay = None,
    account: AccountQ = None,
    symbol: SymbolQ = None,
    tag: TagQ = None,
) -> Response:
    """Win rate, averages, expectancy, profit factor, average R, P&L by New York day,
    symbol, tag and hour, and the equity curve, over the filtered closed trades."""
    trips = await _trips(
        journal, user, start=start, end=end, account=account, symbol=symbol, tag=tag
    )
    return MsgspecResponse(_stats(trips))


@router.get("/insights", responses=json_response(InsightsResponse), summary="Insights")
async def get_insights(
    user: CurrentUser,
    journal: JournalDep,
    signals: SignalsDep,
    start: FromDay = None,
    end: ToDay = None,
    account: AccountQ = None,
) -> Response:
    """Rule-based sentences with their numbers about the filtered trades."""
    trips = await _trips(journal, user, start=start, end=end, account=account)
    fired = await signals.list_signals(user=user, limit=10_000)
    said = insights([t.trip for t in trips], signals=fired, tags={t.trip.id: t.tags for t in trips})
    return MsgspecResponse(InsightsResponse(said))


@router.get(
    "/recap",
    responses={
        200: {
            "description": "The recap (JSON), or its Markdown export with format=md",
            "content": {
                "application/json": {"schema": ref(Recap)},
                "text/markdown": {"schema": {"type": "string"}},
            },
        }
    },
    summary="Daily recap",
)
async def recap(
    user: CurrentUser,
    journal: JournalDep,
    entries: EntriesDep,
    signals: SignalsDep,
    day: Annotated[str, Query(alias="date", pattern=DAY_QUERY, description="New York day")],
    format: Annotated[Literal["json", "md"], Query(description="md: the Markdown export")] = "json",
) -> Response:
    """The day's alerts, trades and P&L, the rules acted on, notes and insights."""
    check_day(day)
    trips = await journal.trips(user=user)
    built = build_recap(
        day,
        [t.trip for t in trips],
        signals=await signals.list_signals(user=user, limit=10_000),
        entries=await entries.list_entries(user=user, day=day, limit=1_000),
        tags={t.trip.id: t.tags for t in trips},
    )
    if format == "md":
        return Response(
            built.markdown,
            media_type="text/markdown",
            headers={"Content-Disposition": f'attachment; filename="recap-{day}.md"'},
        )
    return MsgspecResponse(built)
