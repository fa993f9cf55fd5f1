#!/usr/bin/env python3
"""Drives the real dxtop binary through a pseudo-terminal and measures what an operator feels.

Starts `dxtop simulate` (frozen job clock, so nothing moves unless asked), then `dxtop` against it
in a pty of a fixed size, and reports:
  - first paint: exec -> first frame on the terminal; and -> first frame that lists jobs;
  - key latency: key written -> first byte of the answer, and bytes written per selection move;
  - full paint: bytes of the first complete frame (the cost a selection move is compared with);
  - ticks: with running jobs on screen (the newest, at the top), their elapsed times tick once a
    second: bytes and CPU per tick;
  - idle: bytes written and CPU used while nothing changes (after `G`: the oldest jobs, all ended,
    on screen, so nothing ticks).
Usage: bench/dashboard_bench.py [--binary .build/release/dxtop] [--jobs 1000] [--moves 200] [--latency MS]
"""
import argparse, json, os, pty, re, select, signal, socket, statistics, struct, subprocess, sys, termios, fcntl, time

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def read_until_quiet(fd, quiet, limit):
    """Reads until no byte arrives for `quiet` seconds (or `limit` passes). Returns (bytes, first_byte_time)."""
    data = bytearray()
    first = None
    deadline = time.perf_counter() + limit
    while True:
        now = time.perf_counter()
        if now >= deadline:
            break
        r, _, _ = select.select([fd], [], [], min(quiet, deadline - now))
        if not r:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        if first is None:
            first = time.perf_counter()
        data += chunk
    return bytes(data), first

def wait_for(fd, pattern, limit):
    data = bytearray()
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            data += chunk
            if pattern.search(data):
                return time.perf_counter(), bytes(data)
    raise SystemExit(f"timed out waiting for {pattern.pattern!r}; got {len(data)} bytes")

def bursts(fd, seconds):
    """Bytes of each write burst (writes less than 0.2 s apart) over `seconds`."""
    sizes = []
    last = None
    deadline = time.perf_counter() + seconds
    while True:
        now = time.perf_counter()
        if now >= deadline:
            break
        r, _, _ = select.select([fd], [], [], deadline - now)
        if not r:
            break
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        now = time.perf_counter()
        if last is None or now - last > 0.2:
            sizes.append(0)
        sizes[-1] += len(chunk)
        last = now
    return sizes

def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks

def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=".build/release/dxtop")
    ap.add_argument("--jobs", type=int, default=1000)
    ap.add_argument("--moves", type=int, default=200)
    ap.add_argument("--cols", type=int, default=120)
    ap.add_argument("--rows", type=int, default=40)
    ap.add_argument("--idle", type=float, default=5.0)
    ap.add_argument("--latency", type=int, default=0, help="simulator delay per answer, in ms")
    args = ap.parse_args()

    port = free_port()
    sim = subprocess.Popen([args.binary, "simulate", "--port", str(port), "--jobs", str(args.jobs), "--speed", "0",
                            "--latency", str(args.latency)],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for line in sim.stdout:
            if str(port) in line:
                break
        # The simulator prints its users after the URL; wait until it answers.
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        result = run_dashboard(args, port)
    finally:
        sim.send_signal(signal.SIGINT)
        sim.wait(timeout=10)
    print(json.dumps(result, indent=2))

def run_dashboard(args, port):
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8",
               ICWS_SERVER=f"http://127.0.0.1:{port}", ICWS_USER="admin", ICWS_PASSWORD="admin-secret")
    env.pop("NO_COLOR", None)
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(sys.stdout.fileno(), termios.TIOCSWINSZ, struct.pack("HHHH", args.rows, args.cols, 0, 0))
        os.execve(args.binary, [args.binary], env)
    start = time.perf_counter()
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", args.rows, args.cols, 0, 0))
    first_byte, _ = wait_for(fd, re.compile(rb"."), 10)
    # Job ids are GUIDs: the first listed page shows up as the "N/M jobs" count in the status line.
    listed, initial = wait_for(fd, re.compile(rb"\d+/\d+ jobs"), 20 + 10 * args.latency / 1000)
    rest, _ = read_until_quiet(fd, 0.5, 5)
    full_paint = len(initial) + len(rest)

    latencies, sizes = [], []
    cpu_moves_before = cpu_seconds(pid)
    for i in range(args.moves):
        key = b"j" if (i // 20) % 2 == 0 else b"k"
        sent = time.perf_counter()
        os.write(fd, key)
        out, first = read_until_quiet(fd, 0.05, 2)
        if first is None:
            continue
        latencies.append((first - sent) * 1000)
        sizes.append(len(out))

    cpu_per_move = (cpu_seconds(pid) - cpu_moves_before) / max(1, args.moves)
    # The newest jobs (running, on screen at the top) tick once a second: bytes per tick.
    cpu_tick_before = cpu_seconds(pid)
    ticks = bursts(fd, args.idle)
    cpu_ticks = cpu_seconds(pid) - cpu_tick_before
    # The oldest jobs (all ended) on screen: nothing ticks, idle means idle.
    os.write(fd, b"G")
    wait_for(fd, re.compile(rb"History loaded|all loaded"), 120)
    read_until_quiet(fd, 1.5, 30)
    cpu_before = cpu_seconds(pid)
    idle_out, _ = read_until_quiet(fd, args.idle, args.idle)
    cpu_after = cpu_seconds(pid)

    os.write(fd, b"q")
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return {
        "terminal": f"{args.cols}x{args.rows}",
        "jobs_on_server": args.jobs,
        "server_latency_ms": args.latency,
        "first_byte_ms": round((first_byte - start) * 1000, 1),
        "first_list_paint_ms": round((listed - start) * 1000, 1),
        "full_paint_bytes": full_paint,
        "moves_measured": len(latencies),
        "key_to_first_byte_ms_median": round(statistics.median(latencies), 2),
        "key_to_first_byte_ms_p95": round(pct(latencies, 95), 2),
        "cpu_ms_per_move": round(cpu_per_move * 1000, 2),
        "bytes_per_move_median": statistics.median(sizes),
        "bytes_per_move_max": max(sizes),
        "move_vs_full_paint": round(statistics.median(sizes) / full_paint, 3),
        "tick_window_seconds": args.idle,
        "ticks": len(ticks),
        "bytes_per_tick_median": statistics.median(ticks) if ticks else 0,
        "bytes_per_tick_max": max(ticks) if ticks else 0,
        "tick_cpu_seconds": round(cpu_ticks, 3),
        "idle_seconds": args.idle,
        "idle_bytes": len(idle_out),
        "idle_cpu_seconds": round(cpu_after - cpu_before, 3),
        "exit_status": os.waitstatus_to_exitcode(status),
    }

if __name__ == "__main__":
    main()
