/*
 * httpstatus.h - the C API of httpstatus: HTTP status codes, their
 * registered phrases, classes and RFC 9110 semantics, for any C or C++ host.
 *
 * No Lua types, no allocation, no writable global state: every function is
 * safe to call from any number of threads at once. Strings passed in are
 * (pointer, length) pairs and need not be NUL-terminated; strings handed
 * out are static and NUL-terminated.
 *
 * Linking (doc/c-api.md): with the shared library, nothing to define; with
 * the static library on Windows, define HS_STATIC before including this
 * header (as for curl's CURL_STATICLIB), so that the functions are not
 * declared dllimport and your program does not re-export them.
 */
#ifndef HTTPSTATUS_H
#define HTTPSTATUS_H

#include <stddef.h>

/*
 * HS_API marks the functions of the library. Windows: dllexport while the
 * DLL is built (HS_BUILD_DLL), nothing for the static library and its
 * users (HS_STATIC) and inside the Lua module (HS_LUA_MODULE), dllimport
 * for a host of the DLL. Elsewhere: exported from the shared library, and
 * hidden inside the Lua module, which exports only luaopen_httpstatus.
 */
#if defined(_WIN32) || defined(__CYGWIN__)
#if defined(HS_BUILD_DLL)
#define HS_API __declspec(dllexport)
#elif defined(HS_STATIC) || defined(HS_LUA_MODULE)
#define HS_API
#else
#define HS_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) && defined(HS_LUA_MODULE)
#define HS_API __attribute__((visibility("hidden")))
#elif defined(__GNUC__)
#define HS_API __attribute__((visibility("default")))
#else
#define HS_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

#define HS_VERSION "1.3.0"
/* The shared library's ABI: its soname is libhttpstatus.so.HS_ABI. 2 since
 * 1.2, whose one list of errors renumbered them. */
#define HS_ABI 2

/* Classes, by first digit (RFC 9110, Section 15). */
enum {
    HS_CLASS_NONE = 0,
    HS_INFORMATIONAL = 1,
    HS_SUCCESSFUL = 2,
    HS_REDIRECTION = 3,
    HS_CLIENT_ERROR = 4,
    HS_SERVER_ERROR = 5
};

/* Registry status of an entry. */
enum { HS_PERMANENT = 0, HS_TEMPORARY, HS_OBSOLETED, HS_UNUSED };

/* Flags of an entry. */
#define HS_F_CACHEABLE 0x01u  /* heuristically cacheable (RFC 9110, 15.1; RFC 7725, 3) */
#define HS_F_EMPTY     0x02u  /* never has content: 1xx, 204, 205, 304 */
#define HS_F_REDIRECT  0x04u  /* a redirect to follow via Location */
#define HS_F_RETRYABLE 0x08u  /* transient: worth a retry with backoff */

/* How a redirect chooses the follow-up request's method. */
enum { HS_REDIRECT_NONE = 0, HS_REDIRECT_KEEP, HS_REDIRECT_GET, HS_REDIRECT_POST_TO_GET };

/*
 * The errors of every parser (0 is success), one list (as http-parser's
 * HTTP_ERRNO_MAP): XX(name, message), giving HS_<name> and the message
 * hs_strerror returns. Since 1.2 the three lists of 1.1 are this one; the
 * 1.1 names stay (HS_SET_OK and HS_DATE_OK are HS_OK), but not their
 * numbers: compare with the names.
 */
