/*
 * hs_date.c - retries and HTTP dates: which responses are worth retrying
 * for which method, the three HTTP-date forms of RFC 9110 (Section 5.6.7),
 * and Retry-After (Section 10.2.3). The calendar is computed here, for the
 * proleptic Gregorian calendar in UTC (the day-count algorithm of Howard
 * Hinnant's "chrono-compatible low-level date algorithms"), so nothing
 * depends on the C library's time zone, locale or time_t. Pure C99: no
 * Lua, no allocation, no writable state.
 *
 * The parsers are written for speed (make bench counts their instructions
 * against nginx's, APR's, curl's and libc's): fixed places are read
 * straight, names are matched by a switch on their three letters, and the
 * calendar is integer arithmetic on non-negative years. They keep every
 * check of 1.1.1, in the same order (tests/test_dates.c compares them with
 * the 1.1.1 parsers, tests/date_reference.c, on millions of inputs).
 */
#include <string.h>

#include "httpstatus.h"

/* --- methods -------------------------------------------------------------- */

HS_API int hs_is_idempotent(const char *method, size_t len) {
    static const char *const idempotent[] = { "GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE" };
    size_t i;
    if (method == NULL) return 0;
    for (i = 0; i < sizeof idempotent / sizeof idempotent[0]; i++)
        if (strlen(idempotent[i]) == len && memcmp(idempotent[i], method, len) == 0) return 1;
    return 0;
}

HS_API int hs_is_retryable_method(int code, const char *method, size_t len) {
    switch (code) {
    case 408: case 425: case 429: return 1;  /* the request was not processed */
    case 500: case 502: case 503: case 504: return hs_is_idempotent(method, len);
    default: return 0;
    }
}

/* --- the calendar ---------------------------------------------------------- */

/* Days from 1970-01-01 to y-m-d, for y from -1 on: Hinnant's count of
 * days in years that begin in March (so that a leap day is the last day
 * of its year), with the year moved 400 years up (one cycle, 146097 days),
 * so that every division is of a non-negative number by a constant. */
static long long hs_days_from_civil(int y, int m, int d) {
    /* days from 1 March to the first of each month */
    static const unsigned short from_march[13] = { 0, 306, 337, 0, 31, 61, 92, 122, 153, 184, 214, 245, 275 };
    unsigned yy = (unsigned)(y + 400 - (m <= 2));
    return (long long)(yy * 365u + yy / 4 - yy / 100 + yy / 400 + from_march[m] + (unsigned)d - 1) -
           719468 - 146097;
}

/* The date of day z after 1970-01-01, for z from the first day of year 0:
 * the same era shift. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline void hs_civil_from_days(long long z, int *y, int *m, int *d) {
    unsigned zz = (unsigned)(z + 719468 + 146097);  /* years 0-9999: below 4.6 million */
    unsigned era = zz / 146097;
    unsigned doe = zz - era * 146097;
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400) - 400 + (*m <= 2);
}

static int hs_is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/* Whether t is a time of the years 0000-9999 (one compare). */
static int hs_in_years(long long t) {
    return (unsigned long long)(t - HS_YEAR0) <= (unsigned long long)(HS_HTTP_DATE_MAX - HS_YEAR0);
}

/* --- the three forms ------------------------------------------------------- */

static const char hs_day_names[] = "SunMonTueWedThuFriSat";
static const char hs_months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";

/* Small functions of the parsers, inlined where the compiler can. */
#if defined(__GNUC__)
#define HS_INLINE static inline __attribute__((always_inline))
#else
#define HS_INLINE static inline
#endif

/* The 4 bytes at s as a number, the first in the low byte. */
HS_INLINE unsigned hs_load4(const char *s) {
    const unsigned char *u = (const unsigned char *)s;
    return (unsigned)u[0] | (unsigned)u[1] << 8 | (unsigned)u[2] << 16 | (unsigned)u[3] << 24;
}

/* Three bytes as one number, the first in the low byte, to compare a
 * name in one step (read as one load and a mask; s has a fourth byte). */
