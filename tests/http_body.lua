-- tests/http_body.lua: the body of the HTTP response read from standard
-- input (curl -i's output, or an errorfile), written out as it is.
local s = io.read("*a")
io.write(s:match("\r\n\r\n(.*)$") or "")
