/*
 * hs_body.c - the body of an error response (1.3): problem details (RFC
 * 9457) as JSON, a small HTML5 page or plain text, each value written safe
 * for its format. Written snprintf-style into the caller's buffer: no
 * allocation, no writable state, no locale (numbers are written here).
 */
#include <stdio.h>
#include <string.h>

#include "httpstatus.h"

typedef struct hs_out {
    char *buf;
    size_t size, len;  /* len: what the whole body needs */
} hs_out;

static void hs_put(hs_out *o, const char *s, size_t n) {
    if (o->len < o->size) {
        size_t room = o->size - o->len;
        memcpy(o->buf + o->len, s, n < room ? n : room);
    }
    o->len += n;
}

static void hs_puts(hs_out *o, const char *s) { hs_put(o, s, strlen(s)); }

static const char hs_fffd[] = "\357\277\275";  /* U+FFFD */

/* The length of the UTF-8 sequence (RFC 3629) at s[0..n), s[0] not ASCII,
 * or 0 if s[0] starts none: the shortest form only, no surrogate, nothing
 * past U+10FFFF. */
static size_t hs_utf8(const unsigned char *s, size_t n) {
    unsigned char c = s[0], lo = 0x80, hi = 0xBF;
    size_t k, need;
    if (c >= 0xC2 && c <= 0xDF) need = 2;
    else if (c >= 0xE0 && c <= 0xEF) need = 3;
    else if (c >= 0xF0 && c <= 0xF4) need = 4;
    else return 0;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
    if (n < need || s[1] < lo || s[1] > hi) return 0;
    for (k = 2; k < need; k++)
        if (s[k] < 0x80 || s[k] > 0xBF) return 0;
    return need;
}

enum { HS_AS_JSON, HS_AS_HTML, HS_AS_TEXT };

/* The ASCII bytes each kind of text writes as they are, a bit each: in
 * JSON, printable but '"' and '\'; in HTML, printable, tab, LF and CR but
 * & < > " and '; in text, every one. */
static const unsigned char hs_plain[3][16] = {
    { 0x00, 0x00, 0x00, 0x00, 0xfb, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xef, 0xff, 0xff, 0xff, 0x7f },
    { 0x00, 0x26, 0x00, 0x00, 0x3b, 0xff, 0xff, 0xaf, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f },
    { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff },
};

/* An ASCII byte that is not plain in its kind of text (hs_plain), written
 * escaped: in JSON as \" \\ \n \r \t or \u00XX; in HTML as an entity, or
 * a control as U+FFFD. */
static void hs_put_escaped(hs_out *o, unsigned char c, int as) {
    static const char hex[] = "0123456789abcdef";
    char esc[6];
    if (as == HS_AS_HTML) {
        if (c == '&') hs_puts(o, "&amp;");
        else if (c == '<') hs_puts(o, "&lt;");
        else if (c == '>') hs_puts(o, "&gt;");
        else if (c == '"') hs_puts(o, "&quot;");
        else if (c == '\'') hs_puts(o, "&#39;");
        else hs_put(o, hs_fffd, 3);
        return;
    }
    esc[0] = '\\';
    if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t') {
        esc[1] = (char)(c == '\n' ? 'n' : c == '\r' ? 'r' : c == '\t' ? 't' : c);
        hs_put(o, esc, 2);
        return;
    }
    esc[1] = 'u';
    esc[2] = '0';
    esc[3] = '0';
    esc[4] = hex[c >> 4];
    esc[5] = hex[c & 15];
    hs_put(o, esc, 6);
}

/* Writes s[0..n) as text of one of the three kinds: runs of plain bytes
 * and valid UTF-8 sequences as they are, in one copy; invalid UTF-8 as
 * U+FFFD; any other byte escaped (hs_put_escaped). */
static void hs_put_text(hs_out *o, const char *s, size_t n, int as) {
    const unsigned char *u = (const unsigned char *)s;
    const unsigned char *plain = hs_plain[as];
    size_t i = 0, start = 0;
    if (n == 0) return;  /* s may be NULL then (an empty member of a C host's) */
    while (i < n) {
        unsigned char c = u[i];
        if (c < 0x80) {
            if ((plain[c >> 3] >> (c & 7)) & 1) {
                i++;
                continue;
            }
            hs_put(o, s + start, i - start);
            hs_put_escaped(o, c, as);
        } else {
            size_t k = hs_utf8(u + i, n - i);
            if (k) {
                i += k;
                continue;
            }
            hs_put(o, s + start, i - start);
            hs_put(o, hs_fffd, 3);
        }
        start = ++i;
    }
    hs_put(o, s + start, i - start);
}

/* A description of the module's own data: valid UTF-8 with no control
 * byte, so only the characters its kind escapes are looked for, by
 * strcspn, and the runs between them copied whole. */
