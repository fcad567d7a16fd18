-- httpstatus.ngx: negotiated error responses in nginx (OpenResty), on
-- hs.error_response (doc/openresty.md, "Negotiated error pages").
--
--   location = /errors { internal; content_by_lua_block { require("httpstatus.ngx").error_page() } }
--   error_page 404 413 502 504 /errors;
--
--   access_by_lua_block { return require("httpstatus.ngx").exit(503, { detail = "..." }) }
--
-- Each reads Accept, Accept-Language and the method from the request, sets
-- the status and the header fields error_response gives (Vary merged with
-- what is set already), and sends the body (none for HEAD). A header field
-- the status requires (MUST) that opts.headers does not hold is logged at
-- ngx.WARN, once a request. It uses the C module, or the pure edition where
-- the C one cannot be loaded.
local ok, hs = pcall(require, "httpstatus")
if not ok then hs = require "httpstatus.pure" end

local ngx = ngx
local type, pairs, next = type, pairs, next
local concat, lower = table.concat, string.lower

local M = {}

-- opts with the request's field values and method, in a copy: the
-- caller's table is left as it is (opts that is not a table is given to
-- error_response as it is, to raise as it says)
local function request_opts(opts)
  if opts ~= nil and type(opts) ~= "table" then return opts end
  local o = {}
  if opts then
    for k, v in next, opts do o[k] = v end
  end
  local headers = ngx.req.get_headers()
  o.accept = headers["accept"]
  o.accept_language = headers["accept-language"]
  o.method = ngx.req.get_method()
  return o
end

-- the Vary already set, with the names of add that it lacks (names compare
-- ignoring case)
local function merged_vary(add)
  local have = ngx.header["Vary"]
  if have == nil then return add end
  if type(have) == "table" then have = concat(have, ", ") end
  local seen, out = {}, {}
  for name in (have .. "," .. add):gmatch("[^,%s]+") do
    if not seen[lower(name)] then
      seen[lower(name)] = true
      out[#out + 1] = name
    end
  end
  return concat(out, ", ")
end

-- sends the error response for code; the body is sent, not yet finished
local function send(code, opts)
  local body, headers, missing = hs.error_response(code, request_opts(opts))
  if missing and not ngx.ctx.httpstatus_warned then
    ngx.ctx.httpstatus_warned = true
    ngx.log(ngx.WARN, "httpstatus: a ", code, " response requires the header field ", concat(missing, ", "),
            " (RFC 9110): give it in opts.headers")
  end
  ngx.status = code
  for name, value in pairs(headers) do
    if name == "Vary" then value = merged_vary(value) end
    ngx.header[name] = value
  end
  if body ~= "" then ngx.print(body) end
end

-- In an error_page location: answers the status nginx is handling (its
-- own errors too: a static 404, a 413 from client_max_body_size, a 502 or
-- 504 from an upstream).
function M.error_page(opts)
  send(ngx.status, opts)
  return ngx.exit(ngx.HTTP_OK)
end

-- From the rewrite, access or content phase: answers code and ends the
-- request, as kong.response.error does.
function M.exit(code, opts)
  send(code, opts)
  return ngx.exit(ngx.HTTP_OK)
end

return M
