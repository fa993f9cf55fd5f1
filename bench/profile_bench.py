#!/usr/bin/env python3
"""The profile matrix of docs/reliability.md: per server profile (`dxtop simulate --profile X`),
what an idle minute costs the server and how long a change takes to show, for `dxtop jobs watch`
and for the dashboard in a pty.

One command (every profile at once, in parallel; about 90 s):

    python3 bench/profile_bench.py --binary .build/debug/dxtop [--profiles a,b] [--idle 60] [--out result.json]

Per profile and client, each against a simulator of its own (60 jobs, frozen clock):
  - change: another client cancels the newest job (`dxtop jobs cancel ID --yes`, as admin); the
    time from that command's start (an upper bound: it includes that client's login and DELETE) to
    the client showing it
    (`jobs watch`: its line on stdout; dashboard: "canceled" in what it writes to the terminal);
  - idle: then `--idle` seconds with nothing happening: requests the simulator served (its
    `GET /simulator/traffic`, per kind), and event streams opened.
The issue-15 bounds are printed next to each row: a change within 6 s; at most 6 requests an idle
minute (12 for a profile that ends streams: proxy-idle-close, idle-session-expiry).
"""
import argparse, json, os, select, subprocess, sys, threading, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scale_parts import Dashboard, Simulator, delta  # noqa: E402

PROFILES = ["standard", "ping-at-open", "irregular-pings", "ping-every-second", "no-pings", "other-comment", "crlf",
            "cut-frames", "multiline-data", "proxy-idle-close", "connection-close", "idle-session-expiry",
            "capped-job-count", "messaging-v1"]
CLOSES_STREAMS = {"proxy-idle-close", "idle-session-expiry"}


def env_for(sim, user="admin"):
    return dict(os.environ, ICWS_SERVER=sim.url, ICWS_USER=user, ICWS_PASSWORD=f"{user}-secret", NO_COLOR="1")


def newest_job(binary, sim):
    out = subprocess.run([binary, "jobs", "list", "--count", "1", "-o", "json"], env=env_for(sim),
                         capture_output=True, text=True, timeout=60)
    return json.loads(out.stdout)[0]["id"]


def cancel(binary, sim, job):
    """Cancels `job` as another client would; returns when the command started (an upper bound on
    the time to show: it includes that client's own login and DELETE)."""
    started = time.perf_counter()
    done = subprocess.run([binary, "jobs", "cancel", job, "--yes"], env=env_for(sim), capture_output=True, timeout=60)
    if done.returncode != 0:
        raise RuntimeError(f"cancel failed: {done.stderr.decode()}")
    return started


def read_until(fd, needle, limit):
    """Reads `fd` until `needle` shows up; the time it did, or None after `limit` s."""
    data, deadline = bytearray(), time.perf_counter() + limit
    while time.perf_counter() < deadline:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            chunk = os.read(fd, 65536)
            if not chunk:
                return None
            data += chunk
            if needle in data:
                return time.perf_counter()
    return None


def idle(sim, seconds, drain=None):
    before, end = sim.traffic(), time.perf_counter() + seconds
    while time.perf_counter() < end:
        if drain:
            drain(min(1.0, end - time.perf_counter()))
        else:
            time.sleep(min(1.0, end - time.perf_counter()))
    d = delta(before, sim.traffic())
    opens = sum(v for k, v in d["by_kind"].items() if k.endswith("(event stream)"))
    return {"idle_requests": d["requests"], "idle_stream_opens": opens, "idle_by_kind": d["by_kind"],
            "idle_answer_bytes": d["answer_bytes"]}


def watch_run(binary, profile, seconds):
    with Simulator(binary, 60, profile=profile) as sim:
        job = newest_job(binary, sim)
        watch = subprocess.Popen([binary, "jobs", "watch"], env=env_for(sim), stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE)
        try:
            if read_until(watch.stderr.fileno(), b"watching", 60) is None:
                raise RuntimeError("jobs watch did not start")
            changed = cancel(binary, sim, job)
            shown = read_until(watch.stdout.fileno(), b"canceled", 30)
            result = {"change_s": round(shown - changed, 2) if shown else None}
            result.update(idle(sim, seconds))
            return result
        finally:
            watch.kill()
            watch.wait()


def dashboard_run(binary, profile, seconds):
    with Simulator(binary, 60, profile=profile) as sim:
        job = newest_job(binary, sim)
        dash = Dashboard(binary, sim)
        try:
            dash.drain(1.0, 10)
            changed = cancel(binary, sim, job)
            shown = read_until(dash.fd, b"canceled", 30)
            result = {"change_s": round(shown - changed, 2) if shown else None}
            result.update(idle(sim, seconds, drain=lambda s: dash.drain(s, s)))
            return result
        finally:
            dash.quit()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--profiles", default=",".join(PROFILES))
    parser.add_argument("--idle", type=float, default=60.0, help="seconds of the idle window (bounds are per 60 s)")
    parser.add_argument("--clients", default="watch,dashboard")
    parser.add_argument("--out")
    args = parser.parse_args()
    runs = {"watch": watch_run, "dashboard": dashboard_run}
    results, threads = {}, []

    def one(profile, client):
        try:
            results[(profile, client)] = runs[client](args.binary, profile, args.idle)
        except Exception as error:  # a failed cell is a row of the table, not the end of the bench
            results[(profile, client)] = {"error": str(error)}

    for profile in args.profiles.split(","):
        for client in args.clients.split(","):
            thread = threading.Thread(target=one, args=(profile, client))
            thread.start()
            threads.append(thread)
    for thread in threads:
        thread.join()

    scale = 60.0 / args.idle
    print(f"| Profile | Client | Change shown (s) | Requests per idle minute | Stream opens | Bound | Within |")
    print("|---|---|---|---|---|---|---|")
    for profile in args.profiles.split(","):
        for client in args.clients.split(","):
            r = results[(profile, client)]
            bound = 12 if profile in CLOSES_STREAMS else 6
            if "error" in r:
                print(f"| `{profile}` | {client} | error: {r['error']} | | | {bound} | no |")
                continue
            per_minute = round(r["idle_requests"] * scale, 1)
            ok = r["change_s"] is not None and r["change_s"] < 6 and per_minute <= bound
            print(f"| `{profile}` | {client} | {r['change_s']} | {per_minute} | {r['idle_stream_opens']} | {bound} | "
                  f"{'yes' if ok else 'no'} |")
    if args.out:
        with open(args.out, "w") as f:
            json.dump({f"{p}/{c}": r for (p, c), r in results.items()}, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
