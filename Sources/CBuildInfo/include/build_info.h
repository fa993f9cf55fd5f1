#ifndef DXTOP_BUILD_INFO_H
#define DXTOP_BUILD_INFO_H

/// The content of the repository's VERSION file, read at compile time (may end in a newline).
const char *dxtop_build_version(void);
/// The git commit scripts/package.sh stamped, or "" in a development build.
const char *dxtop_build_commit(void);
/// The UTC build date scripts/package.sh stamped, or "" in a development build.
const char *dxtop_build_date(void);

#endif
