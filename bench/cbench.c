/*
 * cbench.c - the C library against the C code its users would otherwise
 * call, each operation in a loop of its own over the same inputs, so that
 * callgrind can count the instructions of each (tools/bench.sh runs it as
 * `valgrind --tool=callgrind --toggle-collect='op_*'` and divides by the
 * calls; instruction counts repeat exactly from run to run, unlike times).
 *
 * Peers, each compiled in when the bench has it (-DHAVE_...):
 *   HAVE_NGINX     ngx_parse_http_time, from Debian's nginx source
 *   HAVE_APR       apr_date_parse_http (APR-util), apr_rfc822_date (APR)
 *   HAVE_CURL      curl_getdate
 *   HAVE_HTTP_PARSER  http-parser on a response's status line
 *   HAVE_SOUP      libsoup's soup_header_parse_quality_list, which parses an
 *                  Accept or Accept-Language value into the list of what it
 *                  accepts by weight: what a server using it would call
 *                  before choosing (hs_negotiate parses and chooses)
 * and always libc's strptime + timegm and gmtime_r + strftime. The floors
 * (an array index, a bitmap test) are in bench/cfloor.c, compiled apart so
 * that they are out-of-line calls, as the library's are.
 *
 *   cbench [OPERATION...]   runs the operations named (default: all)
 */
#define _GNU_SOURCE  /* strptime, timegm */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "httpstatus.h"

#if defined(HAVE_NGINX)
time_t ngx_parse_http_time(unsigned char *value, size_t len);
#endif
#if defined(HAVE_APR)
#include <apr_date.h>
#include <apr_time.h>
#endif
#if defined(HAVE_CURL)
#include <curl/curl.h>
#endif
#if defined(HAVE_HTTP_PARSER)
#include <http_parser.h>
#endif
#if defined(HAVE_SOUP)
#include <libsoup/soup.h>
#endif

/* the floors, in bench/cfloor.c */
const char *floor_index(int code);
int floor_bit(const unsigned char *bits, int code);

#define ROUNDS 1000
static volatile long long sink;

static const char *const imf[] = {
    "Sun, 06 Nov 1994 08:49:37 GMT", "Wed, 21 Oct 2015 07:28:00 GMT", "Thu, 01 Jan 1981 00:00:00 GMT",
    "Mon, 29 Feb 2016 23:59:59 GMT", "Fri, 31 Dec 2027 12:00:00 GMT", "Tue, 15 Aug 2023 18:04:09 GMT",
    "Sat, 01 Apr 2000 06:30:45 GMT", "Thu, 28 Nov 2024 00:00:01 GMT",
};
static const char *const rfc850[] = {
    "Sunday, 06-Nov-94 08:49:37 GMT", "Wednesday, 21-Oct-15 07:28:00 GMT", "Thursday, 01-Jan-81 00:00:00 GMT",
    "Monday, 29-Feb-16 23:59:59 GMT", "Friday, 31-Dec-27 12:00:00 GMT", "Tuesday, 15-Aug-23 18:04:09 GMT",
    "Saturday, 01-Apr-00 06:30:45 GMT", "Thursday, 28-Nov-24 00:00:01 GMT",
};
static const char *const asctime_dates[] = {
    "Sun Nov  6 08:49:37 1994", "Wed Oct 21 07:28:00 2015", "Thu Jan  1 00:00:00 1981",
    "Mon Feb 29 23:59:59 2016", "Fri Dec 31 12:00:00 2027", "Tue Aug 15 18:04:09 2023",
    "Sat Apr  1 06:30:45 2000", "Thu Nov 28 00:00:01 2024",
};
static const long long times[] = { 784111777, 1445412480, 347155200, 1456790399, 1830254400, 1692122649, 954570645,
                                   1732752001 };
static const char *const lines[] = {
    "HTTP/1.1 200 OK", "HTTP/1.1 404 Not Found", "HTTP/1.0 302 Found", "HTTP/1.1 503 Service Unavailable",
    "HTTP/1.1 429 Too Many Requests", "HTTP/1.1 301 Moved Permanently", "HTTP/1.1 204 No Content",
    "HTTP/1.1 500 Internal Server Error",
};
static const int codes[] = { 200, 404, 302, 503, 429, 301, 204, 500 };
#define NIN 8
static size_t lens[NIN], rlens[NIN];  /* of lines and rfc850, measured once */

