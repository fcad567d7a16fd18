/*
 * fuzz_date.c - libFuzzer target for the HTTP-date and Retry-After parsers
 * (hs_date.c). The first 8 bytes, when there are that many, give `now`.
 * Properties checked on every input:
 *  - a parsed date is a time of years 0-9999 and, within 1970-9999,
 *    formats to an IMF-fixdate that parses back to the same time;
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
    CHECK(hs_date_strerror(rc) != NULL);
    if (rc == HS_DATE_OK) {
        CHECK(t >= -62167219200LL - 86400LL * 366 * 60 && t <= HS_HTTP_DATE_MAX + 86400LL * 366 * 60);
        if (t >= HS_HTTP_DATE_MIN && t <= HS_HTTP_DATE_MAX) {
            CHECK(hs_format_http_date(t, buf, sizeof buf) == HS_HTTP_DATE_LEN);
            CHECK(hs_parse_http_date(buf, HS_HTTP_DATE_LEN, now, &again) == HS_DATE_OK && again == t);
            CHECK(hs_parse_http_date(buf, HS_HTTP_DATE_LEN, 0, &again) == HS_DATE_OK && again == t);
        }
    }
    rc = hs_retry_after(s, size, now, &seconds);
    CHECK(hs_date_strerror(rc) != NULL);
    if (rc == HS_DATE_OK) {
        CHECK(seconds >= 0 && seconds <= HS_RETRY_AFTER_MAX + (HS_HTTP_DATE_MAX + 62167219200LL));
        if (hs_parse_http_date(s, size, now, &t) == HS_DATE_OK)
            CHECK(seconds == (t > now ? t - now : 0));
    }
    return 0;
}