#define HS_ERRNO_MAP(XX)                                                          \
    XX(OK, "no error")                                                            \
    /* status lines (hs_parse_status_line) */                                     \
    XX(E_VERSION, "expected HTTP/x.y at the start")                               \
    XX(E_SPACE, "expected one space after the HTTP version")                      \
    XX(E_CODE, "status code must be three digits")                                \
    XX(E_RANGE, "status code out of range 100-599")                               \
    XX(E_AFTER_CODE, "expected a space after the status code")                    \
    XX(E_PHRASE, "control character in the reason phrase")                        \
    /* status sets (hs_set_add and hs_set_parse): how an item is wrong */         \
    XX(SET_E_ITEM, "is not a status code, range, class or name")                  \
    XX(SET_E_CODE, "is not a status code 100-599")                                \
    XX(SET_E_RANGE, "is not a range: its first code is above its last")           \
    XX(SET_E_CLASS, "is not a class")                                             \
    XX(SET_E_NOT, "has nothing after \"!\"")                                      \
    /* HTTP dates and Retry-After (hs_parse_http_date, hs_retry_after) */         \
    XX(DATE_E_SYNTAX, "not an HTTP-date (IMF-fixdate, rfc850-date or asctime-date)") \
    XX(DATE_E_DAYNAME, "not a day name")                                          \
    XX(DATE_E_MONTH, "not a month")                                               \
    XX(DATE_E_DAY, "no such day in that month")                                   \
    XX(DATE_E_TIME, "hour, minute or second out of range")                        \
    XX(DATE_E_ZONE, "the zone must be GMT")                                       \
    XX(DATE_E_NOW, "now is outside the years 0-9999")                             \
    XX(DATE_E_RETRY, "neither delay-seconds nor an HTTP-date")                    \
    XX(DATE_E_RANGE, "the date is outside the years 0000-9999")

enum hs_errno {
#define HS_ERRNO_ENUM(name, message) HS_##name,
    HS_ERRNO_MAP(HS_ERRNO_ENUM)
#undef HS_ERRNO_ENUM
    HS_ERRNO_COUNT
};
#define HS_SET_OK HS_OK
#define HS_DATE_OK HS_OK

/* The message of an error of HS_ERRNO_MAP; "unknown error" for any other number. */
HS_API const char *hs_strerror(int err);

/* One entry of the IANA registry. */
typedef struct hs_status {
    int code;
    const char *reason;         /* RFC 9110 phrase; NULL for "(Unused)" codes */
    const char *name;           /* constant name, e.g. "NOT_FOUND" */
    const char *reference;      /* e.g. "RFC 9110, Section 15.5.5" */
    const char *description;    /* English, one to three sentences */
    const char *reason_zh;      /* Simplified Chinese name; NULL for "(Unused)" codes */
    const char *description_zh; /* Simplified Chinese description */
    const char *const *former;  /* earlier registered or RFC names, oldest first;
                                   NULL-terminated, never NULL itself */
    const char *expires;        /* "YYYY-MM-DD" for a temporary registration, else NULL */
    unsigned char registry;     /* HS_PERMANENT ... HS_UNUSED */
    unsigned char flags;        /* HS_F_* */
    unsigned char redirect;     /* HS_REDIRECT_* */
} hs_status;  /* its size and fields are the ABI's: the Traditional Chinese
                 texts (1.3) are hs_reason_in's and hs_description_in's */

/* A name the module exports as a constant (primary or former). */
typedef struct hs_constant {
    const char *name;
    int code;
} hs_constant;

/* A widely seen code that no RFC defines. */
typedef struct hs_unofficial {
    int code;
    const char *reason;
    const char *source;
    const char *note;           /* what a user should know, or NULL */
} hs_unofficial;

/* A parsed status line; pointers point into the parsed buffer. */
typedef struct hs_status_line {
    int code;
    const char *version;  /* e.g. "HTTP/1.1", "HTTP/2" */
    size_t version_len;
    const char *reason;   /* may be empty */
    size_t reason_len;
} hs_status_line;

/* A response header field that the section defining a code ties to it
 * (1.3): RFC 9110 (RFC 6585 for 429), with the requirement level it
 * gives, e.g. 405 and Allow, HS_MUST. */
enum { HS_MUST = 1, HS_SHOULD = 2, HS_MAY = 3 };
typedef struct hs_header {
    const char *name;       /* the field name, e.g. "Location" */
    int level;              /* HS_MUST, HS_SHOULD or HS_MAY */
    const char *reference;  /* where it is said, e.g. "RFC 9110, Section 15.4.2" */
} hs_header;

