#!/bin/sh
# tools/cbench.sh [--quick]: the C library against its peers, in
# instructions (part of `make bench`; bench/cbench.c says what is
# measured). Installs the peers Debian has (APR, APR-util, curl,
# http-parser: tools/deps.sh bench), takes nginx's date parser from
# Debian's nginx source, fetched with apt-get source into a temporary
# folder (never kept), builds bench/cbench.c against the static library
# (built as `make lib` builds it) and runs it under callgrind, which counts
# the instructions of each operation's loop: they repeat exactly from run
# to run. --quick builds it without nginx and runs it once natively, only
# to prove that it runs. Prints a table: Ir a call, and peer / httpstatus.
set -eu
cd "$(dirname "$0")/.." || exit 1
BUILD=${BUILD:-build}
CC=${CC:-cc}
quick=${1:-}
sh tools/deps.sh bench
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
make --no-print-directory -s lib
$CC -O2 -c bench/cfloor.c -o "$T/cfloor.o"

defines="" objs="" libs=""
if [ -f /usr/include/apr-1.0/apr_date.h ]; then
  defines="$defines -DHAVE_APR -I/usr/include/apr-1.0"; libs="$libs -laprutil-1 -lapr-1"
fi
if [ -f /usr/include/x86_64-linux-gnu/curl/curl.h ] || [ -f /usr/include/curl/curl.h ]; then
  defines="$defines -DHAVE_CURL"; libs="$libs -lcurl"
fi
if [ -f /usr/include/http_parser.h ]; then
  defines="$defines -DHAVE_HTTP_PARSER"; libs="$libs -lhttp_parser"
fi
if pkg-config --exists libsoup-3.0 2>/dev/null; then
  defines="$defines -DHAVE_SOUP $(pkg-config --cflags libsoup-3.0)"; libs="$libs $(pkg-config --libs libsoup-3.0)"
fi
if [ -z "$quick" ]; then
  # nginx's ngx_parse_http_time, from Debian's source of the nginx it ships,
  # with the two nginx headers it needs standing in as a few lines
  mkdir -p "$T/apt/lists/partial" "$T/apt/parts" "$T/src"
  printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    > "$T/apt/parts/src.sources"
  opts="-o Dir::Etc::SourceParts=$T/apt/parts -o Dir::Etc::SourceList=/dev/null -o Dir::State::Lists=$T/apt/lists -o Dir::Cache=$T/apt/cache"
  # shellcheck disable=SC2086
  if timeout 300 apt-get $opts update >"$T/apt.log" 2>&1 &&
     (cd "$T/src" && timeout 300 apt-get $opts source --download-only nginx >>"$T/apt.log" 2>&1) &&
     tar -xzf "$T"/src/nginx_*.orig.tar.gz -C "$T/src" --wildcards '*/src/core/ngx_parse_time.c'; then
    cp "$T"/src/nginx-*/src/core/ngx_parse_time.c "$T/"
    printf '#include <stddef.h>\n#include <stdint.h>\n#include <time.h>\ntypedef unsigned char u_char;\n' > "$T/ngx_config.h"
    printf 'typedef intptr_t ngx_int_t;\ntypedef uintptr_t ngx_uint_t;\n#define NGX_ERROR -1\n#define NGX_TIME_T_SIZE 8\n' >> "$T/ngx_config.h"
    : > "$T/ngx_core.h"
    $CC -O2 -I"$T" -c "$T/ngx_parse_time.c" -o "$T/nginx.o"
    defines="$defines -DHAVE_NGINX"; objs="$objs $T/nginx.o"
    echo "nginx: $(ls "$T"/src/nginx_*.orig.tar.gz | sed 's|.*/||'), from Debian's source packages"
  else
    echo "nginx: its source could not be fetched (apt-get source nginx): measured without it"
    sed 's/^/    /' "$T/apt.log"
  fi
