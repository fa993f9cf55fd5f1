#!/usr/bin/env python3
"""Every figure of issue 9 (scale and server cost), for two dxtop binaries side by side.

One command:

    python3 bench/scale_bench.py --binary .build-release/release/dxtop \
        --baseline /work/bench-baseline/dxtop-before-issue9 [--sizes 1000,10000,100000] [--out result.json]

Both binaries run against the simulator of `--simulator` (default: `--binary`), so the server is the
same for both (an older simulator cannot hold 100,000 jobs cheaply, count its traffic or burst).
Server-side counts (requests, bytes of answers) come from the simulator's `GET /simulator/traffic`;
the dashboard's CPU and memory from /proc; terminal bytes and key latencies from the pty it draws on.

Per size (1k, 10k, 100k jobs; dashboard in a 200x50 pty):
  - `G` held until the oldest job: `G` pressed again whenever the screen is quiet, until the server
    has answered a page shorter than asked (the end of the history) and the screen is quiet again:
    wall time, dashboard CPU, the simulator's CPU, requests, and what the dashboard passed to
    write()/read() and wrote to disk over the walk (/proc/PID/io: the history cache's filing),
    and its CPU by thread name;
  - RSS with every job loaded;
  - filter keystrokes with every job loaded: key -> first byte of the answer, p50 / p95;
  - selection moves (`j`/`k`) with every job loaded: key -> first byte, p50 / p95;
  - `jobs list --all --json`: wall time, peak RSS, requests.
Once (largest size): `j` held across 1,000 jobs (a key every 20 ms): configuration requests.
Burst: 2,000 running jobs all loaded, then 1,000 status changes over 1 s (`POST /simulator/burst`):
  dashboard CPU and subscription PUTs; a second burst under strace counts the terminal writes and
  the frames they make (writes less than 5 ms apart).
Idle: 7 jobs, 60 s with nothing happening: requests and bytes of answers, terminal bytes, CPU.
"""
import argparse, json, os, re, signal, statistics, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dashboard_bench import pct  # noqa: E402
import scale_parts  # noqa: E402
from scale_parts import Dashboard, Simulator, delta  # noqa: E402

OLDEST_LIMIT = 600.0


def until_oldest(dash, sim):
    """`G` held until the oldest job is listed (at most OLDEST_LIMIT s); wall, CPU and requests."""
    limit = OLDEST_LIMIT
    before, cpu0, server0, io0, threads0 = sim.traffic(), dash.cpu(), sim.cpu(), dash.io(), dash.thread_cpu()
    start = time.perf_counter()
    last = start
    while time.perf_counter() - start < limit:
        dash.key("G")
        _, _, seen, _ = dash.drain(0.15, 30)
        last = seen or last
        if sim.traffic()["listsReachingOldest"] > before["listsReachingOldest"]:
            _, _, seen, _ = dash.drain(0.3, 60)
            last = seen or last
            break
    after = sim.traffic()
    reached = after["listsReachingOldest"] > before["listsReachingOldest"]
    return {"wall_s": round(last - start, 2), "cpu_s": round(dash.cpu() - cpu0, 2),
            "server_cpu_s": round(sim.cpu() - server0, 2), "reached_oldest": reached,
            # The history cache's filing (the answers' bytes are in read_calls_mb too).
            "dashboard_io_mb": {k: round(v - io0[k], 1) for k, v in dash.io().items()},
            "dashboard_cpu_by_thread_s": {k: round(v - threads0.get(k, 0), 2) for k, v in dash.thread_cpu().items() if v - threads0.get(k, 0) >= 0.01},
            **delta(before, after)}


def ms(values):
    return {"p50_ms": round(statistics.median(values), 2), "p95_ms": round(pct(values, 95), 2), "samples": len(values)}


