# httpstatus: HTTP status codes for Lua, in C.  See README.md.
#
#   make            build the module for every Lua whose headers are installed
#   make demo       install what is missing (Debian), build, run examples/demo.lua
#   make test       install what is missing (Debian), build, run every check
#   make test-5.5   the module on Lua 5.5 (a system lua5.5, or LUA55_SRC=dir with its source)
#   make test-deep  the deepest checks (make test runs the rest): the specs under valgrind, the
#                   pure edition against the C module on 100 000 inputs a function, Lua 5.5 built
#                   with LUA_32BITS, LUA_NOCVTN2S and long double, make coverage
#   make test-cross Windows (mingw-w64 + wine), big-endian s390x (qemu) and i386: installs what it needs
#   make test-hosts the module inside programs that embed Lua: Luau (as Roblox runs it), ...
#   make generate   regenerate src/*/*.inc from data/ and src/lua/lhs_fast.lua, and the data of
#                   lua/httpstatus/pure.lua (the pure-Lua edition)
#   make lint       luacheck
#   make ctest      C tests of the core (threads, the date parser against 1.1.1's) and of many lua_States,
#                   and the memory sweeps (ctest-c: all but the pure edition's sweep; ctest-pure: that)
#   make sanitize   the specs and C tests under ASan + UBSan, and TSan
#   make valgrind   the specs (lua5.4) and C tests under valgrind (valgrind-specs, valgrind-c: each half)
#   make analyze    cppcheck and clang-tidy
#   make fuzz       each libFuzzer target for FUZZ_TIME seconds (default 60)
#   make coverage   lines and branches of the C reached by the specs, C tests and fuzz corpora
#   make bench      speed and per-state cost on every Lua, against plain Lua (QUICK=1: a smoke run)
#   make install    the C library (static and shared), httpstatus.h and httpstatus.pc, and the
#                   Lua module and the command for the default Lua, under $(DESTDIR)$(PREFIX)
#   make uninstall  removes what make install installed

CC      ?= cc
CFLAGS  ?= -O2
WARN     = -std=c99 -pedantic -Wall -Wextra -Werror -Wshadow -Wmissing-prototypes \
           -Wstrict-prototypes -Wdeclaration-after-statement
BUILD   ?= build
# the C core (no Lua), and the Lua binding, one file per capability
CORE     = src/core/hs_core.c src/core/hs_set.c src/core/hs_date.c src/core/hs_map.c src/core/hs_accept.c src/core/hs_body.c
SRC      = $(CORE) src/lua/lhs_util.c src/lua/lhs_core.c src/lua/lhs_set.c src/lua/lhs_date.c src/lua/lhs_map.c src/lua/lhs_accept.c src/lua/lhttpstatus.c
GEN      = src/core/hs_data.inc src/core/hs_map_data.inc src/lua/lhs_fast_lua.inc src/lua/lhs_fast_set_lua.inc
DEPS     = $(SRC) src/core/httpstatus.h src/lua/lhs.h $(GEN)

# Lua headers: Debian's locations, overridable as LUA_INC_5.4=... etc.
LUA_INC_5.1 ?= /usr/include/lua5.1
LUA_INC_5.2 ?= /usr/include/lua5.2
LUA_INC_5.3 ?= /usr/include/lua5.3
LUA_INC_5.4 ?= /usr/include/lua5.4
LUA_INC_5.5 ?= /usr/include/lua5.5
LUA_INC_jit ?= /usr/include/luajit-2.1
VERSIONS ?= $(foreach v,5.1 5.2 5.3 5.4 5.5 jit,$(if $(wildcard $(LUA_INC_$(v))/lua.h),$(v)))

# src/*/*.inc are committed and never rebuilt implicitly (a builtin rock
# cannot run the generator); spec/00-data_spec.lua fails when one is stale.
# Any interpreter runs the generator; the output does not depend on which.
LUA ?= $(firstword $(foreach l,lua5.4 lua5.3 lua5.2 lua5.1 luajit lua,$(if $(shell command -v $(l)),$(l))))

