/*
 * hs_map.c - mappings from HTTP status codes to neighbouring protocols:
 * gRPC (both directions, from two different tables), OpenTelemetry span
 * status, and RFC 9457 problem details. The tables are generated from
 * data/mappings.lua, which cites where each comes from. Pure C99: no Lua,
 * no allocation, no writable state.
 */
#include <string.h>

#include "httpstatus.h"
#include "hs_map_data.inc"

HS_API const hs_grpc_status *hs_grpc_statuses(size_t *count) {
    if (count) *count = HS_DATA_NGRPC;
    return hs_data_grpc;
}

HS_API int hs_to_grpc(int code) {
    size_t i;
    for (i = 0; i < HS_DATA_NHTTP_TO_GRPC; i++)
        if (hs_data_http_to_grpc[i].http == code) return hs_data_http_to_grpc[i].grpc;
    return HS_DATA_HTTP_TO_GRPC_OTHER;
}

HS_API int hs_from_grpc(int status) {
    return (status >= 0 && status < HS_DATA_NGRPC) ? hs_data_grpc[status].http : 0;
}

HS_API const char *hs_grpc_name(int status) {
    return (status >= 0 && status < HS_DATA_NGRPC) ? hs_data_grpc[status].name : NULL;
}

HS_API int hs_grpc_lookup(const char *s, size_t len) {
    size_t i;
    int n;
    if (s == NULL || len == 0) return -1;
    for (i = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++) {}
    if (i == len) {  /* digits: leading zeros allowed, overflow avoided */
        int v = 0;
        for (i = 0; i < len; i++) {
            v = v * 10 + (s[i] - '0');
            if (v >= HS_DATA_NGRPC) return -1;
        }
        return v;
    }
    for (n = 0; n < HS_DATA_NGRPC; n++) {
        const char *name = hs_data_grpc[n].name;
        if (strlen(name) != len) continue;
        for (i = 0; i < len; i++) {
            char c = s[i];
            if (c >= 'a' && c <= 'z') c = (char)(c - 'a' + 'A');
            if (c != name[i]) break;
        }
        if (i == len) return n;
    }
    return -1;
}

HS_API int hs_span_status_error(int code, int kind) {
    unsigned classes = kind == HS_SPAN_CLIENT ? HS_DATA_SPAN_ERROR_CLIENT : HS_DATA_SPAN_ERROR_SERVER;
    if (!hs_is_valid(code)) return 1;
    return ((classes >> hs_class(code)) & 1u) != 0;
}

HS_API const char *hs_problem_type(void) { return HS_DATA_PROBLEM_TYPE; }