def dashboard_at(binary, sim_binary, jobs, hold_j):
    with Simulator(sim_binary, jobs) as sim:
        dash = Dashboard(binary, sim)
        try:
            result = {"simulator_startup_s": sim.startup_s}
            result["until_oldest"] = until_oldest(dash, sim)
            result["rss_mb_all_loaded"] = dash.rss_mb()
            result["simulator_rss_mb"] = sim.rss_mb()
            dash.key("/")
            dash.drain(0.3, 10)
            typed = "agent queue"
            keys = (list(typed) + ["\x7f"] * len(typed)) * 2
            result["filter_keystroke"] = ms(dash.latencies(keys, quiet=0.1))
            dash.key("\x1b")  # clear the filter, leave the prompt
            dash.drain(0.5, 10)
            dash.key("g")
            dash.drain(0.5, 10)
            moves = ["j" if (i // 20) % 2 == 0 else "k" for i in range(200)]
            result["key_answer"] = ms(dash.latencies(moves))
            if hold_j:
                dash.key("g")
                dash.drain(0.5, 10)
                before, start = sim.traffic(), time.perf_counter()
                for _ in range(1000):
                    dash.key("j")
                    time.sleep(0.02)  # key repeat: a key every 20 ms
                    dash.drain(0, 0.001)
                dash.drain(1.0, 60)
                result["hold_j_1000"] = {"wall_s": round(time.perf_counter() - start, 1), **delta(before, sim.traffic())}
            return result
        finally:
            dash.quit()


def cli_list(binary, sim_binary, jobs):
    with Simulator(sim_binary, jobs) as sim:
        env = dict(os.environ, ICWS_SERVER=sim.url, ICWS_USER="admin", ICWS_PASSWORD="admin-secret")
        before, start = sim.traffic(), time.perf_counter()
        process = subprocess.Popen([binary, "jobs", "list", "--all", "--json"], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        return {"wall_s": round(wall, 2), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
                "exit_status": os.waitstatus_to_exitcode(status), **delta(before, sim.traffic())}


def burst(binary, sim_binary, changes=1000, running=2000):
    with Simulator(sim_binary, running, active=running) as sim:
        dash = Dashboard(binary, sim)
        try:
            until_oldest(dash, sim)
            dash.key("g")  # the burst moves the newest jobs: have them on screen
            dash.drain(1.0, 30)
            before, cpu0 = sim.traffic(), dash.cpu()
            made = sim.burst(changes, 1)
            out, _, _, reads = dash.drain(0.5, 60)
            result = {"changes": made, "cpu_s": round(dash.cpu() - cpu0, 3), "terminal_bytes": len(out),
                      "pty_reads": reads, **delta(before, sim.traffic())}
            result["terminal_writes"], result["frames"] = terminal_writes_during_burst(dash, sim, changes)
            return result
        finally:
            dash.quit()


FRAME_GAP_S = 0.005


def terminal_writes_during_burst(dash, sim, changes):
    """A second burst with strace attached: write(2) calls on the terminal (fd 1), and frames.
    curses flushes at every cursor jump, so a frame is several writes; frames are at least
    `DashboardRuntime.frameInterval` (17 ms) apart unless a key is drawn at once, so writes less
    than FRAME_GAP_S apart are counted as one frame (a frame preempted for longer counts twice)."""
    trace = f"/tmp/dxtop-bench-strace-{os.getpid()}.txt"
    tracer = subprocess.Popen(["strace", "-f", "-qq", "-ttt", "-e", "trace=write", "-e", "signal=none", "-o", trace,
                               "-p", str(dash.pid)], stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)  # strace attaches to every thread before the burst starts
        sim.burst(changes, 1)
        dash.drain(0.5, 60)
    finally:
        tracer.send_signal(signal.SIGINT)
        tracer.wait(timeout=30)
    with open(trace) as f:
        times = [float(line.split()[1]) for line in f if re.search(r"\bwrite\(1,", line)]
    os.unlink(trace)
    frames = sum(1 for i, t in enumerate(times) if i == 0 or t - times[i - 1] > FRAME_GAP_S)
    return len(times), frames


def idle(binary, sim_binary, seconds=60):
    with Simulator(sim_binary, 7) as sim:
        dash = Dashboard(binary, sim, cols=120, rows=40)
        try:
            dash.drain(2.0, 30)
            before, cpu0 = sim.traffic(), dash.cpu()
            out, _, _, _ = dash.drain(seconds, seconds)
            return {"seconds": seconds, "terminal_bytes": len(out), "cpu_s": round(dash.cpu() - cpu0, 3),
                    **delta(before, sim.traffic())}
        finally:
            dash.quit()


PARTS = ("dashboard", "hold-j", "cli", "burst", "idle")


def measure(binary, sim_binary, sizes, idle_seconds, parts=PARTS):
    result = {"binary": binary, "sizes": {}}
    for jobs in sizes:
        print(f"  {os.path.basename(binary)}: {jobs} jobs", file=sys.stderr)
        row = {}
        if "dashboard" in parts:
            row = dashboard_at(binary, sim_binary, jobs, hold_j="hold-j" in parts and jobs == max(sizes))
        if "cli" in parts:
            row["cli_list_all_json"] = cli_list(binary, sim_binary, jobs)
        result["sizes"][str(jobs)] = row
    if "burst" in parts:
        print(f"  {os.path.basename(binary)}: burst", file=sys.stderr)
        result["burst"] = burst(binary, sim_binary)
    if "idle" in parts:
        print(f"  {os.path.basename(binary)}: idle {idle_seconds} s", file=sys.stderr)
        result["idle"] = idle(binary, sim_binary, idle_seconds)
    return result


def table(before, after, sizes):
    big = str(max(sizes))
    b, a = before["sizes"][big], after["sizes"][big]
    n = f"{int(big):,}"

    def oldest(r):
        u = r["until_oldest"]
        cut = "" if u.get("reached_oldest", True) else " (stopped at the limit, oldest not reached)"
        return f"{u['wall_s']} s, {u['cpu_s']} s CPU, {u['requests']:,} requests{cut}"

    def cli(r):
        c = r["cli_list_all_json"]
        return f"{c['wall_s']} s, {c['peak_rss_mb']} MB, {c['requests']:,} requests"

    def burst_text(r):
        x = r["burst"]
        return (f"{x['changes']:,} changes: {x['cpu_s']} s CPU, {x.get('frames', '?')} frames in {x['terminal_writes']} terminal writes "
                f"({x['terminal_bytes']:,} B), {x['subscription_puts']} subscription PUTs")

    def idle_text(r):
        x = r["idle"]
        return (f"{x['requests']} requests, {x['answer_bytes']:,} B of answers; terminal {x['terminal_bytes']} B, "
                f"{x['cpu_s']} s CPU")

    hold = lambda r: f"{r['hold_j_1000']['config_requests']} configuration requests ({r['hold_j_1000']['requests']} in all)"
    rows = [
        (f"{n} jobs: `G` held until the oldest job", oldest(b), oldest(a)),
        (f"{n} loaded: filter keystroke p50 / p95", f"{b['filter_keystroke']['p50_ms']} / {b['filter_keystroke']['p95_ms']} ms",
         f"{a['filter_keystroke']['p50_ms']} / {a['filter_keystroke']['p95_ms']} ms"),
        (f"{n} loaded: RSS", f"{b['rss_mb_all_loaded']} MB", f"{a['rss_mb_all_loaded']} MB"),
        (f"CLI `jobs list --all --json`, {n} jobs", cli(b), cli(a)),
        ("`j` held across 1,000 jobs", hold(b), hold(a)),
        ("1,000 status changes in one second (SSE)", burst_text(before), burst_text(after)),
        ("idle minute, 7 jobs listed", idle_text(before), idle_text(after)),
        (f"key answer p50 / p95 at 200x50, {n} loaded", f"{b['key_answer']['p50_ms']} / {b['key_answer']['p95_ms']} ms",
         f"{a['key_answer']['p50_ms']} / {a['key_answer']['p95_ms']} ms"),
    ]
    lines = ["| measure | before | after |", "|---|---|---|"] + [f"| {m} | {x} | {y} |" for m, x, y in rows]
    lines += ["", "| jobs | binary | `G` to oldest (wall, CPU, requests) | filter p50/p95 | RSS loaded | key p50/p95 | CLI --all --json (wall, RSS, requests) | simulator start, RSS |",
              "|---|---|---|---|---|---|---|---|"]
    for jobs in sizes:
        for name, r in (("before", before), ("after", after)):
            s = r["sizes"][str(jobs)]
            u, c, f, k = s["until_oldest"], s["cli_list_all_json"], s["filter_keystroke"], s["key_answer"]
            lines.append(f"| {jobs:,} | {name} | {u['wall_s']} s, {u['cpu_s']} s, {u['requests']:,} | {f['p50_ms']} / {f['p95_ms']} ms "
                         f"| {s['rss_mb_all_loaded']} MB | {k['p50_ms']} / {k['p95_ms']} ms | {c['wall_s']} s, {c['peak_rss_mb']} MB, {c['requests']:,} "
                         f"| {s['simulator_startup_s']} s, {s['simulator_rss_mb']} MB |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=".build-release/release/dxtop", help="the dxtop to measure")
    ap.add_argument("--baseline", help="the dxtop to compare with (omit: measure --binary alone)")
    ap.add_argument("--simulator", help="the dxtop whose `simulate` serves both (default: --binary)")
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--idle", type=float, default=60.0, help="seconds of the idle window")
    ap.add_argument("--oldest-limit", type=float, default=600.0, help="longest `G` is held, in seconds")
    ap.add_argument("--out", help="also write the JSON here")
    ap.add_argument("--parts", default=",".join(PARTS),
                    help=f"which parts to run (default all: {','.join(PARTS)}); the table needs all")
    ap.add_argument("--series-history", action="store_true",
                    help="the simulator's realistic history (a few hundred series) instead of random jobs (one series per job)")
    args = ap.parse_args()
    scale_parts.SERIES_HISTORY = args.series_history
    sizes = [int(s) for s in args.sizes.split(",")]
    parts = args.parts.split(",")
    if unknown := set(parts) - set(PARTS):
        ap.error(f"unknown parts: {', '.join(sorted(unknown))}")
    global OLDEST_LIMIT
    OLDEST_LIMIT = args.oldest_limit
    sim_binary = args.simulator or args.binary
    results = {}
    if args.baseline:
        print("baseline:", file=sys.stderr)
        results["before"] = measure(args.baseline, sim_binary, sizes, args.idle, parts)
    print("binary:", file=sys.stderr)
    results["after"] = measure(args.binary, sim_binary, sizes, args.idle, parts)
    if args.out:
        with open(args.out, "w") as f:
            json.dump(results, f, indent=2)
    print(json.dumps(results, indent=2))
    if args.baseline and set(parts) == set(PARTS):
        print()
        print(table(results["before"], results["after"], sizes))


if __name__ == "__main__":
    main()