/* A string that need not be NUL-terminated: s[0..len) (1.3). */
typedef struct hs_str {
    const char *s;
    size_t len;
} hs_str;

/* Longest line hs_format_status_line can produce, NUL included. */
#define HS_STATUS_LINE_MAX 64

HS_API const char *hs_version(void);
/* The "last updated" date of the IANA registry copy the data follows,
 * "YYYY-MM-DD" (1.1.1). */
HS_API const char *hs_registry_date(void);

/* The registry entry of a code, or NULL if it has none (306 and 418 have one). */
HS_API const hs_status *hs_get(int code);
/* The position of that entry in hs_entries(), or -1. */
HS_API int hs_index(int code);
/* All registry entries, sorted by code; *count, if count is not NULL. */
HS_API const hs_status *hs_entries(size_t *count);
/* All constant names (current and former), in registry order. */
HS_API const hs_constant *hs_constants(size_t *count);
/* All unofficial codes, sorted by code. */
HS_API const hs_unofficial *hs_unofficial_entries(size_t *count);

/* The header fields the response of code is to carry (hs_header), in a
 * fixed order, *count of them (0 for most codes, and for any number that
 * is not one), if count is not NULL (1.3). */
HS_API const hs_header *hs_required_headers(int code, size_t *count);
/* "MUST", "SHOULD" or "MAY" for HS_MUST .. HS_MAY, NULL for any other number (1.3). */
HS_API const char *hs_level_name(int level);

/* The registered phrase, or NULL (unassigned or "(Unused)"). */
HS_API const char *hs_reason(int code);
/* HS_INFORMATIONAL .. HS_SERVER_ERROR for 100-599, else HS_CLASS_NONE. */
HS_API int hs_class(int code);
/* "informational" .. "server_error", or NULL for any other number. */
HS_API const char *hs_class_name(int cls);

HS_API int hs_is_valid(int code);       /* 100-599 */
/* Assigned in the registry: has an entry that is not "(Unused)" (306, 418). */
HS_API int hs_is_registered(int code);
HS_API int hs_is_cacheable(int code);
HS_API int hs_is_empty(int code);
HS_API int hs_is_redirect(int code);
HS_API int hs_is_retryable(int code);
/* The code if registered, else the x00 of its class; 0 if not valid. */
HS_API int hs_canonical(int code);

/*
 * The code named by s: decimal digits of a valid code, a constant name or
 * a current or former phrase, compared ignoring ASCII case, spaces, '-',
 * '_' and apostrophes. 0 if unknown (and for s NULL).
 */
HS_API int hs_lookup(const char *s, size_t len);

/*
 * The method of the request that follows a redirect with this code: method
 * itself, or the static "GET"; NULL for a code that is not a redirect, or
 * method NULL. *out_len, if out_len is not NULL, receives its length.
 */
HS_API const char *hs_redirect_method(int code, const char *method, size_t len,
                                      size_t *out_len);

/* True for "HTTP/" DIGIT "." DIGIT, "HTTP/2" and "HTTP/3". */
HS_API int hs_is_version(const char *v, size_t len);

/* Parses an RFC 9112 status line; HS_OK (filling *out, if not NULL) or an
 * HS_E_* error. */
HS_API int hs_parse_status_line(const char *s, size_t len, hs_status_line *out);

/*
 * Writes "<version> <code> <phrase>" (the phrase may be empty; the space
 * stays) into buf, NUL-terminated if size > 0, truncated to size - 1 (buf
 * may be NULL when size is 0). Returns the length of the whole line, or 0
 * when the code is not valid or the version is not one hs_is_version
 * accepts.
 */
HS_API size_t hs_format_status_line(char *buf, size_t size, int code,
                                    const char *version, size_t vlen);

