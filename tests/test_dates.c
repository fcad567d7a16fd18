/*
 * test_dates.c - the HTTP-date and Retry-After parsers of 1.2 give the
 * same answers and the same errors as those of 1.1.1 (tests/date_reference.c),
 * for every input of the date fuzzer's committed corpus and for 1 000 000
 * generated ones: valid dates of the three forms, each also changed at one
 * place (a byte replaced, dropped or doubled), under many a `now`.
 *
 * Usage: test_dates [FILE...] (the fuzz corpus). Prints TAP (tests/tap.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "httpstatus.h"
#include "tap.h"

int ref_parse_http_date(const char *s, size_t len, long long now, long long *out);
int ref_retry_after(const char *s, size_t len, long long now, long long *seconds);

static long differences;
static long answers[HS_ERRNO_COUNT];  /* how often hs_parse_http_date gave each answer */

/* Both parsers, both functions, on s[0..len) with now. */
static void compare(const char *s, size_t len, long long now) {
    long long a = -1, b = -1;
    int ra, rb;
    /* in a buffer of exactly its length, so that a read past it is seen
     * under AddressSanitizer (make sanitize runs this test) */
    char *exact = (char *)malloc(len ? len : 1);
    if (exact == NULL) return;
    memcpy(exact, s, len);
    s = exact;
    ra = hs_parse_http_date(s, len, now, &a);
    rb = ref_parse_http_date(s, len, now, &b);
    if (ra >= 0 && ra < HS_ERRNO_COUNT) answers[ra]++;
    if (ra != rb || (ra == HS_OK && a != b)) {
        if (differences++ < 5)
            (void)printf("# parse_http_date(\"%.*s\", %lld): %d %lld, 1.1.1: %d %lld\n", (int)len, s, now, ra, a, rb, b);
    }
    a = b = -1;
    ra = hs_retry_after(s, len, now, &a);
    rb = ref_retry_after(s, len, now, &b);
    if (ra != rb || (ra == HS_OK && a != b)) {
        if (differences++ < 5)
            (void)printf("# retry_after(\"%.*s\", %lld): %d %lld, 1.1.1: %d %lld\n", (int)len, s, now, ra, a, rb, b);
    }
    free(exact);
}

