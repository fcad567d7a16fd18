# tests/bodies.py: each body tests/bodies.lua wrote, read as a client would:
# strict UTF-8, then Python's json (a JSON body: an object with the RFC 9457
# members, status the code) or html.parser (an HTML body: exactly the
# elements and attributes of the page, none from a value, no script).
# Prints TAP: one test for the JSON bodies, one for the HTML ones.
import json
import sys
from html.parser import HTMLParser


class Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, tuple(attrs)))

    def handle_comment(self, data):
        self.tags.append(("<!--", ()))

    def handle_pi(self, data):
        self.tags.append(("<?", ()))


def page(case):
    want = [("html", (("lang", case["lang"]),)), ("head", ()), ("meta", (("charset", "utf-8"),)),
            ("meta", (("name", "viewport"), ("content", "width=device-width, initial-scale=1"))),
            ("title", ()), ("body", ()), ("h1", ())]
    if case["description"]:
        want.append(("p", ()))
    if case["detail"]:
        want.append(("p", ()))
    if case["instance"]:
        want += [("p", ()), ("code", ())]
    return want


counts = {"json": [0, 0], "html": [0, 0]}
first = {"json": None, "html": None}
for line in sys.stdin:
    case = json.loads(line)
    raw = bytes.fromhex(case["body"])
    why = None
    try:
        text = raw.decode("utf-8", errors="strict")
        if case["f"] == "json":
            obj = json.loads(text)
            if not isinstance(obj, dict) or obj.get("status") != case["code"]:
                why = "not a problem object with its status"
            elif list(obj)[:3] != ["type", "title", "status"] or ("detail" in obj) != case["detail"]:
                why = "members out of order, or detail missing"
        else:
            p = Tags()
            p.feed(text)
            p.close()
            if p.tags != page(case):
                why = "elements %r" % (p.tags,)
    except (UnicodeDecodeError, ValueError) as e:
        why = "%s: %s" % (type(e).__name__, e)
    c = counts[case["f"]]
    c[0] += 1
    if why:
        c[1] += 1
        if first[case["f"]] is None:
            first[case["f"]] = "%s\n#   body: %r" % (why, raw[:300])
n = 0
for f, what in (("json", "Python's json"), ("html", "Python's html.parser")):
    n += 1
    total, bad = counts[f]
    ok = bad == 0 and total >= 10000
    print("%s %d - %d %s bodies, with hostile details, read by %s: %d failed"
          % ("ok" if ok else "not ok", n, total, f.upper(), what, bad))
    if first[f]:
        print("#   the first: " + first[f])
print("1..%d" % n)
sys.exit(0 if counts["json"][1] == 0 and counts["html"][1] == 0 else 1)
