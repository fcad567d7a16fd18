/*
 * fuzz_grpc.c - libFuzzer target for the gRPC status lookup (hs_map.c),
 * the parser behind hs.from_grpc, and the mappings around it. Properties:
 *  - a status found is 0-16, its name finds it again, in any case, and
 *    its decimal digits find it too;
 *  - the input with its ASCII case flipped finds the same status;
 *  - to_grpc and from_grpc give a status 0-16 and a code 100-599 for any
 *    int, and span status is 0 or 1.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "httpstatus.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *s = (const char *)data;
    int status = hs_grpc_lookup(s, size), code = 0;
    size_t i;
    if (status >= 0) {
        const char *name = hs_grpc_name(status);
        char digits[3];
        CHECK(status <= 16 && name != NULL);
        CHECK(hs_grpc_lookup(name, strlen(name)) == status);
        digits[0] = (char)('0' + status / 10);
        digits[1] = (char)('0' + status % 10);
        CHECK(hs_grpc_lookup(digits, 2) == status);
        if (size <= 64) {
            char flipped[64];
            for (i = 0; i < size; i++) {
                char c = s[i];
                flipped[i] = (char)((c >= 'a' && c <= 'z') ? c - 32 : (c >= 'A' && c <= 'Z') ? c + 32 : c);
            }
            CHECK(hs_grpc_lookup(flipped, size) == status);
        }
    }
    {
        uint32_t u = 0;
        for (i = 0; i < size && i < 4; i++) u = u << 8 | data[i];
        code = (int)(u % 2000u) - 500;  /* -500..1499: every class and beyond */
    }
    status = hs_to_grpc(code);
    CHECK(status >= 0 && status <= 16 && hs_grpc_name(status) != NULL);
    CHECK(hs_is_valid(hs_from_grpc(status)));
    CHECK(hs_span_status_error(code, HS_SPAN_SERVER) <= hs_span_status_error(code, HS_SPAN_CLIENT));
    return 0;
}