/* --- Status sets (hs_set.c) ---------------------------------------------
 *
 * The status lists people write in configs ("502,503,504", "5xx,!501",
 * "client_error", "200-299 302"), parsed into a fixed-size bitmap over
 * 100-599. The grammar (doc/api.md, "Status sets"):
 *
 *   spec = [ item *( sep item ) ]     sep  = 1*( "," / SP / HTAB )
 *   item = [ "!" ] atom
 *   atom = code / code "-" code / DIGIT ( "xx" / "XX" ) / name
 *
 * code is three digits, 100-599; a range is inclusive with low <= high; a
 * class is 1xx-5xx ("xx" or "XX"); a name is one of informational,
 * successful, redirection, client_error, server_error, error, registered,
 * retryable, cacheable, redirect, empty (any case), meaning the codes
 * 100-599 whose predicate is true. The set is the union of the plain items
 * minus the union of the "!" items; with only "!" items it starts from all
 * of 100-599.
 */

/* A set of codes: bit (code - 100) % 8 of bits[(code - 100) / 8]; the
 * bits past 599 are always clear. */
typedef struct hs_set {
    unsigned char bits[64];
} hs_set;

/* Where parsing stopped: the item, by its 1-based position in the whole
 * spec and by its place in the text last given. */
typedef struct hs_set_error {
    int code;           /* HS_SET_E_* */
    unsigned position;  /* 1-based, counted over every item added so far */
    size_t offset;      /* of the item in the text */
    size_t length;      /* of the item */
} hs_set_error;

/* Builds a set from several pieces (the elements of a config list). */
typedef struct hs_set_builder {
    hs_set include, exclude;
    int any_include;    /* a plain item was seen */
    int any_exclude;    /* a "!" item was seen */
    unsigned items;     /* items added so far */
} hs_set_builder;

/* Longest canonical text hs_set_format can produce, NUL included. */
#define HS_SET_FORMAT_MAX 2048

HS_API void hs_set_begin(hs_set_builder *b);
/* Adds the items of s[0..len); HS_OK or an HS_SET_E_* error (then err
 * says where, if not NULL, and the builder is unchanged). */
HS_API int hs_set_add(hs_set_builder *b, const char *s, size_t len, hs_set_error *err);
/* Adds one item that is a code; HS_SET_E_CODE outside 100-599. */
HS_API int hs_set_add_code(hs_set_builder *b, int code, hs_set_error *err);
HS_API void hs_set_end(const hs_set_builder *b, hs_set *out);
/* The whole of one spec: hs_set_begin, hs_set_add, hs_set_end. */
HS_API int hs_set_parse(const char *s, size_t len, hs_set *out, hs_set_error *err);

/* 1 if code is in the set; 0 for any code outside 100-599, and for s NULL. */
HS_API int hs_set_has(const hs_set *s, int code);
HS_API int hs_set_equal(const hs_set *a, const hs_set *b);
HS_API int hs_set_count(const hs_set *s);
/* The algebra of sets (1.2): *out may be a or b. */
HS_API void hs_set_union(const hs_set *a, const hs_set *b, hs_set *out);      /* a or b */
HS_API void hs_set_minus(const hs_set *a, const hs_set *b, hs_set *out);      /* a and not b */
HS_API void hs_set_intersect(const hs_set *a, const hs_set *b, hs_set *out);  /* a and b */
/* 1 if every code of a is in b. */
HS_API int hs_set_subset(const hs_set *a, const hs_set *b);
/*
 * The canonical text: per class, maximal runs; a whole class is "Nxx", a
 * run "lo-hi", a single code "NNN"; joined by "," in ascending order; ""
 * for the empty set. Written NUL-terminated and truncated to size (buf may
 * be NULL when size is 0); returns the length of the whole text, always
 * below HS_SET_FORMAT_MAX. hs_set_parse of it gives the same set.
 */
HS_API size_t hs_set_format(const hs_set *s, char *buf, size_t size);

