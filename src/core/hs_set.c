/*
 * hs_set.c - status sets: the status lists of config files, parsed into a
 * fixed-size bitmap over 100-599, tested, compared and written back in a
 * canonical form (the grammar is in httpstatus.h). Pure C99: no Lua, no
 * allocation, no writable state.
 */
#include <string.h>

#include "httpstatus.h"

#define HS_SET_FIRST 100
#define HS_SET_LAST 599

static void hs_set_put(hs_set *s, int code) {
    int i = code - HS_SET_FIRST;
    s->bits[i >> 3] = (unsigned char)(s->bits[i >> 3] | (1u << (i & 7)));
}

HS_API int hs_set_has(const hs_set *s, int code) {
    int i = code - HS_SET_FIRST;
    if (s == NULL || code < HS_SET_FIRST || code > HS_SET_LAST) return 0;
    return (s->bits[i >> 3] >> (i & 7)) & 1;
}

static void hs_set_put_range(hs_set *s, int lo, int hi) {
    int c;
    for (c = lo; c <= hi; c++) hs_set_put(s, c);
}

/* The names of the grammar, each with the predicate it stands for. */
static int hs_in_informational(int c) { return hs_class(c) == HS_INFORMATIONAL; }
static int hs_in_successful(int c) { return hs_class(c) == HS_SUCCESSFUL; }
static int hs_in_redirection(int c) { return hs_class(c) == HS_REDIRECTION; }
static int hs_in_client_error(int c) { return hs_class(c) == HS_CLIENT_ERROR; }
static int hs_in_server_error(int c) { return hs_class(c) == HS_SERVER_ERROR; }
static int hs_in_error(int c) { return hs_class(c) >= HS_CLIENT_ERROR; }

static const struct {
    const char *name;
    int (*in)(int code);
} hs_set_names[] = {
    { "informational", hs_in_informational }, { "successful", hs_in_successful },
    { "redirection", hs_in_redirection }, { "client_error", hs_in_client_error },
    { "server_error", hs_in_server_error }, { "error", hs_in_error },
    { "registered", hs_is_registered }, { "retryable", hs_is_retryable },
    { "cacheable", hs_is_cacheable }, { "redirect", hs_is_redirect },
    { "empty", hs_is_empty },
};

static int hs_isdigit(char c) { return c >= '0' && c <= '9'; }

static int hs_lower(char c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }

/* "xx" or "XX", as the grammar has it (not "xX" or "Xx") */
static int hs_is_xx(const char *s) { return (s[0] == 'x' && s[1] == 'x') || (s[0] == 'X' && s[1] == 'X'); }

