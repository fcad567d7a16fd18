/*
 * hs_core.c - lookups, classification and status-line parse/format over
 * the generated tables. Pure C99: no Lua, no allocation, no writable state.
 */
#include <string.h>

#include "httpstatus.h"
#include "hs_data.inc"

HS_API const char *hs_version(void) { return HS_VERSION; }

HS_API const char *hs_strerror(int err) {
    static const char *const messages[] = {
#define HS_ERRNO_MESSAGE(name, message) message,
        HS_ERRNO_MAP(HS_ERRNO_MESSAGE)
#undef HS_ERRNO_MESSAGE
    };
    return (err >= 0 && err < HS_ERRNO_COUNT) ? messages[err] : "unknown error";
}

/* the 1.1 names */
HS_API const char *hs_parse_error(int err) { return hs_strerror(err); }
HS_API const char *hs_set_strerror(int err) { return hs_strerror(err); }
HS_API const char *hs_date_strerror(int err) { return hs_strerror(err); }

HS_API const char *hs_registry_date(void) { return HS_DATA_REGISTRY_DATE; }

HS_API const hs_status *hs_get(int code) {
    if (code < 100 || code > 599 || hs_data_index[code - 100] == 0) return NULL;
    return &hs_data_statuses[hs_data_index[code - 100] - 1];
}

HS_API int hs_index(int code) {
    if (code < 100 || code > 599) return -1;
    return (int)hs_data_index[code - 100] - 1;
}

HS_API const hs_status *hs_entries(size_t *count) {
    if (count) *count = HS_DATA_NSTATUSES;
    return hs_data_statuses;
}

HS_API const hs_constant *hs_constants(size_t *count) {
    if (count) *count = HS_DATA_NCONSTANTS;
    return hs_data_constants;
}

HS_API const hs_unofficial *hs_unofficial_entries(size_t *count) {
    if (count) *count = HS_DATA_NUNOFFICIAL;
    return hs_data_unofficial;
}

/* The header fields are few and sorted by code: the first of code's, and
 * the count of those that follow it with the same code. */
HS_API const hs_header *hs_required_headers(int code, size_t *count) {
    size_t i = 0, n = 0;
    while (i < HS_DATA_NHEADERS && hs_data_header_code[i] < code) i++;
    while (i + n < HS_DATA_NHEADERS && hs_data_header_code[i + n] == code) n++;
    if (count) *count = n;
    return &hs_data_headers[i];
}

HS_API const char *hs_level_name(int level) {
    static const char *const names[] = { "MUST", "SHOULD", "MAY" };
    if (level < HS_MUST || level > HS_MAY) return NULL;
    return names[level - HS_MUST];
}

/* One load from a table of phrases by code; the unsigned compare takes
 * both ends of 100-599. */
HS_API const char *hs_reason(int code) {
    unsigned i = (unsigned)code - 100u;
    return i < 500u ? hs_data_reason[i] : NULL;
}

HS_API int hs_class(int code) {
    return (code >= 100 && code <= 599) ? code / 100 : HS_CLASS_NONE;
}

HS_API const char *hs_class_title(int cls, int lang) {
    if (cls < HS_INFORMATIONAL || cls > HS_SERVER_ERROR || lang < 0 || lang >= HS_LANG_COUNT) return NULL;
    return hs_data_class_titles[cls - HS_INFORMATIONAL][lang];
}

/* 1.3: the phrase (text 0) or the description (text 1) of a code in a
 * language; NULL without an entry or out of range */
static const char *hs_text_in(int code, int lang, int text) {
    int i = hs_index(code);
    const hs_status *s;
    if (i < 0 || lang < 0 || lang >= HS_LANG_COUNT) return NULL;
    s = &hs_data_statuses[i];
    if (lang == HS_LANG_EN) return text ? s->description : s->reason;
    if (lang == HS_LANG_ZH_HANS) return text ? s->description_zh : s->reason_zh;
    return hs_data_zh_hant[i][text];
}

HS_API const char *hs_reason_in(int code, int lang) { return hs_text_in(code, lang, 0); }

HS_API const char *hs_description_in(int code, int lang) { return hs_text_in(code, lang, 1); }

