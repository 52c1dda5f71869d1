"""``make bench``: run every benchmark, print figures, write bench/results.json."""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench import alerts, fanout, ingest, journal, limits, live, report, ring, voice

RESULTS = Path(__file__).with_name("results.json")


def main() -> None:
    """Run the benchmarks named on the command line (default: all)."""
    console = Console()
    wanted = set(sys.argv[1:]) or {
        "ingest",
        "live",
        "voice",
        "alerts",
        "fanout",
        "journal",
        "ring",
        "limits",
    }
    results: dict[str, object] = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
    }
    started = time.monotonic()
    if "ingest" in wanted:
        with console.status("ingest: encoding 1,000,000 trades as Polygon frames and measuring…"):
            figures = ingest.run()
        results["ingest"] = figures
        table = Table(title="Market data ingest (one core)")
        table.add_column("measure")
        table.add_column("value", justify="right")
        table.add_row("(a) parse-only, trades/s", f"{figures['parse_only_trades_per_s']:,}")
        table.add_row("(b) full ingest, trades/s", f"{figures['full_ingest_trades_per_s']:,}")
        table.add_row("(b)/(a)", f"{figures['ratio_full_over_parse']}")
        table.add_row("goal (b)", "≥ 1,000,000 trades/s")
        table.add_row("goal (b)/(a)", "≥ 0.5")
        table.add_row("bars / microbars", f"{figures['bars']:,} / {figures['microbars']:,}")
        console.print(table)
    if "live" in wanted:
        with console.status(
            "live: fake Polygon server process → WebSocket → PolygonFeed → bars → bus…"
        ):
            live_figures = live.run()
        results["live"] = live_figures
        burst, paced = live_figures["burst"], live_figures["paced"]
        table = Table(title="Live path: socket → PolygonFeed → bars → bus (client on one core)")
        table.add_column("measure")
        table.add_column("value", justify="right")
        table.add_row(
            f"sustained, {burst['trades']:,} trades as fast as read, trades/s (best)",
            f"{burst['sustained_trades_per_s']:,}",
        )
        table.add_row(f"  median of {burst['repeats']}", f"{burst['median_trades_per_s']:,}")
        table.add_row(
            "  max frame queue depth / overflows",
            f"{burst['max_queue_depth_frames']:,} / {burst['queue_overflows']}",
        )
        table.add_row(
            "  bars / microbars on the bus",
            f"{burst['bus_bars_delivered']:,} / {burst['bus_microbars_delivered']:,}",
        )
        table.add_row(
            f"offered {paced['offered_trades_per_s']:,} trades/s "
            f"for {paced['offered_seconds']:g} s: achieved",
            f"{paced['achieved_trades_per_s']:,}",
        )
        table.add_row(
            "  ingest lag p50 / p99 / max (ms)",
            f"{paced['lag_p50_ms']:g} / {paced['lag_p99_ms']:g} / {paced['lag_max_ms']:g}",
        )
        table.add_row(
            "  max frame queue depth / overflows",
            f"{paced['max_queue_depth_frames']:,} / {paced['queue_overflows']}",
        )
        console.print(table)
    if "voice" in wanted:
        with console.status(
            f"voice: {voice.SESSIONS} sessions × 24 kHz audio in 20 ms frames, direct vs via "
            "/ws/realtime…"
        ):
            vf = voice.run()
        results["voice"] = vf
        d, p = vf["direct"], vf["proxied"]
        table = Table(
            title=f"Voice proxy: {vf['sessions']} sessions, {vf['frame_ms']} ms PCM16 frames, "
            f"{vf['seconds']:g} s, median of {vf['rounds']} rounds (3 processes)"
        )
        table.add_column("measure")
        table.add_column("direct", justify="right")
        table.add_column("via proxy", justify="right")
        table.add_column("added", justify="right")
        table.add_row(
            "input audio frame latency p50 (ms)",
            f"{d['append_p50_ms']:.3f}",
            f"{p['append_p50_ms']:.3f}",
            f"{vf['added_p50_ms']:.3f}",
        )
        table.add_row(
            "input audio frame latency p99 (ms)",
            f"{d['append_p99_ms']:.3f}",
            f"{p['append_p99_ms']:.3f}",
            f"{vf['added_p99_ms']:.3f}",
        )
        table.add_row(
            "output audio delta latency p50 / p99 (ms)",
            f"{d['out_p50_ms']:.3f} / {d['out_p99_ms']:.3f}",
            f"{p['out_p50_ms']:.3f} / {p['out_p99_ms']:.3f}",
            f"{vf['added_out_p50_ms']:.3f} / {vf['added_out_p99_ms']:.3f}",
        )
        table.add_row(
            "response.cancel latency p50 / p99 (ms)",
            f"{d['cancel_p50_ms']:.3f} / {d['cancel_p99_ms']:.3f}",
            f"{p['cancel_p50_ms']:.3f} / {p['cancel_p99_ms']:.3f}",
            f"{vf['added_cancel_p50_ms']:.3f} / {vf['added_cancel_p99_ms']:.3f}",
        )
        table.add_row(
            "proxy CPU per session (% of a core)", "", f"{p['cpu_pct_of_core_per_session']}", ""
        )
        table.add_row("goal: added p99", "", "", "< 2 ms")
        console.print(table)
    if "alerts" in wanted:
        with console.status("alerts: 100 rules × 500 symbols at each minute boundary…"):
            alert_figures = alerts.run()
        results["alerts"] = alert_figures
        table = Table(title="Alerts: 100 active rules × 500 symbols per minute boundary")
        table.add_column("measure")
        for name in alert_figures:
            table.add_column(name, justify="right")
        rows = [
            ("evaluate all, ms (median)", "boundary_ms_median"),
            ("evaluate all, ms (p95)", "boundary_ms_p95"),
            ("evaluate all, ms (max)", "boundary_ms_max"),
            ("signals per minute", "signals_per_minute"),
            ("signals/s while evaluating", "signals_per_s"),
        ]
        for label, key in rows:
            table.add_row(label, *(f"{f[key]:,}" for f in alert_figures.values()))  # type: ignore[index]
        table.add_row("goal", *("< 50 ms" for _ in alert_figures))
        console.print(table)
    if "fanout" in wanted:
        with console.status(
            "fanout: SSE microbars to 1/100/1,000/5,000 clients, product vs a minimal "
            "Starlette loop…"
        ):
            fan = fanout.run()
        results["fanout"] = fan
        table = Table(title="SSE fan-out (server on one core, clients in another process)")
        for column in (
            "server",
            "clients",
            "delivered/s",
            "per client (share of lone)",
            "p50 / p99 ms",
            "CPU",
            "µs/event",
            "closed",
        ):
            table.add_column(column, justify="right")
        for kind in ("product", "baseline"):
            for row in fan[kind]["sizes"]:
                table.add_row(
                    kind,
                    f"{row['clients']:,}",
                    f"{row['delivered_per_s']:,}",
                    f"{row['per_client_min']} ({row['per_client_share_of_lone']})",
                    f"{row['latency_p50_ms']} / {row['latency_p99_ms']}",
                    f"{row['server_cpu_pct']} %",
                    f"{row['cpu_us_per_event']}",
                    f"{row['closed_by_server']}",
                )  # fmt: skip
        idle = fan["product"]["idle_1000"]
        table.add_row("product", "1,000 idle", "", "", "", "", "", "")
        console.print(table)
        console.print(
            f"RSS per idle connection {idle['rss_kb_per_connection']} KB (goal ≤ 30); "
            f"cost per event vs the minimal loop at 1,000 clients: "
            f"{fan.get('cost_ratio_1000')} (goal ≤ 1.5)"
        )
    if "journal" in wanted:
        with console.status("journal: importing 100,000 fills and searching 10,000 entries…"):
            jf = journal.run()
        results["journal"] = jf
        table = Table(title="Journal: import 100,000 rows (goal < 10 s), search p95 (goal < 50 ms)")
        for column in ("database", "parse s", "import total s", "search p50 ms", "search p95 ms"):
            table.add_column(column, justify="right")
        for db, f in jf.items():
            if "skipped" in f:
                table.add_row(db, "skipped", f["skipped"], "", "")
                continue
            table.add_row(
                db,
                f"{f['import_parse_s']}",
                f"{f['import_total_s']}",
                f"{f['search_p50_ms']}",
                f"{f['search_p95_ms']}",
            )
    if "ring" in wanted:
        with console.status("ring: a full ring per symbol in memory and on Redis…"):
            rings = ring.run()
        results["ring"] = rings
        table = Table(title=f"Ring of {rings['capacity']:,} bars per symbol")
        for column in ("backend", "bytes per symbol", "µs per append"):
            table.add_column(column, justify="right")
        for kind in ("memory", "redis"):
            sized = rings[kind]
            assert isinstance(sized, dict)
            table.add_row(kind, f"{sized['bytes_per_symbol']:,}", f"{sized['append_us']}")
        console.print(table)
    if "limits" in wanted:
        with console.status("limits: rate-limiter hits and slot acquire/release…"):
            limit_figures = limits.run()
        results["limits"] = limit_figures
        table = Table(title=f"Limits, {limit_figures['calls']:,} calls in turn")
        for column in ("backend", "µs per hit", "µs per acquire + release"):
            table.add_column(column, justify="right")
        for kind in ("memory", "redis"):
            timed = limit_figures[kind]
            assert isinstance(timed, dict)
            table.add_row(kind, f"{timed['hit_us']}", f"{timed['acquire_release_us']}")
        console.print(table)
    results["seconds"] = round(time.monotonic() - started, 1)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    console.print(f"wrote {RESULTS} and {report.render(results)} in {results['seconds']} s")


main()