static void hs_put_data(hs_out *o, const char *s, int as) {
    static const char *const special[3] = { "\"\\", "&<>\"'", "" };
    for (;;) {
        size_t k = strcspn(s, special[as]);
        hs_put(o, s, k);
        if (s[k] == '\0') return;
        hs_put_escaped(o, (unsigned char)s[k], as);
        s += k + 1;
    }
}

static void hs_put_json_string(hs_out *o, const char *s, size_t n) {
    hs_put(o, "\"", 1);
    hs_put_text(o, s, n, HS_AS_JSON);
    hs_put(o, "\"", 1);
}

static void hs_put_int(hs_out *o, long long v) {
    char digits[24];
    int k = (int)sizeof digits;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do {
        digits[--k] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0) digits[--k] = '-';
    hs_put(o, digits + k, sizeof digits - (size_t)k);
}

/* A finite number as JSON: an integral one below 2^53 as digits, any other
 * with 17 significant digits, whatever the locale's decimal point. */
static void hs_put_number(hs_out *o, double x) {
    char text[40];
    int n, i;
    if (x > -9007199254740992.0 && x < 9007199254740992.0 && x == (double)(long long)x) {
        hs_put_int(o, (long long)x);
        return;
    }
    n = snprintf(text, sizeof text, "%.17g", x);
    if (n < 0 || n >= (int)sizeof text) n = 0;  /* GCOVR_EXCL_LINE: %.17g of a double always fits */
    for (i = 0; i < n; i++)
        if (!((text[i] >= '0' && text[i] <= '9') || text[i] == '-' || text[i] == '+' || text[i] == 'e')) text[i] = '.';
    hs_put(o, text, (size_t)n);
}

/* --- the three formats ---------------------------------------------------- */

/* What a page says: the title and the description in the body's language. */
typedef struct hs_says {
    const char *title, *description;
    size_t title_len;
} hs_says;

static void hs_json(hs_out *o, const hs_body *b, const hs_says *w) {
    size_t i;
    hs_puts(o, "{\"type\":");
    if (b->type.s) hs_put_json_string(o, b->type.s, b->type.len);
    else hs_puts(o, "\"about:blank\"");
    hs_puts(o, ",\"title\":");
    hs_put_json_string(o, w->title, w->title_len);
    hs_puts(o, ",\"status\":");
    hs_put_int(o, b->code);
    if (b->detail.s) {
        hs_puts(o, ",\"detail\":");
        hs_put_json_string(o, b->detail.s, b->detail.len);
    }
    if (b->instance.s) {
        hs_puts(o, ",\"instance\":");
        hs_put_json_string(o, b->instance.s, b->instance.len);
    }
    for (i = 0; i < b->nextensions; i++) {
        const hs_member *m = &b->extensions[i];
        hs_put(o, ",", 1);
        hs_put_json_string(o, m->name.s, m->name.len);
        hs_put(o, ":", 1);
        if (m->kind == HS_EXT_STRING) hs_put_json_string(o, m->text.s, m->text.len);
        else if (m->kind == HS_EXT_NUMBER) hs_put_number(o, m->number);
        else hs_puts(o, m->boolean ? "true" : "false");
    }
    hs_put(o, "}", 1);
}

/* The value of a page's {name}, written for its format; 0 if name is not
 * one of the six. */
static int hs_put_field(hs_out *o, const hs_body *b, const hs_says *w, const char *name, size_t n, int as) {
    if (n == 6 && memcmp(name, "status", 6) == 0) hs_put_int(o, b->code);
    else if (n == 5 && memcmp(name, "title", 5) == 0) hs_put_text(o, w->title, w->title_len, as);
    else if (n == 11 && memcmp(name, "description", 11) == 0) {
        if (w->description) hs_put_data(o, w->description, as);
    } else if (n == 6 && memcmp(name, "detail", 6) == 0) {
        if (b->detail.s) hs_put_text(o, b->detail.s, b->detail.len, as);
    } else if (n == 8 && memcmp(name, "instance", 8) == 0) {
        if (b->instance.s) hs_put_text(o, b->instance.s, b->instance.len, as);
    } else if (n == 4 && memcmp(name, "lang", 4) == 0) hs_puts(o, hs_lang_tag(b->lang));
    else return 0;
    return 1;
}

/* The caller's page, its {names} replaced in one pass; the page itself is
 * written as it is, but for invalid UTF-8. */
static void hs_page(hs_out *o, const hs_body *b, const hs_says *w, int as) {
    const char *p = b->page.s, *end = p + b->page.len;
    while (p < end) {
        const char *open = memchr(p, '{', (size_t)(end - p)), *close;
        if (open == NULL) break;
        close = memchr(open + 1, '}', (size_t)(end - open - 1));
        if (close == NULL) break;
        hs_put_text(o, p, (size_t)(open - p), HS_AS_TEXT);
        if (hs_put_field(o, b, w, open + 1, (size_t)(close - open - 1), as)) {
            p = close + 1;
        } else {
            hs_put(o, "{", 1);
            p = open + 1;
        }
    }
    hs_put_text(o, p, (size_t)(end - p), HS_AS_TEXT);
}