/* hs_set_has, inline, for a host that tests in a hot loop (s not NULL). */
#if defined(__cplusplus) || (defined(__STDC_VERSION__) && __STDC_VERSION__ >= 199901L)
static inline int hs_set_has_inline(const hs_set *s, int code) {
    unsigned i = (unsigned)code - 100u;
    return i < 500u && ((s->bits[i >> 3] >> (i & 7u)) & 1u);
}
#endif

/* --- Retries and HTTP dates (hs_date.c) ----------------------------------
 *
 * Times are seconds since 1970-01-01 00:00:00 UTC (long long), computed
 * with the proleptic Gregorian calendar here: no time zone, no locale, no
 * timegm or strftime.
 */

/* Idempotent methods (RFC 9110, Section 9.2.2): GET HEAD OPTIONS TRACE PUT
 * DELETE, compared case-sensitively. */
HS_API int hs_is_idempotent(const char *method, size_t len);
/*
 * Worth retrying after this response to a request with this method: 408,
 * 425 and 429 for any method (the request was not processed); 500, 502,
 * 503 and 504 only for an idempotent method.
 */
HS_API int hs_is_retryable_method(int code, const char *method, size_t len);

/* The first and last times hs_format_http_date takes: 1970 to end of 9999. */
#define HS_HTTP_DATE_MIN 0LL
#define HS_HTTP_DATE_MAX 253402300799LL
/* The first second of year 0000, the earliest time the parsers give. */
#define HS_YEAR0 (-62167219200LL)
/* Length of an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"). */
#define HS_HTTP_DATE_LEN 29
/* What a Retry-After delay above 2^31 seconds means (RFC 9111, 1.2.2). */
#define HS_RETRY_AFTER_MAX 2147483648LL

/*
 * Parses an HTTP-date in any of the three forms of RFC 9110, Section
 * 5.6.7, exactly: IMF-fixdate, rfc850-date, asctime-date (case-sensitive
 * names, GMT where the grammar has it, no surrounding space, real calendar
 * days, and 23:59:60 read as the next second). The day name is read but
 * not checked against the date. A two-digit year whose timestamp would be
 * more than 50 years after `now` is the most recent past year with those
 * digits; a result outside the years 0000-9999 is HS_DATE_E_RANGE. Sets
 * *out, if out is not NULL; HS_OK or an HS_DATE_E_* error.
 */
HS_API int hs_parse_http_date(const char *s, size_t len, long long now, long long *out);
/*
 * Writes the IMF-fixdate of t into buf (NUL-terminated, truncated to
 * size; buf may be NULL when size is 0); returns HS_HTTP_DATE_LEN, or 0
 * for a t outside HS_HTTP_DATE_MIN..HS_HTTP_DATE_MAX.
 */
HS_API size_t hs_format_http_date(long long t, char *buf, size_t size);
/*
 * Seconds to wait, from a Retry-After field value (RFC 9110, Section
 * 10.2.3): optional SP/HTAB around delay-seconds (1*DIGIT; above 2^31 it
 * is HS_RETRY_AFTER_MAX) or an HTTP-date (the seconds from now to it, 0
 * if it is past). Sets *seconds, if not NULL; HS_OK or an HS_DATE_E_*
 * error (HS_DATE_E_NOW only for a date, when now is outside 0000-9999).
 */
HS_API int hs_retry_after(const char *s, size_t len, long long now, long long *seconds);

/* --- Mappings to neighbouring protocols (hs_map.c) ------------------------ */

/* A gRPC status code: its number, its name, and the HTTP code that
 * google.rpc.Code documents for it. */
typedef struct hs_grpc_status {
    int code;
    const char *name;   /* e.g. "UNAVAILABLE" */
    int http;           /* e.g. 503 */
} hs_grpc_status;

