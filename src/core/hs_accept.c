/*
 * hs_accept.c - content negotiation (RFC 9110, Section 12): which of a
 * server's offers an Accept or Accept-Language field value prefers.
 *
 * A field value comes from a client: it is never trusted. Each is read in
 * one pass per 32 offers, without allocation, in time linear in its
 * length: members are split at commas outside quoted strings, a malformed
 * member is skipped, and only the first HS_ACCEPT_MAX_MEMBERS members of
 * the first HS_ACCEPT_MAX_BYTES bytes are read (a member that the byte
 * limit cuts off is dropped, not read short). Pure C99: no Lua, no
 * writable state.
 */
#include <string.h>

#include "httpstatus.h"

/* offers weighed in one pass over the field value */
#define HS_PASS 32
/* parameters a media range or offer may have */
#define HS_MAX_PARAMS 8

static int hs_lower(char c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }
static int hs_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
static int hs_digit(char c) { return c >= '0' && c <= '9'; }
static int hs_ows(char c) { return c == ' ' || c == '\t'; }

/* tchar of RFC 9110, Section 5.6.2: ALPHA, DIGIT and !#$%&'*+-.^_`|~, a
 * bit each, by byte */
static const unsigned char hs_tchars[32] = {
    0x00, 0x00, 0x00, 0x00, 0xfa, 0x6c, 0xff, 0x03, 0xfe, 0xff, 0xff, 0xc7, 0xff, 0xff, 0xff, 0x57,
};
static int hs_tchar(char c) {
    unsigned char b = (unsigned char)c;
    return (hs_tchars[b >> 3] >> (b & 7)) & 1;
}

static int hs_ieq(const char *a, const char *b, size_t n) {
    size_t i;
    for (i = 0; i < n; i++)
        if (hs_lower(a[i]) != hs_lower(b[i])) return 0;
    return 1;
}

/* The end of the token at s[i..end), i itself if there is none. */
static size_t hs_token(const char *s, size_t i, size_t end) {
    while (i < end && hs_tchar(s[i])) i++;
    return i;
}

/* The end of the quoted-string that opens at s[i] (after its closing
 * quote), or 0 if it is not closed before end or holds a byte
 * qdtext/quoted-pair does not allow. */
static size_t hs_quoted(const char *s, size_t i, size_t end) {
    for (i++; i < end; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"') return i + 1;
        if (c == '\\') {
            if (++i >= end) return 0;
            c = (unsigned char)s[i];
            if (c != '\t' && (c < 0x20 || c == 0x7f)) return 0;
        } else if (c != '\t' && (c < 0x20 || c == 0x7f)) {
            return 0;
        }
    }
    return 0;
}

/* --- members ----------------------------------------------------------- */

/* The reader of a field value's members: each call gives the next
 * non-empty list element [*b, *e), trimmed of OWS, or returns 0 at the
 * end, at the member limit, or at a member that the byte limit cuts off. */
typedef struct hs_members {
    const char *s;
    size_t len;     /* of s, no more than HS_ACCEPT_MAX_BYTES */
    int cut;        /* s went on past HS_ACCEPT_MAX_BYTES */
    size_t i;
    int count;
} hs_members;

static void hs_members_begin(hs_members *m, const char *s, size_t len) {
    m->s = s;
    m->cut = len > HS_ACCEPT_MAX_BYTES;
    m->len = m->cut ? HS_ACCEPT_MAX_BYTES : len;
    m->i = 0;
    m->count = 0;
}

static int hs_members_next(hs_members *m, size_t *b, size_t *e) {
    const char *s = m->s;
    while (m->count < HS_ACCEPT_MAX_MEMBERS && m->i < m->len) {
        size_t i = m->i, start, stop;
        while (i < m->len && (hs_ows(s[i]) || s[i] == ',')) i++;
        start = i;
        while (i < m->len && s[i] != ',') {
            if (s[i] == '"') {
                size_t q = hs_quoted(s, i, m->len);
                if (q == 0) { i = m->len; break; }  /* unclosed: the rest is this member */
                i = q;
            } else {
                i++;
            }
        }
        /* cut off by the byte limit (unless a comma follows it there):
         * neither this member nor any after it */
        if (i == m->len && m->cut && s[m->len] != ',') return 0;
        m->i = i;
        stop = i;
        while (stop > start && hs_ows(s[stop - 1])) stop--;
        if (stop == start) continue;
        m->count++;
        *b = start;
        *e = stop;
        return 1;
    }
    return 0;
}

/* A weight "q=" qvalue (RFC 9110, Section 12.4.2) at s[i..end) as 0-1000,
 * and nothing after it but OWS; -1 otherwise. */
