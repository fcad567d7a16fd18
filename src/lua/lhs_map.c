/*
 * lhs_map.c - the Lua binding of the mappings to neighbouring protocols
 * (hs_map.c): to_grpc, from_grpc, span_status and problem.
 */
#include <string.h>

#include "lhs.h"

/* to_grpc(code) -> number, NAME: for a response that carried no grpc-status */
static int l_to_grpc(lua_State *L) {
    int status = hs_to_grpc(lhs_code(L, 1, 1, "to_grpc"));
    lua_pushinteger(L, status);
    lua_pushstring(L, hs_grpc_name(status));
    return 2;
}

/* from_grpc(status) -> the HTTP code google.rpc.Code documents, or nil, message */
static int l_from_grpc(lua_State *L) {
    int status = -1;
    if (lua_type(L, 1) == LUA_TSTRING) {
        size_t len;
        const char *s = lua_tolstring(L, 1, &len);
        status = hs_grpc_lookup(s, len);
    } else {
        long long n = 0;
        if (lhs_tointeger(L, 1, &n) == LHS_INT_OK && n >= 0 && n <= 16) status = (int)n;
    }
    if (status >= 0) {
        lua_pushinteger(L, hs_from_grpc(status));
        return 1;
    }
    return lhs_fail(L, "unknown gRPC status: ", NULL);
}

/* span_status(code, kind) -> "error" or "unset" */
static int l_span_status(lua_State *L) {
    int code = lhs_code(L, 1, 1, "span_status"), kind = -1;
    if (lua_type(L, 2) == LUA_TSTRING) {
        size_t len;
        const char *k = lua_tolstring(L, 2, &len);
        if (len == 6 && memcmp(k, "server", 6) == 0) kind = HS_SPAN_SERVER;
        else if (len == 6 && memcmp(k, "client", 6) == 0) kind = HS_SPAN_CLIENT;
    }
    if (kind < 0) return lhs_argerror(L, 2, "span_status", "kind must be \"server\" or \"client\"");
    if (hs_span_status_error(code, kind)) lua_pushliteral(L, "error");
    else lua_pushliteral(L, "unset");
    return 1;
}

/* problem(code [, fields]) -> a fresh RFC 9457 problem-details table */
static int l_problem(lua_State *L) {
    int code = lhs_code(L, 1, 1, "problem");
    const char *title = hs_reason(code);
    if (!hs_is_valid(code)) return lhs_argerror(L, 1, "problem", "status code out of range 100-599");
    if (!lua_isnoneornil(L, 2) && lua_type(L, 2) != LUA_TTABLE)
        return lhs_argerror(L, 2, "problem", lua_pushfstring(L, "table of fields expected, got %s",
                                                              luaL_typename(L, 2)));
    lua_createtable(L, 0, 5);
    lua_pushstring(L, hs_problem_type());
    lua_setfield(L, -2, "type");
    if (title) {
        lua_pushstring(L, title);
        lua_setfield(L, -2, "title");
    }
    lua_pushinteger(L, code);
    lua_setfield(L, -2, "status");
    if (lua_type(L, 2) == LUA_TTABLE) {  /* every field, raw: no metamethod runs */
        lua_pushnil(L);
        while (lua_next(L, 2)) {
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, -4);
        }
    }
    return 1;
}

LHS_INTERNAL void lhs_open_map(lua_State *L) {
    static const luaL_Reg funcs[] = {
        { "to_grpc", l_to_grpc },
        { "from_grpc", l_from_grpc },
        { "span_status", l_span_status },
        { "problem", l_problem },
        { NULL, NULL }
    };
    lhs_setfuncs(L, funcs);
}