#define HS_KEY3(a, b, c) ((unsigned)(unsigned char)(a) | (unsigned)(unsigned char)(b) << 8 | \
                          (unsigned)(unsigned char)(c) << 16)
#define HS_KEY3S(s) (hs_load4(s) & 0xFFFFFFu)

/* The 8 bytes at s as a number, the first in the low byte, on any
 * machine (compilers make it one load on a little-endian one). */
HS_INLINE unsigned long long hs_load8(const char *s) {
    const unsigned char *u = (const unsigned char *)s;
    return (unsigned long long)u[0] | (unsigned long long)u[1] << 8 | (unsigned long long)u[2] << 16 |
           (unsigned long long)u[3] << 24 | (unsigned long long)u[4] << 32 | (unsigned long long)u[5] << 40 |
           (unsigned long long)u[6] << 48 | (unsigned long long)u[7] << 56;
}

/*
 * The names, by a perfect hash of their three letters (found by search:
 * no two names of a kind share a slot), then one compare with the name in
 * that slot: 1-12 for a month, 0-6 for a day (Sunday first), or -1.
 */
#define HS_MONTH_SLOT(k) ((((k) * 61u) >> 15) & 15u)
#define HS_DAY_SLOT(k) ((((k) * 25u) >> 14) & 7u)

static const unsigned hs_month_keys[16] = {
#define HS_M(a, b, c, n) [HS_MONTH_SLOT(HS_KEY3(a, b, c))] = HS_KEY3(a, b, c)
    HS_M('J', 'a', 'n', 1), HS_M('F', 'e', 'b', 2), HS_M('M', 'a', 'r', 3), HS_M('A', 'p', 'r', 4),
    HS_M('M', 'a', 'y', 5), HS_M('J', 'u', 'n', 6), HS_M('J', 'u', 'l', 7), HS_M('A', 'u', 'g', 8),
    HS_M('S', 'e', 'p', 9), HS_M('O', 'c', 't', 10), HS_M('N', 'o', 'v', 11), HS_M('D', 'e', 'c', 12),
#undef HS_M
};
static const signed char hs_month_numbers[16] = {
#define HS_M(a, b, c, n) [HS_MONTH_SLOT(HS_KEY3(a, b, c))] = n
    HS_M('J', 'a', 'n', 1), HS_M('F', 'e', 'b', 2), HS_M('M', 'a', 'r', 3), HS_M('A', 'p', 'r', 4),
    HS_M('M', 'a', 'y', 5), HS_M('J', 'u', 'n', 6), HS_M('J', 'u', 'l', 7), HS_M('A', 'u', 'g', 8),
    HS_M('S', 'e', 'p', 9), HS_M('O', 'c', 't', 10), HS_M('N', 'o', 'v', 11), HS_M('D', 'e', 'c', 12),
#undef HS_M
};
static const unsigned hs_day_keys[8] = {
#define HS_D(a, b, c, n) [HS_DAY_SLOT(HS_KEY3(a, b, c))] = HS_KEY3(a, b, c)
    HS_D('S', 'u', 'n', 0), HS_D('M', 'o', 'n', 1), HS_D('T', 'u', 'e', 2), HS_D('W', 'e', 'd', 3),
    HS_D('T', 'h', 'u', 4), HS_D('F', 'r', 'i', 5), HS_D('S', 'a', 't', 6),
#undef HS_D
};
static const signed char hs_day_numbers[8] = {
#define HS_D(a, b, c, n) [HS_DAY_SLOT(HS_KEY3(a, b, c))] = n
    HS_D('S', 'u', 'n', 0), HS_D('M', 'o', 'n', 1), HS_D('T', 'u', 'e', 2), HS_D('W', 'e', 'd', 3),
    HS_D('T', 'h', 'u', 4), HS_D('F', 'r', 'i', 5), HS_D('S', 'a', 't', 6),
#undef HS_D
};

/* 1-12 for the month name at s, 0 otherwise. */
HS_INLINE int hs_month(const char *s) {
    unsigned k = HS_KEY3S(s), slot = HS_MONTH_SLOT(k);
    return hs_month_keys[slot] == k ? hs_month_numbers[slot] : 0;
}

