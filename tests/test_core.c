/*
 * test_core.c - tests of the C API (src/core/httpstatus.h) without Lua,
 * including many threads using the core at once. Prints TAP (tests/tap.h).
 */
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "httpstatus.h"
#include "tap.h"

/* A test is one function; it fails if any of its checks fails. */
static int checks_failed;

#define T(cond) do { if (!(cond)) { checks_failed++; \
    (void)fprintf(stderr, "%s:%d: FAILED: %s\n", __FILE__, __LINE__, #cond); } } while (0)
#define STR(a, b) T((a) != NULL && strcmp((a), (b)) == 0)
#define L(s) s, sizeof(s) - 1

static void test_lookups(void) {
    size_t n = 0, i;
    const hs_status *e = hs_entries(&n);
    T(n == 64);
    for (i = 0; i + 1 < n; i++) T(e[i].code < e[i + 1].code);
    for (i = 0; i < n; i++) {
        T(hs_get(e[i].code) == &e[i]);
        T(hs_lookup(e[i].name, strlen(e[i].name)) == e[i].code);
        T(e[i].description != NULL && e[i].description_zh != NULL && e[i].reference != NULL);
        T(hs_description_in(e[i].code, HS_LANG_ZH_HANT) != NULL);
        T((e[i].reason == NULL) == (hs_reason_in(e[i].code, HS_LANG_ZH_HANT) == NULL));
    }
    STR(hs_reason(404), "Not Found");
    STR(hs_reason(413), "Content Too Large");
    STR(hs_reason(422), "Unprocessable Content");
    T(hs_reason(418) == NULL && hs_get(418) != NULL && hs_get(418)->registry == HS_UNUSED);
    T(hs_reason(306) == NULL && !hs_is_registered(306) && !hs_is_registered(418));
    T(hs_canonical(418) == 400 && hs_canonical(306) == 300);
    STR(hs_get(413)->former[0], "Request Entity Too Large");
    STR(hs_get(413)->former[1], "Payload Too Large");
    T(hs_get(413)->former[2] == NULL && hs_get(404)->former[0] == NULL);
    STR(hs_get(104)->expires, "2026-11-13");
    T(hs_get(200)->expires == NULL);
    T(hs_lookup(L("Service Temporarily Unavailable")) == 503 && hs_lookup(L("not allowed")) == 405);
    T(hs_get(510)->registry == HS_OBSOLETED && hs_get(104)->registry == HS_TEMPORARY);
    T(hs_reason(509) == NULL && hs_reason(0) == NULL && hs_reason(-1) == NULL && hs_reason(100000) == NULL);
    STR(hs_get(404)->reason_zh, "\346\234\252\346\211\276\345\210\260");  /* 未找到 */
    STR(hs_reason_in(404, HS_LANG_ZH_HANT), "\346\211\276\344\270\215\345\210\260");  /* 找不到 */
    T(hs_reason_in(404, HS_LANG_ZH_HANS) == hs_get(404)->reason_zh && hs_reason_in(404, HS_LANG_EN) == hs_reason(404));
    T(hs_description_in(404, HS_LANG_ZH_HANS) == hs_get(404)->description_zh);
    T(hs_description_in(418, HS_LANG_EN) == hs_get(418)->description && hs_description_in(418, 2) != NULL);
    T(hs_reason_in(418, HS_LANG_ZH_HANT) == NULL && hs_description_in(299, HS_LANG_EN) == NULL);
    T(hs_reason_in(404, HS_LANG_COUNT) == NULL && hs_description_in(404, -1) == NULL && hs_reason_in(299, 0) == NULL);
    T(hs_lang_find(L("zh-TW")) == HS_LANG_ZH_HANT && hs_lang_find(L("ZH_hk")) == HS_LANG_ZH_HANT);
    T(hs_lang_find(L("zh-Hant")) == HS_LANG_ZH_HANT && hs_lang_find(L("zh_MO")) == HS_LANG_ZH_HANT);
    T(hs_lang_find(L("zh")) == HS_LANG_ZH_HANS && hs_lang_find(L("zh_CN")) == HS_LANG_ZH_HANS);
    T(hs_lang_find(L("EN")) == HS_LANG_EN && hs_lang_find(L("zh-SG")) == -1 && hs_lang_find(L("zh-TWx")) == -1);
    T(hs_lang_find("zh\0", 3) == -1 && hs_lang_find(NULL, 0) == -1 && hs_lang_find(L("")) == -1);
    STR(hs_version(), HS_VERSION);
}

/* hs_status as ABI 2 (1.2) laid it out: 1.3's Traditional Chinese texts
 * came without changing it, or an array from hs_entries would be read with
 * the wrong stride by a program built against 1.2. */
struct hs_status_abi2 {
    int code;
    const char *reason, *name, *reference, *description, *reason_zh, *description_zh;
    const char *const *former;
    const char *expires;
    unsigned char registry, flags, redirect;
};

static void test_abi(void) {
    T(HS_ABI == 2);
    T(sizeof(hs_status) == sizeof(struct hs_status_abi2));
    T(offsetof(hs_status, description_zh) == offsetof(struct hs_status_abi2, description_zh));
    T(offsetof(hs_status, expires) == offsetof(struct hs_status_abi2, expires));
    T(offsetof(hs_status, redirect) == offsetof(struct hs_status_abi2, redirect));
}

static void test_classes(void) {
    int c;
    for (c = -1000; c < 2000; c++) {
        int cls = hs_class(c);
        T(hs_is_valid(c) == (c >= 100 && c <= 599));
        T(cls == (hs_is_valid(c) ? c / 100 : 0));
        T((hs_class_name(cls) != NULL) == (cls != 0));
        T(hs_canonical(c) == (!hs_is_valid(c) ? 0 : hs_is_registered(c) ? c : c / 100 * 100));
        T(hs_is_registered(c) == (hs_get(c) != NULL && hs_reason(c) != NULL));
        T(hs_is_empty(c) == ((c >= 100 && c < 200) || c == 204 || c == 205 || c == 304));
        T(hs_is_redirect(c) == (c == 301 || c == 302 || c == 303 || c == 307 || c == 308));
    }
    STR(hs_class_name(HS_CLIENT_ERROR), "client_error");
    T(hs_is_retryable(503) && hs_is_retryable(429) && !hs_is_retryable(501));
    T(hs_is_cacheable(404) && hs_is_cacheable(501) && !hs_is_cacheable(500));
}

static void test_lookup_names(void) {
    T(hs_lookup(L("Not Found")) == 404);
    T(hs_lookup(L("not_found")) == 404);
    T(hs_lookup(L("Request Entity Too Large")) == 413);
    T(hs_lookup(L("I\342\200\231m a teapot")) == 418);
    T(hs_lookup(L("404")) == 404);
    T(hs_lookup(L("00000000000000000404")) == 404);
    T(hs_lookup(L("99999999999999999999")) == 0);
    T(hs_lookup(L("600")) == 0);
    T(hs_lookup(L("")) == 0);
    T(hs_lookup(NULL, 5) == 0);
    T(hs_lookup("Not Found\0", 10) == 0);          /* embedded NUL */
    T(hs_lookup("Not Foundxxx", 9) == 404);        /* length, not NUL, ends it */
    T(hs_lookup(L("\342\200")) == 0);               /* truncated U+2019 */
}

static void test_redirects(void) {
    size_t n = 0;
    STR(hs_redirect_method(303, L("POST"), &n), "GET");
    T(n == 3);
    T(strncmp(hs_redirect_method(303, L("HEAD"), &n), "HEAD", 4) == 0 && n == 4);
    T(strncmp(hs_redirect_method(307, L("POST"), &n), "POST", 4) == 0 && n == 4);
    STR(hs_redirect_method(301, L("POST"), &n), "GET");
    T(strncmp(hs_redirect_method(302, L("PUT"), &n), "PUT", 3) == 0);
    T(hs_redirect_method(200, L("GET"), &n) == NULL);
    T(hs_redirect_method(301, NULL, 0, &n) == NULL);
}

static void test_status_lines(void) {
    hs_status_line sl;
    char buf[HS_STATUS_LINE_MAX];
    T(hs_parse_status_line(L("HTTP/1.1 404 Not Found\r\n"), &sl) == HS_OK);
    T(sl.code == 404 && sl.reason_len == 9 && memcmp(sl.reason, "Not Found", 9) == 0);
    T(sl.version_len == 8);
    T(hs_parse_status_line(L("HTTP/2 200"), &sl) == HS_OK && sl.reason_len == 0);
    T(hs_parse_status_line(L("HTTP/1.1 20 OK"), &sl) == HS_E_CODE);
    T(hs_parse_status_line(L("HTTP/1.1 600 OK"), &sl) == HS_E_RANGE);
    T(hs_parse_status_line(L("HTTP/1.1 200 O\001K"), &sl) == HS_E_PHRASE);
    T(hs_parse_status_line(L("HTTP/1.1 200\001"), &sl) == HS_E_AFTER_CODE);
    T(hs_parse_status_line(L("HTTP/1.1"), &sl) == HS_E_SPACE);
    T(hs_parse_status_line(NULL, 10, &sl) == HS_E_VERSION);
    T(hs_parse_status_line(L("HTTP/1.1 200 OK"), NULL) == HS_OK);
    T(hs_format_status_line(buf, sizeof buf, 404, L("HTTP/1.1")) == 22);
    STR(buf, "HTTP/1.1 404 Not Found");
    T(hs_format_status_line(buf, sizeof buf, 299, L("HTTP/2")) == 11);
    STR(buf, "HTTP/2 299 ");
    T(hs_format_status_line(buf, 5, 404, L("HTTP/1.1")) == 22);   /* truncated */
    STR(buf, "HTTP");
    T(hs_format_status_line(NULL, 0, 404, L("HTTP/1.1")) == 22);  /* just the length */
    T(hs_format_status_line(buf, sizeof buf, 600, L("HTTP/1.1")) == 0);
    T(hs_format_status_line(buf, sizeof buf, 200, L("HTTP/1.10")) == 0);
    T(hs_format_status_line(buf, sizeof buf, 200, NULL, 0) == 0);
}

/* Parses spec and compares its canonical text with want ("" for empty). */
static int set_is(const char *spec, const char *want) {
    hs_set set;
    char buf[HS_SET_FORMAT_MAX];
    if (hs_set_parse(spec, strlen(spec), &set, NULL) != HS_SET_OK) return 0;
    return hs_set_format(&set, buf, sizeof buf) == strlen(want) && strcmp(buf, want) == 0;
}

static void test_sets(void) {
    hs_set set;
    hs_set_error err;
    hs_set_builder b;
    char buf[HS_SET_FORMAT_MAX], small[8];
    int c;
    T(set_is("504,500-503,!501", "500,502-504"));
    T(set_is("4xx,500-599", "4xx,5xx"));
    T(set_is("450-550", "450-499,500-550"));
    T(set_is("", "") && set_is(" ,\t", ""));
    T(set_is("!1xx,!2xx,!3xx,!5xx", "4xx"));
    T(set_is("retryable", "408,425,429,500,502-504"));
    T(set_is("REGISTERED,!2xx,!3xx,!4xx,!5xx", "100-104"));
    T(set_is("empty", "1xx,204-205,304"));
    T(set_is("Client_Error,!registered", "418-420,427,430,432-450,452-499"));
    T(hs_set_parse(L("200,201,202,203,6xx"), &set, &err) == HS_SET_E_CLASS);
    T(err.code == HS_SET_E_CLASS && err.position == 5 && err.offset == 16 && err.length == 3);
    T(hs_set_parse(L("404 99"), &set, &err) == HS_SET_E_CODE && err.position == 2);
    T(hs_set_parse(L("504-500"), &set, &err) == HS_SET_E_RANGE);
    T(hs_set_parse(L("5xx,!"), &set, &err) == HS_SET_E_NOT && err.position == 2);
    T(hs_set_parse(L("4x"), &set, &err) == HS_SET_E_ITEM);
    /* a class is Nxx or NXX only (1.1.1) */
    T(hs_set_parse(L("5xX"), &set, &err) == HS_SET_E_ITEM && hs_set_parse(L("5Xx"), &set, &err) == HS_SET_E_ITEM);
    T(set_is("5XX", "5xx") && set_is("1XX", "1xx") && set_is("cacheable", "200,203-204,206,300-301,308,404-405,410,414,451,501"));
    T(hs_set_parse(NULL, 3, &set, NULL) == HS_SET_OK && hs_set_count(&set) == 0);
    T(strcmp(hs_set_strerror(HS_SET_E_CLASS), "is not a class") == 0);
    /* several pieces, positions counted over all; a failed piece changes nothing */
    hs_set_begin(&b);
    T(hs_set_add(&b, L("5xx, !501"), &err) == HS_SET_OK);
    T(hs_set_add_code(&b, 404, &err) == HS_SET_OK);
    T(hs_set_add_code(&b, 700, &err) == HS_SET_E_CODE && err.position == 4);
    T(hs_set_add(&b, L("302 6xx"), &err) == HS_SET_E_CLASS && err.position == 5);
    hs_set_end(&b, &set);
    T(hs_set_format(&set, buf, sizeof buf) == 15 && strcmp(buf, "404,500,502-599") == 0);
    T(hs_set_count(&set) == 100 && hs_set_has(&set, 404) && !hs_set_has(&set, 501));
    for (c = -5; c < 1005; c++) T(hs_set_has(&set, c) == (c == 404 || c == 500 || (c >= 502 && c <= 599)));
    /* truncation, and the length of the whole text */
    T(hs_set_format(&set, small, sizeof small) == 15 && strcmp(small, "404,500") == 0);
    T(hs_set_format(&set, NULL, 0) == 15);
    /* the longest text: every other code */
    hs_set_begin(&b);
    for (c = 100; c <= 599; c += 2) T(hs_set_add_code(&b, c, NULL) == HS_SET_OK);
    hs_set_end(&b, &set);
    T(hs_set_format(&set, buf, sizeof buf) == 250 * 4 - 1);
}

static void test_dates(void) {
    char buf[HS_HTTP_DATE_LEN + 1];
    long long t, day, last = HS_HTTP_DATE_MAX / 86400, v;
    /* every day from 1970 to the end of 9999, at a second that varies */
    for (day = 0; day <= last; day++) {
        long long want = day * 86400 + (day * 7919) % 86400;
        if (hs_format_http_date(want, buf, sizeof buf) != HS_HTTP_DATE_LEN ||
            hs_parse_http_date(buf, HS_HTTP_DATE_LEN, 0, &t) != HS_DATE_OK || t != want) {
            T(0);
            break;
        }
    }
    T(hs_format_http_date(784111777, buf, sizeof buf) == 29);
    STR(buf, "Sun, 06 Nov 1994 08:49:37 GMT");
    T(hs_format_http_date(-1, buf, sizeof buf) == 0 && hs_format_http_date(HS_HTTP_DATE_MAX + 1, buf, 30) == 0);
    T(hs_format_http_date(0, buf, 4) == 29 && strcmp(buf, "Thu") == 0);
    T(hs_parse_http_date(L("Sunday, 06-Nov-94 08:49:37 GMT"), 784111777, &t) == HS_DATE_OK && t == 784111777);
    T(hs_parse_http_date(L("Sun Nov  6 08:49:37 1994"), 0, &t) == HS_DATE_OK && t == 784111777);
    T(hs_parse_http_date(L("Sun, 29 Feb 1900 00:00:00 GMT"), 0, &t) == HS_DATE_E_DAY);
    T(hs_parse_http_date(L("Sun, 06 Nov 1994 08:49:37 UTC"), 0, &t) == HS_DATE_E_ZONE);
    T(hs_parse_http_date(L("Sunday, 06-Nov-94 08:49:37 GMT"), 999999999999999LL, &t) == HS_DATE_E_NOW);
    T(hs_parse_http_date(NULL, 29, 0, &t) == HS_DATE_E_SYNTAX);
    /* 1.1.1: the 50-year rule on timestamps, the leap second, years 0000-9999 */
    T(hs_parse_http_date(L("Sunday, 01-Jan-50 00:00:01 GMT"), 946684800, &t) == HS_DATE_OK && t == -631151999);
    T(hs_parse_http_date(L("Sunday, 01-Jan-50 00:00:00 GMT"), 946684800, &t) == HS_DATE_OK && t == 2524608000LL);
    T(hs_parse_http_date(L("Sat, 31 Dec 2016 23:59:60 GMT"), 0, &t) == HS_DATE_OK && t == 1483228800);
    T(hs_parse_http_date(L("Sat Dec 31 23:59:60 2016"), 0, &t) == HS_DATE_OK && t == 1483228800);
    T(hs_parse_http_date(L("Sat, 31 Dec 2016 23:59:61 GMT"), 0, &t) == HS_DATE_E_TIME);
    T(hs_parse_http_date(L("Sat, 31 Dec 2016 23:58:60 GMT"), 0, &t) == HS_DATE_E_TIME);
    T(hs_parse_http_date(L("Fri, 31 Dec 9999 23:59:60 GMT"), 0, &t) == HS_DATE_E_RANGE);
    T(hs_parse_http_date(L("Friday, 01-Jan-49 00:00:01 GMT"), HS_HTTP_DATE_MAX, &t) == HS_DATE_E_RANGE);
    T(hs_parse_http_date(L("Friday, 31-Dec-99 23:59:59 GMT"), -62167219200LL, &t) == HS_DATE_E_RANGE);
    T(strcmp(hs_date_strerror(HS_DATE_E_RANGE), "the date is outside the years 0000-9999") == 0);
    T(strcmp(hs_registry_date(), "2025-09-15") == 0);
    T(hs_retry_after(L(" 120\t"), 0, &v) == HS_DATE_OK && v == 120);
    T(hs_retry_after(L("99999999999999999999999"), 0, &v) == HS_DATE_OK && v == HS_RETRY_AFTER_MAX);
    T(hs_retry_after(L("Sun, 06 Nov 1994 08:49:37 GMT"), 784111700, &v) == HS_DATE_OK && v == 77);
    T(hs_retry_after(L("Sun, 06 Nov 1994 08:49:37 GMT"), 784111800, &v) == HS_DATE_OK && v == 0);
    T(hs_retry_after(L("1.5"), 0, &v) == HS_DATE_E_RETRY && hs_retry_after(L(""), 0, &v) == HS_DATE_E_RETRY);
    T(strcmp(hs_date_strerror(HS_DATE_E_DAY), "no such day in that month") == 0);
    T(hs_is_idempotent(L("PUT")) && !hs_is_idempotent(L("POST")) && !hs_is_idempotent(L("get")));
    T(hs_is_retryable_method(503, L("GET")) && !hs_is_retryable_method(503, L("POST")));
    T(hs_is_retryable_method(429, L("POST")) && !hs_is_retryable_method(501, L("GET")));
    T(!hs_is_retryable_method(503, NULL, 0));
}

static void test_mappings(void) {
    size_t n = 0;
    const hs_grpc_status *g = hs_grpc_statuses(&n);
    int c;
    T(n == 17 && g[14].code == 14 && strcmp(g[14].name, "UNAVAILABLE") == 0 && g[14].http == 503);
    T(hs_to_grpc(503) == 14 && hs_to_grpc(400) == 13 && hs_to_grpc(404) == 12 && hs_to_grpc(401) == 16);
    T(hs_to_grpc(200) == 2 && hs_to_grpc(431) == 13 && hs_to_grpc(-1) == 2 && hs_to_grpc(100000) == 2);
    T(hs_from_grpc(1) == 499 && hs_from_grpc(16) == 401 && hs_from_grpc(17) == 0 && hs_from_grpc(-1) == 0);
    STR(hs_grpc_name(0), "OK");
    T(hs_grpc_name(17) == NULL && hs_grpc_name(-5) == NULL);
    T(hs_grpc_lookup(L("14")) == 14 && hs_grpc_lookup(L("0016")) == 16 && hs_grpc_lookup(L("17")) == -1);
    T(hs_grpc_lookup(L("unavailable")) == 14 && hs_grpc_lookup(L("Data_Loss")) == 15);
    T(hs_grpc_lookup(L("")) == -1 && hs_grpc_lookup(NULL, 3) == -1 && hs_grpc_lookup(L("OK ")) == -1);
    T(hs_grpc_lookup(L("99999999999999999999")) == -1);
    for (c = -10; c < 1010; c++) {
        int valid = c >= 100 && c <= 599;
        T(hs_span_status_error(c, HS_SPAN_SERVER) == (!valid || c >= 500));
        T(hs_span_status_error(c, HS_SPAN_CLIENT) == (!valid || c >= 400));
    }
    STR(hs_problem_type(), "about:blank");
}

/* Many threads at once: each computes everything and compares with the
 * answers computed on the main thread before they started. */
#define THREADS 8
static int expect_lookup[1000];

static void *worker(void *arg) {
    long bad = 0;
    int round, c;
    char buf[HS_STATUS_LINE_MAX];
    for (round = 0; round < 200; round++) {
        for (c = 0; c < 1000; c++) {
            const hs_status *e = hs_get(c);
            hs_status_line sl;
            size_t n;
            if (e && hs_lookup(e->name, strlen(e->name)) != expect_lookup[c]) bad++;
            n = hs_format_status_line(buf, sizeof buf, c, "HTTP/1.1", 8);
            if (hs_is_valid(c) != (n > 0)) bad++;
            if (n && (hs_parse_status_line(buf, n, &sl) != HS_OK || sl.code != c)) bad++;
        }
        {
            hs_set set;
            char text[HS_SET_FORMAT_MAX];
            if (hs_set_parse("5xx,!501,client_error", 21, &set, NULL) != HS_SET_OK ||
                hs_set_format(&set, text, sizeof text) != 15 || strcmp(text, "4xx,500,502-599") != 0 ||
                !hs_set_has(&set, 404) || hs_set_has(&set, 501))
                bad++;
        }
    }
    *(long *)arg = bad;
    return NULL;
}

static void test_threads(void) {
    pthread_t t[THREADS];
    long bad[THREADS];
    int c, i;
    for (c = 0; c < 1000; c++) expect_lookup[c] = hs_get(c) ? c : 0;
    for (i = 0; i < THREADS; i++) {
        bad[i] = -1;
        T(pthread_create(&t[i], NULL, worker, &bad[i]) == 0);
    }
    for (i = 0; i < THREADS; i++) {
        T(pthread_join(t[i], NULL) == 0);
        T(bad[i] == 0);
    }
}

/* What httpstatus.h promises of NULL pointers, counts, sizes and numbers
 * outside each function's domain. */
static void test_contract(void) {
    hs_status_line line;
    hs_set s, empty;
    hs_set_error err;
    long long v = -1;
    char buf[64];
    size_t n = 0;
    int e;
    /* the error list: every number has a message, any other is "unknown error" */
    for (e = 0; e < HS_ERRNO_COUNT; e++) T(hs_strerror(e) != NULL && strcmp(hs_strerror(e), "unknown error") != 0);
    STR(hs_strerror(-1), "unknown error");
    STR(hs_strerror(HS_ERRNO_COUNT), "unknown error");
    STR(hs_parse_error(HS_E_CODE), hs_strerror(HS_E_CODE));
    STR(hs_set_strerror(HS_SET_E_NOT), hs_strerror(HS_SET_E_NOT));
    STR(hs_date_strerror(12345), "unknown error");
    /* counts are optional */
    T(hs_entries(NULL) != NULL && hs_constants(NULL) != NULL && hs_unofficial_entries(NULL) != NULL);
    T(hs_grpc_statuses(NULL) != NULL);
    T(hs_entries(&n) != NULL && n > 60);
    /* hs_index: the entry's place in hs_entries, -1 outside 100-599 or unassigned */
    T(hs_index(99) == -1 && hs_index(600) == -1 && hs_index(-5) == -1 && hs_index(199) == -1);
    T(hs_index(404) >= 0 && (size_t)hs_index(404) < n && hs_entries(NULL)[hs_index(404)].code == 404);
    T(hs_class_name(0) == NULL && hs_class_name(6) == NULL && hs_class_name(-1) == NULL);
    STR(hs_class_name(HS_SERVER_ERROR), "server_error");
    /* out-parameters may be NULL */
    T(hs_redirect_method(303, L("PUT"), NULL) != NULL);
    T(hs_parse_status_line(L("HTTP/1.1 200 OK"), NULL) == HS_OK);
    T(hs_parse_status_line(NULL, 5, &line) == HS_E_VERSION);
    T(hs_parse_http_date(L("Sun, 06 Nov 1994 08:49:37 GMT"), 0, NULL) == HS_OK);
    T(hs_parse_http_date(NULL, 3, 0, &v) == HS_DATE_E_SYNTAX);
    T(hs_retry_after(L("120"), 0, NULL) == HS_OK);
    T(hs_retry_after(L("99999999999"), 0, NULL) == HS_OK);
    T(hs_retry_after(L("Sun, 06 Nov 1994 08:49:37 GMT"), 0, NULL) == HS_OK);
    T(hs_retry_after(NULL, 0, 0, &v) == HS_DATE_E_RETRY);
    T(hs_set_parse(L("4xx,!404"), &s, NULL) == HS_OK && hs_set_count(&s) == 99);
    T(hs_set_parse(L("4xy"), &s, NULL) != HS_OK);
    T(hs_set_has(NULL, 404) == 0);
    /* sizes: the length needed, whatever the buffer */
    T(hs_format_http_date(784111777, NULL, 0) == HS_HTTP_DATE_LEN);
    T(hs_format_http_date(784111777, buf, 1) == HS_HTTP_DATE_LEN && buf[0] == '\0');
    T(hs_format_http_date(784111777, buf, sizeof buf) == HS_HTTP_DATE_LEN);
    STR(buf, "Sun, 06 Nov 1994 08:49:37 GMT");
    T(hs_format_http_date(-1, buf, sizeof buf) == 0 && hs_format_http_date(HS_HTTP_DATE_MAX + 1, buf, sizeof buf) == 0);
    T(hs_set_parse(L(""), &empty, NULL) == HS_OK && hs_set_format(&empty, NULL, 0) == 0);
    /* set items that look like codes and are not */
    for (e = 0; e < 6; e++) {
        static const char *const bad[] = { "4a5", "45a", "a45", "4x", "4xxx", "6xx" };
        T(hs_set_parse(bad[e], strlen(bad[e]), &s, &err) != HS_OK && err.position == 1);
    }
    /* a control character within the first eight bytes of a long phrase */
    T(hs_parse_status_line(L("HTTP/1.1 200 OK\001abcdefgh"), &line) == HS_E_PHRASE);
    T(hs_parse_status_line(L("HTTP/1.1 200 OK\177abcdefgh"), &line) == HS_E_PHRASE);
    T(hs_parse_status_line(L("HTTP/1.1 200 O\tK abcdefgh"), &line) == HS_OK);
    T(hs_grpc_lookup(L("OK~")) == -1 && hs_grpc_lookup(L("unavailable")) == 14 && hs_grpc_lookup(L("{K")) == -1);
}

/* The header fields each code's section requires: the contract's table. */
static void test_headers(void) {
    static const struct { const char *name, *ref; int code, level; } want[] = {
        { "Upgrade", "RFC 9110, Section 15.2.2", 101, HS_MUST },
        { "Location", "RFC 9110, Section 15.4.2", 301, HS_SHOULD },
        { "Location", "RFC 9110, Section 15.4.3", 302, HS_SHOULD },
        { "Location", "RFC 9110, Section 15.4.4", 303, HS_SHOULD },
        { "Location", "RFC 9110, Section 15.4.8", 307, HS_SHOULD },
        { "Location", "RFC 9110, Section 15.4.9", 308, HS_SHOULD },
        { "WWW-Authenticate", "RFC 9110, Section 15.5.2", 401, HS_MUST },
        { "Allow", "RFC 9110, Section 15.5.6", 405, HS_MUST },
        { "Proxy-Authenticate", "RFC 9110, Section 15.5.8", 407, HS_MUST },
        { "Retry-After", "RFC 9110, Section 15.5.14", 413, HS_SHOULD },
        { "Content-Range", "RFC 9110, Section 15.5.17", 416, HS_SHOULD },
        { "Upgrade", "RFC 9110, Section 15.5.22", 426, HS_MUST },
        { "Retry-After", "RFC 6585, Section 4", 429, HS_MAY },
        { "Retry-After", "RFC 9110, Section 15.6.4", 503, HS_MAY },
    };
    size_t i, n, total = 0;
    int code;
    for (code = -1; code <= 1000; code++) {
        const hs_header *h = hs_required_headers(code, &n);
        T(h != NULL);
        for (i = 0; i < sizeof want / sizeof want[0]; i++) {
            if (want[i].code != code) continue;
            T(n == 1);
            STR(h[0].name, want[i].name);
            T(h[0].level == want[i].level);
            STR(h[0].reference, want[i].ref);
            STR(h[0].reference, hs_get(code)->reference);
        }
        total += n;
    }
    T(total == sizeof want / sizeof want[0]);
    T(hs_required_headers(404, NULL) != NULL);
    STR(hs_level_name(HS_MUST), "MUST");
    STR(hs_level_name(HS_SHOULD), "SHOULD");
    STR(hs_level_name(HS_MAY), "MAY");
    T(hs_level_name(0) == NULL && hs_level_name(4) == NULL);
}

/* Content negotiation through the C API: the answers of doc/api.md's
 * examples, offers beyond one pass, NULL values and offers. */
static void test_negotiate(void) {
    static const char *const formats[] = { "application/problem+json", "application/json", "text/html", "text/plain" };
    static const char *const chrome =
        "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
    hs_str f[4], many[70], langs[3], nul;
    size_t i;
    for (i = 0; i < 4; i++) { f[i].s = formats[i]; f[i].len = strlen(formats[i]); }
    T(hs_negotiate(chrome, strlen(chrome), f, 4) == 2);
    T(hs_negotiate(L("*/*"), f, 4) == 0 && hs_negotiate(NULL, 0, f, 4) == 0);
    T(hs_negotiate(L("application/json;q=0, */*"), f + 1, 2) == 1);
    T(hs_negotiate(L("image/png"), f, 4) == -1 && hs_negotiate(L("*/*"), f, 0) == -1);
    /* 70 offers, the one acceptable last: three passes */
    for (i = 0; i < 70; i++) { many[i].s = "image/png"; many[i].len = 9; }
    many[69] = f[2];
    T(hs_negotiate(L("text/html, image/png;q=0"), many, 70) == 69);
    T(hs_negotiate(L("image/png;q=0.5, text/html"), many, 70) == 69);
    /* an offer that is not a media type, or NULL, is never chosen */
    nul.s = NULL;
    nul.len = 3;
    many[0] = nul;
    T(hs_negotiate(NULL, 0, many, 2) == 1);
    for (i = 0; i < 69; i++) { many[i].s = "text/*"; many[i].len = 6; }
    T(hs_negotiate(NULL, 0, many, 70) == 69 && hs_negotiate(L(",,"), many, 70) == 69);

    T(!hs_is_media_type(NULL, 0) && !hs_is_media_type(L("text/*")) && hs_is_media_type(L("text/html;level=1")));
    T(!hs_is_media_type(L("*/*")) && !hs_is_media_type(L("text/html;q")) && !hs_is_media_type(L("text/html;a=\"x")));
    langs[0].s = "en"; langs[0].len = 2;
    langs[1].s = "zh-Hans"; langs[1].len = 7;
    langs[2].s = "zh-Hant"; langs[2].len = 7;
    T(hs_negotiate_language(L("zh-TW,zh;q=0.9,en;q=0.8"), langs, 3) == 2);
    /* a script that is neither: a Chinese range of no script, matching either */
    T(hs_negotiate_language(L("zh-Hanx"), langs, 3) == 1);
    T(hs_negotiate_language(L("zh-CN,zh;q=0.9,en;q=0.8"), langs, 3) == 1);
    T(hs_negotiate_language(L("zh-HK"), langs, 2) == -1 && hs_negotiate_language(NULL, 0, langs, 3) == 0);
    T(hs_negotiate_language(L("de, *;q=0.5"), langs, 3) == 0 && hs_negotiate_language(L("*;q=0"), langs, 3) == -1);
    for (i = 0; i < 69; i++) { many[i].s = "en_US"; many[i].len = 5; }
    many[69] = langs[2];
    T(hs_negotiate_language(L("zh-MO"), many, 70) == 69 && hs_negotiate_language(NULL, 0, many, 70) == 69);
    T(!hs_is_language_tag(NULL, 0) && !hs_is_language_tag(L("")) && !hs_is_language_tag(L("*")));
    T(hs_is_language_tag(L("de-CH-1996")) && !hs_is_language_tag(L("toolongtag")) && !hs_is_language_tag(L("en-")));
}

/* Error bodies through the C API: the three formats, truncation, numbers
 * and values out of range. */
static void test_bodies(void) {
    char buf[1024], small[8];
    hs_body b;
    hs_member m[3];
    size_t n;
    n = hs_error_body(buf, sizeof buf, 404, HS_FORMAT_JSON, HS_LANG_EN, L("no such user"), NULL, 0);
    STR(buf, "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no such user\"}");
    T(n == strlen(buf));
    T(hs_error_body(small, sizeof small, 404, HS_FORMAT_JSON, HS_LANG_EN, NULL, 0, NULL, 0) == 55);
    STR(small, "{\"type\"");
    T(hs_error_body(NULL, 0, 404, HS_FORMAT_HTML, HS_LANG_ZH_HANS, NULL, 0, L("/x")) > 100);
    n = hs_error_body(buf, sizeof buf, 499, HS_FORMAT_TEXT, HS_LANG_ZH_HANS, L("a\377b"), NULL, 0);
    STR(buf, "499 \345\256\242\346\210\267\347\253\257\351\224\231\350\257\257\n\na\357\277\275b\n");
    T(n == strlen(buf));
    /* no body, or nothing to write */
    T(hs_error_body(buf, sizeof buf, 204, 0, 0, NULL, 0, NULL, 0) == 0 && buf[0] == '\0');
    T(hs_error_body(buf, sizeof buf, 205, 0, 0, NULL, 0, NULL, 0) == 0);
    T(hs_error_body(buf, sizeof buf, 600, 0, 0, NULL, 0, NULL, 0) == 0);
    T(hs_error_body(buf, sizeof buf, 404, HS_FORMAT_COUNT, 0, NULL, 0, NULL, 0) == 0);
    T(hs_error_body(buf, sizeof buf, 404, 0, HS_LANG_COUNT, NULL, 0, NULL, 0) == 0);
    T(hs_error_body(buf, sizeof buf, 404, -1, -1, NULL, 0, NULL, 0) == 0);
    T(hs_write_body(buf, sizeof buf, NULL) == 0);
    /* extensions: numbers written without the locale, booleans */
    memset(&b, 0, sizeof b);
    memset(m, 0, sizeof m);
    b.code = 403;
    b.format = HS_FORMAT_PROBLEM_JSON;
    m[0].name.s = "a"; m[0].name.len = 1; m[0].kind = HS_EXT_NUMBER; m[0].number = -0.25;
    m[1].name.s = "b"; m[1].name.len = 1; m[1].kind = HS_EXT_NUMBER; m[1].number = 1e300;
    m[2].name.s = "c"; m[2].name.len = 1; m[2].kind = HS_EXT_BOOLEAN; m[2].boolean = 1;
    b.extensions = m;
    b.nextensions = 3;
    (void)hs_write_body(buf, sizeof buf, &b);
    STR(buf, "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"a\":-0.25,"
             "\"b\":1.0000000000000001e+300,\"c\":true}");
    /* a page of the caller's: one pass, unknown names kept */
    memset(&b, 0, sizeof b);
    b.code = 500;
    b.format = HS_FORMAT_HTML;
    b.page.s = "{status}{title}{x}{lang}{";
    b.page.len = strlen(b.page.s);
    b.detail.s = "{title}<";
    b.detail.len = 8;
    (void)hs_write_body(buf, sizeof buf, &b);
    STR(buf, "500Internal Server Error{x}en{");
    b.page.s = "[{detail}|{instance}|{description}]";
    b.page.len = strlen(b.page.s);
    b.format = HS_FORMAT_TEXT;
    (void)hs_write_body(buf, sizeof buf, &b);
    T(strncmp(buf, "[{title}<||", 11) == 0);
    STR(hs_format_type(HS_FORMAT_HTML), "text/html; charset=utf-8");
    STR(hs_format_name(HS_FORMAT_PROBLEM_JSON), "problem+json");
    STR(hs_lang_tag(HS_LANG_ZH_HANS), "zh-Hans");
    STR(hs_lang_tag(HS_LANG_ZH_HANT), "zh-Hant");
    T(hs_format_type(-1) == NULL && hs_format_name(HS_FORMAT_COUNT) == NULL && hs_lang_tag(HS_LANG_COUNT) == NULL);
    T(hs_format_type(HS_FORMAT_COUNT) == NULL && hs_format_name(-1) == NULL && hs_lang_tag(-1) == NULL);
    T(hs_error_body(buf, sizeof buf, 404, 0, -1, NULL, 0, NULL, 0) == 0);
    T(hs_error_body(NULL, 10, 404, 0, 0, NULL, 0, NULL, 0) == 55);
    n = hs_error_body(buf, sizeof buf, 404, HS_FORMAT_JSON, HS_LANG_EN, L("a\tb\rc\nd\\e\177"), NULL, 0);
    T(strstr(buf, "\"detail\":\"a\\tb\\rc\\nd\\\\e\\u007f\"") != NULL && n == strlen(buf));
    T(hs_is_token(L("X-Request-Id")) && !hs_is_token(L("X A")) && !hs_is_token(L("")) && !hs_is_token(NULL, 3));
    /* the module's own texts escaped too: 406's description has an apostrophe */
    (void)hs_error_body(buf, sizeof buf, 406, HS_FORMAT_HTML, HS_LANG_EN, NULL, 0, NULL, 0);
    T(strstr(buf, "&#39;") != NULL && strchr(buf, '\'') == NULL);
    /* a string member given as NULL, 0 is empty */
    memset(&b, 0, sizeof b);
    memset(m, 0, sizeof m);
    b.code = 400;
    m[0].name.s = "e"; m[0].name.len = 1; m[0].kind = HS_EXT_STRING;
    b.extensions = m;
    b.nextensions = 1;
    (void)hs_write_body(buf, sizeof buf, &b);
    T(strstr(buf, "\"e\":\"\"}") != NULL);
    memset(&b, 0, sizeof b);
    b.code = 403;
    b.format = HS_FORMAT_JSON;
    m[0].name.s = "a";
    m[0].kind = HS_EXT_NUMBER;
    m[0].number = -1e300;
    b.extensions = m;
    b.nextensions = 1;
    (void)hs_write_body(buf, sizeof buf, &b);
    T(strstr(buf, "\"a\":-1.0000000000000001e+300}") != NULL);
    STR(hs_class_title(HS_CLIENT_ERROR, HS_LANG_EN), "Client Error");
    /* 伺服器錯誤 */
    STR(hs_class_title(HS_SERVER_ERROR, HS_LANG_ZH_HANT),
        "\344\274\272\346\234\215\345\231\250" "\351\214\257\350\252\244");
    T(hs_class_title(0, 0) == NULL && hs_class_title(1, HS_LANG_COUNT) == NULL && hs_class_title(6, 0) == NULL);
    n = hs_error_body(buf, sizeof buf, 599, HS_FORMAT_TEXT, HS_LANG_ZH_HANT, NULL, 0, NULL, 0);
    T(n == strlen(buf) && strncmp(buf, "599 \344\274\272\346\234\215\345\231\250", 13) == 0);
}

static void run(const char *name, void (*test)(void)) {
    int before = checks_failed;
    test();
    tap(checks_failed == before, name);
}

int main(void) {
    run("entries, reasons, registry status", test_lookups);
    run("hs_status as ABI 2 has it", test_abi);
    run("classes and predicates over -1000..1999", test_classes);
    run("lookup by name, phrase and digits", test_lookup_names);
    run("redirect methods", test_redirects);
    run("status lines: parse and format", test_status_lines);
    run("status sets: parse, test, format", test_sets);
    run("HTTP dates: every day 1970-9999; Retry-After; retries by method", test_dates);
    run("mappings: gRPC both ways, span status, problem type", test_mappings);
    run("the header fields each code requires, over -1..1000", test_headers);
    run("content negotiation: Accept and Accept-Language, offers beyond one pass", test_negotiate);
    run("error bodies: JSON, HTML and text, truncation, numbers, pages", test_bodies);
    run("the C API's promises: NULL pointers and counts, sizes, numbers outside each domain", test_contract);
    run("8 threads using the core at once", test_threads);
    return tap_done();
}