static int hs_weight(const char *s, size_t i, size_t end) {
    int w, n = 0;
    if (end - i < 3 || hs_lower(s[i]) != 'q' || s[i + 1] != '=') return -1;
    i += 2;
    if (s[i] != '0' && s[i] != '1') return -1;
    w = (s[i++] - '0') * 1000;
    if (i < end && s[i] == '.') {
        int scale = 100;
        for (i++; i < end && hs_digit(s[i]) && n < 3; i++, n++, scale /= 10) w += (s[i] - '0') * scale;
    }
    while (i < end && hs_ows(s[i])) i++;
    return (i == end && w <= 1000) ? w : -1;
}

/* --- media types --------------------------------------------------------- */

typedef struct hs_media {
    const char *s;
    size_t type_len, sub_at, sub_len;
    size_t name_at[HS_MAX_PARAMS], name_len[HS_MAX_PARAMS];
    size_t value_at[HS_MAX_PARAMS], value_len[HS_MAX_PARAMS];
    int nparams;
    int weight;     /* 0-1000; 1000 when not given */
} hs_media;

/*
 * Parses s[0..end) as type "/" subtype *( OWS ";" OWS [ parameter ] ),
 * then, if ranges is true, an optional weight, which must come last.
 * 1 if it is one (a range "*" "/" subtype is not); 0 otherwise.
 */
static int hs_parse_media(const char *s, size_t end, int ranges, hs_media *m) {
    size_t i = hs_token(s, 0, end);
    m->s = s;
    m->nparams = 0;
    m->weight = 1000;
    if (i == 0 || i >= end || s[i] != '/') return 0;
    m->type_len = i;
    m->sub_at = i + 1;
    i = hs_token(s, i + 1, end);
    m->sub_len = i - m->sub_at;
    if (m->sub_len == 0) return 0;
    if (m->type_len == 1 && s[0] == '*' && !(m->sub_len == 1 && s[m->sub_at] == '*')) return 0;
    for (;;) {
        size_t name;
        while (i < end && hs_ows(s[i])) i++;
        if (i == end) return 1;
        if (s[i] != ';') return 0;
        for (i++; i < end && hs_ows(s[i]); i++) {}
        if (i == end || s[i] == ';') continue;  /* an empty parameter */
        if (ranges && end - i >= 2 && hs_lower(s[i]) == 'q' && s[i + 1] == '=') {
            m->weight = hs_weight(s, i, end);  /* the weight, and nothing after it */
            return m->weight >= 0;
        }
        name = i;
        i = hs_token(s, i, end);
        if (i == name || i >= end || s[i] != '=' || m->nparams == HS_MAX_PARAMS) return 0;
        m->name_at[m->nparams] = name;
        m->name_len[m->nparams] = i - name;
        m->value_at[m->nparams] = ++i;
        if (i < end && s[i] == '"') {
            i = hs_quoted(s, i, end);
            if (i == 0) return 0;
        } else {
            i = hs_token(s, i, end);
            if (i == m->value_at[m->nparams]) return 0;
        }
        m->value_len[m->nparams] = i - m->value_at[m->nparams];
        m->nparams++;
    }
}

/* The next byte of a parameter value read as it reads unquoted: *i moves
 * on; -1 at its end. */
static int hs_value_byte(const char *v, size_t len, size_t *i) {
    size_t start = (len > 0 && v[0] == '"') ? 1 : 0;
    size_t stop = start ? len - 1 : len;
    if (*i < start) *i = start;
    if (*i >= stop) return -1;
    if (start && v[*i] == '\\') (*i)++;
    return (unsigned char)v[(*i)++];
}

/* Two parameter values, equal once unquoted. */
static int hs_value_eq(const char *a, size_t alen, const char *b, size_t blen) {
    size_t i = 0, j = 0;
    for (;;) {
        int x = hs_value_byte(a, alen, &i), y = hs_value_byte(b, blen, &j);
        if (x != y) return 0;
        if (x < 0) return 1;
    }
}

/* The specificity with which range r matches offer o, or -1 if it does
 * not: any type, then any subtype of o's type, then o's type and subtype,
 * each above the one before, and more parameters above fewer. Each
 * parameter of r must be one of o's, with the same value (names compared
 * ignoring case). */
static int hs_media_match(const hs_media *r, const hs_media *o) {
    int kind, k, j;
    if (r->type_len == 1 && r->s[0] == '*') {
        kind = 0;
    } else {
        if (r->type_len != o->type_len || !hs_ieq(r->s, o->s, r->type_len)) return -1;
        if (r->sub_len == 1 && r->s[r->sub_at] == '*') {
            kind = 1;
        } else {
            if (r->sub_len != o->sub_len || !hs_ieq(r->s + r->sub_at, o->s + o->sub_at, r->sub_len)) return -1;
            kind = 2;
        }
    }
    for (k = 0; k < r->nparams; k++) {
        for (j = 0; j < o->nparams; j++) {
            if (r->name_len[k] != o->name_len[j]) continue;
            if (hs_ieq(r->s + r->name_at[k], o->s + o->name_at[j], r->name_len[k]) &&
                hs_value_eq(r->s + r->value_at[k], r->value_len[k], o->s + o->value_at[j], o->value_len[j]))
                break;
        }
        if (j == o->nparams) return -1;
    }
    return kind * (HS_MAX_PARAMS + 1) + r->nparams;
}