/* 0-6 (Sunday first) for the short day name at s, -1 otherwise. */
HS_INLINE int hs_day3(const char *s) {
    unsigned k = HS_KEY3S(s), slot = HS_DAY_SLOT(k);
    return hs_day_keys[slot] == k ? hs_day_numbers[slot] : -1;
}

/* Whether s[0..len) is a long day name (rfc850-date's day-name-l): its
 * short name, then the whole name of that day, of that length, compared
 * as one word (and the ninth byte of "Wednesday"). s has at least 30
 * bytes (an rfc850-date's comma is followed by 24). */
static int hs_is_long_day(const char *s, size_t len) {
    static const unsigned char lengths[] = { 6, 6, 7, 9, 8, 6, 8 };
    static const unsigned long long names[] = {  /* the first 8 bytes, first byte low */
        0x00007961646E7553ULL,  /* "Sunday" */
        0x00007961646E6F4DULL,  /* "Monday" */
        0x0079616473657554ULL,  /* "Tuesday" */
        0x616473656E646557ULL,  /* "Wednesda" */
        0x7961647372756854ULL,  /* "Thursday" */
        0x0000796164697246ULL,  /* "Friday" */
        0x7961647275746153ULL,  /* "Saturday" */
    };
    static const unsigned long long masks[] = {  /* the bytes of the name, of the first 8 */
        0xFFFFFFFFFFFFULL, 0xFFFFFFFFFFFFULL, 0xFFFFFFFFFFFFFFULL, ~0ULL, ~0ULL, 0xFFFFFFFFFFFFULL, ~0ULL
    };
    int i = hs_day3(s);
    if (i < 0 || lengths[i] != len) return 0;
    return (hs_load8(s) & masks[i]) == names[i] && (len < 9 || s[8] == 'y');
}

/* The parts of a date, as read. */
typedef struct hs_date_parts {
    int year, month, day, hour, minute, second;
} hs_date_parts;

/*
 * Digits read as one word: x is the text's bytes XOR '0' in the bytes
 * that hold digits, and `high` has 0xF0 in those bytes. A digit's byte is
 * then 0-9 exactly when its high nibble is clear and stays clear when 6
 * is added; *bad becomes non-zero for any other. Returned: each byte 10
 * times itself plus the next byte (nothing carries: no byte is above 99),
 * so that the first byte of each pair of digits holds its number.
 */
HS_INLINE unsigned long long hs_pairs(unsigned long long x, unsigned long long high, unsigned *bad) {
    *bad |= ((x & high) | ((x + (high >> 4 & 0x0606060606060606ULL)) & high)) != 0;
    return x * 10 + (x >> 8);
}

/* " GMT" as hs_load4 reads it */
#define HS_SP_GMT 0x544D4720u

/*
 * "HH:MM:SS" at s, read as one word: XOR with "00:00:00" makes each digit
 * 0-9 and each colon 0; a digit's byte is 0-9 exactly when its high nibble
 * is clear and stays clear when 6 is added, and a colon's must be 0. *bad
 * becomes non-zero for anything else. Then HS_DATE_E_TIME or HS_OK:
 * 23:59:60, the leap second the grammar's comment allows, is read later
 * as the next second, since POSIX time has no leap seconds.
 */
HS_INLINE int hs_time_of_day(const char *s, hs_date_parts *p, unsigned *bad) {
    unsigned long long x = hs_load8(s) ^ 0x30303A30303A3030ULL;  /* "00:00:00", first byte low */
    unsigned long long pairs = hs_pairs(x, 0xF0F000F0F000F0F0ULL, bad);  /* bytes 0, 3, 6: HH MM SS */
    /* HH, MM and SS (each 0-99 when *bad stays 0) with empty bytes
     * between them, so that adding 256 - 24, 256 - 60 and 256 - 60 carries
     * out of a field exactly when it is over 23, 59 and 59 */
    unsigned long long hms = pairs & 0x00FF0000FF0000FFULL, over = (hms + 0x00C40000C40000E8ULL) & 0x0100000100000100ULL;
    *bad |= (x & 0x0000FF0000FF0000ULL) != 0;  /* the colons */
    p->hour = (int)(hms & 0xFF);
    p->minute = (int)(hms >> 24 & 0xFF);
    p->second = (int)(hms >> 48);
    /* one test of all, with no branch to mispredict: over the limits only
     * at 23:59:60 */
    return ((over != 0) & (hms != 0x003C00003B000017ULL)) ? HS_DATE_E_TIME : HS_OK;
}

