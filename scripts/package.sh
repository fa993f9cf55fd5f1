#!/usr/bin/env bash
# scripts/package.sh: build the static release binary and make, from one command,
#   dist/dxtop-VERSION-linux-x86_64.tar.gz  (binary, man page, completions, README, docs)
#   dist/dxtop_VERSION_amd64.deb            (the same, installed in the usual places)
# The version comes from the VERSION file; the commit and the build date are stamped into the
# binary (docs/packaging.md). Set SOURCE_DATE_EPOCH to fix the build date and every file time
# (two runs of the same commit then give the same man page, completions and archive layout).
# Needs the Swift toolchain, dpkg-deb and dpkg-shlibdeps (dpkg-dev), strip (binutils).
# Environment: SCRATCH_PATH (default .build-release), DIST (default dist).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

version=$(tr -d ' \t\r\n' < VERSION)
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+([.~+-][0-9A-Za-z.~+]+)?$ ]] \
  || { echo "package.sh: VERSION holds '$version', not a version like 1.2.3" >&2; exit 1; }
scratch=${SCRATCH_PATH:-.build-release}
dist=${DIST:-dist}
epoch=${SOURCE_DATE_EPOCH:-$(date +%s)}
build_date=$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)
commit=unknown
if git rev-parse --git-dir >/dev/null 2>&1; then
  commit=$(git rev-parse --short=12 HEAD)
  git diff --quiet HEAD -- || commit="$commit-dirty"
fi

work=$(mktemp -d)
# The stamp lives only for this build; the trap removes it so a later `swift build` in this tree
# does not report a commit it was not built from (build_info.c rebuilds when its include vanishes).
stamp=Sources/CBuildInfo/build_stamp.h
trap 'rm -f "$root/$stamp"; touch "$root/Sources/CBuildInfo/build_info.c"; rm -rf "$work"' EXIT
printf '#define DXTOP_BUILD_COMMIT "%s"\n#define DXTOP_BUILD_DATE "%s"\n' "$commit" "$build_date" > "$stamp"
touch Sources/CBuildInfo/build_info.c

swift_flags=(-c release --static-swift-stdlib --scratch-path "$scratch")
echo "== building dxtop $version ($commit, $build_date): swift build ${swift_flags[*]} --product dxtop"
start=$SECONDS
if ! swift build "${swift_flags[@]}" --product dxtop > "$work/build.log" 2>&1; then
  grep -E "error" "$work/build.log" >&2 || tail -20 "$work/build.log" >&2
  echo "package.sh: the release build failed (above)" >&2; exit 1
fi
grep -E "^$root/(Sources|Package).*warning: " "$work/build.log" || true  # ours, not the packages' warnings
echo "   built in $((SECONDS - start)) s"
built="$(swift build "${swift_flags[@]}" --show-bin-path)/dxtop"

binary=$work/dxtop
cp "$built" "$binary"
unstripped=$(stat -c %s "$binary")
strip --strip-all "$binary"
echo "== binary: $(stat -c %s "$binary") bytes stripped ($unstripped before)"

# Only the system's C and C++ runtimes, curses, zlib and SQLite may stay dynamic (issue 20; SQLite came
# with the history cache: GRDB links the system's libsqlite3, as Debian's own packages do).
echo "== ldd dxtop"
ldd "$binary" | sed 's/ (0x[0-9a-f]*)//' | tee "$work/ldd.txt"
allowed='(linux-vdso\.so\.1|/lib64/ld-linux-x86-64\.so\.2|lib(c\.so\.6|m\.so\.6|stdc\+\+\.so\.6|gcc_s\.so\.1|ncursesw\.so\.6|tinfo\.so\.6|z\.so\.1|sqlite3\.so\.0))'
if grep -vE "^[[:space:]]*$allowed" "$work/ldd.txt"; then
  echo "package.sh: the binary needs a library outside the allowed set (above)" >&2; exit 1
