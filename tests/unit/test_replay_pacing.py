"""ReplayPacer: pacing under pause, resume, speed changes and jumps (pure, wall clock given)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spotlight_trader.errors import InputError
from spotlight_trader.feeds.pacing import ReplayPacer


def _play(pacer: ReplayPacer, instants: list[int], wall: float) -> float:
    """Deliver ``instants`` waiting as told; the wall time at the end."""
    for ms in instants:
        delay = pacer.delay(ms, wall)
        assert delay is not None
        wall += delay
        pacer.delivered(ms, wall)
    return wall


@settings(max_examples=50, derandomize=True, deadline=None)
@given(
    st.lists(st.integers(0, 600_000), min_size=2, max_size=30),
    st.floats(0.5, 500.0),
)
def test_wall_time_is_replay_time_over_speed(steps: list[int], speed: float) -> None:
    instants = [sum(steps[: i + 1]) for i in range(len(steps))]
    pacer = ReplayPacer(speed)
    end = _play(pacer, instants, 100.0)
    assert end - 100.0 == pytest.approx((instants[-1] - instants[0]) / 1000 / speed)


def test_pause_holds_and_resume_goes_on_from_where_it_was() -> None:
    pacer = ReplayPacer(10.0)
    wall = _play(pacer, [0, 10_000], 0.0)  # 1 s of wall time
    pacer.pause()
    assert pacer.delay(20_000, wall) is None
    wall += 3_600  # an hour paused: no catching up afterwards
    pacer.resume(wall)
    assert pacer.delay(20_000, wall) == pytest.approx(1.0)


def test_a_speed_change_applies_from_the_newest_instant() -> None:
    pacer = ReplayPacer(1.0)
    wall = _play(pacer, [0, 5_000], 0.0)
    pacer.set_speed(50.0, wall)
    assert pacer.delay(105_000, wall) == pytest.approx(2.0)
    pacer.set_speed(None, wall)
    assert pacer.delay(10_000_000, wall) == 0.0


def test_a_jump_runs_flat_out_to_its_target_then_paces_again() -> None:
    pacer = ReplayPacer(2.0)
    wall = _play(pacer, [0, 1_000], 0.0)
    pacer.pause()
    pacer.seek(60_000)  # also resumes
    assert not pacer.paused
    for ms in (2_000, 30_000, 59_999):
        assert pacer.delay(ms, wall) == 0.0
        pacer.delivered(ms, wall)
    assert pacer.delay(60_000, wall) == 0.0  # the target: anchored here
    assert pacer.seek_to_ms is None
    pacer.delivered(60_000, wall)
    assert pacer.delay(64_000, wall) == pytest.approx(2.0)
    with pytest.raises(InputError, match="cannot jump back"):
        pacer.seek(60_000)


@pytest.mark.parametrize("speed", [0.0, -1.0, float("nan"), float("inf"), 10_001.0])
def test_bad_speeds_are_refused(speed: float) -> None:
    with pytest.raises(InputError):
        ReplayPacer(speed)
    with pytest.raises(InputError):
        ReplayPacer(1.0).set_speed(speed, 0.0)
