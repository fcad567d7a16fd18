/*
 * fuzz_lookup.c - libFuzzer target for hs_lookup and the code-indexed
 * lookups. Properties checked on every input:
 *  - a code found is 100-599, and its own constant name and phrase find it;
 *  - the input with its ASCII case flipped finds the same code;
 *  - hs_redirect_method never returns anything but the method or "GET";
 *  - every lookup by the code (the input's first two bytes) is consistent.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "httpstatus.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *s = (const char *)data;
    int code = hs_lookup(s, size);

    if (code != 0) {
        const hs_status *e = hs_get(code);
        CHECK(hs_is_valid(code));
        if (e) {
            CHECK(hs_lookup(e->name, strlen(e->name)) == code);
            if (e->reason) CHECK(hs_lookup(e->reason, strlen(e->reason)) == code);
        }
        if (size <= 4096) {
            char flipped[4096];
            size_t i;
            for (i = 0; i < size; i++) {
                char c = s[i];
                flipped[i] = (char)((c >= 'a' && c <= 'z') ? c - 32 : (c >= 'A' && c <= 'Z') ? c + 32 : c);
            }
            CHECK(hs_lookup(flipped, size) == code);
        }
    }

    {
        size_t out = 0;
        int c = size >= 2 ? (data[0] << 8 | data[1]) % 1000 - 200 : 302;
        const char *m = hs_redirect_method(c, s, size, &out);
        CHECK(m == NULL || m == s || (strcmp(m, "GET") == 0 && out == 3));
        CHECK(m == NULL || m != s || out == size);
        CHECK(hs_is_redirect(c) == (m != NULL));
        CHECK(hs_is_valid(c) == (hs_class(c) != HS_CLASS_NONE));
        CHECK(hs_is_registered(c) == (hs_get(c) != NULL && hs_get(c)->registry != HS_UNUSED));
        CHECK(hs_is_registered(c) == (hs_reason(c) != NULL));
        CHECK(hs_canonical(c) == 0 || hs_is_registered(hs_canonical(c)));
        CHECK(!hs_is_empty(c) || hs_is_valid(c));
    }
    return 0;
}