.PHONY: all demo test test-deep test-5.5 test-cross test-hosts valgrind-c valgrind-specs ctest-c ctest-pure generate lint clean ctest sanitize valgrind analyze fuzz coverage bench lib install uninstall

all: $(VERSIONS:%=$(BUILD)/%/httpstatus.so)
	@test -n "$(VERSIONS)" || { echo "no Lua headers found: run 'make demo' or 'make test' (they install them)"; exit 1; }

$(BUILD)/%/httpstatus.so: $(DEPS)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) -fPIC -fvisibility=hidden -shared -DHS_LUA_MODULE -I$(LUA_INC_$*) -Isrc/core -Isrc/lua \
	    $(SRC) -o $@ $(LDFLAGS)

generate:
	$(LUA) tools/gen.lua data/statuses.lua src/core/hs_data.inc
	$(LUA) tools/gen.lua --mappings data/mappings.lua src/core/hs_map_data.inc
	$(LUA) tools/embed.lua src/lua/lhs_fast.lua
	$(LUA) tools/embed.lua src/lua/lhs_fast_set.lua
	$(LUA) tools/gen.lua --pure lua/httpstatus/pure.lua
	$(LUA) tools/gen.lua --types

demo:
	@sh tools/deps.sh demo
	@$(MAKE) --no-print-directory $(BUILD)/5.4/httpstatus.so
	@LUA_CPATH="$(BUILD)/5.4/?.so;;" lua5.4 examples/demo.lua
	@echo
	@echo '$$ httpstatus "HTTP/1.1 503 Service Temporarily Unavailable"'
	@LUA_CPATH="$(BUILD)/5.4/?.so;;" lua5.4 bin/httpstatus "HTTP/1.1 503 Service Temporarily Unavailable"

test:
	@sh tools/test.sh

# the deepest checks, beside make test: see tools/test-deep.sh
test-deep:
	@sh tools/test-deep.sh

# Lua 5.5: a system lua5.5, or its source in LUA55_SRC (see tools/lua55.sh)
test-5.5:
	@sh tools/lua55.sh

# Windows (mingw-w64, wine), s390x (qemu) and i386: see tools/cross.sh
test-cross:
	@sh tools/cross.sh

# the module inside programs that embed Lua (Luau, ...): see tools/test-hosts.sh
test-hosts:
	@sh tools/test-hosts.sh

lint:
	luacheck .

# --- hardening ---------------------------------------------------------------
LUA54_INC  = $(LUA_INC_5.4)
TEST_CORE  = tests/test_core.c $(CORE)
TEST_STATE = tests/test_states.c
TEST_MEM   = tests/test_memory.c
TEST_DATES = tests/test_dates.c tests/date_reference.c $(CORE)
SAN        = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
ASAN_RT    = $(shell clang -print-file-name=libclang_rt.asan-$$(uname -m).so 2>/dev/null)
BUSTED54   = lua5.4 /usr/bin/busted -o TAP
FUZZ_TIME ?= 60

$(BUILD)/test_core: $(TEST_CORE) src/core/httpstatus.h $(GEN)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) -Isrc/core $(TEST_CORE) -o $@ -lpthread

$(BUILD)/test_dates: $(TEST_DATES) src/core/httpstatus.h
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) -Isrc/core $(TEST_DATES) -o $@

$(BUILD)/test_states: $(TEST_STATE)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) -I$(LUA54_INC) $(TEST_STATE) -o $@ -llua5.4 -lpthread

$(BUILD)/test_memory: $(TEST_MEM)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) -I$(LUA54_INC) $(TEST_MEM) -o $@ -llua5.4

$(BUILD)/test_states_jit: $(TEST_STATE)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) -I$(LUA_INC_jit) $(TEST_STATE) -o $@ -lluajit-5.1 -lpthread

ctest: ctest-c ctest-pure

