/*
 * tests/c_host.c: a small C host of the installed library, as a user
 * writes one. tests/install.sh builds it against `make install`'s output,
 * statically and shared, with
 *
 *   cc tests/c_host.c $(pkg-config --cflags --libs httpstatus)
 *
 * and compares what it prints with what the library must answer. It uses
 * every part of the C API: the core, the status line, sets, dates and the
 * gRPC mappings.
 */
#include <stdio.h>
#include <string.h>
#include <httpstatus.h>

int main(void) {
    const char *line = "HTTP/1.1 503 Service Unavailable";
    const char *spec = "500-504,!501";
    const char *date = "Sun, 06 Nov 1994 08:49:37 GMT";
    char buf[HS_SET_FORMAT_MAX];
    hs_status_line sl;
    hs_set set;
    long long t = 0;
    int grpc;

    printf("version %s\n", hs_version());
    printf("404 %s, %s\n", hs_reason(404), hs_class_name(hs_class(404)));
    printf("\"payload too large\" is %d\n", hs_lookup("payload too large", 17));
    if (hs_parse_status_line(line, strlen(line), &sl) != HS_OK) return 1;
    printf("parsed %d, retryable after POST: %d, after GET: %d\n", sl.code,
           hs_is_retryable_method(sl.code, "POST", 4), hs_is_retryable_method(sl.code, "GET", 3));
    if (hs_set_parse(spec, strlen(spec), &set, NULL) != HS_SET_OK) return 1;
    hs_set_format(&set, buf, sizeof buf);
    printf("set %s: %d codes, has 502: %d, has 501: %d\n", buf, hs_set_count(&set),
           hs_set_has(&set, 502), hs_set_has(&set, 501));
    if (hs_parse_http_date(date, strlen(date), 0, &t) != HS_DATE_OK) return 1;
    hs_format_http_date(t + 86400, buf, sizeof buf);
    printf("date %lld, a day later %s\n", t, buf);
    grpc = hs_to_grpc(429);
    printf("429 -> gRPC %d %s -> HTTP %d\n", grpc, hs_grpc_name(grpc), hs_from_grpc(grpc));
    return 0;
}
