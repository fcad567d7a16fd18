/*
 * fuzz_date.c - libFuzzer target for the HTTP-date and Retry-After parsers
 * (hs_date.c). The first 8 bytes, when there are that many, give `now`.
 * Properties checked on every input:
 *  - a parsed date is a time of the years 0000-9999 and, from 1970 on,
 *    formats to an IMF-fixdate that parses back to the same time;
 *  - an independent oracle, a calendar written here another way (days
 *    counted a year at a time, in 400-year cycles, from 0000-01-01): an
 *    IMF-fixdate or asctime-date that parses is the oracle's time of the
 *    fields read from the text at their fixed places, and a formatted
 *    date writes the oracle's year, month, day and weekday;
 *  - an IMF-fixdate parses the same whatever `now` is;
 *  - Retry-After gives 0 to 2^31 seconds, and a date's seconds are its
 *    distance from now;
 *  - every error has a message.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "httpstatus.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* --- the oracle ------------------------------------------------------------ */

static int leap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int month_days(long y, int m) {
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return days[m - 1] + (m == 2 && leap(y));
}

/* Days from 0000-01-01 to y-m-d (y 0-9999): 146097 days a 400 years, then a
 * year at a time, then a month at a time. */
static long long oracle_days(long y, int m, int d) {
    long long days = (long long)(y / 400) * 146097;
    long year;
    int month;
    for (year = y - y % 400; year < y; year++) days += leap(year) ? 366 : 365;
    for (month = 1; month < m; month++) days += month_days(y, month);
    return days + d - 1;
}

/* Days from 0000-01-01 to 1970-01-01. */
#define ORACLE_EPOCH 719528LL

static const char *const months = "JanFebMarAprMayJunJulAugSepOctNovDec";
static const char *const wdays = "SunMonTueWedThuFriSat";

static int digits(const char *s, int n) {
    int v = 0, i;
    for (i = 0; i < n; i++) v = v * 10 + (s[i] == ' ' ? 0 : s[i] - '0');
    return v;
}

static int month_at(const char *s) {
    int m;
    for (m = 0; m < 12; m++)
        if (memcmp(months + 3 * (size_t)m, s, 3) == 0) return m + 1;
    return 0;
}

/* The oracle's time of a date read from fixed places: day at `day` (two
 * characters, a space for a leading zero), month at `mon`, year at `year`
 * (four digits), time at `hms`. */
static long long oracle_time(const char *s, int day, int mon, int year, int hms) {
    long long t = (oracle_days(digits(s + year, 4), month_at(s + mon), digits(s + day, 2)) - ORACLE_EPOCH) * 86400;
    return t + digits(s + hms, 2) * 3600LL + digits(s + hms + 3, 2) * 60LL + digits(s + hms + 6, 2);
}

/* The formatted IMF-fixdate of t (1970 on) against the oracle's calendar,
 * found by counting days from 1970 forward. */
static void check_format(long long t, const char *buf) {
    long long days = t / 86400, secs = t % 86400;
    long y = 1970;
    int m = 1, d;
    while (days >= (leap(y) ? 366 : 365)) days -= leap(y) ? 366 : 365, y++;
    while (days >= month_days(y, m)) days -= month_days(y, m), m++;
    d = (int)days + 1;
    CHECK(memcmp(buf, wdays + 3 * (size_t)((t / 86400 + 4) % 7), 3) == 0);
    CHECK(digits(buf + 5, 2) == d && month_at(buf + 8) == m && digits(buf + 12, 4) == y);
    CHECK(digits(buf + 17, 2) == secs / 3600 && digits(buf + 20, 2) == secs / 60 % 60 &&
          digits(buf + 23, 2) == secs % 60);
}

/* --- the target -------------------------------------------------------------- */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    long long now = 1764000000LL, t, again, seconds;
    char buf[HS_HTTP_DATE_LEN + 1];
    const char *s = (const char *)data;
    int rc;
    if (size >= 8) {
        uint64_t u = 0;
        int i;
        for (i = 0; i < 8; i++) u = u << 8 | data[i];
        now = (long long)(u % 400000000000ULL) - 100000000000LL;  /* years 0-9999, and beyond */
        s += 8;
        size -= 8;
    }
    rc = hs_parse_http_date(s, size, now, &t);
    CHECK(hs_strerror(rc) != NULL);
    if (rc == HS_OK) {
        CHECK(t >= HS_YEAR0 && t <= HS_HTTP_DATE_MAX);
        /* the fixed places of IMF-fixdate and asctime-date (23:59:60 counts
         * 60 seconds: the next second, in the oracle too) */
        if (size == HS_HTTP_DATE_LEN && s[3] == ',')
            CHECK(t == oracle_time(s, 5, 8, 12, 17));
        else if (size == 24 && s[3] == ' ')
            CHECK(t == oracle_time(s, 8, 4, 20, 11));
        if (t >= HS_HTTP_DATE_MIN) {
            CHECK(hs_format_http_date(t, buf, sizeof buf) == HS_HTTP_DATE_LEN);
            check_format(t, buf);
            CHECK(hs_parse_http_date(buf, HS_HTTP_DATE_LEN, now, &again) == HS_OK && again == t);
            CHECK(hs_parse_http_date(buf, HS_HTTP_DATE_LEN, 0, &again) == HS_OK && again == t);
        }
    }
    rc = hs_retry_after(s, size, now, &seconds);
    CHECK(hs_strerror(rc) != NULL);
    if (rc == HS_OK) {
        CHECK(seconds >= 0 && seconds <= HS_RETRY_AFTER_MAX + (HS_HTTP_DATE_MAX - HS_YEAR0));
        if (hs_parse_http_date(s, size, now, &t) == HS_OK)
            CHECK(seconds == (t > now ? t - now : 0));
    }
    return 0;
}
