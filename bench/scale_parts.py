"""The parts of the scale benchmark that drive processes: the simulator (with its traffic and burst
handles) and the dashboard in a pseudo-terminal."""
import json, os, pty, re, select, signal, struct, subprocess, sys, tempfile, termios, fcntl, time
import urllib.request

from dashboard_bench import free_port, cpu_seconds

CONFIG_KIND = "GET data-extractor/jobs/{id}"
PUT_KIND = "PUT messaging/subscriptions/data-extractor/jobs-statuses"


# `--series-history`: the simulator's realistic history (a few hundred daily/weekly/monthly extracts,
# about --jobs jobs) instead of random jobs (nearly one series per job, the worst case).
SERIES_HISTORY = False


class Simulator:
    """`dxtop simulate` on a free port, frozen job clock (and a server profile, if given)."""

    def __init__(self, binary, jobs, active=None, profile=None):
        self.port = free_port()
        args = [binary, "simulate", "--port", str(self.port), "--jobs", str(jobs), "--speed", "0"]
        if active is not None:
            args += ["--active", str(active)]
        if profile is not None:
            args += ["--profile", profile]
        if SERIES_HISTORY:
            args += ["--series-history"]
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

    def cpu(self):
        return cpu_seconds(self.process.pid)

    def stop(self):
        self.process.send_signal(signal.SIGINT)
        self.process.wait(timeout=30)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def io_mb(pid):
    """What the process passed to write() and read() and wrote to disk (/proc/PID/io), in MB."""
    with open(f"/proc/{pid}/io") as f:
        fields = dict(line.split(": ") for line in f.read().splitlines())
    return {"write_calls_mb": int(fields["wchar"]) / 1e6, "read_calls_mb": int(fields["rchar"]) / 1e6,
            "written_to_disk_mb": int(fields["write_bytes"]) / 1e6}


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    return None


def timed_cost(binary, sim, args):
    """Runs `dxtop ARGS` as admin against `sim`: its result, wall seconds and server cost (`delta`)."""
    env = dict(os.environ, ICWS_SERVER=sim.url, ICWS_USER="admin", ICWS_PASSWORD="admin-secret")
    before, start = sim.traffic(), time.perf_counter()
    done = subprocess.run([binary, *args], env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    return done, wall, delta(before, sim.traffic())


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

    def __init__(self, binary, sim, cols=200, rows=50, env_extra=None, args=(), wait=True):
        """`wait`: returns once the first frame listing jobs is drawn (else at once; `started` is the exec time)."""
        # A history cache of its own (empty) unless `env_extra` gives one: the runner's would make runs depend on earlier ones.
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8",
                   ICWS_SERVER=sim.url, ICWS_USER="admin", ICWS_PASSWORD="admin-secret",
                   XDG_CACHE_HOME=tempfile.mkdtemp(prefix="dxtop-bench-cache-"))
        env.update(env_extra or {})
        env.pop("NO_COLOR", None)
        self.started = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            fcntl.ioctl(sys.stdout.fileno(), termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            os.execve(binary, [binary, *args], env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        if wait:
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

    def io(self):
        return io_mb(self.pid)

    def thread_cpu(self):
        """CPU seconds by thread name (the main loop is the program's name; decoding runs on the
        cooperative pool, the history cache's filing on a dispatch queue)."""
        by_name = {}
        for task in os.listdir(f"/proc/{self.pid}/task"):
            try:
                with open(f"/proc/{self.pid}/task/{task}/comm") as f:
                    name = f.read().strip()
                seconds = cpu_seconds(f"{self.pid}/task/{task}")
            except FileNotFoundError:
                continue
            by_name[name] = by_name.get(name, 0) + seconds
        return by_name

    def rss_mb(self):
        return rss_mb(self.pid)

    def quit(self):
        self.key("q")
        try:
            self.drain(0.2, 5)
        finally:
            os.waitpid(self.pid, 0)
            os.close(self.fd)
