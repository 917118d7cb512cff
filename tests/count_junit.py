"""Parses a JUnit XML file with xml.etree and prints "<testcases> <failures>".

Usage: python3 tests/count_junit.py FILE (standard library only; run by
tests/report_formats.rs). Exits 1 when the XML is not well-formed or not JUnit-shaped.
"""

import sys
import xml.etree.ElementTree as ET


def main():
    try:
        root = ET.parse(sys.argv[1]).getroot()
    except ET.ParseError as e:
        print(f"not well-formed: {e}", file=sys.stderr)
        sys.exit(1)
    if root.tag != "testsuites" or root.find("testsuite") is None:
        print(f"unexpected root {root.tag}", file=sys.stderr)
        sys.exit(1)
    cases = root.findall("./testsuite/testcase")
    failures = [c for c in cases if c.find("failure") is not None]
    declared = int(root.find("testsuite").get("tests", "-1"))
    if declared != len(cases):
        print(f"tests={declared} but {len(cases)} testcases", file=sys.stderr)
        sys.exit(1)
    print(len(cases), len(failures))


if __name__ == "__main__":
    main()