/* An offer: a media type with no wildcard, parsed into m; 1 if it is one. */
static int hs_parse_offer(const char *s, size_t len, hs_media *m) {
    return s != NULL && hs_parse_media(s, len, 0, m) && !(m->type_len == 1 && s[0] == '*') &&
           !(m->sub_len == 1 && s[m->sub_at] == '*');
}

HS_API int hs_is_token(const char *s, size_t len) {
    return s != NULL && len > 0 && hs_token(s, 0, len) == len;
}

HS_API int hs_is_media_type(const char *s, size_t len) {
    hs_media m;
    return hs_parse_offer(s, len, &m);
}

/* --- the choice ---------------------------------------------------------- */

/* What a pass found for one offer: the weight of the range that decides
 * for it (-1: none does), how specific or how long that range is, and its
 * place in the field value. */
typedef struct hs_pick {
    int weight, rank, at;
} hs_pick;

/* The best of picks[0..n) (offers first + 0 .. first + n - 1) against the
 * best so far (*best, *best_pick): the highest weight above 0, then, when
 * by_place is set, the range that comes first in the field, then the
 * server's order. */
static void hs_choose(const hs_pick *picks, int n, int first, int by_place, int *best, hs_pick *best_pick) {
    int k;
    for (k = 0; k < n; k++) {
        const hs_pick *p = &picks[k];
        if (p->weight <= 0) continue;
        if (*best < 0 || p->weight > best_pick->weight ||
            (p->weight == best_pick->weight && by_place && p->at < best_pick->at)) {
            *best = first + k;
            *best_pick = *p;
        }
    }
}

/* With no member to read every offer is acceptable: the first valid one
 * of a pass (offers first + 0 ..), or -1 if it has none. */
static int hs_first_offer(const hs_pick *picks, int count, size_t first) {
    int k;
    for (k = 0; k < count; k++)
        if (picks[k].rank != -2) return (int)(first + (size_t)k);
    return -1;
}

HS_API int hs_negotiate(const char *accept, size_t len, const hs_str *offers, size_t n) {
    hs_media range, offer[HS_PASS];
    hs_pick picks[HS_PASS];
    hs_pick best_pick = { 0, 0, 0 };
    int best = -1, usable = 0;
    size_t first;
    for (first = 0; first < n; first += HS_PASS) {
        hs_members m;
        size_t b, e;
        int k, count = (n - first) < HS_PASS ? (int)(n - first) : HS_PASS;
        for (k = 0; k < count; k++) {
            const hs_str *o = &offers[first + (size_t)k];
            picks[k].weight = -1;
            picks[k].rank = -1;
            picks[k].at = 0;
            /* an offer that is not a media type is never chosen */
            if (!hs_parse_offer(o->s, o->len, &offer[k])) picks[k].rank = -2;
        }
        hs_members_begin(&m, accept, accept ? len : 0);
        while (hs_members_next(&m, &b, &e)) {
            if (!hs_parse_media(accept + b, e - b, 1, &range)) continue;
            usable = 1;
            for (k = 0; k < count; k++) {
                int rank;
                if (picks[k].rank == -2) continue;
                rank = hs_media_match(&range, &offer[k]);
                if (rank > picks[k].rank) {  /* among equally specific ranges, the first */
                    picks[k].rank = rank;
                    picks[k].weight = range.weight;
                }
            }
        }
        if (!usable) {  /* absent, or nothing usable */
            if ((k = hs_first_offer(picks, count, first)) >= 0) return k;
            continue;
        }
        hs_choose(picks, count, (int)first, 0, &best, &best_pick);
    }
    return best;
}

/* --- language tags ------------------------------------------------------- */

/* A language tag as RFC 9110 (Section 12.5.4) and RFC 4647 read them:
 * 1*8ALPHA *( "-" 1*8alphanum ); the end of the one at s[0..end), or 0. */
static size_t hs_language(const char *s, size_t end) {
    size_t i = 0, n;
    for (n = 0; i < end && hs_alpha(s[i]); i++) n++;
    if (n == 0 || n > 8) return 0;
    while (i < end && s[i] == '-') {
        for (i++, n = 0; i < end && (hs_alpha(s[i]) || hs_digit(s[i])); i++) n++;
        if (n == 0 || n > 8) return 0;
    }
    return i;
}