static unsigned long long rng = 88172645463325252ULL;
static unsigned long long next(void) {  /* xorshift64 */
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* A time of the years 0000-9999 and beyond them a little, or a now. */
static long long any_time(void) {
    return (long long)(next() % (HS_HTTP_DATE_MAX - HS_YEAR0 + 2 * 86400LL * 366)) + HS_YEAR0 - 86400LL * 366;
}

static const char *const wdays[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
static const char *const longs[] = { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                     "Saturday" };
static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                                      "Oct", "Nov", "Dec" };
/* bytes a mutation puts in: the date's own characters and their near misses */
static const char alphabet[] = "0123456789 ,:-GMTUCSunMoTeWdhFriaJFbrApyJlgOctNvD\t\n\0\377xX9:0";

static size_t generate(char *buf, size_t size) {
    unsigned long long r = next();
    int y = (int)(r % 10000), m = (int)(r / 10000 % 12), d = 1 + (int)(r / 120000 % 31);
    int hh = (int)(r / 3720000 % 25), mm = (int)(next() % 61), ss = (int)(next() % 62);
    int w = (int)(next() % 7), form = (int)(next() % 3);
    int n;
    if (next() % 8 == 0) hh = 23, mm = 59, ss = 60;  /* the leap second, now and then */
    if (form == 0)
        n = snprintf(buf, size, "%s, %02d %s %04d %02d:%02d:%02d GMT", wdays[w], d, months[m], y, hh, mm, ss);
    else if (form == 1)
        n = snprintf(buf, size, "%s, %02d-%s-%02d %02d:%02d:%02d GMT", longs[w], d, months[m], y % 100, hh, mm, ss);
    else
        n = snprintf(buf, size, "%s %s %2d %02d:%02d:%02d %04d", wdays[w], months[m], d, hh, mm, ss, y);
    return n > 0 && (size_t)n < size ? (size_t)n : 0;
}

/* Days from 1970-01-01 to the first of January of y, counted simply. */
static long long first_of_year(long y) {
    long long days = 0;
    long k;
    for (k = 1970; k < y; k++) days += (k % 4 == 0 && (k % 100 != 0 || k % 400 == 0)) ? 366 : 365;
    for (k = y; k < 1970; k++) days -= (k % 4 == 0 && (k % 100 != 0 || k % 400 == 0)) ? 366 : 365;
    return days;
}

/* An rfc850-date 50 years on from a now near the turn of a year, where
 * the century of its two-digit year turns on the month, day and second. */
static size_t turn_of_year(char *buf, size_t size, long long *now) {
    long y = (long)(next() % 10000);
    int m = next() % 2 ? 12 : 1, d = m == 12 ? 30 + (int)(next() % 2) : 1 + (int)(next() % 2);
    int n;
    *now = first_of_year(y) * 86400 + (long long)(next() % (4ULL * 86400)) - 2LL * 86400;
    n = snprintf(buf, size, "%s, %02d-%s-%02ld %02d:%02d:%02d GMT", longs[next() % 7], d, months[m - 1],
                 (long)((y + 50 + (long)(next() % 3) - 1 + 100) % 100), (int)(next() % 24), (int)(next() % 60),
                 (int)(next() % 60));
    return n > 0 && (size_t)n < size ? (size_t)n : 0;
}

/* One change at one place: a byte replaced, dropped or doubled. */
static size_t mutate(char *buf, size_t len, size_t size) {
    size_t at = (size_t)(next() % (len + 1));
    switch (next() % 4) {
    case 0:
        if (at < len) buf[at] = alphabet[next() % (sizeof alphabet - 1)];
        return len;
    case 1:
        if (at < len) memmove(buf + at, buf + at + 1, len - at - 1), len--;
        return len;
    case 2:
        if (len + 1 < size && at < len) memmove(buf + at + 1, buf + at, len - at), len++;
        return len;
    default:
        return len;  /* unchanged */
    }
}

int main(int argc, char **argv) {
    char buf[64];
    long i, inputs = 0;
    int f;
    for (f = 1; f < argc; f++) {  /* the fuzz corpus, as the fuzzer reads it: 8 bytes of now first */
        FILE *in = fopen(argv[f], "rb");
        unsigned char data[4096];
        size_t n;
        long long now = 1764000000LL;
        if (!in) continue;
        n = fread(data, 1, sizeof data, in);
        (void)fclose(in);
        compare((const char *)data, n, now);
        if (n >= 8) {
            unsigned long long u = 0;
            int k;
            for (k = 0; k < 8; k++) u = u << 8 | data[k];
            now = (long long)(u % 400000000000ULL) - 100000000000LL;
            compare((const char *)data + 8, n - 8, now);
        }
        inputs++;
    }
    tap(differences == 0 && inputs == argc - 1, "the fuzz corpus: the same answers as 1.1.1");
    for (i = 0; i < 1000000; i++) {
        size_t len = generate(buf, sizeof buf);
        long long now = i % 4 ? any_time() : 1764000000LL;
        if (i % 2) len = mutate(buf, len, sizeof buf);
        compare(buf, len, now);
    }
    (void)printf("# %ld corpus inputs and 1000000 generated ones, %ld differences\n", inputs, differences);
    tap(differences == 0, "1000000 generated dates, valid and changed at one place: the same answers as 1.1.1");
    differences = 0;
    for (i = 0; i < 200000; i++) {
        long long now = 0;
        size_t len = turn_of_year(buf, sizeof buf, &now);
        compare(buf, len, now);
    }
    tap(differences == 0, "200000 rfc850-dates 50 years on from a now at the turn of a year: the same answers");
    {   /* the inputs reach every answer: a success and each error of a date */
        static const int kinds[] = { HS_OK, HS_DATE_E_SYNTAX, HS_DATE_E_DAYNAME, HS_DATE_E_MONTH, HS_DATE_E_DAY,
                                     HS_DATE_E_TIME, HS_DATE_E_ZONE, HS_DATE_E_NOW, HS_DATE_E_RANGE };
        int ok = 1;
        for (f = 0; f < (int)(sizeof kinds / sizeof kinds[0]); f++) {
            (void)printf("# %ld: %s\n", answers[kinds[f]], hs_strerror(kinds[f]));
            ok = ok && answers[kinds[f]] > 0;
        }
        tap(ok, "the inputs reach every answer of hs_parse_http_date");
    }
    return tap_done();
}
