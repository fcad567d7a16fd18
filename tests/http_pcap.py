"""tests/http_pcap.py FILE CODE...: writes a capture (pcap, Ethernet) of one
HTTP/1.1 exchange on port 80 for each CODE, each on a connection of its own
(handshake, request, response), for the tshark recipe of doc/hosts.md. A
503's response carries Retry-After: 120. The checksums are left zero (tshark
does not check them by default)."""
import struct
import sys


def packet(src_port, dst_port, seq, ack, flags, payload=b""):
    client = src_port != 80
    src_ip = bytes([127, 0, 0, 1])
    dst_ip = src_ip
    tcp = struct.pack("!HHIIBBHHH", src_port, dst_port, seq, ack, 5 << 4, flags, 65535, 0, 0)
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp) + len(payload), 1, 0, 64, 6, 0, src_ip, dst_ip)
    mac_a, mac_b = b"\x02\x00\x00\x00\x00\x01", b"\x02\x00\x00\x00\x00\x02"
    eth = (mac_b + mac_a if client else mac_a + mac_b) + b"\x08\x00"
    return eth + ip + tcp + payload


def main():
    out = open(sys.argv[1], "wb")
    out.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
    t = 1700000000
    for i, code in enumerate(sys.argv[2:]):
        port = 40000 + i
        body = ("status %s\n" % code).encode()
        extra = "Retry-After: 120\r\n" if code == "503" else ""
        request = b"GET /%d HTTP/1.1\r\nHost: example.test\r\n\r\n" % i
        response = ("HTTP/1.1 %s Whatever\r\nContent-Type: text/plain\r\n%sContent-Length: %d\r\n\r\n"
                    % (code, extra, len(body))).encode() + body
        frames = [
            packet(port, 80, 0, 0, 0x02),
            packet(80, port, 0, 1, 0x12),
            packet(port, 80, 1, 1, 0x10),
            packet(port, 80, 1, 1, 0x18, request),
            packet(80, port, 1, 1 + len(request), 0x18, response),
        ]
        for n, f in enumerate(frames):
            out.write(struct.pack("<IIII", t, i * 1000 + n, len(f), len(f)) + f)
        t += 1
    out.close()


main()