HS_API int hs_is_language_tag(const char *s, size_t len) {
    return s != NULL && len > 0 && hs_language(s, len) == len;
}

/* The Chinese script of tag s[0..len): 'T' for zh-Hant and the regions that
 * write it (TW, HK, MO), 'S' for zh-Hans and CN, SG, MY; 0 for a tag that
 * is not Chinese or says no script. */
static int hs_zh_script(const char *s, size_t len) {
    static const char *const regions = "twThkTmoTcnSsgSmyS";
    size_t i, n = 0;
    if (len < 2 || hs_lower(s[0]) != 'z' || hs_lower(s[1]) != 'h' || (len > 2 && s[2] != '-')) return 0;
    for (i = 3; i < len && s[i] != '-'; i++) n++;
    if (n == 4 && hs_ieq(s + 3, "han", 3)) {
        if (hs_lower(s[6]) == 't') return 'T';
        if (hs_lower(s[6]) == 's') return 'S';
        return 0;
    }
    if (n == 2) {
        for (i = 0; regions[i]; i += 3)
            if (hs_lower(s[3]) == regions[i] && hs_lower(s[4]) == regions[i + 1]) return regions[i + 2];
    }
    return 0;
}

/* Whether range r matches tag t (neither "*"): equal ignoring case, or one
 * a prefix of the other up to a "-"; and for Chinese, by script: a range of
 * one script matches a tag of that script and never one of the other, and
 * a range of none ("zh", or with another region) matches either. */
static int hs_language_match(const char *r, size_t rlen, const char *t, size_t tlen) {
    int rs = hs_zh_script(r, rlen), ts = hs_zh_script(t, tlen);
    size_t n = rlen < tlen ? rlen : tlen;
    if (rs && ts) return rs == ts;
    if (hs_ieq(r, t, n) && (rlen == tlen || (rlen < tlen ? t[n] : r[n]) == '-')) return 1;
    /* a Chinese range of no script, and a Chinese tag of one */
    return ts && !rs && rlen >= 2 && hs_ieq(r, "zh", 2) && (rlen == 2 || r[2] == '-');
}

/* A language member: its range [0, *rlen) and its weight, or -1. */
static int hs_parse_language(const char *s, size_t end, size_t *rlen) {
    size_t i = (end > 0 && s[0] == '*') ? 1 : hs_language(s, end);
    *rlen = i;
    if (i == 0) return -1;
    while (i < end && hs_ows(s[i])) i++;
    if (i == end) return 1000;
    if (s[i] != ';') return -1;
    for (i++; i < end && hs_ows(s[i]); i++) {}
    return hs_weight(s, i, end);
}

HS_API int hs_negotiate_language(const char *accept_language, size_t len, const hs_str *offers, size_t n) {
    hs_pick picks[HS_PASS];
    hs_pick best_pick = { 0, 0, 0 };
    int best = -1, usable = 0;
    size_t first;
    for (first = 0; first < n; first += HS_PASS) {
        hs_members m;
        size_t b, e, rlen;
        int k, w, at = 0, star = -1, star_at = 0;
        int count = (n - first) < HS_PASS ? (int)(n - first) : HS_PASS;
        for (k = 0; k < count; k++) {
            const hs_str *o = &offers[first + (size_t)k];
            picks[k].weight = -1;
            picks[k].rank = hs_is_language_tag(o->s, o->len) ? -1 : -2;
            picks[k].at = 0;
        }
        hs_members_begin(&m, accept_language, accept_language ? len : 0);
        while (hs_members_next(&m, &b, &e)) {
            const char *r = accept_language + b;
            if ((w = hs_parse_language(r, e - b, &rlen)) < 0) continue;
            usable = 1;
            at++;
            if (rlen == 1 && r[0] == '*') {
                if (star < 0) { star = w; star_at = at; }
                continue;
            }
            for (k = 0; k < count; k++) {
                const hs_str *o = &offers[first + (size_t)k];
                /* the longest range that matches, the first of equal ones */
                if (picks[k].rank == -2 || (int)rlen <= picks[k].rank) continue;
                if (!hs_language_match(r, rlen, o->s, o->len)) continue;
                picks[k].rank = (int)rlen;
                picks[k].weight = w;
                picks[k].at = at;
            }
        }
        if (!usable) {
            if ((k = hs_first_offer(picks, count, first)) >= 0) return k;
            continue;
        }
        /* "*" weighs only the offers no other range matched */
        for (k = 0; k < count; k++) {
            if (picks[k].rank == -1 && star >= 0) {
                picks[k].weight = star;
                picks[k].at = star_at;
            }
        }
        hs_choose(picks, count, (int)first, 1, &best, &best_pick);
    }
    return best;
}