ctest-c: $(BUILD)/test_core $(BUILD)/test_dates $(BUILD)/test_states $(BUILD)/test_states_jit $(BUILD)/test_memory \
       $(BUILD)/5.1/httpstatus.so $(BUILD)/5.4/httpstatus.so $(BUILD)/jit/httpstatus.so
	$(BUILD)/test_core
	$(BUILD)/test_dates fuzz/corpus/date/*
	$(BUILD)/test_states '$(BUILD)/5.4/?.so'
	$(BUILD)/test_states_jit '$(BUILD)/jit/?.so'
	$(BUILD)/test_states_jit '$(BUILD)/5.1/?.so'
	$(BUILD)/test_memory '$(BUILD)/5.4/?.so'

# the memory sweep of the pure edition (on lua5.4, through the same host)
ctest-pure: $(BUILD)/test_memory
	$(BUILD)/test_memory '' tests/memory_pure.lua

# Specs tagged #subprocess start other programs (script, sh, cc), which
# would inherit the preloaded ASan runtime and report their own leaks.
sanitize:
	@mkdir -p $(BUILD)/asan $(BUILD)/tsan
	clang $(SAN) -fPIC -shared -DHS_LUA_MODULE -I$(LUA54_INC) -Isrc/core -Isrc/lua $(SRC) -o $(BUILD)/asan/httpstatus.so
	clang $(SAN) -Isrc/core $(TEST_CORE) -o $(BUILD)/asan/test_core -lpthread
	clang $(SAN) -Isrc/core $(TEST_DATES) -o $(BUILD)/asan/test_dates
	clang $(SAN) -I$(LUA54_INC) $(TEST_STATE) -o $(BUILD)/asan/test_states -llua5.4 -lpthread
	clang $(SAN) -I$(LUA54_INC) $(TEST_MEM) -o $(BUILD)/asan/test_memory -llua5.4
	clang -g -O1 -fsanitize=thread -Isrc/core $(TEST_CORE) -o $(BUILD)/tsan/test_core -lpthread
	$(BUILD)/asan/test_core
	$(BUILD)/asan/test_dates fuzz/corpus/date/*
	$(BUILD)/asan/test_states '$(BUILD)/asan/?.so' 300
	$(BUILD)/asan/test_memory '$(BUILD)/asan/?.so'
	TSAN_OPTIONS=halt_on_error=1 $(BUILD)/tsan/test_core
	LD_PRELOAD=$(ASAN_RT) ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	    $(BUSTED54) --cpath='$(BUILD)/asan/?.so' --exclude-tags=openresty,subprocess

VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite
SPECS    = $(wildcard spec/*_spec.lua)
VG_SLOW  = spec/02-classify_spec.lua spec/05-bad_input_spec.lua spec/11-date_spec.lua
VG_REST  = $(filter-out $(VG_SLOW),$(SPECS))

valgrind: valgrind-c valgrind-specs

valgrind-c: $(BUILD)/test_core $(BUILD)/test_states $(BUILD)/test_memory $(BUILD)/5.4/httpstatus.so
	$(VALGRIND) $(BUILD)/test_core
	$(VALGRIND) $(BUILD)/test_states '$(BUILD)/5.4/?.so' 200
	$(VALGRIND) $(BUILD)/test_memory '$(BUILD)/5.4/?.so' tests/memory_use.lua 7

valgrind-specs: $(BUILD)/5.4/httpstatus.so
	@# the specs in two halves at once, one a core (valgrind runs one
	@# thread at a time): the three slowest files, and the rest
	@$(VALGRIND) $(BUSTED54) --cpath='$(BUILD)/5.4/?.so' $(VG_SLOW) > $(BUILD)/valgrind-a.tap 2>&1 & a=$$!; \
	$(VALGRIND) $(BUSTED54) --cpath='$(BUILD)/5.4/?.so' $(VG_REST) > $(BUILD)/valgrind-b.tap 2>&1; b=$$?; \
	wait $$a; a=$$?; cat $(BUILD)/valgrind-a.tap $(BUILD)/valgrind-b.tap; \
	echo "valgrind: the specs exited $$a and $$b"; [ $$a -eq 0 ] && [ $$b -eq 0 ]

# variableScope: declarations stay at the top of blocks (C89 style, on purpose)
analyze:
	cppcheck -q --std=c99 --enable=warning,style,performance,portability --force \
	    --inline-suppr --error-exitcode=1 --suppress=missingIncludeSystem --suppress=variableScope \
	    -Isrc/core -Isrc/lua -I$(LUA54_INC) $(SRC) tests/*.c fuzz/*.c
	clang-tidy --quiet $(SRC) tests/*.c fuzz/*.c -- \
	    -std=c99 -Isrc/core -Isrc/lua -I$(LUA54_INC)

fuzz:
	@sh tools/fuzz.sh time $(FUZZ_TIME)

coverage:
	@sh tools/coverage.sh

# bench/states.c, for 5.4 and LuaJIT: the module found on package.cpath, and
# linked in and preloaded as a host that embeds it does
STATES_SRC = bench/states.c
STATES_CC  = $(CC) -std=c99 -O2 -D_POSIX_C_SOURCE=199309L
$(BUILD)/states-5.4: $(STATES_SRC)
	@mkdir -p $(@D)
	$(STATES_CC) -I$(LUA_INC_5.4) $(STATES_SRC) -o $@ -llua5.4 -lm
$(BUILD)/states-5.4-preload: $(STATES_SRC) $(DEPS)
	@mkdir -p $(@D)
	$(STATES_CC) -DPRELOAD -DHS_LUA_MODULE -Isrc/core -Isrc/lua -I$(LUA_INC_5.4) $(STATES_SRC) $(SRC) -o $@ -llua5.4 -lm
$(BUILD)/states-jit: $(STATES_SRC)
	@mkdir -p $(@D)
	$(STATES_CC) -I$(LUA_INC_jit) $(STATES_SRC) -o $@ -lluajit-5.1 -lm
$(BUILD)/states-jit-preload: $(STATES_SRC) $(DEPS)
	@mkdir -p $(@D)
	$(STATES_CC) -DPRELOAD -DHS_LUA_MODULE -Isrc/core -Isrc/lua -I$(LUA_INC_jit) $(STATES_SRC) $(SRC) -o $@ -lluajit-5.1 -lm

BENCH_STATES = $(BUILD)/states-5.4 $(BUILD)/states-5.4-preload $(BUILD)/states-jit $(BUILD)/states-jit-preload

# the module as Debian's luarocks builds it for OpenResty (PUC 5.1's headers)
ROCK_51 = $(BUILD)/rock-5.1/lib/lua/5.1/httpstatus.so
$(ROCK_51): $(DEPS) httpstatus-scm-1.rockspec
	luarocks --lua-version=5.1 --tree='$(BUILD)/rock-5.1' make --deps-mode=none httpstatus-scm-1.rockspec >/dev/null
	rm -f httpstatus.so src/core/*.o src/lua/*.o

bench: all $(BENCH_STATES) $(ROCK_51)
	@sh tools/bench.sh $(if $(QUICK),--quick)

# --- the C library, for C hosts ----------------------------------------------
PREFIX  ?= /usr/local
DESTDIR ?=
VERSION  = $(shell sed -n 's/^\#define HS_VERSION "\(.*\)"/\1/p' src/core/httpstatus.h)
SOMAJOR  = $(shell sed -n 's/^\#define HS_ABI \([0-9]*\)/\1/p' src/core/httpstatus.h)
LIBDIR   = $(PREFIX)/lib
INCDIR   = $(PREFIX)/include
PCDIR    = $(LIBDIR)/pkgconfig
BINDIR   = $(PREFIX)/bin
MANDIR   = $(PREFIX)/share/man/man1
# the Lua the module and the command are installed for: the default one
# (`make` and the rock serve it first), or LUA_DEFAULT=5.1 ... 5.5, or
# LUA_DEFAULT=jit for LuaJIT and OpenResty (into lib/lua/5.1, its ABI; the
# command then runs on luajit)
LUA_DEFAULT ?= $(firstword $(foreach v,5.4 5.5 5.3 5.2 5.1,$(filter $(v),$(VERSIONS))))
LUA_ABI  = $(if $(filter jit,$(LUA_DEFAULT)),5.1,$(LUA_DEFAULT))
LUA_CMD  = $(if $(filter jit,$(LUA_DEFAULT)),luajit,lua$(LUA_DEFAULT))
LMODDIR  = $(LIBDIR)/lua/$(LUA_ABI)
LIB_OBJS = $(CORE:src/%.c=$(BUILD)/lib/%.o)

$(BUILD)/lib/%.o: src/%.c src/core/httpstatus.h $(GEN)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) -fPIC -fvisibility=hidden -fno-semantic-interposition -Isrc/core -c $< -o $@

$(BUILD)/lib/libhttpstatus.a: $(LIB_OBJS)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJS)

$(BUILD)/lib/libhttpstatus.so.$(VERSION): $(LIB_OBJS)
	$(CC) -shared -Wl,-soname,libhttpstatus.so.$(SOMAJOR) $(LIB_OBJS) -o $@ $(LDFLAGS)

# written at install time: it names the PREFIX of that install
PC_LINES = 'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$(INCDIR)' '' \
    'Name: httpstatus' \
    'Description: HTTP status codes: phrases, classes, RFC 9110 semantics, status sets, HTTP dates, gRPC mappings' \
    'Version: $(VERSION)' 'URL: https://github.com/httpstatus-lua/httpstatus' \
    'Libs: -L$${libdir} -lhttpstatus' 'Cflags: -I$${includedir}'

lib: $(BUILD)/lib/libhttpstatus.a $(BUILD)/lib/libhttpstatus.so.$(VERSION)

install: lib
	install -d '$(DESTDIR)$(LIBDIR)' '$(DESTDIR)$(INCDIR)' '$(DESTDIR)$(PCDIR)'
	install -m 644 $(BUILD)/lib/libhttpstatus.a '$(DESTDIR)$(LIBDIR)/'
	install -m 755 $(BUILD)/lib/libhttpstatus.so.$(VERSION) '$(DESTDIR)$(LIBDIR)/'
	ln -sf libhttpstatus.so.$(VERSION) '$(DESTDIR)$(LIBDIR)/libhttpstatus.so.$(SOMAJOR)'
	ln -sf libhttpstatus.so.$(SOMAJOR) '$(DESTDIR)$(LIBDIR)/libhttpstatus.so'
	install -m 644 src/core/httpstatus.h '$(DESTDIR)$(INCDIR)/'
	printf '%s\n' $(PC_LINES) > '$(DESTDIR)$(PCDIR)/httpstatus.pc'
	install -d '$(DESTDIR)$(MANDIR)'
	install -m 644 doc/httpstatus.1 '$(DESTDIR)$(MANDIR)/'
	@if [ -z '$(LUA_DEFAULT)' ]; then \
	    echo 'install: no Lua headers found: the Lua module and the command are NOT installed'; \
	else \
	    $(MAKE) --no-print-directory $(BUILD)/$(LUA_DEFAULT)/httpstatus.so && \
	    install -d '$(DESTDIR)$(LMODDIR)' '$(DESTDIR)$(BINDIR)' && \
	    install -m 755 $(BUILD)/$(LUA_DEFAULT)/httpstatus.so '$(DESTDIR)$(LMODDIR)/' && \
	    sed '1s|.*|#!/usr/bin/env $(LUA_CMD)|' bin/httpstatus > '$(DESTDIR)$(BINDIR)/httpstatus' && \
	    chmod 755 '$(DESTDIR)$(BINDIR)/httpstatus' && \
	    echo 'install: the Lua module for $(LUA_CMD) in $(LMODDIR), the command in $(BINDIR)'; \
	fi

uninstall:
	rm -f '$(DESTDIR)$(LIBDIR)/libhttpstatus.a' '$(DESTDIR)$(LIBDIR)/libhttpstatus.so' \
	    '$(DESTDIR)$(LIBDIR)/libhttpstatus.so.$(SOMAJOR)' '$(DESTDIR)$(LIBDIR)/libhttpstatus.so.$(VERSION)' \
	    '$(DESTDIR)$(INCDIR)/httpstatus.h' '$(DESTDIR)$(PCDIR)/httpstatus.pc' '$(DESTDIR)$(MANDIR)/httpstatus.1' \
	    '$(DESTDIR)$(LMODDIR)/httpstatus.so' '$(DESTDIR)$(BINDIR)/httpstatus'

clean:
	rm -rf $(BUILD)