fi
# shellcheck disable=SC2086
$CC -std=c99 -O2 -Isrc/core $defines bench/cbench.c "$T/cfloor.o" $objs "$BUILD/lib/libhttpstatus.a" $libs -o "$T/cbench"
if [ -n "$quick" ]; then
  "$T/cbench" > "$T/calls"
  echo "C bench (quick mode: ran each operation once natively, $(wc -l < "$T/calls") operations)"
  exit 0
fi
valgrind --tool=callgrind --callgrind-out-file="$T/cg.out" --toggle-collect='op_*' "$T/cbench" > "$T/calls" 2>"$T/vg.log"
callgrind_annotate --inclusive=yes --threshold=100 "$T/cg.out" > "$T/annotate" 2>/dev/null
echo "C library against its peers: instructions a call (callgrind; $($CC --version | head -1), -O2)"
awk -v calls="$T/calls" '
  BEGIN { while ((getline line < calls) > 0) { split(line, part, " "); n[part[1]] = part[2] } }
  /op_/ { ir = $1; gsub(",", "", ir); name = $0; sub(/.*op_/, "", name); sub(/[ \[].*/, "", name); cost[name] = ir / n[name] }
  END {
    split("imf rfc850 asctime", forms, " ")
    printf "%-34s %10s %10s\n", "operation", "Ir a call", "/ ours"
    for (i = 1; i <= 3; i++) {
      f = forms[i]; ours = cost["hs_" f]
      printf "%-34s %10.1f\n", "parse " f ": httpstatus", ours
      split("nginx apr curl strptime", peers, " ")
      for (j = 1; j <= 4; j++) if ((peers[j] "_" f) in cost)
        printf "%-34s %10.1f %10.2f\n", "  " peers[j], cost[peers[j] "_" f], cost[peers[j] "_" f] / ours
    }
    ours = cost["hs_format"]; printf "%-34s %10.1f\n", "format an IMF-fixdate: httpstatus", ours
    if ("apr_format" in cost) printf "%-34s %10.1f %10.2f\n", "  apr", cost["apr_format"], cost["apr_format"] / ours
    printf "%-34s %10.1f %10.2f\n", "  gmtime_r + strftime", cost["strftime_format"], cost["strftime_format"] / ours
    ours = cost["hs_status_line"]; printf "%-34s %10.1f\n", "parse a status line: httpstatus", ours
    if ("http_parser_status_line" in cost)
      printf "%-34s %10.1f %10.2f\n", "  http-parser", cost["http_parser_status_line"], cost["http_parser_status_line"] / ours
    printf "%-34s %10.1f %10.2f\n", "reason by code: hs_reason", cost["hs_reason"], cost["hs_reason"] / cost["floor_index"]
    printf "%-34s %10.1f\n", "  floor: an out-of-line array index", cost["floor_index"]
    printf "%-34s %10.1f %10.2f\n", "set membership: hs_set_has", cost["hs_set_has"], cost["hs_set_has"] / cost["floor_bit"]
    printf "%-34s %10.1f %10.2f\n", "  hs_set_has_inline", cost["hs_set_has_inline"], cost["hs_set_has_inline"] / cost["floor_bit"]
    printf "%-34s %10.1f\n", "  floor: an out-of-line bitmap test", cost["floor_bit"]
    ours = cost["hs_negotiate"]; printf "%-34s %10.1f\n", "negotiate Chrome'"'"'s Accept, 4 offers", ours
    if ("soup_accept" in cost)
      printf "%-34s %10.1f %10.2f\n", "  libsoup: parse it alone", cost["soup_accept"], cost["soup_accept"] / ours
    ours = cost["hs_negotiate_language"]; printf "%-34s %10.1f\n", "negotiate_language, 3 offers", ours
    if ("soup_accept_language" in cost)
      printf "%-34s %10.1f %10.2f\n", "  libsoup: parse it alone", cost["soup_accept_language"], cost["soup_accept_language"] / ours
    print "(for the floors, the last column is httpstatus / floor)"
  }' "$T/annotate"
