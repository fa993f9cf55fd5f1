#!/usr/bin/env python3
"""What the history cache saves the server (docs/performance.md, "History cache").

    python3 bench/cache_bench.py --binary .build-release/release/dxtop [--jobs 10000,100000]

For each size: starts `dxtop simulate --jobs N` (frozen clock) and runs `dxtop series list -o json`
four times with a fresh XDG_CACHE_HOME: cold (empty cache), warm (unchanged server), warm after one
new job, and --no-cache. For each run: the requests and bytes of answers the simulator counted
(`GET /simulator/traffic`, login and logout included), the cache file's size, the wall time and
the peak resident memory of the dxtop process (`wait4`'s ru_maxrss).
"""
import argparse, json, os, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scale_parts import Simulator, delta  # noqa: E402


def series_list(binary, sim, cache_home, extra=()):
    env = dict(os.environ, ICWS_SERVER=sim.url, ICWS_USER="admin", ICWS_PASSWORD="admin-secret", XDG_CACHE_HOME=cache_home)
    before, start = sim.traffic(), time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen([binary, "series", "list", "-o", "json", *extra], env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        out.seek(0), err.seek(0)
        done = subprocess.CompletedProcess(child.args, child.returncode, out.read().decode(), err.read().decode())
    cost = delta(before, sim.traffic())
    files = [os.path.join(cache_home, "dxtop", f) for f in os.listdir(os.path.join(cache_home, "dxtop"))] \
        if os.path.isdir(os.path.join(cache_home, "dxtop")) else []
    return {"exit_status": done.returncode, "wall_s": round(wall, 2), "max_rss_mb": round(usage.ru_maxrss / 1024), "requests": cost["requests"],
            "answer_mb": round(cost["answer_bytes"] / 1e6, 2), "by_kind": cost["by_kind"],
            "cache_mb": round(sum(os.path.getsize(f) for f in files) / 1e6, 1), "stderr": done.stderr.strip()[:200],
            "series": len(json.loads(done.stdout or "[]"))}


def submit(binary, sim):
    env = dict(os.environ, ICWS_SERVER=sim.url, ICWS_USER="admin", ICWS_PASSWORD="admin-secret")
    return subprocess.run([binary, "jobs", "submit", "--name", "bench new job", "--table", "IAgentQueueStats:cName", "--yes"], env=env, capture_output=True, text=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--jobs", default="10000,100000")
    args = parser.parse_args()
    out = []
    for jobs in [int(n) for n in args.jobs.split(",")]:
        with Simulator(args.binary, jobs) as sim, tempfile.TemporaryDirectory() as home:
            runs = {"cold": series_list(args.binary, sim, home), "warm": series_list(args.binary, sim, home)}
            runs["submit_exit_status"] = submit(args.binary, sim).returncode
            runs["warm_after_one_new_job"] = series_list(args.binary, sim, home)
            runs["no_cache"] = series_list(args.binary, sim, home, ["--no-cache"])
            out.append({"jobs": jobs, "runs": runs})
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
