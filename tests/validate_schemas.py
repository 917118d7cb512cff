"""Validates claimcheck's JSON outputs against the JSON Schemas in `schemas/` (draft-07).

Usage: python3 tests/validate_schemas.py SCHEMA_DIR SCHEMA FILE [--lines]
SCHEMA is a file name in SCHEMA_DIR (report.schema.json, finding.schema.json, ...); with
--lines every line of FILE is one instance and must carry `"version"`.
Exit status: 0 valid, 1 invalid (errors printed), 3 the jsonschema package is missing.
Run by tests/schemas.rs; needs `pip install jsonschema`.
"""

import json
import os
import sys
import warnings

try:
    import jsonschema
except ImportError:
    print("jsonschema is not installed (pip install jsonschema)", file=sys.stderr)
    sys.exit(3)


def main():
    schema_dir, name, path = sys.argv[1], sys.argv[2], sys.argv[3]
    lines = "--lines" in sys.argv[4:]
    store = {}
    for f in os.listdir(schema_dir):
        if f.endswith(".schema.json"):
            with open(os.path.join(schema_dir, f), encoding="utf-8") as fh:
                s = json.load(fh)
            jsonschema.Draft7Validator.check_schema(s)
            store[s["$id"]] = s
    schema = next(s for s in store.values() if s["$id"].endswith("/" + name))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        resolver = jsonschema.RefResolver.from_schema(schema, store=store)
        validator = jsonschema.Draft7Validator(schema, resolver=resolver)
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        instances = [json.loads(l) for l in text.splitlines() if l.strip()] if lines else [json.loads(text)]
        bad = 0
        for n, inst in enumerate(instances, 1):
            if lines and "version" not in inst:
                print(f"line {n}: no version", file=sys.stderr)
                bad += 1
            for e in validator.iter_errors(inst):
                where = "/".join(str(p) for p in e.absolute_path)
                print(f"instance {n}: {where}: {e.message}", file=sys.stderr)
                bad += 1
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
