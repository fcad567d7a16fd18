-- Mappings to gRPC, OpenTelemetry and problem details, checked against the
-- tables as their sources give them, typed in here by hand.
local hs = require "httpstatus"

-- google.rpc.Code (google/rpc/code.proto): number, name, "HTTP Mapping"
local GRPC = {
  [0] = { "OK", 200 }, { "CANCELLED", 499 }, { "UNKNOWN", 500 }, { "INVALID_ARGUMENT", 400 },
  { "DEADLINE_EXCEEDED", 504 }, { "NOT_FOUND", 404 }, { "ALREADY_EXISTS", 409 },
  { "PERMISSION_DENIED", 403 }, { "RESOURCE_EXHAUSTED", 429 }, { "FAILED_PRECONDITION", 400 },
  { "ABORTED", 409 }, { "OUT_OF_RANGE", 400 }, { "UNIMPLEMENTED", 501 }, { "INTERNAL", 500 },
  { "UNAVAILABLE", 503 }, { "DATA_LOSS", 500 }, { "UNAUTHENTICATED", 401 },
}

-- gRPC's HTTP to gRPC Status Code Mapping, as shared/DESIGN.md's contract lists it
-- gRPC's doc/http-grpc-status-mapping.md; 431 since 1.1.1, as in its current table
local TO_GRPC = { [400] = 13, [401] = 16, [403] = 7, [404] = 12, [429] = 14, [431] = 13, [502] = 14, [503] = 14,
                  [504] = 14 }

describe("to_grpc()", function()
  it("maps every code 100-599, and any other integer, as gRPC's table says", function()
    for code = 0, 1000 do
      local n, name = hs.to_grpc(code)
      local want = TO_GRPC[code] or 2
      assert.are.equal(want, n, code)
      assert.are.equal(GRPC[want][1], name, code)
    end
    assert.are.same({ 14, "UNAVAILABLE" }, { hs.to_grpc("503") })
    assert.are.same({ 2, "UNKNOWN" }, { hs.to_grpc(200) })  -- a real OK carries grpc-status
    assert.are.same({ 13, "INTERNAL" }, { hs.to_grpc(431) })  -- as 400 is
  end)

  it("raises for a value that is not a code", function()
    for _, bad in ipairs { "abc", 503.5, {}, true } do
      assert.error_matches(function() return hs.to_grpc(bad) end, "bad argument #1 to 'to_grpc'", nil, true)
    end
  end)
end)

describe("from_grpc()", function()
  it("gives google.rpc.Code's HTTP code for every status, by number, header value or name", function()
    for n = 0, 16 do
      local name, http = GRPC[n][1], GRPC[n][2]
      assert.are.equal(http, hs.from_grpc(n), name)
      assert.are.equal(http, hs.from_grpc(n + 0.0), name)
      assert.are.equal(http, hs.from_grpc(tostring(n)), name)
      assert.are.equal(http, hs.from_grpc(name), name)
      assert.are.equal(http, hs.from_grpc(name:lower()), name)
    end
    assert.are.equal(503, hs.from_grpc("Unavailable"))
    assert.are.equal(200, hs.from_grpc("00"))
  end)

  it("is not the inverse of to_grpc: the two tables differ", function()
    assert.are.equal(404, hs.from_grpc("NOT_FOUND"))
    assert.are.equal(12, (hs.to_grpc(404)))        -- a 404 without grpc-status is UNIMPLEMENTED
    assert.are.equal(501, hs.from_grpc(12))
  end)

  it("says once that there is no value when called without one", function()
    assert.are.same({ nil, "unknown gRPC status: no value" }, { hs.from_grpc() })
    assert.are.same({ nil, "unknown gRPC status: (nil)" }, { hs.from_grpc(nil) })
  end)

  it("gives nil and a message for anything else, never raising", function()
    local cases = { 17, -1, 1.5, 0 / 0, math.huge, "17", "-1", " 14", "14 ", "1.0", "", "UNAVAILABLE ",
                    "unavailable\0", "NOTFOUND", "not-found", true, {}, print, ("9"):rep(1000) }
    for i = 1, #cases + 1 do
      local ok, v, err = pcall(hs.from_grpc, cases[i])
      assert.is_true(ok)
      assert.is_nil(v, tostring(cases[i]))
      assert.is_truthy(err:find("^unknown gRPC status: "), err)
    end
    assert.are.equal('unknown gRPC status: "NOTFOUND"', select(2, hs.from_grpc("NOTFOUND")))
  end)
end)

describe("span_status()", function()
  it("follows OpenTelemetry's HTTP conventions for every code, server and client", function()
    for code = -1, 1000 do
      local valid = code >= 100 and code <= 599
      local server = (not valid or code >= 500) and "error" or "unset"
      local client = (not valid or code >= 400) and "error" or "unset"
      assert.are.equal(server, hs.span_status(code, "server"), code)
      assert.are.equal(client, hs.span_status(code, "client"), code)
    end
  end)

  it("raises for another kind, or a value that is not a code", function()
    for _, kind in ipairs { "internal", "Server", "", 1, nil } do
      assert.error_matches(function() return hs.span_status(404, kind) end,
        "bad argument #2 to 'span_status' (kind must be \"server\" or \"client\")", nil, true)
    end
    assert.error_matches(function() return hs.span_status(404.5, "server") end, "bad argument #1", nil, true)
  end)
end)

describe("problem()", function()
  it("makes an RFC 9457 problem with the defaults", function()
    assert.are.same({ type = "about:blank", title = "Not Found", status = 404 }, hs.problem(404))
    assert.are.same({ type = "about:blank", title = "Too Many Requests", status = 429 }, hs.problem("429"))
    assert.are.same({ type = "about:blank", status = 299 }, hs.problem(299))  -- no phrase: no title
  end)

  it("copies every field over the defaults", function()
    local p = hs.problem(403, { type = "https://example.com/probs/out-of-credit",
                                title = "You do not have enough credit.",
                                detail = "Your balance is 30, but that costs 50.",
                                instance = "/account/12345/msgs/abc",
                                balance = 30, accounts = { "/account/12345", "/account/67890" } })
    assert.are.same({ type = "https://example.com/probs/out-of-credit", title = "You do not have enough credit.",
                      status = 403, detail = "Your balance is 30, but that costs 50.",
                      instance = "/account/12345/msgs/abc", balance = 30,
                      accounts = { "/account/12345", "/account/67890" } }, p)
  end)

  it("makes a fresh table each time and leaves the fields alone", function()
    local fields = { detail = "x" }
    local a, b = hs.problem(500, fields), hs.problem(500, fields)
    assert.are_not.equal(a, b)
    assert.are_not.equal(fields, a)
    a.detail = "changed"
    assert.are.equal("x", fields.detail)
    assert.are.same({ detail = "x" }, fields)
  end)

  it("copies raw fields: no metamethod of the fields runs", function()
    local fields = setmetatable({ detail = "d" }, { __index = function() error("touched") end,
                                                    __pairs = function() error("touched") end })
    assert.are.same({ type = "about:blank", title = "Conflict", status = 409, detail = "d" },
      hs.problem(409, fields))
  end)

  it("raises for an invalid code or fields that are not a table", function()
    for _, bad in ipairs { 99, 600, 0, "abc", 404.5 } do
      assert.error_matches(function() return hs.problem(bad) end, "bad argument #1 to 'problem'", nil, true)
    end
    for _, bad in ipairs { "x", 1, true, print } do
      assert.error_matches(function() return hs.problem(404, bad) end,
        "bad argument #2 to 'problem' (table of fields expected", nil, true)
    end
  end)
end)
