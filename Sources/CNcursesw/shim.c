#include "CNcursesw.h"
#include <signal.h>
#include <string.h>
#include <unistd.h>

// Mouse reporting: clicks (xterm mode 1000) in the SGR encoding (1006), never any-motion (1003).
static const char dx_mouse_on[] = "\033[?1000h\033[?1006h";
static const char dx_mouse_off[] = "\033[?1006l\033[?1000l";
static struct sigaction dx_previous_tstp;
static volatile sig_atomic_t dx_tstp_installed = 0;

static void dx_write_all(const char *text, size_t length) {
    while (length > 0) {
        ssize_t written = write(STDOUT_FILENO, text, length);
        if (written <= 0) return;
        text += written;
        length -= (size_t)written;
    }
}

void dx_mouse_reporting(int on) {
    if (on) dx_write_all(dx_mouse_on, sizeof dx_mouse_on - 1);
    else dx_write_all(dx_mouse_off, sizeof dx_mouse_off - 1);
}

// Ctrl-Z: the shell must not get click reports while dxtop is stopped. Reporting goes off, then
// ncurses' own handler (which was installed by newterm: endwin, stop, and on `fg` the screen
// back) runs, then reporting goes on again. Only write(2), which is async-signal-safe.
static void dx_tstp(int number) {
    dx_mouse_reporting(0);
    if (dx_previous_tstp.sa_handler != SIG_DFL && dx_previous_tstp.sa_handler != SIG_IGN) {
        dx_previous_tstp.sa_handler(number);
    } else {
        struct sigaction stop;
        memset(&stop, 0, sizeof stop);
        stop.sa_handler = SIG_DFL;
        sigemptyset(&stop.sa_mask);
        struct sigaction ours;
        sigaction(SIGTSTP, &stop, &ours);
        sigset_t unblock;
        sigemptyset(&unblock);
        sigaddset(&unblock, SIGTSTP);
        sigprocmask(SIG_UNBLOCK, &unblock, NULL);
        kill(getpid(), SIGTSTP);
        sigaction(SIGTSTP, &ours, NULL);
    }
    dx_mouse_reporting(1);
}

void dx_mouse_suspend_guard(int on) {
    if (on && !dx_tstp_installed) {
        struct sigaction current;
        if (sigaction(SIGTSTP, NULL, &current) != 0 || current.sa_handler == SIG_IGN) return;
        struct sigaction guard;
        memset(&guard, 0, sizeof guard);
        guard.sa_handler = dx_tstp;
        sigemptyset(&guard.sa_mask);
        guard.sa_flags = SA_RESTART;
        if (sigaction(SIGTSTP, &guard, &dx_previous_tstp) == 0) dx_tstp_installed = 1;
    } else if (!on && dx_tstp_installed) {
        sigaction(SIGTSTP, &dx_previous_tstp, NULL);
        dx_tstp_installed = 0;
    }
}