/* now for the rfc850 years: 2026-11-24 */
#define NOW 1764000000LL

#define OP(name, body)                                                  \
    static void op_##name(void) {                                       \
        int r, i;                                                       \
        for (r = 0; r < ROUNDS; r++)                                    \
            for (i = 0; i < NIN; i++) { body; }                         \
    }

/* parse an HTTP-date */
OP(hs_imf, long long t; (void)hs_parse_http_date(imf[i], 29, NOW, &t); sink += t)
OP(hs_rfc850, long long t; (void)hs_parse_http_date(rfc850[i], rlens[i], NOW, &t); sink += t)
OP(hs_asctime, long long t; (void)hs_parse_http_date(asctime_dates[i], 24, NOW, &t); sink += t)
#if defined(HAVE_NGINX)
OP(nginx_imf, sink += ngx_parse_http_time((unsigned char *)imf[i], 29))
OP(nginx_rfc850, sink += ngx_parse_http_time((unsigned char *)rfc850[i], rlens[i]))
OP(nginx_asctime, sink += ngx_parse_http_time((unsigned char *)asctime_dates[i], 24))
#endif
#if defined(HAVE_APR)
OP(apr_imf, sink += apr_date_parse_http(imf[i]))
OP(apr_rfc850, sink += apr_date_parse_http(rfc850[i]))
OP(apr_asctime, sink += apr_date_parse_http(asctime_dates[i]))
#endif
#if defined(HAVE_CURL)
OP(curl_imf, sink += curl_getdate(imf[i], NULL))
OP(curl_rfc850, sink += curl_getdate(rfc850[i], NULL))
OP(curl_asctime, sink += curl_getdate(asctime_dates[i], NULL))
#endif
OP(strptime_imf, struct tm tm; memset(&tm, 0, sizeof tm);
   (void)strptime(imf[i], "%a, %d %b %Y %H:%M:%S GMT", &tm); sink += timegm(&tm))
OP(strptime_rfc850, struct tm tm; memset(&tm, 0, sizeof tm);
   (void)strptime(rfc850[i], "%A, %d-%b-%y %H:%M:%S GMT", &tm); sink += timegm(&tm))
OP(strptime_asctime, struct tm tm; memset(&tm, 0, sizeof tm);
   (void)strptime(asctime_dates[i], "%a %b %e %H:%M:%S %Y", &tm); sink += timegm(&tm))

/* format an IMF-fixdate */
OP(hs_format, char buf[HS_HTTP_DATE_LEN + 1]; sink += (long long)hs_format_http_date(times[i], buf, sizeof buf) + buf[5])
#if defined(HAVE_APR)
OP(apr_format, char buf[APR_RFC822_DATE_LEN];
   (void)apr_rfc822_date(buf, (apr_time_t)times[i] * APR_USEC_PER_SEC); sink += buf[5])
#endif
OP(strftime_format, char buf[64]; struct tm tm; time_t t = (time_t)times[i];
   (void)gmtime_r(&t, &tm); sink += (long long)strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm))

/* parse a status line */
OP(hs_status_line, hs_status_line sl; sink += hs_parse_status_line(lines[i], lens[i], &sl) + sl.code)
#if defined(HAVE_HTTP_PARSER)
static int on_status(http_parser *p, const char *at, size_t len) { (void)at; sink += (long long)len; return 1; }
static http_parser_settings settings;
static char crlf_lines[NIN][64];
static size_t crlf_lens[NIN];
OP(http_parser_status_line, http_parser p; http_parser_init(&p, HTTP_RESPONSE);
   sink += (long long)http_parser_execute(&p, &settings, crlf_lines[i], crlf_lens[i]) + p.status_code)
#endif

/* content negotiation: Chrome's Accept against the 4 formats an error page
 * offers, and a reader's Accept-Language against 3 languages */
static const char chrome[] = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
                             "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
static const char reader[] = "zh-CN,zh;q=0.9,en;q=0.8";
static hs_str formats[4], languages[3];
OP(hs_negotiate, sink += hs_negotiate(chrome, sizeof chrome - 1, formats, 4))
OP(hs_negotiate_language, sink += hs_negotiate_language(reader, sizeof reader - 1, languages, 3))
#if defined(HAVE_SOUP)
OP(soup_accept, GSList *l = soup_header_parse_quality_list(chrome, NULL); sink += (long long)(size_t)l->data;
   soup_header_free_list(l))
