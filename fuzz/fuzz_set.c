/*
 * fuzz_set.c - libFuzzer target for the status-set parser and formatter
 * (hs_set.c). Properties checked on every input:
 *  - whatever parses round-trips: hs_set_format's text parses back to the
 *    same set, is shorter than HS_SET_FORMAT_MAX, and formatting it again
 *    gives the same text; hs_set_count agrees with hs_set_has;
 *  - a truncated format is a prefix of the whole one, NUL-terminated;
 *  - an error names an item inside the input, and that item alone fails
 *    with the same error at position 1;
 *  - the algebra: the input cut at its first ';' into two specs, their
 *    union, difference and intersection, subset and equality agree with a
 *    model of 1000 booleans.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "httpstatus.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* s ; t: the algebra of the two sets against booleans */
static void algebra(const char *s, size_t size) {
    const char *cut = memchr(s, ';', size);
    hs_set a, b, u, m, x;
    int c, subset = 1, equal = 1;
    if (cut == NULL) return;
    if (hs_set_parse(s, (size_t)(cut - s), &a, NULL) != HS_OK ||
        hs_set_parse(cut + 1, size - (size_t)(cut - s) - 1, &b, NULL) != HS_OK)
        return;
    hs_set_union(&a, &b, &u);
    hs_set_minus(&a, &b, &m);
    hs_set_intersect(&a, &b, &x);
    for (c = -1; c <= 1000; c++) {
        int in_a = hs_set_has(&a, c), in_b = hs_set_has(&b, c);
        CHECK(hs_set_has(&u, c) == (in_a || in_b));
        CHECK(hs_set_has(&m, c) == (in_a && !in_b));
        CHECK(hs_set_has(&x, c) == (in_a && in_b));
        CHECK(hs_set_has_inline(&u, c) == hs_set_has(&u, c));
        if (in_a && !in_b) subset = 0;
        if (in_a != in_b) equal = 0;
    }
    CHECK(hs_set_subset(&a, &b) == subset && hs_set_equal(&a, &b) == equal);
    hs_set_union(&a, &b, &a);  /* out may be an operand */
    CHECK(hs_set_equal(&a, &u));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *s = (const char *)data;
    hs_set set, again;
    hs_set_error err;
    char text[HS_SET_FORMAT_MAX], text2[HS_SET_FORMAT_MAX], small[16];
    int rc = hs_set_parse(s, size, &set, &err);
    algebra(s, size);

    CHECK(hs_strerror(rc) != NULL);
    if (rc != HS_SET_OK) {
        CHECK(err.code == rc && err.position >= 1 && err.length >= 1);
        CHECK(err.offset + err.length <= size);
        CHECK(hs_set_parse(s + err.offset, err.length, &again, &err) == rc && err.position == 1);
        return 0;
    }
    {
        size_t n = hs_set_format(&set, text, sizeof text), k;
        int c, count = 0;
        CHECK(n < HS_SET_FORMAT_MAX && strlen(text) == n);
        CHECK(hs_set_parse(text, n, &again, NULL) == HS_SET_OK && hs_set_equal(&set, &again));
        CHECK(hs_set_format(&again, text2, sizeof text2) == n && memcmp(text, text2, n) == 0);
        k = hs_set_format(&set, small, sizeof small);
        CHECK(k == n && strlen(small) == (n < sizeof small ? n : sizeof small - 1));
        CHECK(memcmp(small, text, strlen(small)) == 0);
        for (c = 0; c < 1000; c++) {
            if (hs_set_has(&set, c)) {
                CHECK(hs_is_valid(c));
                count++;
            }
        }
        CHECK(count == hs_set_count(&set));
    }
    return 0;
}