fi
"$binary" --version

# Man page (swift-argument-parser's generate-manual, from the binary being shipped) and completions.
SCRATCH_PATH=$scratch scripts/manual.sh "$binary" "$work/dxtop.1"
if ! cmp -s "$work/dxtop.1" docs/man/dxtop.1; then
  cp "$work/dxtop.1" docs/man/dxtop.1
  echo "package.sh: docs/man/dxtop.1 was out of date and is now regenerated: commit it" >&2
fi
mkdir -p "$work/completions"
"$binary" completion bash > "$work/completions/dxtop.bash"
"$binary" completion zsh > "$work/completions/_dxtop"
"$binary" completion fish > "$work/completions/dxtop.fish"

mkdir -p "$dist"
tar_reproducibly() { # OUTPUT DIR ENTRY...
  local output=$1 dir=$2; shift 2
  tar -C "$dir" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
    --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime -cf - "$@" | gzip -9n > "$output"
}

# The tarball: everything under one folder, to copy to a jump host and run in place.
name=dxtop-$version-linux-x86_64
tree=$work/tar/$name
mkdir -p "$tree/docs"
install -m 0755 "$binary" "$tree/dxtop"
install -m 0644 "$work/dxtop.1" README.md "$tree/"
cp -r "$work/completions" "$tree/completions"
install -m 0644 docs/*.md "$tree/docs/"
chmod 0644 "$tree"/completions/*
tar_reproducibly "$dist/$name.tar.gz" "$work/tar" "$name"

# The .deb: Debian's paths; Depends computed by dpkg-shlibdeps from the libraries ldd names.
deb=$work/deb
install -D -m 0755 "$binary" "$deb/usr/bin/dxtop"
install -D -m 0644 "$work/dxtop.1" "$deb/usr/share/man/man1/dxtop.1"
gzip -9n "$deb/usr/share/man/man1/dxtop.1"
install -D -m 0644 "$work/completions/dxtop.bash" "$deb/usr/share/bash-completion/completions/dxtop"
install -D -m 0644 "$work/completions/_dxtop" "$deb/usr/share/zsh/vendor-completions/_dxtop"
install -D -m 0644 "$work/completions/dxtop.fish" "$deb/usr/share/fish/vendor_completions.d/dxtop.fish"
install -D -m 0644 README.md "$deb/usr/share/doc/dxtop/README.md"
install -m 0644 docs/*.md "$deb/usr/share/doc/dxtop/"
mkdir -p "$work/shlibs/debian"
printf 'Source: dxtop\n\nPackage: dxtop\nArchitecture: amd64\n' > "$work/shlibs/debian/control"
depends=$(cd "$work/shlibs" && dpkg-shlibdeps -O "$deb/usr/bin/dxtop" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "package.sh: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
mkdir -p "$deb/DEBIAN"
cat > "$deb/DEBIAN/control" <<EOF
Package: dxtop
Version: $version
Architecture: amd64
Maintainer: dxtop maintainers <dxtop@users.noreply.github.com>
Installed-Size: $(du -sk --exclude=DEBIAN "$deb" | cut -f1)
Depends: $depends
Section: admin
Priority: optional
Description: terminal dashboard and CLI for PureConnect CIC Data Extractor jobs
 dxtop watches, cancels, submits and resubmits the extraction jobs of Genesys
 PureConnect CIC's Data Extractor over the server's REST API (ICWS): a live
 dashboard for a terminal or SSH session, and a scripting CLI.
EOF
find "$deb" -exec touch -h -d "@$epoch" {} +
SOURCE_DATE_EPOCH=$epoch dpkg-deb --root-owner-group -Zxz --build "$deb" "$dist/dxtop_${version}_amd64.deb" >/dev/null

echo "== Depends: $depends"
echo "== made:"
ls -l "$dist/$name.tar.gz" "$dist/dxtop_${version}_amd64.deb"