static void hs_html(hs_out *o, const hs_body *b, const hs_says *w) {
    static const char head[] = "<!DOCTYPE html>\n<html lang=\"";
    hs_put(o, head, sizeof head - 1);
    hs_puts(o, hs_lang_tag(b->lang));
    hs_puts(o, "\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    hs_put_int(o, b->code);
    hs_put(o, " ", 1);
    hs_put_text(o, w->title, w->title_len, HS_AS_HTML);
    hs_puts(o, "</title>\n</head>\n<body>\n<h1>");
    hs_put_int(o, b->code);
    hs_put(o, " ", 1);
    hs_put_text(o, w->title, w->title_len, HS_AS_HTML);
    hs_puts(o, "</h1>\n");
    if (w->description) {
        hs_puts(o, "<p>");
        hs_put_data(o, w->description, HS_AS_HTML);
        hs_puts(o, "</p>\n");
    }
    if (b->detail.s) {
        hs_puts(o, "<p>");
        hs_put_text(o, b->detail.s, b->detail.len, HS_AS_HTML);
        hs_puts(o, "</p>\n");
    }
    if (b->instance.s) {
        hs_puts(o, "<p><code>");
        hs_put_text(o, b->instance.s, b->instance.len, HS_AS_HTML);
        hs_puts(o, "</code></p>\n");
    }
    hs_puts(o, "</body>\n</html>\n");
}

static void hs_text(hs_out *o, const hs_body *b, const hs_says *w) {
    hs_put_int(o, b->code);
    hs_put(o, " ", 1);
    hs_put_text(o, w->title, w->title_len, HS_AS_TEXT);
    hs_put(o, "\n", 1);
    if (w->description) {
        hs_put(o, "\n", 1);
        hs_put_data(o, w->description, HS_AS_TEXT);
        hs_put(o, "\n", 1);
    }
    if (b->detail.s) {
        hs_put(o, "\n", 1);
        hs_put_text(o, b->detail.s, b->detail.len, HS_AS_TEXT);
        hs_put(o, "\n", 1);
    }
}

HS_API size_t hs_write_body(char *buf, size_t size, const hs_body *b) {
    hs_out o;
    hs_says w;
    o.buf = buf;
    o.size = buf ? size : 0;
    o.len = 0;
    if (buf && o.size) buf[0] = '\0';
    if (b == NULL || !hs_is_valid(b->code) || b->format < 0 || b->format >= HS_FORMAT_COUNT || b->lang < 0 ||
        b->lang >= HS_LANG_COUNT || hs_is_empty(b->code) || b->code == 205)
        return 0;
    w.description = hs_reason(b->code) ? hs_description_in(b->code, b->lang) : NULL;
    if (b->title.s) {
        w.title = b->title.s;
        w.title_len = b->title.len;
    } else {
        w.title = hs_reason_in(b->code, b->lang);
        if (w.title == NULL) w.title = hs_class_title(hs_class(b->code), b->lang);
        w.title_len = strlen(w.title);
    }
    if (b->format == HS_FORMAT_PROBLEM_JSON || b->format == HS_FORMAT_JSON) hs_json(&o, b, &w);
    else if (b->page.s) hs_page(&o, b, &w, b->format == HS_FORMAT_HTML ? HS_AS_HTML : HS_AS_TEXT);
    else if (b->format == HS_FORMAT_HTML) hs_html(&o, b, &w);
    else hs_text(&o, b, &w);
    if (buf && o.size) buf[o.len < o.size ? o.len : o.size - 1] = '\0';
    return o.len;
}

HS_API size_t hs_error_body(char *buf, size_t size, int code, int format, int lang, const char *detail,
                            size_t detail_len, const char *instance, size_t instance_len) {
    hs_body b;
    memset(&b, 0, sizeof b);
    b.code = code;
    b.format = format;
    b.lang = lang;
    b.detail.s = detail;
    b.detail.len = detail_len;
    b.instance.s = instance;
    b.instance.len = instance_len;
    return hs_write_body(buf, size, &b);
}

HS_API const char *hs_format_type(int format) {
    static const char *const types[HS_FORMAT_COUNT] = {
        "application/problem+json", "application/json", "text/html; charset=utf-8", "text/plain; charset=utf-8",
    };
    return format >= 0 && format < HS_FORMAT_COUNT ? types[format] : NULL;
}

HS_API const char *hs_format_name(int format) {
    static const char *const names[HS_FORMAT_COUNT] = { "problem+json", "json", "html", "text" };
    return format >= 0 && format < HS_FORMAT_COUNT ? names[format] : NULL;
}

HS_API const char *hs_lang_tag(int lang) {
    static const char *const tags[HS_LANG_COUNT] = { "en", "zh-Hans", "zh-Hant" };
    return lang >= 0 && lang < HS_LANG_COUNT ? tags[lang] : NULL;
}
