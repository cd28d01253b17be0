#!/usr/bin/env python3
"""Validates message bodies against the KNAV/1 JSON Schemas.

Usage: check.py FILE.hex...   (one frame per line, as in Protocols/fixtures)
Needs the `jsonschema` package (4.18+). Exits 1 when a body does not validate.
"""
import json, pathlib, sys
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

here = pathlib.Path(__file__).resolve().parent
resources = []
for path in here.rglob("*.schema.json"):
    doc = json.loads(path.read_text())
    resources.append((doc["$id"], Resource.from_contents(doc)))
registry = Registry().with_resources(resources)

def schema_for(msg_type):
    folder = "events" if msg_type[0].islower() else "messages"
    name = msg_type if folder == "events" else msg_type.lower()
    return json.loads((here / folder / f"{name}.schema.json").read_text())

failed = 0
for file in sys.argv[1:]:
    frames = [bytes.fromhex(line) for line in pathlib.Path(file).read_text().splitlines()]
    msg_type, body = frames[1].decode("ascii"), json.loads(frames[3].decode("utf-8"))
    errors = list(Draft202012Validator(schema_for(msg_type), registry=registry).iter_errors(body))
    for error in errors:
        print(f"{file}: {msg_type}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
    failed += bool(errors)
print(f"{len(sys.argv) - 1 - failed} valid, {failed} invalid")
sys.exit(1 if failed else 0)
