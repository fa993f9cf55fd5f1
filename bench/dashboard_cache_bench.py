#!/usr/bin/env python3
"""The dashboard's start from the history cache (docs/performance.md, "Dashboard warm start").

    python3 bench/dashboard_cache_bench.py --binary .build/debug/dxtop [--jobs 10000,100000]

For each size: `dxtop simulate --series-history --jobs N` (frozen clock) and a fresh XDG_CACHE_HOME.
A cold run of the dashboard (200x50 pty) walks the history with `G` (filing it in the cache), waits
until the cache says it holds the whole history (how long after the walk: the filing's lag), then
quits. Then a warm start and a `--no-cache` start; for each, from exec: the first byte on the
terminal, the first whole frame listing jobs (first paint) and the first whole frame listing every
job (history ready; frames asked for with Ctrl-L every 0.1 s, so to within 0.1 s); the requests
the simulator served meanwhile (job lists and jobs by id apart) and the resident memory then.
"""
import argparse, json, os, re, select, sqlite3, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scale_parts  # noqa: E402
from scale_bench import until_oldest  # noqa: E402
from scale_parts import Dashboard, Simulator, delta  # noqa: E402

COUNT = re.compile(rb"(\d+)/(\d+) jobs")
# A whole repaint (Ctrl-L) begins by clearing the screen.
CLEAR = b"\x1b[2J"
# curses rewrites only the cells that changed (the count's digits, not " jobs"): the job count is
# read from whole frames, asked for with Ctrl-L (a full repaint) every STEP seconds.
STEP = 0.1


def watch_start(dash, total, limit):
    """Times (from exec) of the first byte, of the first whole frame listing jobs, and of the first
    whole frame listing `total` (nil if `limit` s pass first), each the time the bytes holding the
    count arrived (a dashboard drawing without pause, as during a restore in slices, would
    otherwise be timed at the end of its burst); and how long each Ctrl-L sent before then waited
    for its repaint to begin (the keys' answer during the restore). Then reads until quiet."""
    first_byte = first_paint = ready = None
    waits = []
    deadline = dash.started + limit
    tail = b""
    sent = None
    while time.perf_counter() < deadline and ready is None:
        # A new Ctrl-L only once the last one is answered, so a slow answer is timed whole.
        if first_byte is not None and sent is None:
            dash.key("\x0c")
            sent = time.perf_counter()
        step_end = time.perf_counter() + STEP
        while ready is None:
            now = time.perf_counter()
            r, _, _ = select.select([dash.fd], [], [], max(0, step_end - now))
            if not r:
                break
            chunk = os.read(dash.fd, 65536)
            if not chunk:
                break
            at = time.perf_counter()
            first_byte = first_byte or at
            seen = tail + chunk
            if sent is not None and CLEAR in seen:
                waits.append((at - sent) * 1000)
                sent = None
            counts = [int(m.group(2)) for m in COUNT.finditer(seen)]
            if counts and max(counts) > 0 and first_paint is None:
                first_paint = at
            if counts and max(counts) >= total:
                ready = at
            tail = seen[-64:]
            if time.perf_counter() >= step_end:
                break
    if sent is not None and ready is not None:
        # The key sent before the history was ready: timed until its repaint begins.
        answered, _, at, _ = dash.drain(0.5, 10)
        if CLEAR in answered and at is not None:
            waits.append((at - sent) * 1000)
    dash.drain(1.0, 30)
    waits.sort()
    keys = {"ctrl_l_during_start": len(waits), "p50_ms": round(waits[len(waits) // 2], 1) if waits else None,
            "max_ms": round(waits[-1], 1) if waits else None}
    return first_byte, first_paint, ready, keys


def whole_history_filed(home, limit=300):
    """Seconds until the cache says it holds the whole history (the pages the walk read are filed
    on the store's queue, behind the walk); nil if `limit` passes first."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        for name in os.listdir(os.path.join(home, "dxtop")):
            if name.endswith(".sqlite"):
                with sqlite3.connect(os.path.join(home, "dxtop", name), timeout=30) as db:
                    row = db.execute("SELECT value FROM meta WHERE key = 'wholeHistory'").fetchone()
                if row and row[0] == "1":
                    return round(time.perf_counter() - start, 2)
        time.sleep(0.2)  # polling a file another process writes: nothing to wait on
    return None


def start(binary, sim, home, total, args=()):
    before = sim.traffic()
    dash = Dashboard(binary, sim, env_extra={"XDG_CACHE_HOME": home}, args=args, wait=False)
    try:
        first_byte, first_paint, ready, keys = watch_start(dash, total, 20)
        cost = delta(before, sim.traffic())
        jobs = sum(v for k, v in cost["by_kind"].items() if k.startswith("GET data-extractor/jobs"))
        ms = lambda t: round((t - dash.started) * 1000) if t else None  # noqa: E731
        return {"first_byte_ms": ms(first_byte), "first_listing_ms": ms(first_paint), "history_ready_ms": ms(ready), "keys_until_ready": keys, "job_requests": jobs,
                "requests": cost["requests"], "by_kind": cost["by_kind"], "rss_mb": dash.rss_mb()}
    finally:
        dash.quit()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--jobs", default="10000,100000")
    args = parser.parse_args()
    scale_parts.SERIES_HISTORY = True
    out = []
    for jobs in [int(n) for n in args.jobs.split(",")]:
        with Simulator(args.binary, jobs) as sim, tempfile.TemporaryDirectory() as home:
            dash = Dashboard(args.binary, sim, env_extra={"XDG_CACHE_HOME": home})
            try:
                cold = until_oldest(dash, sim)
                cold["filed_after_walk_s"] = whole_history_filed(home)
                dash.key("\x0c")  # Ctrl-L: the whole frame again, its job count with it
                screen, _, _, _ = dash.drain(0.5, 10)
                total = max(int(m.group(2)) for m in COUNT.finditer(screen))
            finally:
                dash.quit()
            run = {"jobs": jobs, "listed": total, "cold_G_walk": {k: cold[k] for k in ("wall_s", "requests", "reached_oldest", "filed_after_walk_s")}}
            run["warm"] = start(args.binary, sim, home, total)
            run["no_cache"] = start(args.binary, sim, home, total, ["--no-cache"])
            out.append(run)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
