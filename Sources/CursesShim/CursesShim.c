#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE 1
#include "CursesShim.h"
#include <langinfo.h>
#include <pthread.h>
#include <termios.h>
#include <time.h>
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

/* The terminal's modes before curses changed them, for an exit that cannot wait for endwin. */
static struct termios saved_modes;
static int have_saved_modes = 0;

/* Leaves the terminal usable (bracketed paste and mouse off, main screen, cursor shown, modes
   restored) and exits 128 + signo, using only async-signal-safe calls. Journals lose nothing:
   every acknowledged event is already fsync'd, and a line cut mid-write is repaired on resume. */
static void exit_now(int signo) {
  static const char reset[] = "\033[?2004l\033[?1000l\033[?1002l\033[?1006l\033[?1049l\033[?25h\033[0m\r\n";
  ssize_t ignored = write(STDOUT_FILENO, reset, sizeof reset - 1);
  (void)ignored;
  if (have_saved_modes) tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
  _exit(128 + signo);
}

/* The first signal sets the flag the main loop reads between frames (it saves and quits
   cleanly); a second one means the user or the system will not wait: exit now. */
static void on_signal(int signo) {
  if (pending_signal != 0) exit_now(pending_signal);
  pending_signal = signo;
}

/* Seconds the main loop has to act on a signal before the watchdog ends the process itself:
   a frame or an effect that runs long (once, a 1 MB word took minutes to lay out) must never
   make SIGTERM or SIGHUP ignored (issue 18, point 5). */
#define REPERE_SIGNAL_GRACE_SECONDS 5

static void *signal_watchdog(void *unused) {
  (void)unused;
  struct timespec tick = {0, 100 * 1000 * 1000};
  int waited = 0;
  for (;;) {
    nanosleep(&tick, NULL);
    if (pending_signal == 0) continue;
    if (++waited >= REPERE_SIGNAL_GRACE_SECONDS * 10) exit_now(pending_signal);
  }
  return NULL;
}

void repere_install_signal_flag(void) {
  if (isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved_modes) == 0) have_saved_modes = 1;
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
  /* The watchdog runs with every signal blocked, so handlers always run on the main thread. */
  sigset_t all, previous;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &previous);
  pthread_t watchdog;
  if (pthread_create(&watchdog, NULL, signal_watchdog, NULL) == 0) pthread_detach(watchdog);
  pthread_sigmask(SIG_SETMASK, &previous, NULL);
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
