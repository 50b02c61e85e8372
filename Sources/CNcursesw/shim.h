// Wide-character curses. pkg-config's -D_XOPEN_SOURCE is dropped by SwiftPM, so every header
// that includes curses must ask for the wide API itself, the same way.
#ifndef REPERE_CNCURSESW_SHIM_H
#define REPERE_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#endif