/* All gRPC status codes, 0 (OK) to 16 (UNAUTHENTICATED), by number. */
HS_API const hs_grpc_status *hs_grpc_statuses(size_t *count);
/* The gRPC status of an HTTP response that carried no grpc-status, as
 * gRPC's "HTTP to gRPC Status Code Mapping" says (any other code, valid or
 * not: 2, UNKNOWN). */
HS_API int hs_to_grpc(int code);
/* The HTTP code google.rpc.Code documents for gRPC status `status`; 0 for
 * a number outside 0-16. */
HS_API int hs_from_grpc(int status);
/* "OK" .. "UNAUTHENTICATED", or NULL for a number outside 0-16. */
HS_API const char *hs_grpc_name(int status);
/* The gRPC status named by s: decimal digits (a grpc-status header) or a
 * name, compared ignoring ASCII case; -1 if unknown. */
HS_API int hs_grpc_lookup(const char *s, size_t len);

/* Span kinds of OpenTelemetry, for hs_span_status_error. */
enum { HS_SPAN_SERVER = 0, HS_SPAN_CLIENT = 1 };
/* 1 if an HTTP span of this kind with this response code has status Error
 * (OpenTelemetry's HTTP semantic conventions: 5xx on the server, 4xx and
 * 5xx on the client, and any code outside 100-599 on both); 0 if it is
 * left unset. */
HS_API int hs_span_status_error(int code, int kind);

/* RFC 9457: the problem type of a problem that names none. */
HS_API const char *hs_problem_type(void);

/* --- Content negotiation (hs_accept.c, 1.3) ------------------------------
 *
 * Which of a server's offers an Accept or Accept-Language field value
 * prefers (RFC 9110, Section 12). The value comes from the client and is
 * never trusted: any bytes give an answer, in time linear in their length,
 * without allocation. Several field lines are one value joined with ", ".
 * A malformed member is skipped; only the first HS_ACCEPT_MAX_MEMBERS
 * non-empty members of the first HS_ACCEPT_MAX_BYTES bytes are read, and
 * a member the byte limit cuts off is dropped. A value that is NULL, or
 * has no member that parses, accepts every offer: the first wins.
 *
 * Offers are in the server's order of preference; one that is not what
 * hs_is_media_type (hs_is_language_tag) takes is never chosen. Both return
 * the index of the offer chosen, or -1 when none is acceptable.
 */
#define HS_ACCEPT_MAX_BYTES 8192
#define HS_ACCEPT_MAX_MEMBERS 64

/* Accept: media ranges type/subtype, type/ *, * / * with parameters and a
 * weight q (0-1, three decimals, last); the most specific range matching
 * an offer gives it its weight (the first of equally specific ones); the
 * highest weight above 0 wins, ties going to the server's order. */
HS_API int hs_negotiate(const char *accept, size_t len, const hs_str *offers, size_t n);
/* Accept-Language (RFC 4647): a range matches a tag equal to it ignoring
 * case, or a prefix of the other up to a "-"; Chinese by script as well
 * (zh-TW, zh-HK, zh-MO are zh-Hant; zh-CN, zh-SG, zh-MY are zh-Hans; a
 * range of one script never matches the other). The longest range that
 * matches an offer gives it its weight; "*" weighs only the offers no
 * other range matches; ties go to the range that comes first, then to
 * the server's order. */
HS_API int hs_negotiate_language(const char *accept_language, size_t len, const hs_str *offers, size_t n);
/* An offer hs_negotiate takes: type/subtype and parameters, no wildcard. */
HS_API int hs_is_media_type(const char *s, size_t len);
/* A token of RFC 9110 (Section 5.6.2), such as a header field name. */
HS_API int hs_is_token(const char *s, size_t len);
/* A tag hs_negotiate_language takes: 1*8ALPHA *( "-" 1*8alphanum ). */
HS_API int hs_is_language_tag(const char *s, size_t len);

