/*
 * tests/tap.h - the Test Anything Protocol for the C tests: a line
 * "ok N - name" or "not ok N - name" for each test, and the plan "1..N" at
 * the end, which tools/test.sh counts (one test, one unit of its total).
 */
#ifndef TESTS_TAP_H
#define TESTS_TAP_H

#include <stdio.h>

static int tap_count, tap_failures;

/* One test: its result and its name. */
static void tap(int ok, const char *name) {
    tap_count++;
    if (!ok) tap_failures++;
    (void)printf("%sok %d - %s\n", ok ? "" : "not ", tap_count, name);
    (void)fflush(stdout);
}

/* The plan; the exit status of the program. */
static int tap_done(void) {
    (void)printf("1..%d\n", tap_count);
    return tap_failures != 0;
}

#endif
