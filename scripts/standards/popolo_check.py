#!/usr/bin/env python3
"""Validates Popolo JSON documents against the Popolo project's own JSON
Schemas (../shared/standards/popolo, draft 3, from popolo-project/popolo-spec)
with the `jsonschema` package, formats checked.

    popolo_check.py FILE... [--schemas DIR]

A document holds lists `organizations`, `persons`, `posts` and
`memberships`; each entry is validated against its class's schema. Prints
how many entries were checked; exits 1 with every failure on stderr.
"""

import argparse
import json
import os
import sys

import jsonschema

CLASSES = {"organizations": "organization", "persons": "person", "posts": "post", "memberships": "membership"}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--schemas", default=os.path.join(here, "..", "..", "..", "shared", "standards", "popolo"))
    a = ap.parse_args()
    store = {}
    for name in os.listdir(a.schemas):
        if name.endswith(".json"):
            with open(os.path.join(a.schemas, name), encoding="utf-8") as f:
                s = json.load(f)
            # The schemas refer to each other by their published address.
            for key in (s["id"], s["id"].rstrip("#")):
                store[key] = s
    failures, checked = [], 0
    fc = jsonschema.Draft3Validator.FORMAT_CHECKER
    for path in a.files:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        for key, cls in CLASSES.items():
            schema = store[f"http://www.popoloproject.com/schemas/{cls}.json#"]
            resolver = jsonschema.RefResolver.from_schema(schema, store=store)
            v = jsonschema.Draft3Validator(schema, resolver=resolver, format_checker=fc)
            for n, item in enumerate(doc.get(key, [])):
                checked += 1
                for e in v.iter_errors(item):
                    failures.append(f"{path}: {key}[{n}] ({item.get('id')}): {'/'.join(map(str, e.path))}: {e.message}")
        if not any(doc.get(k) for k in CLASSES):
            failures.append(f"{path}: no organizations, persons, posts or memberships")
    print(json.dumps({"checked": checked}))
    for f in failures:
        print("FAIL " + f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
