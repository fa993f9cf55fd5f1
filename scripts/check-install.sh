#!/usr/bin/env bash
# scripts/check-install.sh [DEB]: prove the .deb runs where Swift is not. Makes a clean Debian root
# (debootstrap --variant=minbase) in a scratch folder, and inside it with chroot: installs the .deb
# with dpkg -i (its Depends with apt when minbase lacks them), then runs `dxtop --version`,
# `dxtop simulate` with `dxtop jobs list` against it, and `dxtop --demo` in a pseudo-terminal
# quitting with `q`. Prints the time of each step. Needs root, debootstrap and python3.
# DEB defaults to dist/dxtop_$(cat VERSION)_amd64.deb (make it with scripts/package.sh).
# Environment: DXTOP_CHECK_MIRROR (default: the machine's apt source for Debian),
# DXTOP_CHECK_SUITE (default: this machine's codename), DXTOP_CHECK_CACHE (downloaded .debs, kept
# between runs; default /var/cache/dxtop-check), DXTOP_CHECK_KEEP=1 keeps the root for a look.
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(realpath "${1:-dist/dxtop_$(tr -d ' \t\r\n' < VERSION)_amd64.deb}")
[ -f "$deb" ] || { echo "check-install.sh: no $deb: run scripts/package.sh first" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || { echo "check-install.sh: needs root (debootstrap, chroot)" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "check-install.sh: needs debootstrap (apt-get install debootstrap)" >&2; exit 1; }
# Run in a private mount namespace: the root's /proc and /dev mounts vanish with it, whatever happens.
[ -n "${DXTOP_CHECK_NAMESPACE:-}" ] || exec unshare -m --propagation private env DXTOP_CHECK_NAMESPACE=1 "$0" "$deb"

# The machine's own Debian mirror (deb822 or one-line sources), as apt is configured here.
machine_mirror() {
  local found
  found=$(cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
    | awk '/^URIs:/ || /^deb / { for (i = 2; i <= NF; i++) if ($i ~ /^https?:.*\/debian\/?$/) { print $i; exit } }')
  echo "${found:-http://deb.debian.org/debian}"
}
mirror=${DXTOP_CHECK_MIRROR:-$(machine_mirror)}
suite=${DXTOP_CHECK_SUITE:-$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")}
cache=${DXTOP_CHECK_CACHE:-/var/cache/dxtop-check}
mkdir -p "$cache"
target=$(mktemp -d /var/tmp/dxtop-check.XXXXXX)
keep=${DXTOP_CHECK_KEEP:-0}
cleanup() {
  umount -R "$target/dev" 2>/dev/null || true
  umount "$target/proc" 2>/dev/null || true
  if [ "$keep" = 1 ]; then echo "root kept in $target"; else rm -rf --one-file-system "$target"; fi
}
trap cleanup EXIT

started=$SECONDS
echo "== debootstrap --variant=minbase $suite from $mirror into $target"
debootstrap --variant=minbase --cache-dir="$cache" "$suite" "$target" "$mirror" > "$target.log" 2>&1 \
  || { tail -20 "$target.log" >&2; rm -f "$target.log"; echo "check-install.sh: debootstrap failed" >&2; exit 1; }
rm -f "$target.log"
echo "   ($((SECONDS - started)) s, $(du -sh --exclude=proc "$target" | cut -f1))"
if [ -x "$target/usr/bin/swift" ] || [ -d "$target/opt/swift" ]; then
  echo "check-install.sh: the root has a Swift toolchain; it must not" >&2; exit 1
fi

mount -t proc proc "$target/proc"
mount --rbind /dev "$target/dev"
cp /etc/resolv.conf "$target/etc/resolv.conf"
in_root() { chroot "$target" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
step_start=
step() { [ -z "$step_start" ] || echo "   ($((SECONDS - step_start)) s)"; step_start=$SECONDS; echo "== $*"; }

step "dpkg -i $(basename "$deb")"
cp "$deb" "$target/tmp/dxtop.deb"
if ! in_root dpkg -i /tmp/dxtop.deb > "$target.dpkg.log" 2>&1; then
  grep -E "depends on|not installed" "$target.dpkg.log" || cat "$target.dpkg.log"
  echo "   minbase lacks some Depends: apt-get install -f"
  apt_fix() {
    in_root env DEBIAN_FRONTEND=noninteractive apt-get install -f -y -q -o Dpkg::Use-Pty=0 -o APT::Sandbox::User=root \
      > "$target.apt.log" 2>&1 || { cat "$target.apt.log"; false; }
  }
  apt_fix || { in_root apt-get update -qq -o APT::Sandbox::User=root && apt_fix; }
  grep -E "^(Setting up|Unpacking)" "$target.apt.log" | sed "s/^/   /"
  rm -f "$target.apt.log"
fi
rm -f "$target.dpkg.log"
in_root dpkg-query -W -f "   installed \${Package} \${Version}, Depends: \${Depends}\n" dxtop
in_root sh -c "ls -1 /usr/share/man/man1/dxtop.1.gz /usr/share/bash-completion/completions/dxtop \
  /usr/share/zsh/vendor-completions/_dxtop /usr/share/fish/vendor_completions.d/dxtop.fish" | sed "s/^/   /"

step "dxtop --version"
in_root dxtop --version

step "dxtop simulate, and dxtop jobs list against it"
coproc SIMULATOR { exec chroot "$target" env -i PATH=/usr/bin:/bin HOME=/root dxtop simulate --port 0 --jobs 25 2>&1; }
url=""
while [ -z "$url" ] && read -r -t 30 line <&"${SIMULATOR[0]}"; do
  echo "   $line"
  [[ $line == *"listening on http://"* ]] && url=${line##* }
done
[ -n "$url" ] || { echo "check-install.sh: dxtop simulate did not say where it listens within 30 s" >&2; exit 1; }
listed=$(in_root env ICWS_SERVER="$url" ICWS_USER=admin ICWS_PASSWORD=admin-secret dxtop jobs list)
echo "$listed" | head -4 | sed "s/^/   /"
rows=$(($(echo "$listed" | wc -l) - 1))
echo "   ... $rows jobs"
[ "$rows" -eq 25 ] || { echo "check-install.sh: jobs list gave $rows jobs, the simulator has 25" >&2; exit 1; }
kill -TERM "$SIMULATOR_PID"
wait "$SIMULATOR_PID" || true

step "dxtop --demo in a pseudo-terminal (120x32, TERM=xterm-256color), then q"
python3 - "$target" <<"PYTHON"
import fcntl, os, pty, select, struct, sys, termios, time

root = sys.argv[1]
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 32, 120, 0, 0))
    os.execvp("chroot", ["chroot", root, "env", "-i", "PATH=/usr/bin:/bin", "HOME=/root",
                         "TERM=xterm-256color", "LANG=C.UTF-8", "dxtop", "--demo"])
screen = b""
ended = False


def read_until(predicate, seconds):
    """Reads the dashboard's output until predicate(screen) holds, the terminal closes, or time runs out."""
    global screen, ended
    deadline = time.monotonic() + seconds
    while not ended and not predicate(screen):
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        if select.select([fd], [], [], left)[0]:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # EIO: the program ended and closed the terminal
                chunk = b""
            ended = not chunk
            screen += chunk
    return predicate(screen)


if not read_until(lambda s: b"connected" in s and b"quit" in s, 30):
    os.kill(pid, 9)
    sys.exit("check-install.sh: the dashboard did not show a connected job list in 30 s; it wrote: %r" % screen[-600:])
print("   the dashboard drew %d bytes: header connected, footer 'q quit'" % len(screen))
os.write(fd, b"q")
read_until(lambda s: False, 10)
if not ended:
    os.kill(pid, 9)
    sys.exit("check-install.sh: dxtop --demo did not quit within 10 s of q")
_, status = os.waitpid(pid, 0)
code = os.waitstatus_to_exitcode(status)
if code != 0:
    sys.exit("check-install.sh: dxtop --demo exited %d after q" % code)
print("   quit with q: exit 0")
PYTHON
echo "   ($((SECONDS - step_start)) s)"
echo "== check-install.sh passed in $((SECONDS - started)) s"
