// The version, commit and build date that `dxtop --version` prints (docs/packaging.md).
// VERSION is the one place the version lives: #embed reads it at compile time, and the compiler's
// dependency file lists it, so editing VERSION rebuilds this file. scripts/package.sh writes
// build_stamp.h (git-ignored, removed after the build) with the commit and date; without it, as in
// a fresh clone or a source tarball, both stay empty.
#include "build_info.h"

#if __has_include("build_stamp.h")
#include "build_stamp.h"
#endif
#ifndef DXTOP_BUILD_COMMIT
#define DXTOP_BUILD_COMMIT ""
#endif
#ifndef DXTOP_BUILD_DATE
#define DXTOP_BUILD_DATE ""
#endif

#pragma clang diagnostic ignored "-Wc23-extensions"
static const char version[] = {
#embed "../../VERSION"
    , 0};

const char *dxtop_build_version(void) { return version; }
const char *dxtop_build_commit(void) { return DXTOP_BUILD_COMMIT; }
const char *dxtop_build_date(void) { return DXTOP_BUILD_DATE; }
