"""tests/status_server.py PORT: an HTTP/1.1 server on 127.0.0.1:PORT for the
host tests. GET /CODE answers that status with a short text body; 429 and
503 carry Retry-After: 120. GET /flaky (or /flaky/ANY, each path counted
on its own) answers 503 with Retry-After: 1 the first two times, then 200.
Anything else is 200. It serves until killed."""
import http.server
import sys

flaky = {}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        path = self.path.split("?")[0]
        headers = {}
        if path == "/flaky" or path.startswith("/flaky/"):
            flaky[path] = flaky.get(path, 0) + 1
            code = 503 if flaky[path] <= 2 else 200
            if code == 503:
                headers["Retry-After"] = "1"
        elif path[1:].isdigit():
            code = int(path[1:])
            if code in (429, 503):
                headers["Retry-After"] = "120"
        else:
            code = 200
        body = ("status %d\n" % code).encode()
        self.send_response(code)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
