/*
 * tests/date_reference.c - the HTTP-date and Retry-After parsers of 1.1.1
 * (src/core/hs_date.c as it was before 1.2 made it faster), kept as they were,
 * as the reference of tests/test_dates.c: the new parsers must give the same
 * answer and the same error for every input. Only the names changed
 * (ref_*), and the errors are those of httpstatus.h.
 */
#include <string.h>

#include "httpstatus.h"

int ref_parse_http_date(const char *s, size_t len, long long now, long long *out);
int ref_retry_after(const char *s, size_t len, long long now, long long *seconds);

/* --- the calendar ---------------------------------------------------------- */

/* Days from 1970-01-01 to y-m-d. */
static long long ref_days_from_civil(long long y, int m, int d) {
    long long era;
    long long yoe, doy, doe;
    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;                                    /* 0-399 */
    doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  /* 0-365 */
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            /* 0-146096 */
    return era * 146097 + doe - 719468;
}

/* The date of day z after 1970-01-01. */
static void ref_civil_from_days(long long z, long long *y, int *m, int *d) {
    long long era, doe, yoe, doy, mp;
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static long long ref_floordiv(long long a, long long b) {
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

static int ref_days_in_month(long long y, int m) {
    static const unsigned char days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return days[m - 1] + (m == 2 && leap);
}

/* --- the three forms ------------------------------------------------------- */

static const char *const ref_day_names_l[] = { "Sunday", "Monday", "Tuesday", "Wednesday",
                                              "Thursday", "Friday", "Saturday" };

/* Three bytes as one number, to compare a name in one step. */
#define HS_KEY3(a, b, c) ((unsigned long)(unsigned char)(a) << 16 | (unsigned long)(unsigned char)(b) << 8 | \
                          (unsigned long)(unsigned char)(c))
static unsigned long ref_key3(const char *s) { return HS_KEY3(s[0], s[1], s[2]); }

static int ref_is_digit(char c) { return c >= '0' && c <= '9'; }

/* n digits at s (all checked), as a number; -1 if one is not a digit. */
static long long ref_digits(const char *s, int n) {
    long long v = 0;
    int i;
    for (i = 0; i < n; i++) {
        if (!ref_is_digit(s[i])) return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* 1-12 for a month name at s, 0 otherwise. */
static int ref_month(const char *s) {
    static const unsigned long months[] = {
        HS_KEY3('J', 'a', 'n'), HS_KEY3('F', 'e', 'b'), HS_KEY3('M', 'a', 'r'), HS_KEY3('A', 'p', 'r'),
        HS_KEY3('M', 'a', 'y'), HS_KEY3('J', 'u', 'n'), HS_KEY3('J', 'u', 'l'), HS_KEY3('A', 'u', 'g'),
        HS_KEY3('S', 'e', 'p'), HS_KEY3('O', 'c', 't'), HS_KEY3('N', 'o', 'v'), HS_KEY3('D', 'e', 'c')
    };
    unsigned long k = ref_key3(s);
    int i;
    for (i = 0; i < 12; i++)
        if (months[i] == k) return i + 1;
    return 0;
}

/* Whether s[0..len) is a day name: short (len 3) or long. */
static int ref_is_day_name(const char *s, size_t len) {
    static const unsigned long days[] = {
        HS_KEY3('S', 'u', 'n'), HS_KEY3('M', 'o', 'n'), HS_KEY3('T', 'u', 'e'), HS_KEY3('W', 'e', 'd'),
        HS_KEY3('T', 'h', 'u'), HS_KEY3('F', 'r', 'i'), HS_KEY3('S', 'a', 't')
    };
    unsigned long k;
    int i;
    if (len < 3) return 0;
    k = ref_key3(s);
    for (i = 0; i < 7; i++) {
        if (days[i] != k) continue;
        return len == 3 || (strlen(ref_day_names_l[i]) == len && memcmp(s, ref_day_names_l[i], len) == 0);
    }
    return 0;
}

/* The parts of a date, as read. */
typedef struct ref_date_parts {
    long long year;
    int month, day, hour, minute, second;
} ref_date_parts;

/* "HH:MM:SS" at s: HS_DATE_E_SYNTAX, HS_DATE_E_TIME or HS_DATE_OK. */
static int ref_time_of_day(const char *s, ref_date_parts *p) {
    long long h, m, sec;
    if (s[2] != ':' || s[5] != ':') return HS_DATE_E_SYNTAX;
    h = ref_digits(s, 2);
    m = ref_digits(s + 3, 2);
    sec = ref_digits(s + 6, 2);
    if (h < 0 || m < 0 || sec < 0) return HS_DATE_E_SYNTAX;
    /* 23:59:60, the leap second the grammar's comment allows; read later
     * as the next second, since POSIX time has no leap seconds */
    if (h > 23 || m > 59 || sec > 60 || (sec == 60 && (h != 23 || m != 59))) return HS_DATE_E_TIME;
    p->hour = (int)h;
    p->minute = (int)m;
    p->second = (int)sec;
    return HS_DATE_OK;
}

/* Checks the day against the month and year; the time in seconds. */
static int ref_date_value(const ref_date_parts *p, long long *out) {
    if (p->day < 1 || p->day > ref_days_in_month(p->year, p->month)) return HS_DATE_E_DAY;
    *out = ref_days_from_civil(p->year, p->month, p->day) * 86400 +
           p->hour * 3600LL + p->minute * 60LL + p->second;
    return HS_DATE_OK;
}

/* "Sun, 06 Nov 1994 08:49:37 GMT" */
static int ref_imf_fixdate(const char *s, size_t len, ref_date_parts *p) {
    long long day, year;
    int rc;
    if (len != HS_HTTP_DATE_LEN || s[4] != ' ' || s[7] != ' ' || s[11] != ' ' || s[16] != ' ' ||
        s[25] != ' ')
        return HS_DATE_E_SYNTAX;
    day = ref_digits(s + 5, 2);
    year = ref_digits(s + 12, 4);
    if (day < 0 || year < 0) return HS_DATE_E_SYNTAX;
    if ((rc = ref_time_of_day(s + 17, p)) == HS_DATE_E_SYNTAX) return rc;
    if (!ref_is_day_name(s, 3)) return HS_DATE_E_DAYNAME;
    if ((p->month = ref_month(s + 8)) == 0) return HS_DATE_E_MONTH;
    if (memcmp(s + 26, "GMT", 3) != 0) return HS_DATE_E_ZONE;
    p->day = (int)day;
    p->year = year;
    return rc;
}

/* "Sunday, 06-Nov-94 08:49:37 GMT"; the year is two digits of a century
 * chosen by the 50-year rule (see ref_parse_http_date). */
static int ref_rfc850_date(const char *s, size_t len, size_t comma, ref_date_parts *p) {
    const char *r = s + comma;  /* ", DD-Mon-YY HH:MM:SS GMT" */
    long long day, yy;
    int rc;
    if (len != comma + 24 || r[1] != ' ' || r[4] != '-' || r[8] != '-' || r[11] != ' ' || r[20] != ' ')
        return HS_DATE_E_SYNTAX;
    day = ref_digits(r + 2, 2);
    yy = ref_digits(r + 9, 2);
    if (day < 0 || yy < 0) return HS_DATE_E_SYNTAX;
    if ((rc = ref_time_of_day(r + 12, p)) == HS_DATE_E_SYNTAX) return rc;
    if (comma == 3 || !ref_is_day_name(s, comma)) return HS_DATE_E_DAYNAME;
    if ((p->month = ref_month(r + 5)) == 0) return HS_DATE_E_MONTH;
    if (memcmp(r + 21, "GMT", 3) != 0) return HS_DATE_E_ZONE;
    p->day = (int)day;
    p->year = yy;
    return rc;
}

/* "Sun Nov  6 08:49:37 1994" (the day is 2DIGIT or SP DIGIT) */
static int ref_asctime_date(const char *s, size_t len, ref_date_parts *p) {
    long long day, year;
    int rc;
    if (len != 24 || s[3] != ' ' || s[7] != ' ' || s[10] != ' ' || s[19] != ' ') return HS_DATE_E_SYNTAX;
    day = s[8] == ' ' ? ref_digits(s + 9, 1) : ref_digits(s + 8, 2);
    year = ref_digits(s + 20, 4);
    if (day < 0 || year < 0) return HS_DATE_E_SYNTAX;
    if ((rc = ref_time_of_day(s + 11, p)) == HS_DATE_E_SYNTAX) return rc;
    if (!ref_is_day_name(s, 3)) return HS_DATE_E_DAYNAME;
    if ((p->month = ref_month(s + 4)) == 0) return HS_DATE_E_MONTH;
    p->day = (int)day;
    p->year = year;
    return rc;
}

/*
 * RFC 9110, Section 5.6.7: a two-digit year whose timestamp would be more
 * than 50 years in the future is the most recent past year with the same
 * last two digits. The year is chosen within 50 years of now's, then
 * moved a century back when the date is later than the same month, day
 * and time 50 years on (timestamps compared, not years).
 */
static int ref_resolve_year(ref_date_parts *p, long long now) {
    long long y, limit, days, secs;
    int m, d;
    if (now < HS_YEAR0 || now > HS_HTTP_DATE_MAX) return HS_DATE_E_NOW;
    days = ref_floordiv(now, 86400);
    secs = now - days * 86400;
    ref_civil_from_days(days, &y, &m, &d);
    limit = y + 50;
    y = limit - ((limit - p->year) % 100 + 100) % 100;
    if (y == limit) {
        long long t = p->hour * 3600LL + p->minute * 60LL + p->second;
        if (p->month > m || (p->month == m && (p->day > d || (p->day == d && t > secs)))) y -= 100;
    }
    p->year = y;
    return HS_DATE_OK;
}

int ref_parse_http_date(const char *s, size_t len, long long now, long long *out) {
    ref_date_parts p;
    size_t comma = 0, i;
    int rc;
    long long t;
    if (s == NULL) len = 0;
    p.year = 0;
    p.month = p.day = p.hour = p.minute = p.second = 0;
    for (i = 3; i < len && i <= 9; i++)
        if (s[i] == ',') { comma = i; break; }
    if (comma == 3) {
        rc = ref_imf_fixdate(s, len, &p);
    } else if (comma >= 6) {
        rc = ref_rfc850_date(s, len, comma, &p);
        if (rc == HS_DATE_OK) rc = ref_resolve_year(&p, now);
    } else if (len >= 4 && s[3] == ' ') {
        rc = ref_asctime_date(s, len, &p);
    } else {
        rc = HS_DATE_E_SYNTAX;
    }
    if (rc != HS_DATE_OK) return rc;
    rc = ref_date_value(&p, &t);
    /* an rfc850 year can fall outside 0000-9999, and 9999-12-31 23:59:60 does */
    if (rc == HS_DATE_OK && (t < HS_YEAR0 || t > HS_HTTP_DATE_MAX)) rc = HS_DATE_E_RANGE;
    if (rc == HS_DATE_OK && out) *out = t;
    return rc;
}

/* --- Retry-After ------------------------------------------------------------ */

int ref_retry_after(const char *s, size_t len, long long now, long long *seconds) {
    size_t i;
    long long v = 0;
    int rc;
    if (s == NULL) len = 0;
    while (len > 0 && (s[0] == ' ' || s[0] == '\t')) s++, len--;
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t')) len--;
    if (len == 0) return HS_DATE_E_RETRY;
    if (ref_is_digit(s[0])) {  /* delay-seconds = 1*DIGIT */
        for (i = 0; i < len; i++) {
            if (!ref_is_digit(s[i])) return HS_DATE_E_RETRY;
            if (v <= HS_RETRY_AFTER_MAX) v = v * 10 + (s[i] - '0');
        }
        if (seconds) *seconds = v > HS_RETRY_AFTER_MAX ? HS_RETRY_AFTER_MAX : v;
        return HS_DATE_OK;
    }
    if (now < HS_YEAR0 || now > HS_HTTP_DATE_MAX) return HS_DATE_E_NOW;
    rc = ref_parse_http_date(s, len, now, &v);
    if (rc == HS_DATE_E_SYNTAX) return HS_DATE_E_RETRY;
    if (rc != HS_DATE_OK) return rc;
    if (seconds) *seconds = v > now ? v - now : 0;
    return HS_DATE_OK;
}