/* Tags compare whole, ignoring ASCII case; "zh\0junk" is not "zh". */
HS_API int hs_lang_find(const char *tag, size_t len) {
    static const struct { const char *tag; int lang; } tags[] = {
        { "en", HS_LANG_EN },           { "zh", HS_LANG_ZH_HANS },      { "zh-cn", HS_LANG_ZH_HANS },
        { "zh_cn", HS_LANG_ZH_HANS },   { "zh-hans", HS_LANG_ZH_HANS }, { "zh-hant", HS_LANG_ZH_HANT },
        { "zh-tw", HS_LANG_ZH_HANT },   { "zh_tw", HS_LANG_ZH_HANT },   { "zh-hk", HS_LANG_ZH_HANT },
        { "zh_hk", HS_LANG_ZH_HANT },   { "zh-mo", HS_LANG_ZH_HANT },   { "zh_mo", HS_LANG_ZH_HANT },
    };
    size_t i, j;
    if (tag == NULL) return -1;
    for (i = 0; i < sizeof tags / sizeof tags[0]; i++) {
        if (strlen(tags[i].tag) != len) continue;
        for (j = 0; j < len; j++) {
            unsigned char c = (unsigned char)tag[j];
            if (c >= 'A' && c <= 'Z') c = (unsigned char)(c - 'A' + 'a');
            if (c != (unsigned char)tags[i].tag[j]) break;
        }
        if (j == len) return tags[i].lang;
    }
    return -1;
}

HS_API const char *hs_class_name(int cls) {
    static const char *const names[] = {
        NULL, "informational", "successful", "redirection", "client_error", "server_error"
    };
    return (cls >= HS_INFORMATIONAL && cls <= HS_SERVER_ERROR) ? names[cls] : NULL;
}

HS_API int hs_is_valid(int code) { return code >= 100 && code <= 599; }

/* The flags of a code (HS_F_*, HS_DATA_F_REGISTERED), in one load. */
static unsigned hs_flags(int code) {
    unsigned i = (unsigned)code - 100u;
    return i < 500u ? hs_data_flags[i] : 0u;
}

HS_API int hs_is_registered(int code) { return (hs_flags(code) & HS_DATA_F_REGISTERED) != 0; }

HS_API int hs_is_cacheable(int code) { return (hs_flags(code) & HS_F_CACHEABLE) != 0; }
HS_API int hs_is_redirect(int code) { return (hs_flags(code) & HS_F_REDIRECT) != 0; }
HS_API int hs_is_retryable(int code) { return (hs_flags(code) & HS_F_RETRYABLE) != 0; }

/* Every 1xx is empty, registered or not (RFC 9110, Section 15.2). */
HS_API int hs_is_empty(int code) {
    return (code >= 100 && code <= 199) || (hs_flags(code) & HS_F_EMPTY) != 0;
}

HS_API int hs_canonical(int code) {
    if (!hs_is_valid(code)) return 0;
    return hs_is_registered(code) ? code : code - code % 100;
}

/* Key of s as the generator makes it; 0 when longer than any key. */
static size_t hs_make_key(const char *s, size_t len, char *key) {
    size_t i, n = 0;
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '-' || c == '_' || c == '\'') continue;
        /* U+2019 RIGHT SINGLE QUOTATION MARK, a typographic apostrophe */
        if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] == 0x99) {
            i += 2;
            continue;
        }
        if (n == HS_DATA_KEYMAX) return 0;
        key[n++] = (char)((c >= 'a' && c <= 'z') ? c - 'a' + 'A' : c);
    }
    return n;
}

/* Compares key[0..n) with a NUL-terminated table key, bytewise. */
static int hs_keycmp(const char *key, size_t n, const char *k) {
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned char a = (unsigned char)key[i], b = (unsigned char)k[i];
        if (b == 0 || a != b) return b == 0 ? 1 : (a < b ? -1 : 1);
    }
    return k[n] == 0 ? 0 : -1;
}

HS_API int hs_lookup(const char *s, size_t len) {
    char key[HS_DATA_KEYMAX];
    size_t i, n, lo = 0, hi = HS_DATA_NKEYS;
    if (s == NULL || len == 0) return 0;
    for (i = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++) {}
    if (i == len) {  /* all digits; leading zeros allowed, overflow avoided */
        int code = 0;
        for (i = 0; i < len; i++) {
            code = code * 10 + (s[i] - '0');
            if (code > 599) return 0;
        }
        return hs_is_valid(code) ? code : 0;
    }
    n = hs_make_key(s, len, key);
    if (n == 0) return 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = hs_keycmp(key, n, hs_data_keys[mid].name);
        if (c == 0) return hs_data_keys[mid].code;
        if (c < 0) hi = mid; else lo = mid + 1;
    }
    return 0;
}

HS_API const char *hs_redirect_method(int code, const char *method, size_t len,
                                      size_t *out_len) {
    const hs_status *s = hs_get(code);
    int how = s ? s->redirect : HS_REDIRECT_NONE;
    const char *m = method;
    if (how == HS_REDIRECT_NONE || method == NULL) return NULL;
    if (how == HS_REDIRECT_GET) {
        if (!(len == 4 && memcmp(method, "HEAD", 4) == 0)) m = "GET";
    } else if (how == HS_REDIRECT_POST_TO_GET) {
        if (len == 4 && memcmp(method, "POST", 4) == 0) m = "GET";
    }
    if (out_len) *out_len = (m == method) ? len : 3;
    return m;
}

