"""The voice coach in Chromium with a fake microphone, through the real /ws/realtime proxy
of ``spotlight serve`` to a fake GA Realtime upstream (tests/fakes/realtime_upstream.py)."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import threading
import time
import wave
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

import pytest
from playwright.sync_api import Browser, Page, Playwright, expect

from tests.browser.conftest import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    Server,
    guard_csp,
    serve_env,
)
from tests.conftest import free_port
from tests.fakes.realtime_upstream import FakeRealtime, UpstreamConn, example

pytestmark = pytest.mark.browser
T = TypeVar("T")

# The fake microphone loops this file: silence, a question, a long pause (the coach answers),
# an interruption spoken over the answer (the barge-in), silence. Speech is made with espeak-ng.
# Without the interruption (the Escape test), the silence after the question outlasts the test:
# nothing the microphone hears may race the key press.
QUESTION = "How is SPY doing?"
INTERRUPTION = "Wait, stop."
LEAD_S, PAUSE_S, TAIL_S = 0.5, 4.0, 3.0
QUIET_TAIL_S = 120.0


def espeak(text: str, path: Path) -> tuple[int, bytes]:
    if shutil.which("espeak-ng") is None:
        pytest.fail("espeak-ng is missing: apt-get install espeak-ng (.ci/run does this)")
    subprocess.run(["espeak-ng", "-w", str(path), text], check=True, timeout=30)
    with wave.open(str(path), "rb") as clip:
        assert clip.getnchannels() == 1 and clip.getsampwidth() == 2
        return clip.getframerate(), clip.readframes(clip.getnframes())


def write_speech_wav(path: Path, *, interrupt: bool = True) -> float:
    """Write the looped microphone file (with the interruption, or a question followed by a
    silence longer than any test); returns the seconds until the question ends."""
    rate, question = espeak(QUESTION, path.with_name("question.wav"))
    rate2, interruption = espeak(INTERRUPTION, path.with_name("interruption.wav"))
    assert rate == rate2

    def silence(seconds: float) -> bytes:
        return b"\x00\x00" * int(seconds * rate)

    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        after = silence(PAUSE_S) + interruption + silence(TAIL_S) if interrupt else b""
        out.writeframes(silence(LEAD_S) + question + (after or silence(QUIET_TAIL_S)))
    return LEAD_S + len(question) / 2 / rate


class ThreadedUpstream:
    """FakeRealtime on its own event loop thread (Playwright's sync API owns this one)."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.fake = FakeRealtime()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def __enter__(self) -> ThreadedUpstream:
        self._thread.start()
        self.call(self.fake.__aenter__)
        return self

    def __exit__(self, *exc: object) -> None:
        self.call(lambda: self.fake.__aexit__(None, None, None))
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(5)

    def call(self, fn: Callable[[], Awaitable[T]], timeout: float = 30) -> T:
        return asyncio.run_coroutine_threadsafe(fn(), self.loop).result(timeout)  # type: ignore[arg-type]

    def start(self, fn: Callable[[], Awaitable[T]]) -> Future[T]:
        return asyncio.run_coroutine_threadsafe(fn(), self.loop)  # type: ignore[arg-type]


@pytest.fixture
def upstream() -> Iterator[ThreadedUpstream]:
    with ThreadedUpstream() as up:
        yield up


@pytest.fixture
def voice_server(upstream: ThreadedUpstream, tmp_path: Path) -> Iterator[Server]:
    port = free_port()
    env = serve_env(
        tmp_path,
        OPENAI_API_KEY="sk-test-not-real",
        REALTIME_URL=upstream.fake.url,
        APP_ORIGIN=f"http://127.0.0.1:{port}",
        WATCHLIST="SPY,QQQ",
    )
    srv = Server(env, port)
    srv.start()
    yield srv
    srv.stop()
    srv.http.close()


@pytest.fixture
def mic_interrupts() -> bool:
    """Whether the microphone file speaks the interruption (a test parametrizes it off)."""
    return True


@pytest.fixture
def question_end_s(tmp_path: Path, mic_interrupts: bool) -> float:
    return write_speech_wav(tmp_path / "speech.wav", interrupt=mic_interrupts)


@pytest.fixture
def mic_page(playwright: Playwright, tmp_path: Path, question_end_s: float) -> Iterator[Page]:
    wav = tmp_path / "speech.wav"
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=[
            *CHROMIUM_ARGS,
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-audio-capture={wav}",
            "--autoplay-policy=no-user-gesture-required",
        ],
    )
    context = guard_csp(
        browser.new_context(permissions=["microphone"], viewport={"width": 1500, "height": 850})
    )
    page = context.new_page()
    yield page
    context.close()
    browser.close()


def voice(page: Page) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate("window.__spotlight.voice()")
    return result


def watch_states(page: Page, until: Callable[[], bool], timeout_s: float) -> list[str]:
    """The distinct coach-state texts seen (in order) until ``until()`` or the timeout."""
    seen: list[str] = []
    state = page.get_by_test_id("coach-state")
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        text = state.inner_text().strip()
        if not seen or seen[-1] != text:
            seen.append(text)
        if until():
            return seen
        page.wait_for_timeout(25)
    raise AssertionError(f"timed out; states seen: {seen}")


