/*
 * fuzz_parse.c - libFuzzer target for hs_parse_status_line and
 * hs_format_status_line. Properties checked on every input:
 *  - a parsed code is 100-599 and the parts lie inside the input;
 *  - the parts put back together give the input (less its CR LF / LF,
 *    and less the final space that may be missing when there is no phrase);
 *  - what hs_format_status_line makes from the code and version parses back
 *    to the same code, version and registered phrase.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "httpstatus.h"

#define CHECK(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *s = (const char *)data;
    hs_status_line sl;
    char line[HS_STATUS_LINE_MAX];
    size_t body = size, n, rebuilt;
    int err = hs_parse_status_line(s, size, &sl);

    CHECK(hs_parse_error(err) != NULL);
    if (err != HS_OK) return 0;

    CHECK(hs_is_valid(sl.code));
    CHECK(sl.version == s && hs_is_version(sl.version, sl.version_len));
    CHECK(sl.reason >= s && sl.reason + sl.reason_len <= s + size);

    if (body > 0 && s[body - 1] == '\n') {
        body--;
        if (body > 0 && s[body - 1] == '\r') body--;
    }
    rebuilt = sl.version_len + 5 + sl.reason_len;  /* "V SP 3DIGIT SP reason" */
    CHECK(rebuilt == body || (sl.reason_len == 0 && rebuilt == body + 1));
    CHECK(s[sl.version_len] == ' ');
    CHECK((s[sl.version_len + 1] - '0') * 100 + (s[sl.version_len + 2] - '0') * 10 +
          (s[sl.version_len + 3] - '0') == sl.code);

    n = hs_format_status_line(line, sizeof line, sl.code, sl.version, sl.version_len);
    CHECK(n > 0 && n < sizeof line && strlen(line) == n);
    {
        hs_status_line again;
        const char *reason = hs_reason(sl.code);
        CHECK(hs_parse_status_line(line, n, &again) == HS_OK);
        CHECK(again.code == sl.code);
        CHECK(again.version_len == sl.version_len &&
              memcmp(again.version, sl.version, sl.version_len) == 0);
        CHECK(again.reason_len == (reason ? strlen(reason) : 0));
    }
    return 0;
}
