# httpstatus: HTTP status codes for Lua, in C.  See README.md.
#
#   make            build the module for every Lua whose headers are installed
#   make demo       install what is missing (Debian), build, run examples/demo.lua
#   make test       install what is missing (Debian), build, run every check
#   make generate   regenerate src/hs_data.c from data/statuses.lua
#   make lint       luacheck

CC      ?= cc
CFLAGS  ?= -O2
WARN     = -std=c99 -pedantic -Wall -Wextra -Werror -Wshadow -Wmissing-prototypes \
           -Wstrict-prototypes -Wdeclaration-after-statement
BUILD   ?= build
SRC      = src/hs_core.c src/lhttpstatus.c
DEPS     = $(SRC) src/httpstatus.h src/hs_data.c

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

.PHONY: all demo test generate lint clean

all: $(VERSIONS:%=$(BUILD)/%/httpstatus.so)
	@test -n "$(VERSIONS)" || { echo "no Lua headers found: run 'make demo' or 'make test' (they install them)"; exit 1; }

$(BUILD)/%/httpstatus.so: $(DEPS)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) -fPIC -fvisibility=hidden -shared -I$(LUA_INC_$*) -Isrc \
	    $(SRC) -o $@ $(LDFLAGS)

generate:
	$(LUA) tools/gen.lua data/statuses.lua src/hs_data.c

demo:
	@sh tools/deps.sh demo
	@$(MAKE) --no-print-directory $(BUILD)/5.4/httpstatus.so
	@LUA_CPATH="$(BUILD)/5.4/?.so;;" lua5.4 examples/demo.lua

test:
	@sh tools/test.sh

lint:
	luacheck .

clean:
	rm -rf $(BUILD)
