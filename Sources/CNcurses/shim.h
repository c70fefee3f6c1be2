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

/// Reports presses of the first button and turns of the wheel, without waiting to tell clicks from double clicks.
static inline void chancery_enable_mouse(void) {
    mouseinterval(0);
    mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
}

/// The mouse event just read (after KEY_MOUSE): 1 a press of the first button, 2 the wheel up, 3 the wheel down,
/// 0 anything else; its cell in `x` and `y`.
static inline int chancery_read_mouse(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    if (event.bstate & BUTTON1_PRESSED) return 1;
    if (event.bstate & BUTTON4_PRESSED) return 2;
#ifdef BUTTON5_PRESSED
    if (event.bstate & BUTTON5_PRESSED) return 3;
#endif
    return 0;
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
