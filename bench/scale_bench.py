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
    wall time, dashboard CPU, requests;
  - RSS with every job loaded;
  - filter keystrokes with every job loaded: key -> first byte of the answer, p50 / p95;
  - selection moves (`j`/`k`) with every job loaded: key -> first byte, p50 / p95;
  - `jobs list --all --json`: wall time, peak RSS, requests.
Once (largest size): `j` held across 1,000 jobs (a key every 20 ms): configuration requests.
Burst: 2,000 running jobs all loaded, then 1,000 status changes over 1 s (`POST /simulator/burst`):
  dashboard CPU and subscription PUTs; a second burst under strace counts the terminal writes.
Idle: 7 jobs, 60 s with nothing happening: requests and bytes of answers, terminal bytes, CPU.
"""
import argparse, json, os, pty, re, select, signal, socket, statistics, struct, subprocess, sys, termios, fcntl, time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dashboard_bench import free_port, cpu_seconds, pct  # noqa: E402

CONFIG_KIND = "GET data-extractor/jobs/{id}"
PUT_KIND = "PUT messaging/subscriptions/data-extractor/jobs-statuses"


class Simulator:
    """`dxtop simulate` on a free port, frozen job clock."""

    def __init__(self, binary, jobs, active=None):
        self.port = free_port()
        args = [binary, "simulate", "--port", str(self.port), "--jobs", str(jobs), "--speed", "0"]
        if active is not None:
            args += ["--active", str(active)]
        started = time.perf_counter()
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for line in self.process.stdout:
            if "listening" in line:
                break
        self.startup_s = round(time.perf_counter() - started, 2)
        self.url = f"http://127.0.0.1:{self.port}"

    def traffic(self):
        with urllib.request.urlopen(self.url + "/simulator/traffic", timeout=30) as answer:
            return json.load(answer)

    def burst(self, changes, seconds):
        request = urllib.request.Request(f"{self.url}/simulator/burst?changes={changes}&seconds={seconds}", method="POST")
        with urllib.request.urlopen(request, timeout=120) as answer:
            return json.load(answer)["changes"]

    def rss_mb(self):
        return rss_mb(self.process.pid)

    def stop(self):
        self.process.send_signal(signal.SIGINT)
        self.process.wait(timeout=30)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    return None


def delta(before, after):
    """Requests and answer bytes between two traffic snapshots: totals and per kind."""
    kinds = {k: after["requests"][k] - before["requests"].get(k, 0) for k in after["requests"]}
    kinds = {k: v for k, v in kinds.items() if v}
    bytes_ = {k: after["answerBytes"][k] - before["answerBytes"].get(k, 0) for k in after["answerBytes"]}
    return {
        "requests": sum(kinds.values()),
        "answer_bytes": sum(bytes_.values()),
        "by_kind": kinds,
        "config_requests": kinds.get(CONFIG_KIND, 0),
        "subscription_puts": kinds.get(PUT_KIND, 0),
    }


class Dashboard:
    """The dashboard in a pty of a fixed size, logged in to the simulator."""

    def __init__(self, binary, sim, cols=200, rows=50):
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8",
                   ICWS_SERVER=sim.url, ICWS_USER="admin", ICWS_PASSWORD="admin-secret")
        env.pop("NO_COLOR", None)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            fcntl.ioctl(sys.stdout.fileno(), termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            os.execve(binary, [binary], env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.wait_for(re.compile(rb"\d+/\d+ jobs"), 120)
        self.drain(0.5, 10)

    def wait_for(self, pattern, limit):
        data = bytearray()
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline:
            r, _, _ = select.select([self.fd], [], [], 0.05)
            if r:
                chunk = os.read(self.fd, 65536)
                if not chunk:
                    break
                data += chunk
                if pattern.search(data):
                    return bytes(data)
        raise SystemExit(f"timed out waiting for {pattern.pattern!r}; got {len(data)} bytes")

    def drain(self, quiet, limit):
        """Reads until nothing arrives for `quiet` s; returns (bytes, first byte time, last byte time, reads)."""
        data, first, last, reads = bytearray(), None, None, 0
        deadline = time.perf_counter() + limit
        while True:
            now = time.perf_counter()
            if now >= deadline:
                break
            r, _, _ = select.select([self.fd], [], [], min(quiet, deadline - now))
            if not r:
                break
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            last = time.perf_counter()
            first = first or last
            data += chunk
            reads += 1
        return bytes(data), first, last, reads

    def key(self, text):
        os.write(self.fd, text.encode() if isinstance(text, str) else text)

    def latencies(self, keys, quiet=0.05, limit=10):
        """Key -> first byte of the answer (ms), one key at a time: waits up to `limit` s for the
        first byte (a slow answer is a sample, not a miss), then until `quiet` s pass silently."""
        out = []
        for key in keys:
            sent = time.perf_counter()
            self.key(key)
            r, _, _ = select.select([self.fd], [], [], limit)
            if r:
                out.append((time.perf_counter() - sent) * 1000)
                self.drain(quiet, 5)
        return out

    def cpu(self):
        return cpu_seconds(self.pid)

    def rss_mb(self):
        return rss_mb(self.pid)

    def quit(self):
        self.key("q")
        try:
            self.drain(0.2, 5)
        finally:
            os.waitpid(self.pid, 0)
            os.close(self.fd)


OLDEST_LIMIT = 600.0


def until_oldest(dash, sim):
    """`G` held until the oldest job is listed (at most OLDEST_LIMIT s); wall, CPU and requests."""
    limit = OLDEST_LIMIT
    before, cpu0, start = sim.traffic(), dash.cpu(), time.perf_counter()
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
    return {"wall_s": round(last - start, 2), "cpu_s": round(dash.cpu() - cpu0, 2), "reached_oldest": reached,
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
            result["terminal_writes"] = terminal_writes_during_burst(dash, sim, changes)
            return result
        finally:
            dash.quit()


def terminal_writes_during_burst(dash, sim, changes):
    """A second burst with strace attached: write(2) calls on the terminal (fd 1)."""
    trace = f"/tmp/dxtop-bench-strace-{os.getpid()}.txt"
    tracer = subprocess.Popen(["strace", "-f", "-qq", "-e", "trace=write", "-e", "signal=none", "-o", trace,
                               "-p", str(dash.pid)], stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)  # strace attaches to every thread before the burst starts
        sim.burst(changes, 1)
        dash.drain(0.5, 60)
    finally:
        tracer.send_signal(signal.SIGINT)
        tracer.wait(timeout=30)
    with open(trace) as f:
        writes = sum(1 for line in f if re.search(r"\bwrite\(1,", line))
    os.unlink(trace)
    return writes


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


def measure(binary, sim_binary, sizes, idle_seconds):
    result = {"binary": binary, "sizes": {}}
    for jobs in sizes:
        print(f"  {os.path.basename(binary)}: {jobs} jobs", file=sys.stderr)
        row = dashboard_at(binary, sim_binary, jobs, hold_j=jobs == max(sizes))
        row["cli_list_all_json"] = cli_list(binary, sim_binary, jobs)
        result["sizes"][str(jobs)] = row
    print(f"  {os.path.basename(binary)}: burst", file=sys.stderr)
    result["burst"] = burst(binary, sim_binary)
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
        return (f"{x['changes']:,} changes: {x['cpu_s']} s CPU, {x['terminal_writes']} terminal writes "
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
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    global OLDEST_LIMIT
    OLDEST_LIMIT = args.oldest_limit
    sim_binary = args.simulator or args.binary
    results = {}
    if args.baseline:
        print("baseline:", file=sys.stderr)
        results["before"] = measure(args.baseline, sim_binary, sizes, args.idle)
    print("binary:", file=sys.stderr)
    results["after"] = measure(args.binary, sim_binary, sizes, args.idle)
    if args.out:
        with open(args.out, "w") as f:
            json.dump(results, f, indent=2)
    print(json.dumps(results, indent=2))
    if args.baseline:
        print()
        print(table(results["before"], results["after"], sizes))


if __name__ == "__main__":
    main()