/* "Sun, 06 Nov 1994 08:49:37 GMT" (len is 29). Each check is 1.1.1's, in
 * its order: the syntax, the day name, the month, the zone, the time. */
HS_INLINE int hs_imf_fixdate(const char *s, hs_date_parts *p) {
    unsigned long long w = hs_load8(s + 4);  /* " 06 Nov ": spaces at 0, 3 and 7 */
    unsigned zone = hs_load4(s + 25), bad = (w & 0xFF000000FF0000FFULL) != 0x2000000020000020ULL;
    unsigned long long pairs;
    int rc;
    bad |= (s[16] != ' ') | ((zone & 0xFF) != ' ');
    /* the day's two digits and the year's four, in one word: DDYYYY */
    pairs = hs_pairs(((w >> 8 & 0xFFFF) | (unsigned long long)hs_load4(s + 12) << 16) ^ 0x303030303030ULL,
                     0xF0F0F0F0F0F0ULL, &bad);
    p->day = (int)(pairs & 0xFF);
    p->year = (int)(pairs >> 16 & 0xFF) * 100 + (int)(pairs >> 32 & 0xFF);
    rc = hs_time_of_day(s + 17, p, &bad);
    if (bad) return HS_DATE_E_SYNTAX;
    if (hs_day3(s) < 0) return HS_DATE_E_DAYNAME;
    if ((p->month = hs_month(s + 8)) == 0) return HS_DATE_E_MONTH;
    if (zone != HS_SP_GMT) return HS_DATE_E_ZONE;
    return rc;
}

/* "Sunday, 06-Nov-94 08:49:37 GMT" (len is comma + 24); the year is two
 * digits of a century hs_resolve_year chooses. */
static int hs_rfc850_date(const char *s, size_t comma, hs_date_parts *p) {
    const char *r = s + comma;  /* ", DD-Mon-YY HH:MM:SS GMT" */
    unsigned long long w0 = hs_load8(r), w1 = hs_load8(r + 8);  /* ", DD-Mon" and "-YY HH:M" */
    unsigned zone = hs_load4(r + 20);
    unsigned bad = ((w0 & 0x000000FF0000FF00ULL) != 0x0000002D00002000ULL) |
                   ((w1 & 0x00000000FF0000FFULL) != 0x000000002000002DULL) | ((zone & 0xFF) != ' ');
    unsigned long long pairs;
    int rc;
    /* the day's two digits and the year's, in one word: DDYY */
    pairs = hs_pairs(((w0 >> 16 & 0xFFFF) | (w1 >> 8 & 0xFFFF) << 16) ^ 0x30303030ULL, 0xF0F0F0F0ULL, &bad);
    p->day = (int)(pairs & 0xFF);
    p->year = (int)(pairs >> 16 & 0xFF);
    rc = hs_time_of_day(r + 12, p, &bad);
    if (bad) return HS_DATE_E_SYNTAX;
    if (!hs_is_long_day(s, comma)) return HS_DATE_E_DAYNAME;
    if ((p->month = hs_month(r + 5)) == 0) return HS_DATE_E_MONTH;
    if (zone != HS_SP_GMT) return HS_DATE_E_ZONE;
    return rc;
}