static int hs_digit(char c) { return c >= '0' && c <= '9'; }

/* Length of the HTTP-version at the start of s, or 0. */
static size_t hs_version_len(const char *s, size_t len) {
    if (len < 6 || memcmp(s, "HTTP/", 5) != 0 || !hs_digit(s[5])) return 0;
    if (len >= 8 && s[6] == '.' && hs_digit(s[7])) return 8;
    /* HTTP/2 and HTTP/3 have no minor version, as curl prints them */
    if ((s[5] == '2' || s[5] == '3') && (len == 6 || s[6] == ' ')) return 6;
    return 0;
}

HS_API int hs_is_version(const char *v, size_t len) {
    return v != NULL && len > 0 && hs_version_len(v, len) == len;
}

/*
 * Whether s[0..len) holds a byte a reason phrase may not: a control
 * character other than HTAB (RFC 9112: reason-phrase = *( HTAB / SP /
 * VCHAR / obs-text )), or DEL. Eight bytes at a time: each test is exact
 * in its byte (the low 7 bits plus 0x60, or plus 0x7F, never carry out of
 * it), so that a tab cannot make its neighbour look bad.
 */
static int hs_has_control(const char *s, size_t len) {
    const unsigned long long low7 = 0x7F7F7F7F7F7F7F7FULL, top = 0x8080808080808080ULL;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        const unsigned char *u = (const unsigned char *)s + i;
        unsigned long long x = (unsigned long long)u[0] | (unsigned long long)u[1] << 8 |
                               (unsigned long long)u[2] << 16 | (unsigned long long)u[3] << 24 |
                               (unsigned long long)u[4] << 32 | (unsigned long long)u[5] << 40 |
                               (unsigned long long)u[6] << 48 | (unsigned long long)u[7] << 56;
        unsigned long long tab = x ^ 0x0909090909090909ULL, del = x ^ low7;
        unsigned long long printable = ((x & low7) + 0x6060606060606060ULL) | x;  /* top: at least 0x20 */
        unsigned long long not_tab = ((tab & low7) + low7) | tab;                 /* top: not 0x09 */
        unsigned long long not_del = ((del & low7) + low7) | del;                 /* top: not 0x7F */
        if ((~printable & not_tab & top) | (~not_del & top)) return 1;
    }
    for (; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\t') || c == 0x7F) return 1;
    }
    return 0;
}

HS_API int hs_parse_status_line(const char *s, size_t len, hs_status_line *out) {
    size_t vlen, i;
    int code;
    if (s == NULL) len = 0;
    /* one trailing CR LF or LF */
    if (len > 0 && s[len - 1] == '\n') {
        len--;
        if (len > 0 && s[len - 1] == '\r') len--;
    }
    vlen = len ? hs_version_len(s, len) : 0;
    if (vlen == 0) return HS_E_VERSION;
    if (vlen == len || s[vlen] != ' ') return HS_E_SPACE;
    i = vlen + 1;
    if (len - i < 3 || !hs_digit(s[i]) || !hs_digit(s[i + 1]) || !hs_digit(s[i + 2]))
        return HS_E_CODE;
    code = (s[i] - '0') * 100 + (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
    i += 3;
    if (i < len && hs_digit(s[i])) return HS_E_CODE;
    if (!hs_is_valid(code)) return HS_E_RANGE;
    if (i < len) {
        if (s[i] != ' ') return HS_E_AFTER_CODE;
        if (hs_has_control(s + i + 1, len - i - 1)) return HS_E_PHRASE;
        i++;
    }
    if (out) {
        out->code = code;
        out->version = s;
        out->version_len = vlen;
        out->reason = s + i;
        out->reason_len = len - i;
    }
    return HS_OK;
}

HS_API size_t hs_format_status_line(char *buf, size_t size, int code,
                                    const char *version, size_t vlen) {
    char line[HS_STATUS_LINE_MAX];
    const char *reason = hs_reason(code);
    size_t rlen = reason ? strlen(reason) : 0, n;
    if (!hs_is_valid(code) || !hs_is_version(version, vlen)) return 0;
    memcpy(line, version, vlen);
    n = vlen;
    line[n++] = ' ';
    line[n++] = (char)('0' + code / 100);
    line[n++] = (char)('0' + code / 10 % 10);
    line[n++] = (char)('0' + code % 10);
    line[n++] = ' ';
    memcpy(line + n, reason ? reason : "", rlen);
    n += rlen;
    if (size > 0) {
        size_t k = n < size ? n : size - 1;
        memcpy(buf, line, k);
        buf[k] = '\0';
    }
    return n;
}
