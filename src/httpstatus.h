/*
 * httpstatus.h - the C API of httpstatus: HTTP status codes, their
 * registered phrases, classes and RFC 9110 semantics, for any C host.
 *
 * No Lua types, no allocation, no writable global state: every function is
 * safe to call from any number of threads at once. Strings passed in are
 * (pointer, length) pairs and need not be NUL-terminated; strings handed
 * out are static and NUL-terminated.
 */
#ifndef HTTPSTATUS_H
#define HTTPSTATUS_H

#include <stddef.h>

/*
 * HS_EXPORT marks what a shared object exports. The C library exports the
 * hs_* functions (HS_API); the Lua module, built with HS_LUA_MODULE,
 * exports only luaopen_httpstatus and keeps the core's functions hidden,
 * so that its own calls to them are direct.
 */
#if defined(_WIN32)
#define HS_EXPORT __declspec(dllexport)
#elif defined(__GNUC__)
#define HS_EXPORT __attribute__((visibility("default")))
#else
#define HS_EXPORT
#endif

#if defined(HS_LUA_MODULE) && defined(__GNUC__) && !defined(_WIN32)
#define HS_API __attribute__((visibility("hidden")))
#elif defined(HS_LUA_MODULE)
#define HS_API
#else
#define HS_API HS_EXPORT
#endif

#define HS_VERSION "1.0.1"

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
#define HS_F_CACHEABLE 0x01u  /* heuristically cacheable (RFC 9110, 15.1) */
#define HS_F_EMPTY     0x02u  /* never has content: 1xx, 204, 205, 304 */
#define HS_F_REDIRECT  0x04u  /* a redirect to follow via Location */
#define HS_F_RETRYABLE 0x08u  /* transient: worth a retry with backoff */

/* How a redirect chooses the follow-up request's method. */
enum { HS_REDIRECT_NONE = 0, HS_REDIRECT_KEEP, HS_REDIRECT_GET, HS_REDIRECT_POST_TO_GET };

/* One entry of the IANA registry. */
typedef struct hs_status {
    int code;
    const char *reason;         /* RFC 9110 phrase; NULL for "(Unused)" codes */
    const char *name;           /* constant name, e.g. "NOT_FOUND" */
    const char *reference;      /* e.g. "RFC 9110, Section 15.5.5" */
    const char *description;    /* English, one to three sentences */
    const char *reason_zh;      /* Chinese name; NULL for "(Unused)" codes */
    const char *description_zh; /* Chinese description */
    const char *const *former;  /* earlier registered or RFC names, oldest first;
                                   NULL-terminated, never NULL itself */
    const char *expires;        /* "YYYY-MM-DD" for a temporary registration, else NULL */
    unsigned char registry;     /* HS_PERMANENT ... HS_UNUSED */
    unsigned char flags;        /* HS_F_* */
    unsigned char redirect;     /* HS_REDIRECT_* */
} hs_status;

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

/* Errors of hs_parse_status_line (0 is success). */
enum {
    HS_OK = 0,
    HS_E_VERSION,    /* not HTTP/x.y (nor HTTP/2, HTTP/3) */
    HS_E_SPACE,      /* no single space after the version */
    HS_E_CODE,       /* status code is not three digits */
    HS_E_RANGE,      /* status code outside 100-599 */
    HS_E_AFTER_CODE, /* something other than a space after the code */
    HS_E_PHRASE      /* control character in the reason phrase */
};

/* Longest line hs_format_status_line can produce, NUL included. */
#define HS_STATUS_LINE_MAX 64

HS_API const char *hs_version(void);

/* The registry entry of a code, or NULL if it has none (306 and 418 have one). */
HS_API const hs_status *hs_get(int code);
/* All registry entries, sorted by code. */
HS_API const hs_status *hs_entries(size_t *count);
/* All constant names (current and former), in registry order. */
HS_API const hs_constant *hs_constants(size_t *count);
/* All unofficial codes, sorted by code. */
HS_API const hs_unofficial *hs_unofficial_entries(size_t *count);

/* The registered phrase, or NULL (unassigned or "(Unused)"). */
HS_API const char *hs_reason(int code);
/* HS_INFORMATIONAL .. HS_SERVER_ERROR for 100-599, else HS_CLASS_NONE. */
HS_API int hs_class(int code);
/* "informational" .. "server_error", or NULL for HS_CLASS_NONE. */
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
 * '_' and apostrophes. 0 if unknown.
 */
HS_API int hs_lookup(const char *s, size_t len);

/*
 * The method of the request that follows a redirect with this code: method
 * itself, or the static "GET"; NULL for a code that is not a redirect.
 * *out_len receives the length of the result.
 */
HS_API const char *hs_redirect_method(int code, const char *method, size_t len,
                                      size_t *out_len);

/* True for "HTTP/" DIGIT "." DIGIT, "HTTP/2" and "HTTP/3". */
HS_API int hs_is_version(const char *v, size_t len);

/* Parses an RFC 9112 status line; returns HS_OK or an HS_E_* error. */
HS_API int hs_parse_status_line(const char *s, size_t len, hs_status_line *out);
/* A short English message for an HS_E_* error. */
HS_API const char *hs_parse_error(int err);

/*
 * Writes "<version> <code> <phrase>" (the phrase may be empty; the space
 * stays) into buf, NUL-terminated if size > 0, truncated to size - 1.
 * Returns the length of the whole line, or 0 when the code is not valid
 * or the version is not one hs_is_version accepts.
 */
HS_API size_t hs_format_status_line(char *buf, size_t size, int code,
                                    const char *version, size_t vlen);

#endif
