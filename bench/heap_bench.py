#!/usr/bin/env python3
"""What the dashboard keeps live once `G` has walked a whole history (docs/performance.md):

    python3 bench/heap_bench.py --binary .build-release/release/dxtop [--jobs 100000] [--top 12] [--warm]

The real binary runs under heaptrack (Debian's `heaptrack`) in a 200x50 pty against the
simulator's realistic history (`simulate --series-history`), with an empty history cache. `G` is
held until the oldest job (`--warm`: a first run without heaptrack walks the history into the
cache, and the profiled run restores it, "all loaded"); once the screen is quiet the dashboard is
killed (SIGKILL), so every allocation still live counts as leaked. Prints the total live and the `--top` allocation sites by
live bytes (`heaptrack_print --print-leaks`), each named by its first frame in `Sources/`.
"""
import argparse, glob, os, re, signal, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scale_parts  # noqa: E402
from scale_parts import Dashboard, Simulator  # noqa: E402
from scale_bench import until_oldest  # noqa: E402

def dxtop_child(parent, binary):
    """The profiled dxtop: a descendant of the heaptrack script running `binary`."""
    real = os.path.realpath(binary)
    for _ in range(200):
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                with open(f"/proc/{pid}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                exe = os.path.realpath(f"/proc/{pid}/exe")
            except (FileNotFoundError, ProcessLookupError, PermissionError, IndexError):
                continue
            if exe == real and ppid != 0 and is_descendant(int(pid), parent):
                return int(pid)
        time.sleep(0.05)
    raise SystemExit("the profiled dxtop was not found")


def is_descendant(pid, ancestor):
    while pid > 1:
        if pid == ancestor:
            return True
        try:
            with open(f"/proc/{pid}/stat") as f:
                pid = int(f.read().rsplit(")", 1)[1].split()[1])
        except FileNotFoundError:
            return False
    return False


def mb(text):
    """heaptrack's sizes: 1.23K / 4.56M / 7.89G (powers of 1000), in MB."""
    number, unit = float(text[:-1]), text[-1]
    return number * {"B": 1e-6, "K": 1e-3, "M": 1.0, "G": 1e3}.get(unit, 1e-6) if unit.isalpha() else float(text) / 1e6


def leaks(path, top):
    """The total live at the kill and the `top` sites by live bytes: each backtrace's first frame
    in a source file of this repository (`Sources/...:line`)."""
    out = subprocess.run(["heaptrack_print", "-f", path, "--print-leaks", "1", "--print-peaks", "0",
                          "--print-allocators", "0", "--print-temporary", "0", "-n", "20", "-s", str(top)],
                         capture_output=True, text=True, check=True).stdout
    total = re.search(r"total memory leaked: ([\d.]+[BKMG]?)", out)
    sites = []
    for line in out.split("MEMORY LEAKS", 1)[-1].splitlines():
        head = re.match(r"\s*([\d.]+[BKMG]?) leaked over (\d+) calls from:$", line)
        if head:
            sites.append({"live_mb": mb(head.group(1)), "calls": int(head.group(2)), "site": None})
        elif sites and sites[-1]["site"] is None:
            source = re.search(r"\bat \S*?(Sources/\S+:\d+)", line)
            if source:
                sites[-1]["site"] = source.group(1)
    sites.sort(key=lambda site: -site["live_mb"])
    return (round(mb(total.group(1)), 1) if total else None), sites[:top]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=".build-release/release/dxtop")
    ap.add_argument("--jobs", type=int, default=100_000)
    ap.add_argument("--top", type=int, default=12)
    ap.add_argument("--warm", action="store_true", help="profile a warm start from the history cache, not `G`")
    args = ap.parse_args()
    scale_parts.SERIES_HISTORY = True
    folder = tempfile.mkdtemp(prefix="dxtop-heap-")
    cache = {"XDG_CACHE_HOME": tempfile.mkdtemp(prefix="dxtop-heap-cache-")}
    with Simulator(args.binary, args.jobs) as sim:
        if args.warm:
            filler = Dashboard(args.binary, sim, env_extra=cache)
            until_oldest(filler, sim)
            filler.quit()
        dash = Dashboard("/usr/bin/heaptrack", sim, env_extra=cache, args=("-o", os.path.join(folder, "dxtop"), args.binary),
                         wait=not args.warm)
        if args.warm:
            dash.wait_for(re.compile(rb"all loaded"), 120)
            outcome = "a warm start restored the whole history"
        else:
            walk = until_oldest(dash, sim)
            outcome = f"G reached the oldest job: {walk['reached_oldest']}, in {walk['wall_s']} s under heaptrack"
        dash.drain(1.0, 10)
        profiled = dxtop_child(dash.pid, args.binary)
        with open(f"/proc/{profiled}/status") as f:
            rss = next(int(line.split()[1]) / 1024 for line in f if line.startswith("VmRSS:"))
        os.kill(profiled, signal.SIGKILL)
        while True:  # heaptrack writes its file once the profiled process is gone
            data, _, _, _ = dash.drain(1.0, 120)
            if not data:
                break
        os.waitpid(dash.pid, 0)
    files = glob.glob(os.path.join(folder, "dxtop*"))
    if not files:
        raise SystemExit(f"heaptrack wrote no file in {folder}")
    total, sites = leaks(files[0], args.top)
    print(outcome)
    print(f"RSS under heaptrack: {rss:.1f} MB; live at the kill: {total} MB")
    for site in sites:
        print(f"{site['live_mb']:8.1f} MB {site['calls']:9d} calls  {site['site'] or '(outside Sources/)'}")


if __name__ == "__main__":
    main()