async def one_turn(fake: FakeRealtime, audio_chunks: int, question_end_s: float) -> UpstreamConn:
    """Once the mic streams and the question is over: the server hears speech, then the
    coach answers with ``audio_chunks`` × 20 ms of audio and keeps the response open."""
    conn = await fake.connection(0, wait_s=20)
    await conn.wait_for("input_audio_buffer.append", wait_s=20)
    await asyncio.sleep(question_end_s + 0.3)
    await conn.send(example("input_audio_buffer.speech_started", item_id="item_user_1"))
    await asyncio.sleep(0.2)
    await conn.send(example("input_audio_buffer.speech_stopped", item_id="item_user_1"))
    await asyncio.sleep(0.3)
    fake.hold_responses = True  # the answer stays active until the browser cancels it
    await conn.speak("resp_turn1", chunks=audio_chunks)
    return conn


def test_turn_then_barge_in_cancels_and_truncates_to_what_was_played(
    mic_page: Page, voice_server: Server, upstream: ThreadedUpstream, question_end_s: float
) -> None:
    page = mic_page
    page.goto(voice_server.url)
    expect(page.get_by_test_id("coach-state")).to_have_text("off", timeout=15_000)  # powered off
    page.get_by_test_id("coach-power").click()
    page.get_by_test_id("coach-mic").click()
    # 10 s of answer: the interruption comes PAUSE_S after the question, mid-answer
    turn = upstream.start(lambda: one_turn(upstream.fake, 500, question_end_s))

    watch_states(page, lambda: voice(page).get("lastTruncate") is not None, 30)
    conn = turn.result(5)
    page.screenshot(path=str(ARTIFACTS / "voice-barge-in.png"))

    # listening → thinking → speaking, then the barge-in takes it back to listening (the
    # client's own record of its transitions: sampling the screen could miss a short one)
    states = voice(page)["states"]
    order = [s for s in states if s in ("listening", "thinking", "speaking")]
    assert order[:3] == ["listening", "thinking", "speaking"], states
    assert "listening" in order[3:], states

    # the upstream got response.cancel, then a truncate clamped to what was played
    upstream.call(lambda: conn.wait_for("conversation.item.truncate", wait_s=5))
    types = conn.types()
    assert types.index("response.cancel") < types.index("conversation.item.truncate")
    truncate = next(e for e in conn.received if e["type"] == "conversation.item.truncate")
    hook = voice(page)["lastTruncate"]
    assert truncate["item_id"] == "item_resp_turn1"
    assert truncate["audio_end_ms"] == hook["audio_end_ms"]
    assert 0 < truncate["audio_end_ms"] <= hook["played_ms"] + 1
    assert truncate["audio_end_ms"] <= hook["received_ms"] == 500 * 20
    assert truncate["audio_end_ms"] < 10_000  # interrupted mid-answer

    # session.update went first upstream
    assert types[0] == "session.update"
    expect(page.get_by_test_id("coach-state")).to_have_text("idle", timeout=15_000)


@pytest.mark.parametrize("mic_interrupts", [False], ids=["quiet-mic"])
def test_escape_stops_the_coach_mid_sentence(
    mic_page: Page, voice_server: Server, upstream: ThreadedUpstream, question_end_s: float
) -> None:
    page = mic_page
    page.goto(voice_server.url)
    page.get_by_test_id("coach-power").click()
    page.get_by_test_id("coach-mic").click()
    # 10 s of answer, so that it is still playing when Escape comes on a loaded machine
    turn = upstream.start(lambda: one_turn(upstream.fake, 500, question_end_s))
    conn = turn.result(30)
    expect(page.get_by_test_id("coach-state")).to_have_text("speaking", timeout=15_000)
    page.wait_for_timeout(400)
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("coach-state")).not_to_have_text("speaking", timeout=10_000)
    upstream.call(lambda: conn.wait_for("response.cancel", wait_s=10))
    upstream.call(lambda: conn.wait_for("conversation.item.truncate", wait_s=10))
    sent = next(e for e in conn.received if e["type"] == "conversation.item.truncate")
    assert 0 < sent["audio_end_ms"] < 500 * 20


def test_bubble_without_a_key_explains_and_nothing_errors(browser: Browser, server: Server) -> None:
    context = guard_csp(browser.new_context(viewport={"width": 1500, "height": 850}))
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(server.url)
        expect(page.get_by_test_id("coach-state")).to_have_text("disabled", timeout=10_000)
        expect(page.get_by_test_id("coach-bubble")).to_contain_text("OPENAI_API_KEY")
        page.get_by_test_id("coach-power").click(force=True)
        page.wait_for_timeout(500)
        expect(page.get_by_test_id("coach-state")).to_have_text("disabled")
        page.screenshot(path=str(ARTIFACTS / "voice-disabled.png"))
        assert errors == []
    finally:
        context.close()
