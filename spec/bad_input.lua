-- The bad-input table: values that are not status codes, and what each
-- function taking a code must answer for them. Used by
-- spec/05-bad_input_spec.lua (busted) and tests/plain.lua (Lua 5.5, where
-- busted does not run).

-- functions whose first argument is a code; the value for "found nothing"
-- ("nil", "empty" for an empty table, or the value)
local lookups = {
  reason = "nil", describe = "nil", name = "nil", class = "nil", canonical = "nil",
  info = "nil", required_headers = "empty", is_valid = false, is_registered = false, is_informational = false,
  is_success = false, is_redirection = false, is_client_error = false,
  is_server_error = false, is_error = false, is_cacheable = false, is_empty = false,
  is_redirect = false, is_retryable = false,
}

-- whether r is what lookups[name] says a lookup that found nothing answers
local function found_nothing(nothing, r)
  if nothing == "nil" then return r == nil end
  if nothing == "empty" then return type(r) == "table" and next(r) == nil end
  return r == nothing
end

local function call(hs, name, v)
  if name == "redirect_method" then return hs.redirect_method(v, "GET") end
  return hs[name](v)
end

local not_codes = {
  { "nil", nil, "got nil" }, { "true", true, "got boolean" }, { "a table", {}, "got table" },
  { "a function", print, "got function" }, { "a coroutine", coroutine.create(function() end), "got thread" },
  { "404.5", 404.5, "must be an integer" }, { "-0.5", -0.5, "must be an integer" },
  { "NaN", 0 / 0, "got NaN" }, { "inf", math.huge, "infinity" }, { "-inf", -math.huge, "infinity" },
  { '"abc"', "abc", "not decimal digits" }, { '""', "", "not decimal digits" },
  { '"404.0"', "404.0", "not decimal digits" }, { '" 404"', " 404", "not decimal digits" },
  { '"0x194"', "0x194", "not decimal digits" }, { '"-404"', "-404", "not decimal digits" },
  { '"4\\0"', "4\0", "not decimal digits" }, { "1 MiB of x", ("x"):rep(2^20), "not decimal digits" },
  { "a table with __tostring", setmetatable({}, { __tostring = function() return "404" end }), "got table" },
}

-- integral values that are simply not codes: lookups find nothing
local out_of_range = { -1, 0, 99, 600, 1000, -0.0, 2^31, -2^31, 2^53, 2^53 + 1, 2^63, -2^63, 1e300,
                       "600", "99", "0", ("9"):rep(1000) }
if math.maxinteger then
  out_of_range[#out_of_range + 1] = math.maxinteger
  out_of_range[#out_of_range + 1] = math.mininteger
end

-- values of every type and hostile strings, for the functions that never
-- raise (nil is left out: callers add it)
local hostile = { true, {}, 0 / 0, math.huge, 404.5, -1, 2^63, "", ("\0"):rep(2^20),
                  ("HTTP/1.1 200 "):rep(1000), "\255\254\253", coroutine.create(function() end) }
for b = 0, 255 do hostile[#hostile + 1] = string.char(b) end
for b = 0, 255 do hostile[#hostile + 1] = "HTTP/1.1 200 " .. string.char(b) end

return { lookups = lookups, found_nothing = found_nothing, call = call, not_codes = not_codes,
         out_of_range = out_of_range, hostile = hostile }
