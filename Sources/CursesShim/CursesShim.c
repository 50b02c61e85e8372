#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE 1
#include "CursesShim.h"
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static volatile sig_atomic_t pending_signal = 0;

WINDOW *repere_stdscr(void) { return stdscr; }
int repere_lines(void) { return LINES; }
int repere_cols(void) { return COLS; }
attr_t repere_attr_bold(void) { return A_BOLD; }
attr_t repere_attr_reverse(void) { return A_REVERSE; }
attr_t repere_attr_underline(void) { return A_UNDERLINE; }
attr_t repere_attr_dim(void) { return A_DIM; }
attr_t repere_attr_normal(void) { return A_NORMAL; }

int repere_put_wide(int y, int x, const wchar_t *text, attr_t attributes, short pair) {
  cchar_t cell;
  if (setcchar(&cell, text, attributes, pair, NULL) == ERR) return ERR;
  return mvadd_wch(y, x, &cell);
}

void repere_setup_utf8_locale(void) {
  setlocale(LC_ALL, "");
  const char *codeset = nl_langinfo(CODESET);
  if (codeset == NULL || (strcasecmp(codeset, "UTF-8") != 0 && strcasecmp(codeset, "utf8") != 0)) {
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) setlocale(LC_CTYPE, "en_US.UTF-8");
  }
}

static void on_signal(int signo) { pending_signal = signo; }

void repere_install_signal_flag(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGTERM, &action, NULL);
  sigaction(SIGHUP, &action, NULL);
  sigaction(SIGINT, &action, NULL);
  sigset_t wanted;
  sigemptyset(&wanted);
  sigaddset(&wanted, SIGTERM);
  sigaddset(&wanted, SIGHUP);
  sigaddset(&wanted, SIGINT);
  sigaddset(&wanted, SIGWINCH);
  sigaddset(&wanted, SIGTSTP);
  sigaddset(&wanted, SIGCONT);
  sigprocmask(SIG_UNBLOCK, &wanted, NULL);
}

int repere_pending_signal(void) { return pending_signal; }

int repere_color_pairs(void) { return COLOR_PAIRS; }

void repere_enable_mouse(void) { mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED, NULL); mouseinterval(0); }

int repere_read_click(int *y, int *x) {
  MEVENT event;
  if (getmouse(&event) != OK) return 0;
  if (!(event.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))) return 0;
  *y = event.y;
  *x = event.x;
  return 1;
}

int repere_can_address_cursor(void) {
  char *cup = tigetstr("cup");
  return cup != NULL && cup != (char *)-1;
}

SCREEN *repere_newterm(void) { return newterm(NULL, stdout, stdin); }
