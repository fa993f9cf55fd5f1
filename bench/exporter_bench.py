#!/usr/bin/env python3
"""The cost figures of `dxtop exporter` (docs/performance.md, "Exporter"):

- idle: requests and answer bytes per minute the exporter costs one server that changes nothing
  (from the simulator's own traffic counter, and the exporter's dxtop_server_*_total for comparison),
  for each server profile of --profiles (standard: event stream; messaging-v1: polling);
- scrape: GET /metrics with 20 servers x 10k jobs followed (20 contexts on one simulator of 10k jobs),
  median and p95 over 200 scrapes, Prometheus's Accept header;
- rss: the exporter's resident memory following 100k jobs in all (10 contexts x 10k);
- growth: scrape and RSS at 1, 5 and 10 contexts x 10k jobs (10k, 50k, 100k jobs in all);
- startup: one server of --per-context jobs, from the exporter's start to every job counted, and the
  history's requests and answer bytes (job lists and jobs by id, not the newest-job check): without
  the history cache (--no-cache, what every start cost before the cache), cold (an empty cache) and
  warm (the cache the cold start left, the server unchanged).

Both scrape figures are taken after a series publish (the exporter refreshes them every 15 s), so
the exposition holds every series.

    python3 bench/exporter_bench.py --binary .build-release/release/dxtop [--idle 60] [--parts idle,scrape,rss,growth] [--out FILE]
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile, time
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
import scale_parts  # noqa: E402
from scale_parts import Simulator, free_port, rss_mb, delta  # noqa: E402

ACCEPT = "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"


class Exporter:
    def __init__(self, binary, sim, contexts, window, extra_args=(), extra_env=None):
        self.dir = tempfile.mkdtemp(prefix="dxtop-exporter-bench-")
        config = os.path.join(self.dir, "config.yaml")
        with open(config, "w") as f:
            f.write("contexts:\n")
            for i in range(contexts):
                f.write(f"  s{i:02d}:\n    server: {sim.url}\n    user: admin\n    password-command: echo admin-secret\n")
        self.port = free_port()
        # A history cache of its own (empty) unless the part gives one: the runner's would make runs depend on earlier ones.
        env = dict(os.environ, DXTOP_CONFIG=config, XDG_CACHE_HOME=os.path.join(self.dir, "cache"))
        env.update(extra_env or {})
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            [binary, "exporter", "--all-contexts", "--listen", f"127.0.0.1:{self.port}", "--jobs", str(window), *extra_args],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for line in self.process.stdout:
            if "/metrics" in line:
                break

    def scrape(self):
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}/metrics", headers={"Accept": ACCEPT})
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.read().decode()

    def samples(self, name):
        values = []
        for line in self.scrape().splitlines():
            if line.startswith(name + "{"):
                values.append(float(line.rsplit(" ", 1)[1]))
        return values

    def wait_for_jobs(self, total, limit=600):
        """Until `total` jobs are counted; with the series history (about `total` jobs), until at
        least 90% of it are and the count has not moved for 5 s."""
        deadline = time.time() + limit
        counted, since = -1, time.time()
        while time.time() < deadline:
            now = sum(self.samples("dxtop_jobs"))
            if now >= total:
                return True
            if now != counted:
                counted, since = now, time.time()
            elif scale_parts.SERIES_HISTORY and now >= 0.9 * total and time.time() - since >= 5:
                return True
            time.sleep(0.5)
        return False

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=60)
        shutil.rmtree(self.dir, ignore_errors=True)


def idle(binary, seconds, profile, warmup):
    with Simulator(binary, 7, profile=profile) as sim:
        exporter = Exporter(binary, sim, 1, 1000)
        try:
            exporter.wait_for_jobs(7)
            time.sleep(warmup)  # past the first newest-job check (and polling's back-off): the steady state
            before = sim.traffic()
            own_requests, own_bytes = sum(exporter.samples("dxtop_server_requests_total")), sum(exporter.samples("dxtop_server_response_bytes_total"))
            time.sleep(seconds)
            result = delta(before, sim.traffic())
            per_minute = 60 / seconds
            return {"profile": profile, "warmup_s": warmup, "seconds": seconds,
                    "requests_per_min": round(result["requests"] * per_minute, 1),
                    "answer_bytes_per_min": round(result["answer_bytes"] * per_minute),
                    "by_kind": result["by_kind"],
                    "exporter_counted_requests_per_min": round((sum(exporter.samples("dxtop_server_requests_total")) - own_requests) * per_minute, 1),
                    "exporter_counted_bytes_per_min": round((sum(exporter.samples("dxtop_server_response_bytes_total")) - own_bytes) * per_minute)}
        finally:
            exporter.stop()


def scale(binary, contexts, jobs, scrapes):
    with Simulator(binary, jobs) as sim:
        exporter = Exporter(binary, sim, contexts, jobs)
        try:
            started = time.perf_counter()
            complete = exporter.wait_for_jobs(contexts * jobs)
            ready_s = round(time.perf_counter() - started, 1)
            # The series metrics are refreshed every 15 s: wait for a refresh after the last job.
            time.sleep(16)
            times = []
            size = 0
            for _ in range(scrapes):
                t0 = time.perf_counter()
                size = len(exporter.scrape())
                times.append((time.perf_counter() - t0) * 1000)
            times.sort()
            return {"servers": contexts, "jobs_per_server": jobs, "all_counted": complete, "ready_s": ready_s,
                    "scrape_ms_median": round(statistics.median(times), 2),
                    "scrape_ms_p95": round(times[int(len(times) * 0.95) - 1], 2),
                    "jobs_counted": int(sum(exporter.samples("dxtop_jobs"))),
                    "exposition_bytes": size, "rss_mb": rss_mb(exporter.process.pid)}
        finally:
            exporter.stop()


def history_cost(before, after):
    """Requests and answer bytes of the history between two traffic snapshots (not the newest-job check)."""
    kinds = [k for k in after["requests"] if k.startswith("GET data-extractor/jobs") and k != "GET data-extractor/jobs?jobCount=1"]
    return (sum(after["requests"][k] - before["requests"].get(k, 0) for k in kinds),
            sum(after["answerBytes"].get(k, 0) - before["answerBytes"].get(k, 0) for k in kinds))


def startup(binary, jobs):
    cache_home = tempfile.mkdtemp(prefix="dxtop-exporter-bench-cache-")
    result = {}
    try:
        with Simulator(binary, jobs) as sim:
            # The series history has about `jobs` jobs: learn the exact count once, untimed.
            probe = Exporter(binary, sim, 1, 2 * jobs, ["--no-cache"])
            try:
                probe.wait_for_jobs(jobs)
                total = sum(probe.samples("dxtop_jobs"))
            finally:
                probe.stop()
            for name, args in [("no_cache", ["--no-cache"]), ("cold", []), ("warm", [])]:
                before = sim.traffic()
                exporter = Exporter(binary, sim, 1, 2 * jobs, args, {"XDG_CACHE_HOME": cache_home})
                try:
                    deadline = time.time() + 600
                    while sum(exporter.samples("dxtop_jobs")) < total and time.time() < deadline:
                        time.sleep(0.05)
                    seconds = round(time.perf_counter() - exporter.started, 2)
                    requests, answer_bytes = history_cost(before, sim.traffic())
                    result[name] = {"jobs": int(total), "seconds_to_all_counted": seconds,
                                    "history_requests": requests, "history_answer_bytes": answer_bytes,
                                    "rss_mb": rss_mb(exporter.process.pid)}
                finally:
                    exporter.stop()
    finally:
        shutil.rmtree(cache_home, ignore_errors=True)
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=".build-release/release/dxtop")
    ap.add_argument("--idle", type=float, default=60.0)
    ap.add_argument("--scrapes", type=int, default=200)
    ap.add_argument("--parts", default="idle,scrape,rss")
    ap.add_argument("--profiles", default="standard,messaging-v1")
    ap.add_argument("--growth", default="1,5,10", help="contexts of 10k jobs each for the growth part")
    ap.add_argument("--warmup", type=float, default=20.0, help="idle seconds before the measured ones")
    ap.add_argument("--per-context", type=int, default=10_000, help="jobs per context in the growth part")
    ap.add_argument("--series-history", action="store_true",
                    help="the simulator's realistic history (a few hundred series) instead of random jobs (one series per job)")
    ap.add_argument("--out")
    args = ap.parse_args()
    scale_parts.SERIES_HISTORY = args.series_history
    parts = args.parts.split(",")
    result = {}
    if "idle" in parts:
        for profile in args.profiles.split(","):
            result["idle_" + profile] = idle(args.binary, args.idle, profile, args.warmup)
            print(json.dumps({"idle_" + profile: result["idle_" + profile]}), flush=True)
    if "scrape" in parts:
        result["scrape_20x10k"] = scale(args.binary, 20, 10_000, args.scrapes)
        print(json.dumps({"scrape_20x10k": result["scrape_20x10k"]}), flush=True)
    if "rss" in parts:
        result["rss_10x10k"] = scale(args.binary, 10, 10_000, 20)
        print(json.dumps({"rss_10x10k": result["rss_10x10k"]}), flush=True)
    if "growth" in parts:
        for contexts in map(int, args.growth.split(",")):
            key = f"growth_{contexts}x{args.per_context // 1000}k"
            result[key] = scale(args.binary, contexts, args.per_context, 50)
            print(json.dumps({key: result[key]}), flush=True)
    if "startup" in parts:
        result["startup"] = startup(args.binary, args.per_context)
        print(json.dumps({"startup": result["startup"]}), flush=True)
    if args.out:
        with open(args.out, "w") as f:
            json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
