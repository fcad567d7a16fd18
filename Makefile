# httpstatus: HTTP status codes for Lua, in C.  See README.md.
#
#   make            build the module for every Lua whose headers are installed
#   make demo       install what is missing (Debian), build, run examples/demo.lua
#   make test       install what is missing (Debian), build, run every check
#   make generate   regenerate src/hs_data.c and src/hs_fast_lua.h from data/ and src/hs_fast.lua
#   make lint       luacheck
#   make ctest      C tests of the core (threads) and of many lua_States
#   make sanitize   the specs and C tests under ASan + UBSan, and TSan
#   make valgrind   the specs (lua5.4) and C tests under valgrind
#   make analyze    cppcheck and clang-tidy
#   make fuzz       each libFuzzer target for FUZZ_TIME seconds (default 60)
#   make bench      speed and per-state cost on every Lua, against plain Lua (QUICK=1: a smoke run)

CC      ?= cc
CFLAGS  ?= -O2
WARN     = -std=c99 -pedantic -Wall -Wextra -Werror -Wshadow -Wmissing-prototypes \
           -Wstrict-prototypes -Wdeclaration-after-statement
BUILD   ?= build
# the C core (no Lua), and the Lua binding, one file per capability
CORE     = src/hs_core.c src/hs_set.c src/hs_date.c src/hs_map.c
SRC      = $(CORE) src/lhttpstatus.c src/lhs_set.c src/lhs_date.c src/lhs_map.c
DEPS     = $(SRC) src/httpstatus.h src/lhs.h src/hs_data.c src/hs_map_data.c src/hs_fast_lua.h

# Lua headers: Debian's locations, overridable as LUA_INC_5.4=... etc.
LUA_INC_5.1 ?= /usr/include/lua5.1
LUA_INC_5.2 ?= /usr/include/lua5.2
LUA_INC_5.3 ?= /usr/include/lua5.3
LUA_INC_5.4 ?= /usr/include/lua5.4
LUA_INC_jit ?= /usr/include/luajit-2.1
VERSIONS ?= $(foreach v,5.1 5.2 5.3 5.4 jit,$(if $(wildcard $(LUA_INC_$(v))/lua.h),$(v)))

# src/hs_data.c is committed and never rebuilt implicitly (a builtin rock
# cannot run the generator); spec/00-data_spec.lua fails when it is stale.
# Any interpreter runs the generator; the output does not depend on which.
LUA ?= $(firstword $(foreach l,lua5.4 lua5.3 lua5.2 lua5.1 luajit lua,$(if $(shell command -v $(l)),$(l))))

.PHONY: all demo test generate lint clean ctest sanitize valgrind analyze fuzz bench

all: $(VERSIONS:%=$(BUILD)/%/httpstatus.so)
	@test -n "$(VERSIONS)" || { echo "no Lua headers found: run 'make demo' or 'make test' (they install them)"; exit 1; }

$(BUILD)/%/httpstatus.so: $(DEPS)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) -fPIC -fvisibility=hidden -shared -DHS_LUA_MODULE -I$(LUA_INC_$*) -Isrc \
	    $(SRC) -o $@ $(LDFLAGS)

generate:
	$(LUA) tools/gen.lua data/statuses.lua src/hs_data.c
	$(LUA) tools/gen.lua --mappings data/mappings.lua src/hs_map_data.c
	$(LUA) tools/embed.lua src/hs_fast.lua src/hs_fast_lua.h

demo:
	@sh tools/deps.sh demo
	@$(MAKE) --no-print-directory $(BUILD)/5.4/httpstatus.so
	@LUA_CPATH="$(BUILD)/5.4/?.so;;" lua5.4 examples/demo.lua
	@echo
	@echo '$$ httpstatus "HTTP/1.1 503 Service Temporarily Unavailable"'
	@LUA_CPATH="$(BUILD)/5.4/?.so;;" lua5.4 bin/httpstatus "HTTP/1.1 503 Service Temporarily Unavailable"

test:
	@sh tools/test.sh

lint:
	luacheck .

# --- hardening ---------------------------------------------------------------
LUA54_INC  = $(LUA_INC_5.4)
TEST_CORE  = tests/test_core.c $(CORE)
TEST_STATE = tests/test_states.c
SAN        = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
ASAN_RT    = $(shell clang -print-file-name=libclang_rt.asan-$$(uname -m).so 2>/dev/null)
BUSTED54   = lua5.4 /usr/bin/busted -o plainTerminal
FUZZ_TIME ?= 60

$(BUILD)/test_core: $(TEST_CORE) src/httpstatus.h src/hs_data.c src/hs_map_data.c
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) -Isrc $(TEST_CORE) -o $@ -lpthread

$(BUILD)/test_states: $(TEST_STATE)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) -I$(LUA54_INC) $(TEST_STATE) -o $@ -llua5.4 -lpthread

$(BUILD)/test_states_jit: $(TEST_STATE)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) -I$(LUA_INC_jit) $(TEST_STATE) -o $@ -lluajit-5.1 -lpthread