/* --- Error responses (hs_body.c, 1.3) -------------------------------------
 *
 * The body of an error response: problem details (RFC 9457) as
 * application/problem+json or application/json, a small HTML5 page, or
 * plain text, in English or Chinese. Every value is written safe for its
 * format: JSON strings escaped, HTML escaped (& < > " '), invalid UTF-8
 * replaced by U+FFFD (one for each byte that starts no valid sequence).
 * 1xx, 204, 205 and 304 have no body.
 */
enum { HS_FORMAT_PROBLEM_JSON, HS_FORMAT_JSON, HS_FORMAT_HTML, HS_FORMAT_TEXT, HS_FORMAT_COUNT };
enum { HS_LANG_EN, HS_LANG_ZH_HANS, HS_LANG_ZH_HANT, HS_LANG_COUNT };
enum { HS_EXT_STRING, HS_EXT_NUMBER, HS_EXT_BOOLEAN };

/* A problem-details extension member: a string, a finite number or a boolean. */
typedef struct hs_member {
    hs_str name;
    int kind;       /* HS_EXT_* */
    hs_str text;    /* HS_EXT_STRING */
    double number;  /* HS_EXT_NUMBER */
    int boolean;    /* HS_EXT_BOOLEAN */
} hs_member;

/* What hs_write_body writes; a hs_str whose s is NULL is absent. */
typedef struct hs_body {
    int code;            /* 100-599 */
    int format;          /* HS_FORMAT_* */
    int lang;            /* HS_LANG_* */
    hs_str type;         /* absent: "about:blank" */
    hs_str title;        /* absent: the phrase in lang, or the class's title */
    hs_str detail, instance;
    const hs_member *extensions;  /* JSON only, written in this order */
    size_t nextensions;
    hs_str page;         /* HTML and text: a page of the caller's with {status},
                            {title}, {description}, {detail}, {instance} and
                            {lang}, substituted in one pass; absent: the built-in one */
} hs_body;

/* Writes the body into buf (NUL-terminated, truncated to size, as snprintf)
 * and returns its whole length; 0 for a code with no body, and for a code,
 * format or language out of range. */
HS_API size_t hs_write_body(char *buf, size_t size, const hs_body *body);
/* hs_write_body with only a detail and an instance (either may be NULL). */
HS_API size_t hs_error_body(char *buf, size_t size, int code, int format, int lang, const char *detail,
                            size_t detail_len, const char *instance, size_t instance_len);
/* The media type of a format ("application/problem+json", "text/html;
 * charset=utf-8", ...), and its name ("problem+json", "json", "html",
 * "text"); NULL out of range. */
HS_API const char *hs_format_type(int format);
HS_API const char *hs_format_name(int format);
/* The language tag of a language ("en", "zh-Hans", "zh-Hant"); NULL out of range. */
HS_API const char *hs_lang_tag(int lang);
/* The language (HS_LANG_*) of a tag, compared whole, ignoring ASCII case:
 * "en"; "zh", "zh-CN", "zh_CN", "zh-Hans"; "zh-Hant", "zh-TW", "zh_TW",
 * "zh-HK", "zh_HK", "zh-MO", "zh_MO". -1 for any other. */
HS_API int hs_lang_find(const char *tag, size_t len);
/* The phrase of a code in a language (1.3); NULL for a code without one
 * (unregistered, or "(Unused)") or a language out of range. */
HS_API const char *hs_reason_in(int code, int lang);
/* The description of a code with a registry entry (306 and 418 too) in a
 * language (1.3); NULL for any other code, or a language out of range. */
HS_API const char *hs_description_in(int code, int lang);
/* The title of a class (HS_INFORMATIONAL ...) in a language: "Client
 * Error", "客户端错误"; NULL out of range. */
HS_API const char *hs_class_title(int cls, int lang);

/* --- The 1.1 names of hs_strerror, kept so that 1.1 sources build -------- */
HS_API const char *hs_parse_error(int err);
HS_API const char *hs_set_strerror(int err);
HS_API const char *hs_date_strerror(int err);

#ifdef __cplusplus
}
#endif

#endif