/* "Sun Nov  6 08:49:37 1994" (len is 24; the day is 2DIGIT or SP DIGIT) */
HS_INLINE int hs_asctime_date(const char *s, hs_date_parts *p) {
    unsigned long long w = hs_load8(s);  /* "Sun Nov ": spaces at 3 and 7 */
    unsigned bad = ((w & 0xFF000000FF000000ULL) != 0x2000000020000000ULL) | (s[10] != ' ') | (s[19] != ' ');
    unsigned long long day = (unsigned char)s[8] | (unsigned)(unsigned char)s[9] << 8, pairs;
    int rc;
    if (s[8] == ' ') day |= 0x10;  /* SP DIGIT: the space reads as a '0' */
    /* the day's two digits and the year's four, in one word: DDYYYY */
    pairs = hs_pairs((day | (unsigned long long)hs_load4(s + 20) << 16) ^ 0x303030303030ULL, 0xF0F0F0F0F0F0ULL, &bad);
    p->day = (int)(pairs & 0xFF);
    p->year = (int)(pairs >> 16 & 0xFF) * 100 + (int)(pairs >> 32 & 0xFF);
    rc = hs_time_of_day(s + 11, p, &bad);
    if (bad) return HS_DATE_E_SYNTAX;
    if (hs_day3(s) < 0) return HS_DATE_E_DAYNAME;
    if ((p->month = hs_month(s + 4)) == 0) return HS_DATE_E_MONTH;
    return rc;
}

/*
 * RFC 9110, Section 5.6.7: a two-digit year whose timestamp would be more
 * than 50 years in the future is the most recent past year with the same
 * last two digits. The year is chosen within 50 years of now's, then
 * moved a century back when the date is later than the same month, day
 * and time 50 years on (timestamps compared, not years).
 */
static int hs_resolve_year(hs_date_parts *p, long long now) {
    unsigned days, scaled;
    int y, m, d, limit;
    if (!hs_in_years(now)) return HS_DATE_E_NOW;
    days = (unsigned)((unsigned long long)(now - HS_YEAR0) / 86400);  /* days since 0000-01-01 */
    /* now's year: 400 years are 146097 days, and with 291 more this is it
     * or the one after, never the one before; and it is the one after only
     * with a remainder of 482 or less (both checked for every day of
     * 0000-9999), when the first of January tells */
    scaled = days * 400 + 291;
    y = (int)(scaled / 146097);
    if (scaled - (unsigned)y * 146097 <= 482 && hs_days_from_civil(y, 1, 1) > (long long)days + HS_YEAR0 / 86400)
        y--;
    limit = y + 50;
    y = limit - (int)((unsigned)(limit - p->year + 100) % 100u);  /* limit - year is -49 at the least */
    if (y == limit) {  /* 50 years on: compare with now's month, day and time */
        int t = p->hour * 3600 + p->minute * 60 + p->second, secs = (int)((now - HS_YEAR0) % 86400), ny;
        hs_civil_from_days((long long)days + HS_YEAR0 / 86400, &ny, &m, &d);
        if (p->month > m || (p->month == m && (p->day > d || (p->day == d && t > secs)))) y -= 100;
    }
    p->year = y;
    return HS_OK;
}

/* The time of the parts: the day checked against its month and year, and
 * the result against the years 0000-9999 (an rfc850 year may fall outside,
 * and 9999-12-31 23:59:60 does). */