ctest: $(BUILD)/test_core $(BUILD)/test_states $(BUILD)/test_states_jit $(BUILD)/5.4/httpstatus.so $(BUILD)/jit/httpstatus.so
	$(BUILD)/test_core
	$(BUILD)/test_states '$(BUILD)/5.4/?.so'
	$(BUILD)/test_states_jit '$(BUILD)/jit/?.so'

# Specs tagged #subprocess start other programs (script, sh, cc), which
# would inherit the preloaded ASan runtime and report their own leaks.
sanitize:
	@mkdir -p $(BUILD)/asan $(BUILD)/tsan
	clang $(SAN) -fPIC -shared -DHS_LUA_MODULE -I$(LUA54_INC) -Isrc $(SRC) -o $(BUILD)/asan/httpstatus.so
	clang $(SAN) -Isrc $(TEST_CORE) -o $(BUILD)/asan/test_core -lpthread
	clang $(SAN) -I$(LUA54_INC) $(TEST_STATE) -o $(BUILD)/asan/test_states -llua5.4 -lpthread
	clang -g -O1 -fsanitize=thread -Isrc $(TEST_CORE) -o $(BUILD)/tsan/test_core -lpthread
	$(BUILD)/asan/test_core
	$(BUILD)/asan/test_states '$(BUILD)/asan/?.so' 300
	TSAN_OPTIONS=halt_on_error=1 $(BUILD)/tsan/test_core
	LD_PRELOAD=$(ASAN_RT) ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	    $(BUSTED54) --cpath='$(BUILD)/asan/?.so' --exclude-tags=openresty,subprocess

VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite

valgrind: $(BUILD)/test_core $(BUILD)/test_states $(BUILD)/5.4/httpstatus.so
	$(VALGRIND) $(BUILD)/test_core
	$(VALGRIND) $(BUILD)/test_states '$(BUILD)/5.4/?.so' 200
	$(VALGRIND) $(BUSTED54) --cpath='$(BUILD)/5.4/?.so'

# variableScope: declarations stay at the top of blocks (C89 style, on purpose)
analyze:
	cppcheck -q --std=c99 --enable=warning,style,performance,portability --force \
	    --inline-suppr --error-exitcode=1 --suppress=missingIncludeSystem --suppress=variableScope \
	    -Isrc -I$(LUA54_INC) $(SRC) tests/*.c fuzz/*.c
	clang-tidy --quiet $(SRC) tests/*.c fuzz/*.c -- \
	    -std=c99 -Isrc -I$(LUA54_INC)

fuzz:
	@sh tools/fuzz.sh $(FUZZ_TIME)

# bench/states.c, for 5.4 and LuaJIT: the module found on package.cpath, and
# linked in and preloaded as a host that embeds it does
STATES_SRC = bench/states.c
STATES_CC  = $(CC) -std=c99 -O2 -D_POSIX_C_SOURCE=199309L
$(BUILD)/states-5.4: $(STATES_SRC)
	@mkdir -p $(@D)
	$(STATES_CC) -I$(LUA_INC_5.4) $(STATES_SRC) -o $@ -llua5.4 -lm
$(BUILD)/states-5.4-preload: $(STATES_SRC) $(DEPS)
	@mkdir -p $(@D)
	$(STATES_CC) -DPRELOAD -DHS_LUA_MODULE -Isrc -I$(LUA_INC_5.4) $(STATES_SRC) $(SRC) -o $@ -llua5.4 -lm
$(BUILD)/states-jit: $(STATES_SRC)
	@mkdir -p $(@D)
	$(STATES_CC) -I$(LUA_INC_jit) $(STATES_SRC) -o $@ -lluajit-5.1 -lm
$(BUILD)/states-jit-preload: $(STATES_SRC) $(DEPS)
	@mkdir -p $(@D)
	$(STATES_CC) -DPRELOAD -DHS_LUA_MODULE -Isrc -I$(LUA_INC_jit) $(STATES_SRC) $(SRC) -o $@ -lluajit-5.1 -lm

BENCH_STATES = $(BUILD)/states-5.4 $(BUILD)/states-5.4-preload $(BUILD)/states-jit $(BUILD)/states-jit-preload
BENCH_VMS = lua5.1:5.1 lua5.2:5.2 lua5.3:5.3 lua5.4:5.4 luajit:jit

bench: all $(BENCH_STATES)
	@$(LUA) bench/plain_reasons.lua $(BUILD)/plain_reasons.lua
	@for pair in $(BENCH_VMS); do lua=$${pair%%:*}; dir=$${pair#*:}; \
	    LUA_CPATH="$(BUILD)/$$dir/?.so" $$lua bench/bench.lua $(if $(QUICK),--quick) || exit 1; echo; done
	@for vm in 5.4 jit; do \
	    echo "require in a fresh lua_State ($$vm; median of $(if $(QUICK),20,400) states kept open):"; \
	    $(BUILD)/states-$$vm '$(CURDIR)/$(BUILD)/'$$vm'/?.so' '$(CURDIR)/$(BUILD)/?.lua' $(if $(QUICK),20,400) || exit 1; \
	    $(BUILD)/states-$$vm-preload '' '$(CURDIR)/$(BUILD)/?.lua' $(if $(QUICK),20,400) | tail -2 || exit 1; \
	    echo; done

clean:
	rm -rf $(BUILD)
