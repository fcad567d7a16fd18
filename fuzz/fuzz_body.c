/*
 * fuzz_body.c - libFuzzer target for the error body writer (hs_body.c).
 * The first bytes pick the code, the format, the language and which values
 * are given; the rest, cut at the first two 0xFF bytes, is the detail, the
 * instance and the caller's page. Checked on every input, against a model:
 *  - the length returned is what a buffer of any size receives: a whole
 *    write is that long, a short one its prefix, NUL-terminated;
 *  - the body is valid UTF-8 (RFC 3629: shortest forms, no surrogates);
 *  - JSON: a valid JSON object (a small strict reader below), with no raw
 *    control byte;
 *  - HTML (the built-in page): as many '<' as the same page with plain
 *    values, so no element comes from a value; text: nothing to check but
 *    the above.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "httpstatus.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* UTF-8 as a decoder reads it: each sequence decoded to its code point,
 * which must need that many bytes, be no surrogate and no more than
 * U+10FFFF. */
static int utf8_valid(const unsigned char *s, size_t n) {
    static const unsigned long least[5] = { 0, 0, 0x80, 0x800, 0x10000 };
    size_t i = 0, k, len;
    while (i < n) {
        unsigned long cp;
        unsigned char c = s[i];
        if (c < 0x80) { i++; continue; }
        len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (len == 0 || i + len > n) return 0;
        cp = c & (0x7Fu >> len);
        for (k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        if (cp < least[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
        i += len;
    }
    return 1;
}

/* A strict reader of the JSON the writer makes: an object of string keys
 * and string, number or boolean values. Returns the end, or NULL. */
static const char *json_string(const char *p, const char *end) {
    if (p >= end || *p != '"') return NULL;
    for (p++; p < end; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '"') return p + 1;
        if (c < 0x20) return NULL;
        if (c == '\\') {
            if (++p >= end) return NULL;
            if (*p == 'u') {
                int k;
                for (k = 1; k <= 4; k++)
                    if (p + k >= end || !strchr("0123456789abcdef", p[k]) || p[k] == '\0') return NULL;
                p += 4;
            } else if (!strchr("\"\\/bfnrt", *p) || *p == '\0') {
                return NULL;
            }
        }
    }
    return NULL;
}

static const char *json_value(const char *p, const char *end) {
    size_t left = (size_t)(end - p);
    if (left == 0) return NULL;
    if (*p == '"') return json_string(p, end);
    if (left >= 4 && memcmp(p, "true", 4) == 0) return p + 4;
    if (left >= 5 && memcmp(p, "false", 5) == 0) return p + 5;
    if (*p == '-') p++;
    if (p >= end || !(*p >= '0' && *p <= '9')) return NULL;
    while (p < end && ((*p >= '0' && *p <= '9') || *p == '.' || *p == 'e' || *p == '+' || *p == '-')) p++;
    return p;
}

static int json_object(const char *p, const char *end) {
    if (p >= end || *p++ != '{') return 0;
    for (;;) {
        if ((p = json_string(p, end)) == NULL || p >= end || *p++ != ':') return 0;
        if ((p = json_value(p, end)) == NULL || p >= end) return 0;
        if (*p == '}') return p + 1 == end;
        if (*p++ != ',') return 0;
    }
}

static size_t count(const char *s, size_t n, char c) {
    size_t i, k = 0;
    for (i = 0; i < n; i++) k += s[i] == c;
    return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const int codes[] = { 400, 404, 405, 418, 451, 499, 500, 503, 599, 200, 204, 205, 304, 101 };
    hs_body b, plain;
    hs_member ext[2];
    const char *rest, *cut1, *cut2, *end;
    char *out, small[16];
    size_t n, m;
    unsigned flags;
    if (size < 3) return 0;
    memset(&b, 0, sizeof b);
    b.code = codes[data[0] % (sizeof codes / sizeof codes[0])];
    b.format = data[1] % HS_FORMAT_COUNT;
    b.lang = (data[1] >> 2) % HS_LANG_COUNT;
    flags = data[2];
    rest = (const char *)data + 3;
    end = (const char *)data + size;
    cut1 = memchr(rest, 0xFF, (size_t)(end - rest));
    cut1 = cut1 ? cut1 : end;
    cut2 = cut1 < end ? memchr(cut1 + 1, 0xFF, (size_t)(end - cut1 - 1)) : NULL;
    cut2 = cut2 ? cut2 : end;
    if (flags & 1) b.detail.s = rest, b.detail.len = (size_t)(cut1 - rest);
    if ((flags & 2) && cut1 < end) b.instance.s = cut1 + 1, b.instance.len = (size_t)(cut2 - cut1 - 1);
    if ((flags & 4) && cut2 < end) b.page.s = cut2 + 1, b.page.len = (size_t)(end - cut2 - 1);
    if (flags & 8) b.title = b.detail;
    if (flags & 16) b.type = b.instance;
    if (flags & 32) {
        ext[0].name = b.instance;
        ext[0].kind = HS_EXT_STRING;
        ext[0].text = b.detail;
        ext[1].name.s = "n";
        ext[1].name.len = 1;
        ext[1].kind = (flags & 64) ? HS_EXT_NUMBER : HS_EXT_BOOLEAN;
        ext[1].number = (double)data[0] / 7.0 - 10.0;
        ext[1].boolean = (flags & 128) != 0;
        b.extensions = ext;
        b.nextensions = ext[0].name.s ? 2 : 1;
        if (!ext[0].name.s) b.extensions = ext + 1;
    }
    n = hs_write_body(NULL, 0, &b);
    out = (char *)malloc(n + 1);
    if (out == NULL) return 0;
    CHECK(hs_write_body(out, n + 1, &b) == n && out[n] == '\0');
    m = hs_write_body(small, sizeof small, &b);
    CHECK(m == n && small[n < sizeof small ? n : sizeof small - 1] == '\0' &&
          memcmp(small, out, n < sizeof small ? n : sizeof small - 1) == 0);
    CHECK(utf8_valid((const unsigned char *)out, n));
    if (n > 0 && (b.format == HS_FORMAT_PROBLEM_JSON || b.format == HS_FORMAT_JSON)) {
        CHECK(json_object(out, out + n));
    }
    if (n > 0 && b.format == HS_FORMAT_HTML && !b.page.s) {
        char *base;
        size_t bn;
        plain = b;
        plain.title.s = plain.title.s ? "t" : NULL, plain.title.len = 1;
        plain.detail.s = plain.detail.s ? "d" : NULL, plain.detail.len = 1;
        plain.instance.s = plain.instance.s ? "i" : NULL, plain.instance.len = 1;
        bn = hs_write_body(NULL, 0, &plain);
        base = (char *)malloc(bn + 1);
        if (base) {
            (void)hs_write_body(base, bn + 1, &plain);
            CHECK(count(out, n, '<') == count(base, bn, '<') && count(out, n, '>') == count(base, bn, '>'));
            free(base);
        }
    }
    free(out);
    return 0;
}