/* A code of three digits, 100-599, from s[0..len); 0 otherwise. */
static int hs_set_code(const char *s, size_t len) {
    int code;
    if (len != 3 || !hs_isdigit(s[0]) || !hs_isdigit(s[1]) || !hs_isdigit(s[2])) return 0;
    code = (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
    return hs_is_valid(code) ? code : 0;
}

static int hs_all_digits(const char *s, size_t len) {
    size_t i;
    if (len == 0) return 0;
    for (i = 0; i < len; i++)
        if (!hs_isdigit(s[i])) return 0;
    return 1;
}

/* Adds the codes of one atom to *to; HS_SET_OK or an error. */
static int hs_set_atom(hs_set *to, const char *a, size_t len) {
    size_t i, dash = len;
    if (len == 3 && hs_isdigit(a[0]) && hs_is_xx(a + 1)) {
        int cls = a[0] - '0';
        if (cls < HS_INFORMATIONAL || cls > HS_SERVER_ERROR) return HS_SET_E_CLASS;
        hs_set_put_range(to, cls * 100, cls * 100 + 99);
        return HS_SET_OK;
    }
    if (hs_all_digits(a, len)) {
        int code = hs_set_code(a, len);
        if (!code) return HS_SET_E_CODE;
        hs_set_put(to, code);
        return HS_SET_OK;
    }
    for (i = 0; i < len; i++)
        if (a[i] == '-') { dash = i; break; }
    if (dash < len && hs_all_digits(a, dash) && hs_all_digits(a + dash + 1, len - dash - 1)) {
        int lo = hs_set_code(a, dash), hi = hs_set_code(a + dash + 1, len - dash - 1);
        if (!lo || !hi) return HS_SET_E_CODE;
        if (lo > hi) return HS_SET_E_RANGE;
        hs_set_put_range(to, lo, hi);
        return HS_SET_OK;
    }
    for (i = 0; i < sizeof hs_set_names / sizeof hs_set_names[0]; i++) {
        const char *n = hs_set_names[i].name;
        size_t j;
        if (strlen(n) != len) continue;
        for (j = 0; j < len && hs_lower(a[j]) == n[j]; j++) {}
        if (j == len) {
            int c;
            for (c = HS_SET_FIRST; c <= HS_SET_LAST; c++)
                if (hs_set_names[i].in(c)) hs_set_put(to, c);
            return HS_SET_OK;
        }
    }
    return HS_SET_E_ITEM;
}

static int hs_is_sep(char c) { return c == ',' || c == ' ' || c == '\t'; }

HS_API void hs_set_begin(hs_set_builder *b) {
    memset(b, 0, sizeof *b);
}

static int hs_set_fail(hs_set_error *err, int code, unsigned position, size_t offset, size_t length) {
    if (err) {
        err->code = code;
        err->position = position;
        err->offset = offset;
        err->length = length;
    }
    return code;
}

HS_API int hs_set_add(hs_set_builder *b, const char *s, size_t len, hs_set_error *err) {
    hs_set_builder next = *b;  /* committed only if every item parses */
    size_t i = 0;
    if (s == NULL) len = 0;
    while (i < len) {
        size_t start, n;
        int neg, rc;
        while (i < len && hs_is_sep(s[i])) i++;
        if (i == len) break;
        start = i;
        while (i < len && !hs_is_sep(s[i])) i++;
        n = i - start;
        next.items++;
        neg = s[start] == '!';
        if (neg && n == 1) return hs_set_fail(err, HS_SET_E_NOT, next.items, start, n);
        rc = hs_set_atom(neg ? &next.exclude : &next.include, s + start + neg, n - (size_t)neg);
        if (rc != HS_SET_OK) return hs_set_fail(err, rc, next.items, start, n);
        if (neg) next.any_exclude = 1; else next.any_include = 1;
    }
    *b = next;
    return HS_SET_OK;
}

HS_API int hs_set_add_code(hs_set_builder *b, int code, hs_set_error *err) {
    if (!hs_is_valid(code)) return hs_set_fail(err, HS_SET_E_CODE, b->items + 1, 0, 0);
    b->items++;
    b->any_include = 1;
    hs_set_put(&b->include, code);
    return HS_SET_OK;
}

HS_API void hs_set_end(const hs_set_builder *b, hs_set *out) {
    size_t i;
    /* only "!" items: they take codes away from all of 100-599 */
    unsigned all = (!b->any_include && b->any_exclude) ? 0xFFu : 0u;
    for (i = 0; i < sizeof out->bits; i++) {
        unsigned inc = b->any_include ? b->include.bits[i] : all;
        out->bits[i] = (unsigned char)(inc & ~(unsigned)b->exclude.bits[i]);
    }
    /* bits past 599 stay clear, whatever the start was */
    out->bits[(HS_SET_LAST - HS_SET_FIRST) >> 3] &= (unsigned char)((1u << (((HS_SET_LAST - HS_SET_FIRST) & 7) + 1)) - 1);
    for (i = ((HS_SET_LAST - HS_SET_FIRST) >> 3) + 1; i < sizeof out->bits; i++) out->bits[i] = 0;
}

HS_API int hs_set_parse(const char *s, size_t len, hs_set *out, hs_set_error *err) {
    hs_set_builder b;
    int rc;
    hs_set_begin(&b);
    rc = hs_set_add(&b, s, len, err);
    if (rc == HS_SET_OK) hs_set_end(&b, out);
    return rc;
}

HS_API int hs_set_equal(const hs_set *a, const hs_set *b) {
    return memcmp(a->bits, b->bits, sizeof a->bits) == 0;
}

/* The algebra: byte by byte, so that out may be a or b; the bits past 599
 * stay clear, as they are in a and b. */
HS_API void hs_set_union(const hs_set *a, const hs_set *b, hs_set *out) {
    size_t i;
    for (i = 0; i < sizeof out->bits; i++) out->bits[i] = (unsigned char)(a->bits[i] | b->bits[i]);
}

HS_API void hs_set_minus(const hs_set *a, const hs_set *b, hs_set *out) {
    size_t i;
    for (i = 0; i < sizeof out->bits; i++) out->bits[i] = (unsigned char)(a->bits[i] & ~b->bits[i]);
}

HS_API void hs_set_intersect(const hs_set *a, const hs_set *b, hs_set *out) {
    size_t i;
    for (i = 0; i < sizeof out->bits; i++) out->bits[i] = (unsigned char)(a->bits[i] & b->bits[i]);
}

HS_API int hs_set_subset(const hs_set *a, const hs_set *b) {
    size_t i;
    for (i = 0; i < sizeof a->bits; i++)
        if (a->bits[i] & ~b->bits[i]) return 0;
    return 1;
}

HS_API int hs_set_count(const hs_set *s) {
    int c, n = 0;
    for (c = HS_SET_FIRST; c <= HS_SET_LAST; c++) n += hs_set_has(s, c);
    return n;
}

/* Appends to a buffer that keeps counting past its end. */
typedef struct hs_writer {
    char *buf;
    size_t size, n;
} hs_writer;

static void hs_write(hs_writer *w, const char *s, size_t len) {
    size_t i;
    for (i = 0; i < len; i++, w->n++)
        if (w->n + 1 < w->size) w->buf[w->n] = s[i];
}

static void hs_write_code(hs_writer *w, int code) {
    char d[3];
    d[0] = (char)('0' + code / 100);
    d[1] = (char)('0' + code / 10 % 10);
    d[2] = (char)('0' + code % 10);
    hs_write(w, d, 3);
}

HS_API size_t hs_set_format(const hs_set *s, char *buf, size_t size) {
    hs_writer w;
    int cls;
    w.buf = buf;
    w.size = buf ? size : 0;
    w.n = 0;
    for (cls = HS_INFORMATIONAL; cls <= HS_SERVER_ERROR; cls++) {
        int lo = cls * 100, hi = lo + 99, c = lo;
        while (c <= hi) {
            int end;
            if (!hs_set_has(s, c)) { c++; continue; }
            for (end = c; end < hi && hs_set_has(s, end + 1); end++) {}
            if (w.n > 0) hs_write(&w, ",", 1);
            if (c == lo && end == hi) {
                char whole[3];
                whole[0] = (char)('0' + cls);
                whole[1] = whole[2] = 'x';
                hs_write(&w, whole, 3);
            } else {
                hs_write_code(&w, c);
                if (end > c) {
                    hs_write(&w, "-", 1);
                    hs_write_code(&w, end);
                }
            }
            c = end + 1;
        }
    }
    if (w.size > 0) w.buf[w.n < w.size ? w.n : w.size - 1] = '\0';
    return w.n;
}
