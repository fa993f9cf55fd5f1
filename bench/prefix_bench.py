#!/usr/bin/env python3
"""What a job id prefix costs the server (docs/cli.md "Job ids and prefixes").

    python3 bench/prefix_bench.py --binary .build-release/release/dxtop [--jobs 100000]

Starts `dxtop simulate --jobs N` (frozen clock) and runs `dxtop jobs show` with: a full id (no
lookup), the dashboard's 8-character prefix of the newest job and of the oldest (unique: the whole
history is read), one hex digit (ambiguous at once), and a prefix nothing has. For each: the
requests and bytes of answers the simulator counted (`GET /simulator/traffic`, login and logout
included), the exit status and the wall time.
"""
import argparse, json, os, subprocess, sys, time, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scale_parts import Simulator, timed_cost  # noqa: E402


def show(binary, sim, typed):
    done, wall, cost = timed_cost(binary, sim, ["jobs", "show", typed, "-o", "json"])
    return {"typed": typed, "exit_status": done.returncode, "wall_s": round(wall, 2), "requests": cost["requests"],
            "answer_mb": round(cost["answer_bytes"] / 1e6, 2), "by_kind": cost["by_kind"]}


def ids(binary, sim, count, extra=()):
    env = dict(os.environ, ICWS_SERVER=sim.url, ICWS_USER="admin", ICWS_PASSWORD="admin-secret")
    out = subprocess.run([binary, "jobs", "list", "--count", str(count), "-o", "jsonl", *extra], env=env,
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(line)["id"] for line in out.splitlines()]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--jobs", type=int, default=100000)
    args = parser.parse_args()
    with Simulator(args.binary, args.jobs) as sim:
        newest = ids(args.binary, sim, 1)[0]
        everything = ids(args.binary, sim, 1000, ["--all"])
        oldest = everything[-1]
        digit = newest[0]
        results = [show(args.binary, sim, newest), show(args.binary, sim, newest[:8]), show(args.binary, sim, oldest[:8]),
                   show(args.binary, sim, digit), show(args.binary, sim, "zzzzzzzz")]
        print(json.dumps({"jobs": args.jobs, "results": results}, indent=1))


if __name__ == "__main__":
    main()
