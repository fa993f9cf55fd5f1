#!/usr/bin/env python3
"""What a bulk cancel's selection costs the server (docs/cli.md "Several jobs").

    python3 bench/bulk_bench.py --binary .build/debug/dxtop [--jobs 100000]

Starts `dxtop simulate --jobs N` (frozen clock) and runs `dxtop jobs cancel` with a selection:
`--state active --dry-run` (lists the jobs not ended), `--state started --older-than 2h --dry-run`,
then `--state active --yes` (sends every cancel). For each: the requests and bytes of answers the
simulator counted (`GET /simulator/traffic`, login and logout included), the exit status, the
wall time and the lines written.
"""
import argparse, json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scale_parts import Simulator, timed_cost  # noqa: E402


def cancel(binary, sim, extra):
    done, wall, cost = timed_cost(binary, sim, ["jobs", "cancel", *extra])
    return {"args": " ".join(extra), "exit_status": done.returncode, "wall_s": round(wall, 2),
            "requests": cost["requests"], "answer_mb": round(cost["answer_bytes"] / 1e6, 2), "by_kind": cost["by_kind"],
            "last_line": done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--jobs", type=int, default=100000)
    args = parser.parse_args()
    with Simulator(args.binary, args.jobs) as sim:
        results = [cancel(args.binary, sim, ["--state", "active", "--dry-run"]),
                   cancel(args.binary, sim, ["--state", "started", "--older-than", "2h", "--dry-run"]),
                   cancel(args.binary, sim, ["--state", "active", "--yes"])]
        print(json.dumps({"jobs": args.jobs, "results": results}, indent=1))


if __name__ == "__main__":
    main()