static int hs_date_value(const hs_date_parts *p, long long *out) {
    static const unsigned char days[] = { 0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    long long t;
    if ((unsigned)p->day - 1 >= days[p->month] || (p->month == 2 && p->day == 29 && !hs_is_leap(p->year)))
        return HS_DATE_E_DAY;
    t = hs_days_from_civil(p->year, p->month, p->day) * 86400 + p->hour * 3600LL + p->minute * 60LL + p->second;
    if (!hs_in_years(t)) return HS_DATE_E_RANGE;
    if (out) *out = t;
    return HS_OK;
}

HS_API int hs_parse_http_date(const char *s, size_t len, long long now, long long *out) {
    hs_date_parts p;
    size_t comma = 0;
    int rc;
    /* the shortest form, asctime-date, has 24 bytes: from here s[0..23] can be read */
    if (s == NULL || len < 24) return HS_DATE_E_SYNTAX;
    /* the form: a comma at 3 (IMF-fixdate) or after a long day name at
     * 6-9 (rfc850-date; not after one at 4 or 5), else a space at 3
     * (asctime-date) */
    if (s[3] == ',')
        comma = 3;
    else if (s[4] != ',' && s[5] != ',')  /* the first comma at 6-9, if any */
        comma = s[6] == ',' ? 6 : s[7] == ',' ? 7 : s[8] == ',' ? 8 : s[9] == ',' ? 9 : 0;
    if (comma == 3) {
        rc = len == HS_HTTP_DATE_LEN ? hs_imf_fixdate(s, &p) : HS_DATE_E_SYNTAX;
    } else if (comma) {
        rc = len == comma + 24 ? hs_rfc850_date(s, comma, &p) : HS_DATE_E_SYNTAX;
        if (rc == HS_OK) rc = hs_resolve_year(&p, now);
    } else if (s[3] == ' ' && len == 24) {
        rc = hs_asctime_date(s, &p);
    } else {
        rc = HS_DATE_E_SYNTAX;
    }
    if (rc != HS_OK) return rc;
    return hs_date_value(&p, out);
}

HS_API size_t hs_format_http_date(long long t, char *buf, size_t size) {
    char text[HS_HTTP_DATE_LEN + 1];
    long long days;
    int y, m, d, secs, wday;
    size_t k;
    if (t < HS_HTTP_DATE_MIN || t > HS_HTTP_DATE_MAX) return 0;
    days = t / 86400;
    secs = (int)(t % 86400);
    hs_civil_from_days(days, &y, &m, &d);
    wday = (int)((days + 4) % 7);  /* 1970-01-01 was a Thursday */
    memcpy(text, hs_day_names + 3 * (size_t)wday, 3);
    text[3] = ',';
    text[4] = ' ';
    text[5] = (char)('0' + d / 10);
    text[6] = (char)('0' + d % 10);
    text[7] = ' ';
    memcpy(text + 8, hs_months + 3 * (size_t)(m - 1), 3);
    text[11] = ' ';
    text[12] = (char)('0' + y / 1000);
    text[13] = (char)('0' + y / 100 % 10);
    text[14] = (char)('0' + y / 10 % 10);
    text[15] = (char)('0' + y % 10);
    text[16] = ' ';
    text[17] = (char)('0' + secs / 36000);
    text[18] = (char)('0' + secs / 3600 % 10);
    text[19] = ':';
    text[20] = (char)('0' + secs % 3600 / 600);
    text[21] = (char)('0' + secs % 3600 / 60 % 10);
    text[22] = ':';
    text[23] = (char)('0' + secs % 60 / 10);
    text[24] = (char)('0' + secs % 10);
    text[25] = ' ';
    text[26] = 'G';
    text[27] = 'M';
    text[28] = 'T';
    if (size > 0) {
        k = size - 1 < HS_HTTP_DATE_LEN ? size - 1 : HS_HTTP_DATE_LEN;
        memcpy(buf, text, k);
        buf[k] = '\0';
    }
    return HS_HTTP_DATE_LEN;
}

/* --- Retry-After ------------------------------------------------------------ */

HS_API int hs_retry_after(const char *s, size_t len, long long now, long long *seconds) {
    size_t i;
    long long v = 0;
    int rc;
    if (s == NULL) len = 0;
    while (len > 0 && (s[0] == ' ' || s[0] == '\t')) s++, len--;
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t')) len--;
    if (len == 0) return HS_DATE_E_RETRY;
    if (s[0] >= '0' && s[0] <= '9') {  /* delay-seconds = 1*DIGIT */
        for (i = 0; i < len; i++) {
            if (s[i] < '0' || s[i] > '9') return HS_DATE_E_RETRY;
            if (v <= HS_RETRY_AFTER_MAX) v = v * 10 + (s[i] - '0');
        }
        if (seconds) *seconds = v > HS_RETRY_AFTER_MAX ? HS_RETRY_AFTER_MAX : v;
        return HS_OK;
    }
    if (!hs_in_years(now)) return HS_DATE_E_NOW;
    rc = hs_parse_http_date(s, len, now, &v);
    if (rc == HS_DATE_E_SYNTAX) return HS_DATE_E_RETRY;
    if (rc != HS_OK) return rc;
    if (seconds) *seconds = v > now ? v - now : 0;
    return HS_OK;
}
