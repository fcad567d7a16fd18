# tests/peers/peer_werkzeug.py (not werkzeug.py: that name would hide the package): werkzeug's answer (MIMEAccept, LanguageAccept
# best_match) to each case of tests/peers/cases.lua, one JSON value a line
# (null for none). Debian's python3-werkzeug.
import json
import sys
from werkzeug.datastructures import LanguageAccept, MIMEAccept
from werkzeug.http import parse_accept_header

for line in sys.stdin:
    case = json.loads(line)
    cls = MIMEAccept if case["k"] == "m" else LanguageAccept
    try:
        answer = parse_accept_header(case["v"], cls).best_match(case["o"])
    except Exception as e:  # a peer that raises is an answer too
        answer = "raised: " + type(e).__name__
    print(json.dumps(answer))
