#!/usr/bin/env python3
"""Offline verifier of an aiact-ops log register export (NDJSON).

An auditor's independent check: it needs only Python 3 and this file, not the aiact-ops server.
It recomputes every event's SHA-256 from its canonical encoding (docs/log-register.md) and checks
the chain links, the sequence numbers and, optionally, the checkpoints the server recorded.

    python3 verify_log_export.py export.ndjson [--checkpoints checkpoints.json] [--jobs N]

Prints the same JSON as GET /api/systems/{id}/logs/verify and exits 0 if the chain is valid,
1 if it is not, 2 if the input cannot be read.
"""
import argparse
import hashlib
import json
import json.scanner
import os
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


def reject_constant(name):
    raise InvalidInput("not JSON: " + name)


def parse(line):
    return json.loads(line, parse_float=Decimal, parse_int=int, object_pairs_hook=no_duplicate_keys,
                      parse_constant=reject_constant)


class NotCanonical(Exception):
    pass


def plain_float(text):
    # Only a decimal the canonical form writes as it is, and that a float gives back as it is (checked below).
    if "e" in text or "E" in text or text[-1] == "0":
        raise NotCanonical()
    return float(text)


# The scanner itself (C), without decode()'s whitespace handling: a canonical line has none.
SCAN = json.scanner.make_scanner(json.JSONDecoder(parse_float=plain_float, parse_constant=reject_constant))
try:
    # The C encoder itself, without a check for cycles (parsed JSON has none): the canonical form's
    # order, separators and escapes, as json.dumps(sort_keys=True, separators=(",", ":"), ensure_ascii=False).
    from json.encoder import c_make_encoder, c_encode_basestring

    _ENCODE = c_make_encoder(None, None, c_encode_basestring, None, ":", ",", True, False, False)

    def encode_canonical(value):
        return "".join(_ENCODE(value, 0))
except ImportError:  # a Python without the C accelerator: slower, same text
    encode_canonical = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode
FIELDS_WITH_HASH = ENVELOPE_FIELDS | {"hash"}


def check(line):
    """One line: None if blank, else (seq, prevHash, stored hash, whether the hash matches the content).

    The fast path: a line the server wrote is its canonical envelope with the hash appended, so if
    the C-accelerated json module reads it and writes it back byte for byte in canonical form, the
    line is canonical and its own bytes are hashed. Anything else (other spacing, escapes, duplicate
    keys, exponents, numbers a float cannot hold) is re-encoded by canonical() as before.
    """
    body = line[:-1] if line.endswith("\n") else line
    if not body.strip():
        return None
    try:
        event, end = SCAN(body, 0)
        if end == len(body) and type(event) is dict and event.keys() == FIELDS_WITH_HASH and type(event["hash"]) is str:
            stored = event.pop("hash")
            text = encode_canonical(event)
            if body == text[:-1] + ',"hash":"' + stored + '"}':
                computed = hashlib.sha256(text.encode("utf-8")).hexdigest()
                return event["seq"], event["prevHash"], stored, computed == stored
    except (ValueError, StopIteration, InvalidInput, NotCanonical):
        pass  # the general path below decides, and words any error
    try:
        event = parse(line)
    except (ValueError, InvalidInput) as e:
        raise InvalidInput("is not a JSON event: %s" % e)
    if not isinstance(event, dict) or set(event) != FIELDS_WITH_HASH:
        raise InvalidInput("does not have the fields of an exported event")
    stored = event.pop("hash")
    computed = hashlib.sha256(canonical(event).encode("utf-8")).hexdigest()
    return event["seq"], event["prevHash"], stored, computed == stored


def check_all(lines):
    """check() of each line, in order; a line that cannot be read gives its InvalidInput instead."""
    out = []
    for line in lines:
        try:
            out.append(check(line))
        except InvalidInput as e:
            out.append(e)
    return out


def check_range(task):
    """check_all() of the lines in one byte range of the file: what each worker process does."""
    path, start, end = task
    with open(path, "rb") as f:
        f.seek(start)
        data = f.read(end - start)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return [InvalidInput("is not UTF-8: %s" % e)]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # as reading in text mode does
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return check_all(lines)


def ranges(path, parts):
    """About equal byte ranges of the file, each ending after a line break."""
    size = os.path.getsize(path)
    bounds = [0]
    with open(path, "rb") as f:
        for i in range(1, parts):
            f.seek(max(size * i // parts, bounds[-1]))
            f.readline()
            bounds.append(min(f.tell(), size))
    bounds.append(size)
    return [(path, a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def checked_lines(path, jobs):
    """The checked lines of a file in order, hashed by `jobs` processes in parallel."""
    tasks = ranges(path, jobs * 8 if jobs > 1 else 1)
    if jobs <= 1:
        for task in tasks:
            yield from check_range(task)
        return
    import multiprocessing
    with multiprocessing.Pool(jobs) as pool:
        for checked in pool.imap(check_range, tasks):
            yield from checked


def verify(lines, checkpoints=()):
    """The answer for an export given as lines of text."""
    return verify_checked(check_all(lines), checkpoints)


def verify_checked(checked_lines, checkpoints=()):
    checkpoints = {int(c["seq"]): c for c in checkpoints}
    checked = 0
    expected_seq = None
    expected_prev = None
    anchor_seq = 0
    last_hash = None
    for number_in_file, line in enumerate(checked_lines, start=1):
        if line is None:
            continue
        if isinstance(line, InvalidInput):
            raise InvalidInput("line %d %s" % (number_in_file, line))
        seq, prev_hash, stored, hash_matches = line
        if expected_seq is None:
            # The export starts at the retention anchor: event 1 follows the genesis hash; a later
            # first event follows the hash of the last purged one, which only the server knows.
            anchor_seq = seq - 1
            expected_seq = seq
            expected_prev = GENESIS if seq == 1 else prev_hash
        if seq != expected_seq:
            why = ("event %d is missing (the next stored event is %d)" % (expected_seq, seq)
                   if seq > expected_seq else "event %d appears out of order or twice" % seq)
            return result(False, checked, expected_seq - 1, last_hash, expected_seq, why, anchor_seq, checkpoints)
        if prev_hash != expected_prev:
            return result(False, checked, seq - 1, last_hash, seq,
                          "prevHash does not match the hash of event %d" % (seq - 1), anchor_seq, checkpoints)
        if not hash_matches:
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
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="processes that hash in parallel (default: one per CPU)")
    args = parser.parse_args(argv)
    try:
        checkpoints = []
        if args.checkpoints:
            with open(args.checkpoints, encoding="utf-8") as f:
                checkpoints = json.load(f)
        outcome = verify_checked(checked_lines(args.export, max(1, args.jobs)), checkpoints)
    except (OSError, ValueError, InvalidInput) as e:
        print(json.dumps({"error": str(e)}))
        return 2
    print(json.dumps(outcome))
    return 0 if outcome["valid"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
