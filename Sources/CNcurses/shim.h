// The parts of ncursesw that Swift cannot import directly (macros, mutable C globals), as inline functions.
#ifndef CHANCERY_CNCURSES_SHIM_H
#define CHANCERY_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

int wcwidth(wchar_t c);

/// A new screen on the process's own standard output and input; NULL when the terminal type is unusable.
static inline SCREEN *chancery_newterm(void) { return newterm(NULL, stdout, stdin); }

/// The standard window of the current screen.
static inline WINDOW *chancery_stdscr(void) { return stdscr; }

/// The terminal's idea of the screen, to force a full repaint on the next refresh.
static inline WINDOW *chancery_curscr(void) { return curscr; }

/// How many colour pairs the terminal supports.
static inline int chancery_color_pairs(void) { return COLOR_PAIRS; }

/// True when the current terminal type can move the cursor to any cell.
static inline bool chancery_can_address_cursor(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (const char *)-1;
}

/// The attribute bits for a combination of styles.
static inline attr_t chancery_attributes(bool bold, bool dim, bool reverse, bool underline) {
    return (bold ? A_BOLD : 0) | (dim ? A_DIM : 0) | (reverse ? A_REVERSE : 0) | (underline ? A_UNDERLINE : 0);
}

/// Installs `handler` for `signal` without SA_RESTART, so a blocked read returns; saves the old action in `previous`.
static inline int chancery_catch_signal(int signal, void (*handler)(int), struct sigaction *previous) {
    struct sigaction action = {0};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    return sigaction(signal, &action, previous);
}

#endif
