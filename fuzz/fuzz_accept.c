/*
 * fuzz_accept.c - libFuzzer target for content negotiation (hs_accept.c).
 * The first byte picks Accept or Accept-Language and which of a fixed list
 * of offers (some not valid) the server offers; the rest is the field
 * value. Checked on every input, against a model of what the choice must
 * be (the pure edition, an independent implementation, is compared with
 * the C one call by call in tests/pure_diff.lua):
 *  - the answer is -1 or an offer's index, and a valid offer's;
 *  - the choice is the one offer it would be alone: the offer chosen is
 *    acceptable alone, and with -1 no offer is acceptable alone;
 *  - the server's order: the offer chosen, moved to the front, is chosen;
 *  - passes: the same offers after 40 invalid ones (more than one pass of
 *    32) give the same offer, 40 further on;
 *  - the limits: the value and the value with bytes after its first 8192
 *    replaced give the same answer (nothing past the limit is read, but
 *    for the byte that says whether a member is cut there), and a NULL or
 *    empty value chooses the first valid offer.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "httpstatus.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef int (*chooser)(const char *, size_t, const hs_str *, size_t);
typedef int (*validator)(const char *, size_t);

static const char *const media[8] = {
    "application/problem+json", "application/json", "text/html", "text/plain;format=flowed",
    "text/*", "TEXT/Plain", "image/webp", "bad type",
};
static const char *const langs[8] = {
    "en", "zh-Hans", "zh-Hant", "en-GB", "zh", "fr", "zh-TW", "en_US",
};

#define PAD 40

static void check(chooser choose, validator valid, const char *const *names, unsigned pick,
                  const char *value, size_t len) {
    hs_str offers[8], padded[PAD + 8], moved[8];
    size_t n = 0, i;
    int k, first_valid = -1;
    for (i = 0; i < 8; i++) {
        if (!(pick & (1u << i))) continue;
        offers[n].s = names[i];
        offers[n].len = strlen(names[i]);
        if (first_valid < 0 && valid(offers[n].s, offers[n].len)) first_valid = (int)n;
        n++;
    }
    k = choose(value, len, offers, n);
    CHECK(k >= -1 && k < (int)n);
    if (k >= 0) {
        CHECK(valid(offers[k].s, offers[k].len));
        CHECK(choose(value, len, &offers[k], 1) == 0);
        /* moved to the front, it is still chosen */
        moved[0] = offers[k];
        memcpy(moved + 1, offers, (size_t)k * sizeof offers[0]);
        memcpy(moved + 1 + k, offers + k + 1, (n - (size_t)k - 1) * sizeof offers[0]);
        CHECK(choose(value, len, moved, n) == 0);
    } else {
        for (i = 0; i < n; i++) CHECK(choose(value, len, &offers[i], 1) == -1);
    }
    /* more than one pass */
    for (i = 0; i < PAD; i++) {
        padded[i].s = "";
        padded[i].len = 0;
    }
    memcpy(padded + PAD, offers, n * sizeof offers[0]);
    CHECK(choose(value, len, padded, PAD + n) == (k < 0 ? -1 : k + PAD));
    /* absent */
    CHECK(choose(NULL, 0, offers, n) == first_valid);
    CHECK(choose(value, 0, offers, n) == first_valid);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    int lang;
    unsigned pick;
    char *value;
    size_t len;
    if (size < 1) return 0;
    lang = data[0] & 1;
    pick = (unsigned)(data[0] >> 1) | 1u;  /* the first offer always */
    len = size - 1;
    value = (char *)malloc(len + 1);
    if (value == NULL) return 0;
    if (len) memcpy(value, data + 1, len);
    if (lang)
        check(hs_negotiate_language, hs_is_language_tag, langs, pick, value, len);
    else
        check(hs_negotiate, hs_is_media_type, media, pick, value, len);
    /* past the limit only the byte at it is read */
    if (len > HS_ACCEPT_MAX_BYTES + 1) {
        int before = lang ? hs_negotiate_language(value, len, NULL, 0) : hs_negotiate(value, len, NULL, 0);
        hs_str one;
        int a, b;
        one.s = lang ? "en" : "text/html";
        one.len = strlen(one.s);
        a = lang ? hs_negotiate_language(value, len, &one, 1) : hs_negotiate(value, len, &one, 1);
        memset(value + HS_ACCEPT_MAX_BYTES + 1, 'x', len - HS_ACCEPT_MAX_BYTES - 1);
        b = lang ? hs_negotiate_language(value, len, &one, 1) : hs_negotiate(value, len, &one, 1);
        CHECK(a == b && before == -1);
    }
    free(value);
    return 0;
}
