-- httpstatus data: how HTTP status codes map to neighbouring protocols.
-- Every fact here comes from the document cited beside it, as checked for
-- this file in November 2026. tools/gen.lua turns this file into
-- src/core/hs_map_data.inc (and the pure edition's data); never edit those by hand.

-- gRPC status codes. Numbers and names: gRPC's "Status codes and their use
-- in gRPC" (grpc/grpc, doc/statuscodes.md) and google.rpc.Code
-- (googleapis, google/rpc/code.proto). `http`: the "HTTP Mapping" that
-- code.proto documents for each code.
local grpc = {
  { code = 0, name = "OK", http = 200 },
  { code = 1, name = "CANCELLED", http = 499 },
  { code = 2, name = "UNKNOWN", http = 500 },
  { code = 3, name = "INVALID_ARGUMENT", http = 400 },
  { code = 4, name = "DEADLINE_EXCEEDED", http = 504 },
  { code = 5, name = "NOT_FOUND", http = 404 },
  { code = 6, name = "ALREADY_EXISTS", http = 409 },
  { code = 7, name = "PERMISSION_DENIED", http = 403 },
  { code = 8, name = "RESOURCE_EXHAUSTED", http = 429 },
  { code = 9, name = "FAILED_PRECONDITION", http = 400 },
  { code = 10, name = "ABORTED", http = 409 },
  { code = 11, name = "OUT_OF_RANGE", http = 400 },
  { code = 12, name = "UNIMPLEMENTED", http = 501 },
  { code = 13, name = "INTERNAL", http = 500 },
  { code = 14, name = "UNAVAILABLE", http = 503 },
  { code = 15, name = "DATA_LOSS", http = 500 },
  { code = 16, name = "UNAUTHENTICATED", http = 401 },
}

-- gRPC's "HTTP to gRPC Status Code Mapping" (grpc/grpc,
-- doc/http-grpc-status-mapping.md): the gRPC status a client gives a
-- response that carried no grpc-status. Every code not listed maps to
-- `http_to_grpc_other`. 431 is in the document's current table, in the row
-- "431 Request Header Fields Too Large -> INTERNAL" (grpc-java's
-- GrpcUtil.httpStatusToGrpcStatus returns the same), since 1.1.1.
local http_to_grpc = {
  [400] = "INTERNAL",
  [431] = "INTERNAL",
  [401] = "UNAUTHENTICATED",
  [403] = "PERMISSION_DENIED",
  [404] = "UNIMPLEMENTED",
  [429] = "UNAVAILABLE",
  [502] = "UNAVAILABLE",
  [503] = "UNAVAILABLE",
  [504] = "UNAVAILABLE",
}
local http_to_grpc_other = "UNKNOWN"

-- OpenTelemetry semantic conventions for HTTP spans, "Status"
-- (opentelemetry.io/docs/specs/semconv/http/http-spans/#status): a span's
-- status is Error for the classes listed for its kind, and for a code that
-- is not a valid HTTP status; otherwise it is left unset.
local span_error_classes = {
  server = { 5 },     -- 4xx is the client's fault: left unset on the server's span
  client = { 4, 5 },
}

-- RFC 9457 (Problem Details for HTTP APIs), Section 4.2.1: with no `type`,
-- a problem is of type "about:blank", whose title is the status's phrase.
local problem_type = "about:blank"

return {
  grpc = grpc,
  http_to_grpc = http_to_grpc,
  http_to_grpc_other = http_to_grpc_other,
  span_error_classes = span_error_classes,
  problem_type = problem_type,
}
