"""Validates a SARIF file against the SARIF 2.1.0 JSON schema (draft-04).

Usage: python3 tests/validate_sarif.py SCHEMA SARIF
Exit status: 0 valid, 1 invalid (errors printed), 3 the jsonschema package is missing.
Run by tests/report_formats.rs; needs `pip install jsonschema`.
"""

import json
import sys

try:
    import jsonschema
except ImportError:
    print("jsonschema is not installed (pip install jsonschema)", file=sys.stderr)
    sys.exit(3)


def main():
    schema_path, sarif_path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    with open(sarif_path, encoding="utf-8") as f:
        sarif = json.load(f)
    validator = jsonschema.Draft4Validator(schema)
    errors = sorted(validator.iter_errors(sarif), key=lambda e: list(e.absolute_path))
    for e in errors:
        path = "/".join(str(p) for p in e.absolute_path)
        print(f"{path}: {e.message}", file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
