// What curses does not export to Swift: macros, globals that Swift 6 rejects as not
// concurrency-safe, and an async-signal-safe flag for SIGTERM/SIGHUP/SIGINT.
#ifndef REPERE_CURSES_SHIM_H
#define REPERE_CURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <wchar.h>

/// The standard screen window.
WINDOW *repere_stdscr(void);
int repere_lines(void);
int repere_cols(void);
/// Attribute bits (A_BOLD, …) that are macros in curses.h.
attr_t repere_attr_bold(void);
attr_t repere_attr_reverse(void);
attr_t repere_attr_underline(void);
attr_t repere_attr_dim(void);
attr_t repere_attr_normal(void);
/// Draws one wide character (with its combining marks) at y, x with attributes and a colour pair.
int repere_put_wide(int y, int x, const wchar_t *text, attr_t attributes, short pair);
/// Sets the locale from the environment and falls back to C.UTF-8 when the codeset is not
/// UTF-8 (LANG unset): otherwise accents, the em dash and box lines vanish.
void repere_setup_utf8_locale(void);
/// Installs handlers for SIGTERM, SIGHUP and SIGINT that only set a flag, and unblocks the
/// signals the UI needs (a parent may have blocked them). A second signal, or a first one the
/// main loop has not acted on within 5 s, restores the terminal and exits at once.
void repere_install_signal_flag(void);
/// The last terminating signal received, or 0.
int repere_pending_signal(void);
/// newterm on stdout/stdin: returns NULL (instead of exiting like initscr) when the terminal
/// cannot be used.
SCREEN *repere_newterm(void);
/// COLOR_PAIRS (a global Swift 6 rejects).
int repere_color_pairs(void);
/// Reports left-button clicks as KEY_MOUSE.
void repere_enable_mouse(void);
/// The cell of the last left click (after KEY_MOUSE); 0 when it was not a left click.
int repere_read_click(int *y, int *x);
/// Whether the terminal can address the cursor (a "dumb" terminal cannot).
int repere_can_address_cursor(void);
#endif
