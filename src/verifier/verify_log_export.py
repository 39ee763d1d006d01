#!/usr/bin/env python3
"""Offline verifier of an aiact-ops log register export (NDJSON).

An auditor's independent check: it needs only Python 3 and this file, not the aiact-ops server.
It recomputes every event's SHA-256 from its canonical encoding (docs/log-register.md) and checks
the chain links, the sequence numbers and, optionally, the checkpoints the server recorded.

    python3 verify_log_export.py export.ndjson [--checkpoints checkpoints.json]

Prints the same JSON as GET /api/systems/{id}/logs/verify and exits 0 if the chain is valid,
1 if it is not, 2 if the input cannot be read.
"""
import argparse
import hashlib
import json
import sys
from decimal import Decimal

GENESIS = "0" * 64
MAX_NUMBER_DIGITS = 400
ENVELOPE_FIELDS = {"actor", "clientEventId", "modelVersion", "occurredAt", "payload", "prevHash",
                   "recordedAt", "seq", "systemId", "type"}
ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


class InvalidInput(Exception):
    pass


def canonical(value):
    """Keys in code point order, no whitespace, RFC 8785 strings, plain decimal numbers."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return string(value)
    if isinstance(value, (int, Decimal)):
        return number(value)
    if isinstance(value, list):
        return "[" + ",".join(canonical(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(string(k) + ":" + canonical(value[k]) for k in sorted(value)) + "}"
    raise InvalidInput("not a JSON value: %r" % (value,))


def string(text):
    out = ['"']
    for ch in text:
        if ch in ESCAPES:
            out.append(ESCAPES[ch])
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def number(value):
    d = Decimal(value)
    if not d.is_finite():
        raise InvalidInput("numbers must be finite")
    sign, digits, exponent = d.as_tuple()
    digits = list(digits)
    if all(x == 0 for x in digits):
        return "0"
    while digits[-1] == 0:
        digits.pop()
        exponent += 1
    if len(digits) > MAX_NUMBER_DIGITS or abs(exponent) > MAX_NUMBER_DIGITS:
        raise InvalidInput("number too long")
    text = "".join(str(x) for x in digits)
    if exponent >= 0:
        plain = text + "0" * exponent
    else:
        point = len(text) + exponent
        plain = text[:point] + "." + text[point:] if point > 0 else "0." + "0" * (-point) + text
    return ("-" if sign else "") + plain


def no_duplicate_keys(pairs):
    result = {}
    for key, value in pairs:
        if key in result:
            raise InvalidInput("duplicate key %r" % key)
        result[key] = value
    return result


def parse(line):
    return json.loads(line, parse_float=Decimal, parse_int=int, object_pairs_hook=no_duplicate_keys,
                      parse_constant=lambda c: (_ for _ in ()).throw(InvalidInput("not JSON: " + c)))


def verify(lines, checkpoints=()):
    checkpoints = {int(c["seq"]): c for c in checkpoints}
    checked = 0
    expected_seq = None
    expected_prev = None
    anchor_seq = 0
    last_hash = None
    for number_in_file, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            event = parse(line)
        except (ValueError, InvalidInput) as e:
            raise InvalidInput("line %d is not a JSON event: %s" % (number_in_file, e))
        if not isinstance(event, dict) or set(event) != ENVELOPE_FIELDS | {"hash"}:
            raise InvalidInput("line %d does not have the fields of an exported event" % number_in_file)
        seq = event["seq"]
        if expected_seq is None:
            # The export starts at the retention anchor: event 1 follows the genesis hash; a later
            # first event follows the hash of the last purged one, which only the server knows.
            anchor_seq = seq - 1
            expected_seq = seq
            expected_prev = GENESIS if seq == 1 else event["prevHash"]
        if seq != expected_seq:
            why = ("event %d is missing (the next stored event is %d)" % (expected_seq, seq)
                   if seq > expected_seq else "event %d appears out of order or twice" % seq)
            return result(False, checked, expected_seq - 1, last_hash, expected_seq, why, anchor_seq, checkpoints)
        if event["prevHash"] != expected_prev:
            return result(False, checked, seq - 1, last_hash, seq,
                          "prevHash does not match the hash of event %d" % (seq - 1), anchor_seq, checkpoints)
        stored = event.pop("hash")
        computed = hashlib.sha256(canonical(event).encode("utf-8")).hexdigest()
        if computed != stored:
            return result(False, checked, seq - 1, last_hash, seq,
                          "the hash does not match the event's content (altered after it was recorded)",
                          anchor_seq, checkpoints)
        checkpoint = checkpoints.get(seq)
        if checkpoint is not None and checkpoint["hash"] != stored:
            return result(False, checked, seq - 1, last_hash, seq,
                          "the hash differs from the checkpoint recorded at %s" % checkpoint.get("createdAt"),
                          anchor_seq, checkpoints)
        checked += 1
        expected_seq = seq + 1
        expected_prev = stored
        last_hash = stored
    last_seq = (expected_seq or 1) - 1
    beyond = sorted(s for s in checkpoints if s > last_seq)
    if beyond:
        c = checkpoints[beyond[0]]
        return result(False, checked, last_seq, last_hash, last_seq + 1,
                      "the checkpoint of %s recorded event %d, but the chain ends at %d (the tail was truncated)"
                      % (c.get("createdAt"), beyond[0], last_seq), anchor_seq, checkpoints)
    return result(True, checked, last_seq, last_hash, None, None, anchor_seq, checkpoints)


def result(valid, checked, head_seq, head_hash, first_invalid, reason, anchor_seq, checkpoints):
    return {"valid": valid, "eventsChecked": checked, "headSeq": head_seq, "headHash": head_hash,
            "firstInvalidSeq": first_invalid, "reason": reason, "anchorSeq": anchor_seq,
            "checkpointsChecked": sum(1 for s in checkpoints if anchor_seq < s <= head_seq)}


def main(argv):
    parser = argparse.ArgumentParser(description="Verify an aiact-ops log register export (NDJSON).")
    parser.add_argument("export", help="file from GET /api/systems/{id}/logs/export?format=ndjson")
    parser.add_argument("--checkpoints", help="file from GET /api/systems/{id}/logs/checkpoints (detects a cut tail)")
    args = parser.parse_args(argv)
    try:
        checkpoints = []
        if args.checkpoints:
            with open(args.checkpoints, encoding="utf-8") as f:
                checkpoints = json.load(f)
        with open(args.export, encoding="utf-8") as f:
            outcome = verify(f, checkpoints)
    except (OSError, ValueError, InvalidInput) as e:
        print(json.dumps({"error": str(e)}))
        return 2
    print(json.dumps(outcome))
    return 0 if outcome["valid"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
