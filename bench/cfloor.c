/*
 * cfloor.c - the floors of bench/cbench.c: what a lookup by code costs at
 * the least, as an out-of-line call (this file is compiled apart, so that
 * nothing inlines it): an index into an array of phrases, and a bitmap
 * test, each with its range check.
 */
#include <stddef.h>

const char *floor_index(int code);
int floor_bit(const unsigned char *bits, int code);

static const char *const phrases[500] = { [200 - 100] = "OK", [404 - 100] = "Not Found" };

const char *floor_index(int code) {
    unsigned i = (unsigned)code - 100u;
    return i < 500u ? phrases[i] : NULL;
}

int floor_bit(const unsigned char *bits, int code) {
    unsigned i = (unsigned)code - 100u;
    return i < 500u && ((bits[i >> 3] >> (i & 7u)) & 1u);
}
