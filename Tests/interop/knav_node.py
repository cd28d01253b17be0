#!/usr/bin/env python3
"""A Klimatnav node written from Protocols/klimatnav-wire-v1.md alone, with pyzmq and the
standard library: the check that the spec is enough for another language, and that the hub
does what the spec says, against a live hub.

Usage:
  knav_node.py insecure ROUTER PUB DB   a hub started with the embedded playbook, no keys;
                                        DB is its database file (to make a commit fail)
  knav_node.py secure ROUTER KEYDIR     a CURVE hub; KEYDIR holds hub.pub, lund.key, lund.pub
                                        (lund authorized) and malmo.key, malmo.pub

Prints one line per check and exits non-zero on the first failure. Section numbers refer
to the spec.
"""
import json
import pathlib
import re
import sqlite3
import struct
import sys
import time

import zmq

SIGNATURE = b"KNAV\x01"  # frame 0: "KNAV" + version 1 (section 5)
TIMEOUT_MS = 15000
SCHEMAS = pathlib.Path(__file__).resolve().parent.parent.parent / "Protocols" / "schema"


class SchemaCheck:
    """Section 13: every body the hub sends validates against the JSON Schemas, when the
    `jsonschema` package is there (scripts/test.sh installs it)."""

    def __init__(self):
        self.validated = 0
        try:
            from jsonschema import Draft202012Validator
            from referencing import Registry, Resource
        except ImportError:
            self.validators = None
            return
        documents = [json.loads(path.read_text()) for path in SCHEMAS.rglob("*.schema.json")]
        registry = Registry().with_resources((d["$id"], Resource.from_contents(d)) for d in documents)
        self.validators = {}
        for folder in ("messages", "events"):
            for path in (SCHEMAS / folder).glob("*.schema.json"):
                name = path.name[: -len(".schema.json")]
                token = name if folder == "events" else name.upper()
                self.validators[token] = Draft202012Validator(json.loads(path.read_text()), registry=registry)

    def __call__(self, message_type, body):
        if self.validators is None:
            return
        errors = list(self.validators[message_type].iter_errors(body))
        if errors:
            check(False, f"{message_type} body validates against its schema: {errors[0].message} at {list(errors[0].absolute_path)}")
        self.validated += 1

    def report(self):
        if self.validators is None:
            print("schema: jsonschema not installed; bodies not validated")
        else:
            check(self.validated > 0, f"schema: {self.validated} bodies from the hub validate against Protocols/schema")


schemas = SchemaCheck()


