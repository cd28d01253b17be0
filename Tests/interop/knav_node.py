#!/usr/bin/env python3
"""A Klimatnav node written from Protocols/klimatnav-wire-v1.md alone, with pyzmq and the
standard library: the check that the spec is enough for another language.

Usage: knav_node.py ROUTER_ENDPOINT PUB_ENDPOINT PARTY OTHER_PARTY
Prints one line per check and exits non-zero on the first failure.
"""
import json
import struct
import sys
import time

import zmq

SIGNATURE = b"KNAV\x01"  # frame 0: "KNAV" + version 1 (section 5)


def encode(message_type, sequence, body):
    """The four frames of section 5; bodies as canonical JSON (section 4)."""
    text = json.dumps(body, separators=(",", ":"), sort_keys=True, ensure_ascii=False)
    return [SIGNATURE, message_type.encode("ascii"), struct.pack(">Q", sequence), text.encode("utf-8")]


def decode(frames):
    if len(frames) != 4 or frames[0] != SIGNATURE or len(frames[2]) != 8:
        raise ValueError(f"not a KNAV/1 message: {frames!r}")
    return frames[1].decode("ascii"), struct.unpack(">Q", frames[2])[0], json.loads(frames[3].decode("utf-8"))


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        sys.exit(1)


def main():
    router, publisher, party, other = sys.argv[1:5]
    context = zmq.Context()
    sub = context.socket(zmq.SUB)
    sub.setsockopt(zmq.LINGER, 0)
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    sub.connect(publisher)
    dealer = context.socket(zmq.DEALER)
    dealer.setsockopt(zmq.LINGER, 0)
    dealer.setsockopt(zmq.RCVTIMEO, 10000)
    dealer.connect(router)

    def request(message_type, sequence, body):
        dealer.send_multipart(encode(message_type, sequence, body))
        while True:
            reply = decode(dealer.recv_multipart())
            if reply[0] != "HEARTBEAT":  # heartbeats may arrive at any time (section 9)
                return reply

    # 6.1: HELLO, WELCOME gives the next sequence.
    kind, next_sequence, body = request("HELLO", 0, {"party": party, "software": "python-interop/1"})
    check(kind == "WELCOME" and next_sequence >= 1 and "heartbeatIntervalMs" in body, f"HELLO -> WELCOME (next {next_sequence})")
    sequence = next_sequence

    # 6.2: a goal word with no number: acknowledged, and a definition gap is published.
    goal = {"id": f"{party}.interop-smart", "party": party, "orientation": "geographic", "area": "municipality",
            "basis": "unstated", "status": "adopted", "text": "klimatsmart (interop)", "word": "climate-smart",
            "targetYear": 2050}
    kind, echoed, body = request("goal", sequence, goal)
    check(kind == "ACK" and echoed == sequence, f"goal #{sequence} -> ACK")
    sequence += 1

    # 7.2: the same number again is a duplicate: ACK again, not applied twice.
    kind, echoed, _ = request("goal", sequence - 1, goal)
    check(kind == "ACK" and echoed == sequence - 1, "duplicate -> ACK again")

    # 11: speaking for another party is refused.
    forged = dict(goal, id=f"{other}.interop-forged", party=other)
    kind, echoed, body = request("goal", sequence, forged)
    check(kind == "NACK" and body.get("code") == "not-authorized", f"forged goal -> NACK {body.get('code')}")
    sequence += 1

    # 4 and 10: a wrong type is refused with its path.
    bad = dict(goal, id=f"{party}.interop-bad", targetYear="2050")
    kind, echoed, body = request("goal", sequence, bad)
    check(kind == "NACK" and body.get("code") == "wrong-type" and body.get("path") == "body.targetYear",
          f"string year -> NACK {body.get('code')} at {body.get('path')}")
    sequence += 1

    # 7.2: a gap in the numbering asks for a resend.
    kind, echoed, body = request("goal", sequence + 5, dict(goal, id=f"{party}.interop-later"))
    check(kind == "NACK" and body.get("code") == "sequence-gap" and body.get("expectedSequence") == sequence,
          f"sequence gap -> NACK sequence-gap, expected {body.get('expectedSequence')}")

    # 8 and 6.6: the PUB socket carried our DELTA and the definition gap, numbered.
    poller = zmq.Poller()
    poller.register(sub, zmq.POLLIN)
    seen_delta = seen_gap = False
    deadline = time.time() + 10
    while time.time() < deadline and not (seen_delta and seen_gap):
        if not poller.poll(200):
            continue
        kind, state_sequence, body = decode(sub.recv_multipart())
        if kind == "DELTA" and body.get("event") == "goal" and body["body"]["id"] == goal["id"]:
            seen_delta = state_sequence >= 1 and body.get("by") == party
        if kind == "GAP" and body["gap"]["id"] == f"definition-gap:{goal['id']}:no-number":
            seen_gap = body["change"] == "opened"
    check(seen_delta, "PUB: DELTA for the goal")
    check(seen_gap, "PUB: GAP definition-gap opened")
    print("interop: ok")
    dealer.close()
    sub.close()
    context.term()


if __name__ == "__main__":
    main()
