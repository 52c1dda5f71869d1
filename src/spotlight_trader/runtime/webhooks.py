"""WebhookDispatcher: POSTs newly stored signals to their webhook (the rule's, else the
user's), signed, with a 3 s timeout, retried with backoff under the signal's idempotency
key; every attempt goes to the delivery log. Neither the URL nor the secret is logged."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Sequence

import httpx
import structlog

from spotlight_trader.model import Signal
from spotlight_trader.rules.webhooks import (
    KEY_HEADER,
    SIGNATURE_HEADER,
    TIMEOUT_S,
    TIMESTAMP_HEADER,
    backoff_s,
    body,
    retryable,
    signature,
)
from spotlight_trader.storage.webhooks import Delivery, WebhookRepository
from spotlight_trader.tasks import cancel_and_wait

log = structlog.get_logger(__name__)

QUEUE_LIMIT = 10_000  # signals waiting for delivery
CONCURRENCY = 16  # deliveries in flight (a stalled receiver must not hold up the others)


class WebhookDispatcher:
    """Delivers signals handed to :meth:`submit` (the engine's stored-signal listener)."""

    def __init__(
        self,
        repository: WebhookRepository,
        *,
        attempts: int = 4,
        backoff_base_s: float = 1.0,
        clock_ms: Callable[[], int] = lambda: int(time.time() * 1000),
    ) -> None:
        self.repository = repository
        self.attempts = attempts
        self.backoff_base_s = backoff_base_s
        self.clock_ms = clock_ms
        self.delivered = 0  # signals a receiver accepted (2xx)
        self.failed = 0  # signals given up on
        self.dropped = 0  # signals the queue had no room for
        self._queue: asyncio.Queue[Signal] = asyncio.Queue(QUEUE_LIMIT)
        self._task: asyncio.Task[None] | None = None
        self._inflight: set[asyncio.Task[None]] = set()
        self._busy = 0  # signals submitted and not finished
        self._client: httpx.AsyncClient | None = None

    def submit(self, signals: Sequence[Signal]) -> None:
        """Queue signals for delivery (never blocks; counted when the queue is full)."""
        for signal in signals:
            try:
                self._queue.put_nowait(signal)
            except asyncio.QueueFull:
                self.dropped += 1
            else:
                self._busy += 1

    @property
    def idle(self) -> bool:
        """Every signal submitted so far is delivered or given up on."""
        return self._busy == 0

    async def start(self) -> None:
        """Start delivering."""
        self._client = httpx.AsyncClient(timeout=TIMEOUT_S, follow_redirects=False)
        self._task = asyncio.create_task(self._run(), name="webhooks")

    async def stop(self) -> None:
        """Stop; deliveries in flight are cancelled."""
        await cancel_and_wait(self._task)
        self._task = None
        for task in list(self._inflight):
            await cancel_and_wait(task)
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def _run(self) -> None:
        slots = asyncio.Semaphore(CONCURRENCY)
        while True:
            signal = await self._queue.get()
            await slots.acquire()
            task = asyncio.create_task(self._guarded(signal, slots))
            self._inflight.add(task)
            task.add_done_callback(self._inflight.discard)

    async def _guarded(self, signal: Signal, slots: asyncio.Semaphore) -> None:
        try:
            await self.deliver(signal)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # one broken delivery must not stop the others
            self.failed += 1
            log.error("webhook delivery error", rule_id=signal.rule_id, error=type(exc).__name__)
        finally:
            self._busy -= 1
            slots.release()

    async def deliver(self, signal: Signal) -> list[Delivery]:
        """Deliver one signal (if its rule or user has an enabled webhook); the attempts."""
        target = await self.repository.target_for(signal.rule_id, user=signal.user_id)
        if target is None or self._client is None:
            return []
        content = body(target.template, signal)
        done: list[Delivery] = []
        for attempt in range(1, self.attempts + 1):
            now = self.clock_ms()
            headers = {"Content-Type": "application/json", KEY_HEADER: signal.key}
            headers[TIMESTAMP_HEADER] = str(now)
            if target.secret:
                headers[SIGNATURE_HEADER] = signature(target.secret, now, content)
            started = time.perf_counter()
            status: int | None = None
            error: str | None = None
            try:
                response = await self._client.post(target.url, content=content, headers=headers)
                status = response.status_code
            except httpx.TimeoutException:
                error = f"timeout after {TIMEOUT_S:g} s"
            except httpx.HTTPError as exc:
                error = type(exc).__name__  # never the message: it can carry the URL
            delivery = Delivery(
                rule_id=signal.rule_id,
                signal_key=signal.key,
                attempt=attempt,
                status_code=status,
                error=error,
                at_ms=now,
                duration_ms=round((time.perf_counter() - started) * 1000),
            )
            done.append(delivery)
            with contextlib.suppress(Exception):  # the log must not stop a delivery
                await self.repository.record(delivery, user=signal.user_id)
            if status is not None and 200 <= status < 300:
                self.delivered += 1
                return done
            if not retryable(status) or attempt == self.attempts:
                break
            log.info("webhook attempt failed", rule_id=signal.rule_id, status=status, error=error)
            await asyncio.sleep(backoff_s(attempt, self.backoff_base_s))
        self.failed += 1
        log.warning("webhook delivery failed", rule_id=signal.rule_id, attempts=len(done))
        return done