OP(soup_accept_language, GSList *l = soup_header_parse_quality_list(reader, NULL); sink += (long long)(size_t)l->data;
   soup_header_free_list(l))
#endif

/* a phrase by code, and a set's membership */
OP(hs_reason, sink += (long long)(size_t)hs_reason(codes[i]))
OP(floor_index, sink += (long long)(size_t)floor_index(codes[i]))
static hs_set retry;
OP(hs_set_has, sink += hs_set_has(&retry, codes[i]))
OP(hs_set_has_inline, sink += hs_set_has_inline(&retry, codes[i]))
OP(floor_bit, sink += floor_bit(retry.bits, codes[i]))

static const struct { const char *name; void (*run)(void); } ops[] = {
#define ROW(name) { #name, op_##name },
    ROW(hs_imf) ROW(hs_rfc850) ROW(hs_asctime)
#if defined(HAVE_NGINX)
    ROW(nginx_imf) ROW(nginx_rfc850) ROW(nginx_asctime)
#endif
#if defined(HAVE_APR)
    ROW(apr_imf) ROW(apr_rfc850) ROW(apr_asctime)
#endif
#if defined(HAVE_CURL)
    ROW(curl_imf) ROW(curl_rfc850) ROW(curl_asctime)
#endif
    ROW(strptime_imf) ROW(strptime_rfc850) ROW(strptime_asctime)
    ROW(hs_format)
#if defined(HAVE_APR)
    ROW(apr_format)
#endif
    ROW(strftime_format)
    ROW(hs_status_line)
#if defined(HAVE_HTTP_PARSER)
    ROW(http_parser_status_line)
#endif
    ROW(hs_reason) ROW(floor_index) ROW(hs_set_has) ROW(hs_set_has_inline) ROW(floor_bit)
    ROW(hs_negotiate) ROW(hs_negotiate_language)
#if defined(HAVE_SOUP)
    ROW(soup_accept) ROW(soup_accept_language)
#endif
};

int main(int argc, char **argv) {
    size_t k;
    int i;
    for (i = 0; i < NIN; i++) lens[i] = strlen(lines[i]), rlens[i] = strlen(rfc850[i]);
#if defined(HAVE_HTTP_PARSER)
    settings.on_status = on_status;
    for (i = 0; i < NIN; i++) crlf_lens[i] = (size_t)snprintf(crlf_lines[i], sizeof crlf_lines[i], "%s\r\n", lines[i]);
#endif
    if (hs_set_parse("retryable", 9, &retry, NULL) != HS_OK) return 1;
    {
        static const char *const f[4] = { "application/problem+json", "application/json", "text/html", "text/plain" };
        static const char *const l[3] = { "en", "zh-Hans", "zh-Hant" };
        for (i = 0; i < 4; i++) formats[i].s = f[i], formats[i].len = strlen(f[i]);
        for (i = 0; i < 3; i++) languages[i].s = l[i], languages[i].len = strlen(l[i]);
        if (hs_negotiate(chrome, sizeof chrome - 1, formats, 4) != 2) return 1;
        if (hs_negotiate_language(reader, sizeof reader - 1, languages, 3) != 1) return 1;
    }
    /* what each operation must answer, checked before it is counted */
    for (i = 0; i < NIN; i++) {
        long long t = 0;
        if (hs_parse_http_date(imf[i], 29, NOW, &t) != HS_OK || t != times[i]) return 1;
        if (hs_parse_http_date(rfc850[i], strlen(rfc850[i]), NOW, &t) != HS_OK || t != times[i]) return 1;
        if (hs_parse_http_date(asctime_dates[i], 24, NOW, &t) != HS_OK || t != times[i]) return 1;
#if defined(HAVE_NGINX)
        if (ngx_parse_http_time((unsigned char *)imf[i], 29) != times[i]) return 1;
#endif
    }
    for (k = 0; k < sizeof ops / sizeof ops[0]; k++) {
        int run = argc == 1;
        for (i = 1; i < argc; i++) run = run || strcmp(argv[i], ops[k].name) == 0;
        if (run) ops[k].run();
        if (run) (void)printf("%s %d\n", ops[k].name, ROUNDS * NIN);
    }
    return 0;
}
