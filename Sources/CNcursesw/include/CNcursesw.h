#ifndef CNCURSESW_H
#define CNCURSESW_H

#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <stdio.h>
#include <langinfo.h>
#include <locale.h>
#include <wchar.h>
#include <strings.h>

// Swift cannot import function-like macros or (in Swift 6 mode) mutable C globals; these wrappers
// give it what the curses surface needs.

static inline WINDOW *dx_stdscr(void) { return stdscr; }
/// newterm on the process's own stdout/stdin (Swift 6 refuses those C globals).
static inline SCREEN *dx_newterm(const char *term) { return newterm(term, stdout, stdin); }

/// True when the terminal description has cursor addressing (`cup`); `dumb` has none.
static inline int dx_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

static inline int dx_lines(void) { return LINES; }
static inline int dx_cols(void) { return COLS; }

/// An attribute word from style flags and a colour pair (0 = none).
static inline attr_t dx_attributes(int bold, int reverse, int dim, int underline, short pair) {
    attr_t a = A_NORMAL;
    if (bold) a |= A_BOLD;
    if (reverse) a |= A_REVERSE;
    if (dim) a |= A_DIM;
    if (underline) a |= A_UNDERLINE;
    if (pair > 0) a |= COLOR_PAIR(pair);
    return a;
}

/// Writes `count` wide characters at (y, x) with `attrs`, leaving the window's attributes as they were.
static inline int dx_put(int y, int x, const wchar_t *text, int count, attr_t attrs) {
    attrset(attrs);
    int result = mvaddnwstr(y, x, text, count);
    attrset(A_NORMAL);
    return result;
}

/// Reads one key: OK with a character, KEY_CODE_YES with a function key, ERR when none is waiting.
static inline int dx_get_wch(wint_t *key) { return wget_wch(stdscr, key); }

/// Turns the terminal's click reporting (modes 1000 and 1006) on or off, straight to stdout.
void dx_mouse_reporting(int on);
/// While on, Ctrl-Z turns click reporting off for as long as the process is stopped (chained in
/// front of ncurses' own SIGTSTP handler); off puts ncurses' handler back.
void dx_mouse_suspend_guard(int on);

static inline int dx_is_utf8_locale(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
}

#endif