def canonical(body):
    """Canonical JSON (section 4): sorted keys, no whitespace, UTF-8."""
    return json.dumps(body, separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode("utf-8")


def encode(message_type, sequence, body):
    """The four frames of section 5."""
    raw = body if isinstance(body, bytes) else canonical(body)
    return [SIGNATURE, message_type.encode("ascii"), struct.pack(">Q", sequence), raw]


def decode(frames):
    """A message from the hub: four frames (section 5), its body valid (section 13)."""
    if len(frames) != 4 or frames[0] != SIGNATURE or len(frames[2]) != 8:
        raise ValueError(f"not a KNAV/1 message: {frames!r}")
    message_type, body = frames[1].decode("ascii"), json.loads(frames[3].decode("utf-8"))
    schemas(message_type, body)
    return message_type, struct.unpack(">Q", frames[2])[0], body


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        sys.exit(1)


class Node:
    """One DEALER connection speaking for one party (section 3)."""

    def __init__(self, context, router, party, curve=None):
        self.party = party
        self.socket = context.socket(zmq.DEALER)
        self.socket.setsockopt(zmq.LINGER, 0)
        self.socket.setsockopt(zmq.RCVTIMEO, TIMEOUT_MS)
        self.socket.setsockopt(zmq.MAXMSGSIZE, 17 * 1024 * 1024)
        if curve:
            public, secret, server = curve
            self.socket.curve_publickey = public
            self.socket.curve_secretkey = secret
            self.socket.curve_serverkey = server
        self.socket.connect(router)
        self.next = None  # the next sender sequence (from WELCOME)
        self.last_sent = time.time()
        self.patience = TIMEOUT_MS / 1000  # seconds to wait for one answer

    def send_raw(self, frames):
        self.socket.send_multipart(frames)
        self.last_sent = time.time()

    def receive(self):
        """The next answer; HEARTBEATs may arrive at any time (section 9) and are skipped.
        While waiting, the node sends its own HEARTBEAT each second it has sent nothing
        (section 9), or the hub would declare it dead during a slow answer."""
        deadline = time.time() + self.patience
        while time.time() < deadline:
            if not self.socket.poll(200):
                self.keep_alive()
                continue
            reply = decode(self.socket.recv_multipart())
            if reply[0] != "HEARTBEAT":
                return reply
        raise TimeoutError(f"{self.party}: no answer from the hub")

    def keep_alive(self):
        """Sends a HEARTBEAT when the node has sent nothing for a second (section 9): a node
        that stays quiet longer than interval x liveness loses its session."""
        if self.next is not None and time.time() - self.last_sent >= 1.0:
            self.send_raw(encode("HEARTBEAT", self.next - 1, {}))

    def request(self, message_type, sequence, body):
        self.send_raw(encode(message_type, sequence, body))
        return self.receive()

    def raw(self, frames):
        self.send_raw(frames)
        return self.receive()

    def hello(self, party=None, software="python-interop/2"):
        kind, sequence, body = self.request("HELLO", 0, {"party": party or self.party, "software": software})
        if kind == "WELCOME":
            self.next = sequence
        return kind, sequence, body

    def expected(self):
        """The next sender sequence the hub expects, asked with a second HELLO (section 6.1)."""
        kind, sequence, _ = self.hello()
        assert kind == "WELCOME", kind
        return sequence

    def domain(self, event, body, sequence=None):
        """Sends a domain message with the next number (or `sequence`); returns the answer."""
        number = self.next if sequence is None else sequence
        return self.request(event, number, body)

    def close(self):
        self.socket.close()


def nack(reply, code, sequence=None, frame="any", path="any"):
    """Whether `reply` is NACK `code` for `sequence` with the given frame and path ("any":
    not checked, None: absent)."""
    kind, echoed, body = reply
    return (kind == "NACK" and body.get("code") == code and (sequence is None or echoed == sequence)
            and (frame == "any" or body.get("frame") == frame) and (path == "any" or body.get("path") == path)
            and isinstance(body.get("reason"), str))


def goal(party, name, **fields):
    body = {"id": f"{party}.{name}", "party": party, "orientation": "geographic", "area": "municipality",
            "basis": "unstated", "status": "adopted", "text": "klimatsmart (interop)", "textEn": "climate-smart (interop)", "word": "climate-smart",
            "targetYear": 2050}
    body.update(fields)
    return body


class Replica:
    """A subscriber's copy of the shared state (section 8): entities by key, gaps by id."""

    def __init__(self):
        self.entities = {}
        self.gaps = {}
        self.sequence = None

    @staticmethod
    def key(event, body):
        if event == "party":
            return "party:" + body["id"]
        if event in ("goal", "roadmap", "investment-area", "barrier.report", "policy-lab.open"):
            return event + ":" + body["id"]
        return event + ":" + canonical(body).decode()

    def load(self, sequence, snapshot):
        self.sequence = sequence
        self.entities = {self.key(e["event"], e["body"]): e["body"] for e in snapshot["events"]}
        self.gaps = {g["id"]: g for g in snapshot["gaps"]}

    def apply(self, kind, sequence, body):
        """Applies one DELTA or GAP; False if a sequence was missed (section 8, step 5)."""
        if sequence <= self.sequence:
            return True
        if sequence != self.sequence + 1:
            return False
        self.sequence = sequence
        if kind == "GAP":
            if body["change"] == "resolved":
                self.gaps.pop(body["gap"]["id"], None)
            else:
                self.gaps[body["gap"]["id"]] = body["gap"]
        elif body["event"] == "goal.withdraw":
            self.entities.pop("goal:" + body["body"]["goal"], None)
        else:
            self.entities[self.key(body["event"], body["body"])] = body["body"]
        return True


def drain(sub, replica, until_sequence, seconds=15):
    """Applies PUB messages to `replica` until it holds `until_sequence`."""
    poller = zmq.Poller()
    poller.register(sub, zmq.POLLIN)
    deadline = time.time() + seconds
    published = []
    while time.time() < deadline and replica.sequence < until_sequence:
        if not poller.poll(200):
            continue
        kind, sequence, body = decode(sub.recv_multipart())
        if kind in ("DELTA", "GAP"):
            published.append((kind, sequence, body))
            held = replica.sequence
            if not replica.apply(kind, sequence, body):
                check(False, f"PUB: {kind} {sequence} follows {held} without a hole")
    return published


def insecure(router, publisher, database):
    context = zmq.Context()
    sub = context.socket(zmq.SUB)
    sub.setsockopt(zmq.LINGER, 0)
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    sub.setsockopt(zmq.MAXMSGSIZE, 17 * 1024 * 1024)
    sub.connect(publisher)
    lund = Node(context, router, "lund")
    stuns = Node(context, router, "stuns")  # a regional hub (every party may ask klimatnav hub for snapshots)

    # 6.1: HELLO, WELCOME gives the next sequence.
    kind, first, body = lund.hello()
    check(kind == "WELCOME" and first >= 1 and "heartbeatIntervalMs" in body, f"HELLO -> WELCOME (next {first})")
    check(stuns.hello()[0] == "WELCOME", "regional hub HELLO -> WELCOME")

    # 7.4 and 8: the state a subscriber rebuilds from SNAPSHOT holds the roster and the
    # reference goals, at a state sequence above 0; PUB's HEARTBEAT carries the same number.
    time.sleep(0.3)  # let the SUB connection settle before anything is published
    kind, base, snapshot = stuns.request("SNAPSHOT-REQUEST", 0, {})
    check(kind == "SNAPSHOT" and base >= 1, f"SNAPSHOT at state sequence {base} (not 0: the roster was published)")
    parties = {e["body"]["id"]: e["body"] for e in snapshot["events"] if e["event"] == "party"}
    check({"lund", "malmo", "stuns", "viable-cities", "sweden", "eu"} <= parties.keys(), f"SNAPSHOT holds the roster ({len(parties)} parties)")
    goals = {e["body"]["id"] for e in snapshot["events"] if e["event"] == "goal"}
    check({"sweden.net-zero-2045", "eu.climate-neutral-2050"} <= goals, "SNAPSHOT holds the reference goals of Sweden and the EU")
    check(len(snapshot["gaps"]) > 0, f"SNAPSHOT holds the roster's open gaps ({len(snapshot['gaps'])})")
    replica = Replica()
    replica.load(base, snapshot)
    # 7.3 and 8: a reader that only subscribes learns from PUB's HEARTBEAT that the state is
    # not empty (sequence above 0), so it knows it missed the roster and must get a snapshot.
    beat = None
    deadline = time.time() + 10
    while beat is None and time.time() < deadline:
        lund.keep_alive()
        stuns.keep_alive()
        if sub.poll(200):
            kind, sequence, _ = decode(sub.recv_multipart())
            beat = sequence if kind == "HEARTBEAT" else None
    check(beat == base, f"PUB HEARTBEAT carries the state sequence {beat} = SNAPSHOT's {base}")
    # 6 and 8: frame 2 of SNAPSHOT-REQUEST is the state sequence the requester holds; one
    # above the hub's still gets the whole state.
    kind, again, _ = stuns.request("SNAPSHOT-REQUEST", base + 1000, {})
    check(kind == "SNAPSHOT" and again == base, "SNAPSHOT-REQUEST holding a later sequence -> the whole SNAPSHOT")

    # 6.2: a goal word with no number: acknowledged, and a definition gap is published.
    smart = goal("lund", "interop-smart")
    kind, echoed, body = lund.domain("goal", smart)
    check(kind == "ACK" and echoed == lund.next and body.get("stateSequence", 0) > base,
          f"goal #{lund.next} -> ACK (got {kind} #{echoed} {body}, SNAPSHOT at {base})")
    lund.next += 1
    # 7.2: the same number again is a duplicate: ACK again, not applied twice.
    kind, echoed, _ = lund.domain("goal", smart, sequence=lund.next - 1)
    check(kind == "ACK" and echoed == lund.next - 1, "duplicate -> ACK again")

    codec_errors(lund)
    session_errors(context, router, lund, stuns)
    registration(context, router, lund)
    state_errors(context, router, lund, stuns)

    # 6.6: gap evidence: each line that starts with a reference names something in the state.
    kind, now, snapshot = stuns.request("SNAPSHOT-REQUEST", replica.sequence, {})
    drain(sub, replica, now)
    check(replica.sequence == now, f"PUB carried every change up to the SNAPSHOT's {now}")
    mine = [g for g in snapshot["gaps"] if g["id"] == "definition-gap:lund.interop-smart:no-number"]
    check(len(mine) == 1 and mine[0]["evidence"][0] == "goal:lund.interop-smart", "GAP definition-gap: evidence starts goal:<id>")
    evidence(snapshot)
    # 8: the state rebuilt from SNAPSHOT + PUB equals the hub's (a second SNAPSHOT).
    fresh = Replica()
    fresh.load(now, snapshot)
    check(replica.entities == fresh.entities, f"SNAPSHOT + DELTAs = the hub's state ({len(fresh.entities)} entities)")
    check(replica.gaps == fresh.gaps, f"SNAPSHOT + GAPs = the hub's open gaps ({len(fresh.gaps)})")

    busy(lund, database)
    internal_error(context, router, lund, stuns)
    schemas.report()
    print("interop: ok")
    for node in (lund, stuns):
        node.close()
    sub.close()
    context.term()


def codec_errors(lund):
    """Section 10, codes 100-118, each against the live hub, with 5.3's frame and path, and
    7.2's rule on which refusals use up the sender's number."""
    s = lund.expected()
    body = goal("lund", "interop-codec")
    text = canonical(body)

    def frames(**change):
        f = encode("goal", s, body)
        for index, value in change.items():
            f[int(index[1:])] = value
        return f

    def refused(frames_, code, frame, path=None, sequence=None, uses=False, what=""):
        nonlocal s
        reply = lund.raw(frames_)
        check(nack(reply, code, sequence=s if sequence is None else sequence, frame=frame, path=path),
              f"{what or code} -> NACK {reply[2].get('code')} frame {reply[2].get('frame')} path {reply[2].get('path')}")
        after = lund.expected()
        check(after == (s + 1 if uses else s), f"  ... {'uses' if uses else 'does not use'} number {s} (next {after})")
        s = after

    refused(frames(f0=b"KNAX\x01"), "bad-signature", 0)
    refused(frames(f0=b"KNAV\x02"), "unsupported-version", 0)
    refused(frames()[:3], "missing-frame", 3, uses=True, what="3 frames")
    # Item 1 of issue 16: 5 frames get an answer; `frame` is left out (there is no frame 4).
    refused(frames() + [b"{}"], "extra-frame", None, uses=True, what="5 frames")
    refused(frames(f1=b"GOAL"), "unknown-type", 1)
    refused(frames(f2=b"\x00" * 7), "bad-header", 2, sequence=0)
    refused(frames(f1=b"x" * 33), "frame-too-large", 1, what="33-byte type")
    refused(frames(f3=b" " * 262145), "frame-too-large", 3, uses=True, what="262145-byte body")
    refused(frames(f3=text.replace(b"(interop)", b"(interop\xff)")), "bad-utf8", 3, uses=True)
    refused(frames(f3=b"\xef\xbb\xbf" + text), "bad-utf8", 3, uses=True, what="byte-order mark")
    refused(frames(f3=b'{"id":1,}'), "bad-json", 3, uses=True)
    refused(frames(f3=b"[]"), "wrong-type", 3, path="body", uses=True, what="array body")
    refused(frames(f3=canonical(dict(body, targetYear="2050"))), "wrong-type", 3, path="body.targetYear", uses=True)
    refused(frames(f3=canonical({k: v for k, v in body.items() if k != "id"})), "missing-field", 3, path="body.id", uses=True)
    refused(frames(f3=canonical(dict(body, targetyear=2050))), "unknown-field", 3, path="body.targetyear", uses=True)
    refused(frames(f3=canonical(dict(body, text="x" * 8193))), "field-too-large", 3, path="body.text", uses=True)
    refused(frames(f3=canonical(dict(body, id="lund." + "x" * 1020))), "field-too-large", 3, path="body.id", uses=True,
            what="goal id over 1024 bytes")
    refused(frames(f3=canonical(dict(body, party="Lund"))), "invalid-party-id", 3, path="body.party", uses=True)
    refused(frames(f3=canonical(dict(body, word="klimatsmart"))), "unknown-value", 3, path="body.word", uses=True)
    refused(frames(f3=canonical(dict(body, word="k" * 8000))), "unknown-value", 3, path="body.word", uses=True,
            what="unknown 8000-byte value (the reason quoting it stays sendable)")
    refused(frames(f3=canonical(dict(body, scopes=[1, 4]))), "invalid-value", 3, path="body.scopes[1]", uses=True)
    refused(frames(f3=text.replace(b'"targetYear":2050', b'"targetYear":18446744073709551616')), "invalid-value", 3,
            path="body.targetYear", uses=True, what="integer beyond 64 bits")
    refused(frames(f2=struct.pack(">Q", 0)), "invalid-value", 2, sequence=0, what="domain message numbered 0")
    # 5.3 before 7.2: a malformed body numbered ahead gets its codec error and uses no number.
    refused(frames(f2=struct.pack(">Q", s + 3), f3=b"{"), "bad-json", 3, sequence=s + 3, what="malformed body numbered ahead")
    # A HEARTBEAT or SNAPSHOT-REQUEST that is malformed uses no number even if frame 2 equals it.
    refused(encode("HEARTBEAT", s, b"[]"), "wrong-type", 3, path="body", what="malformed HEARTBEAT")
    lund.next = s


def session_errors(context, router, lund, stuns):
    """Section 10, codes 200-202, and HELLO's refusals (6.1)."""
    stranger = Node(context, router, "malmo")
    check(nack(stranger.request("goal", 1, goal("malmo", "early")), "no-session", 1), "goal before HELLO -> NACK no-session")
    check(nack(stranger.request("HEARTBEAT", 0, {}), "no-session", 0), "HEARTBEAT before HELLO -> NACK no-session")
    check(nack(stranger.request("SNAPSHOT-REQUEST", 0, {}), "no-session", 0), "SNAPSHOT-REQUEST before HELLO -> NACK no-session")
    check(nack(stranger.hello(party="nowhere"), "unknown-party", 0), "HELLO from a party not on the roster -> NACK unknown-party")
    check(nack(stranger.request("goal", 1, goal("malmo", "early")), "no-session", 1), "  ... then a goal -> NACK no-session")
    check(nack(stranger.hello(party="sweden"), "unknown-party", 0), "HELLO as a reference party (no node) -> NACK unknown-party")
    check(nack(stranger.hello(software=""), "invalid-value", 0, frame=3, path="body.software"), "HELLO with empty software -> NACK invalid-value")
    stranger.close()

    # 7.2: a gap in the numbering asks for a resend and uses no number.
    s = lund.next
    kind, echoed, body = lund.domain("goal", goal("lund", "later"), sequence=s + 5)
    check(kind == "NACK" and body.get("code") == "sequence-gap" and body.get("expectedSequence") == s,
          f"sequence gap -> NACK sequence-gap, expected {body.get('expectedSequence')}")
    check(lund.expected() == s, "  ... uses no number")

    # 11.2: speaking for another party is refused, and uses the number.
    check(nack(lund.domain("goal", goal("malmo", "forged")), "not-authorized", s), "forged goal -> NACK not-authorized")
    lund.next += 1
    # 11.3: `klimatnav hub` answers every party's SNAPSHOT-REQUEST (each long-lived node keeps a replica).
    kind, _, body = lund.request("SNAPSHOT-REQUEST", 0, {})
    check(kind == "SNAPSHOT" and len(body.get("events", [])) > 0, f"municipality SNAPSHOT-REQUEST -> SNAPSHOT ({kind})")

    # 6.1: a second connection for the same party takes the session over; the first one's
    # messages get no-session, not a silent duplicate.
    first = Node(context, router, "malmo")
    second = Node(context, router, "malmo")
    check(first.hello()[0] == "WELCOME" and second.hello()[0] == "WELCOME", "two connections as malmo: both WELCOME")
    check(nack(first.domain("goal", goal("malmo", "one")), "no-session"), "  ... the first one's goal -> NACK no-session")
    kind, echoed, _ = second.domain("goal", goal("malmo", "two"))
    check(kind == "ACK" and echoed == second.next, "  ... the second one's goal -> ACK")
    first.close()
    second.close()


def registration(context, router, lund):
    """Section 11.2's rule for `party`: the party itself or the coordinator; kind and level
    fixed; name and the rest free."""
    me = {"id": "lund", "kind": "municipality", "level": "local", "name": "Lunds kommun", "reportingPlatforms": []}
    kind, echoed, body = lund.domain("party", me)
    check(kind == "ACK", f"lund renames itself -> {kind} {body.get('code', '')}")
    lund.next += 1
    s = lund.next
    reply = lund.domain("party", dict(me, kind="agency"))
    check(nack(reply, "wrong-party-kind", s, frame=3, path="body.kind"), "lund registers itself as an agency -> NACK wrong-party-kind at body.kind")
    # 7.2: a resend of a refused number gets the first NACK again, frame and path included.
    check(lund.domain("party", dict(me, kind="agency")) == reply, "  ... resent: the same NACK, frame and path included")
    lund.next += 1
    check(nack(lund.domain("party", dict(me, level="national")), "wrong-party-kind", frame=3, path="body.level"),
          "lund registers itself at national level -> NACK wrong-party-kind at body.level")
    lund.next += 1
    check(nack(lund.domain("party", dict(me, id="malmo", name="Malmö")), "not-authorized"),
          "lund registers malmo -> NACK not-authorized")
    lund.next += 1

    coordinator = Node(context, router, "viable-cities")
    coordinator.hello()
    kind, _, _ = coordinator.domain("party", dict(me, id="malmo", name="Malmö stad"))
    check(kind == "ACK", "the coordinator renames malmo -> ACK")
    coordinator.next += 1
    kind, _, _ = coordinator.domain("party", dict(me, id="new-town", name="Ny kommun"))
    check(kind == "ACK", "the coordinator registers a party not on the roster -> ACK")
    coordinator.next += 1
    check(nack(coordinator.domain("party", dict(me, id="malmo", kind="agency", name="Malmö")), "wrong-party-kind", path="body.kind"),
          "the coordinator makes malmo an agency -> NACK wrong-party-kind")
    coordinator.next += 1
    newcomer = Node(context, router, "new-town")
    check(nack(newcomer.hello(), "unknown-party"), "  ... new-town is in the state, not on the roster: HELLO -> NACK unknown-party")
    newcomer.close()
    coordinator.close()


def state_errors(context, router, lund, stuns):
    """Section 10, codes 300-307, and invalid-value from the state."""
    check(nack(lund.domain("goal.withdraw", {"goal": "lund.nothing", "party": "lund"}), "unknown-goal"), "withdraw an unknown goal -> NACK unknown-goal")
    lund.next += 1
    check(nack(lund.domain("goal", goal("lund", "old", targetYear=1800)), "invalid-value"), "target year 1800 -> NACK invalid-value (state)")
    lund.next += 1
    malmo = Node(context, router, "malmo")
    malmo.hello()
    check(nack(malmo.domain("goal", goal("malmo", "x", id="lund.interop-smart")), "duplicate-id"),
          "malmo uses lund's goal id -> NACK duplicate-id")
    malmo.close()
    for party, event, body, code in [
        ("stuns", "membership.join", {"hub": "stuns", "member": "ghost-town"}, "unknown-party"),
        ("fossilfritt-sverige", "roadmap.milestone", {"roadmap": "no-such-roadmap", "milestone": {"year": 2030, "text": "x"}}, "unknown-roadmap"),
        ("energimyndigheten", "barrier.acknowledge", {"barrier": "no-such-barrier", "by": "energimyndigheten"}, "unknown-barrier"),
        ("viable-cities", "policy-lab.close", {"lab": "no-such-lab"}, "unknown-policy-lab"),
        # Section 17.2: a follow-up must name a gap the hub has published.
        ("viable-cities", "gap.followup", {"action": "comment", "by": "viable-cities", "gap": "no-such-gap", "text": "?"}, "unknown-gap"),
    ]:
        # (stuns keeps its one connection: a second HELLO would take its session over, 6.1.)
        node = stuns if party == "stuns" else Node(context, router, party)
        node.hello()
        check(nack(node.domain(event, body), code, node.next), f"{event} from {party} -> NACK {code}")
        if node is not stuns:
            node.close()


def evidence(snapshot):
    """6.6: a gap's evidence line that starts KIND:ID names something in the state."""
    ids = {"goal": set(), "roadmap": set(), "barrier": set(), "investment-area": set(), "policy-lab": set()}
    parties = set()
    names = {"goal": "goal", "roadmap": "roadmap", "barrier.report": "barrier", "investment-area": "investment-area", "policy-lab.open": "policy-lab"}
    for e in snapshot["events"]:
        if e["event"] in names:
            ids[names[e["event"]]].add(e["body"]["id"])
        if e["event"] == "party":
            parties.add(e["body"]["id"])
    pattern = re.compile(r"^(goal|roadmap|barrier|investment-area|policy-lab|commitment):([^ ]+)")
    references = 0
    for gap in snapshot["gaps"]:
        for line in gap["evidence"]:
            match = pattern.match(line)
            if not match:
                continue
            references += 1
            kind, ident = match.groups()
            known = ident.split("/")[0] in parties if kind == "commitment" else ident in ids[kind]
            if not known:
                check(False, f"evidence '{line[:60]}' of {gap['id']} names a known {kind}")
    check(references > 0, f"gap evidence: {references} KIND:ID references, each naming something in the SNAPSHOT")


def busy(lund, database):
    """Section 10, code 400: a commit that cannot happen (another process holds the database's
    write lock) is answered busy and uses no number; the resend is acknowledged."""
    blocker = sqlite3.connect(database, isolation_level=None, timeout=30)
    blocker.execute("BEGIN IMMEDIATE")
    s = lund.next
    reply = lund.domain("goal", goal("lund", "while-locked"))
    blocker.execute("ROLLBACK")
    blocker.close()
    check(nack(reply, "busy", s), "goal while the database is locked -> NACK busy")
    deadline = time.time() + 30
    while True:  # the hub rebuilds its ledger after the failed commit; busy until then
        kind, echoed, body = lund.domain("goal", goal("lund", "while-locked"))
        if kind != "NACK" or body.get("code") != "busy" or time.time() > deadline:
            break
        time.sleep(0.5)
    check(kind == "ACK" and echoed == s, f"  ... resent after the lock -> {kind} {body.get('code', '')} (the number was not used)")
    lund.next += 1


def internal_error(context, router, lund, stuns):
    """Section 10, code 401: a state too large for one SNAPSHOT (16 MiB, section 12) gets an
    answer: NACK internal-error, not silence."""
    pad = "å" * 4096  # 8192 bytes of UTF-8
    s = lund.next
    count = 480  # with their gaps, over 16 MiB of SNAPSHOT
    lund.patience = stuns.patience = 120  # a debug-built hub takes its time over 17 MB
    started = time.time()
    for i in range(count):
        lund.send_raw(encode("goal", s + i, goal("lund", f"big-{i:04d}-" + "x" * 1000, text=pad, textEn=pad, areaName=pad)))
    acked = 0
    for _ in range(count):
        kind, _, _ = lund.receive()
        acked += kind == "ACK"
    check(acked == count, f"{count} goals of about 17 KiB each -> {acked} ACKs ({time.time() - started:.0f} s)")
    lund.next += count
    kind, sequence, body = stuns.request("SNAPSHOT-REQUEST", 0, {})
    check(kind == "NACK" and body.get("code") == "internal-error" and sequence == 0,
          f"SNAPSHOT-REQUEST for a state over 16 MiB -> NACK {body.get('code')}")


def secure(router, keydir):
    """Section 11.1 over CURVE: HELLO must name the authenticated party."""
    def z85(path, field=None):
        text = open(path, encoding="utf-8").read()
        if field is None:
            return [line for line in text.splitlines() if line and not line.startswith("#")][-1].strip().encode()
        return re.search(field + r'\s*=\s*"([^"]+)"', text).group(1).encode()

    server = z85(f"{keydir}/hub.pub")
    keys = (z85(f"{keydir}/lund.key", "public-key"), z85(f"{keydir}/lund.key", "secret-key"), server)
    context = zmq.Context()
    lund = Node(context, router, "lund", curve=keys)
    check(nack(lund.hello(party="malmo"), "identity-mismatch", 0), "CURVE as lund, HELLO as malmo -> NACK identity-mismatch")
    check(nack(lund.request("goal", 1, goal("lund", "after-mismatch")), "no-session", 1), "  ... then a goal -> NACK no-session")
    check(lund.hello()[0] == "WELCOME", "  ... HELLO as lund -> WELCOME")
    kind, echoed, _ = lund.domain("goal", goal("lund", "secure"))
    check(kind == "ACK", "goal over CURVE -> ACK")
    lund.next += 1
    check(nack(lund.hello(party="malmo"), "identity-mismatch", 0), "in session, HELLO as malmo -> NACK identity-mismatch")
    check(nack(lund.domain("goal", goal("lund", "after")), "no-session"), "  ... ends the session: goal -> NACK no-session")
    lund.close()
    context.term()
    schemas.report()
    print("interop: ok")


if __name__ == "__main__":
    if sys.argv[1:2] == ["insecure"] and len(sys.argv) == 5:
        insecure(*sys.argv[2:5])
    elif sys.argv[1:2] == ["secure"] and len(sys.argv) == 4:
        secure(*sys.argv[2:4])
    else:
        sys.exit(__doc__)
