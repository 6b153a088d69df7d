#!/usr/bin/env python3
"""Crawls an OParl 1.1 server from its System as an outside client would and
checks it against the standard's own JSON Schemas (../shared/standards/oparl,
from the OParl/spec repository, CC BY-SA 4.0) with the `jsonschema` package.

    oparl_check.py URL [--schemas DIR] [--body SLUG ...] [--deleted PAPER_ID ...]

Checks: every object reachable from URL by following links validates, with
formats checked (url, date, date-time); every id answers with that very
object; every list paged with page sizes 1, 2 and 7 gives the same objects
in the same order, none twice; created/modified _since/_until filters
filter; each --deleted paper id answers with deleted: true and appears as a
tombstone in its list with modified_since. Prints a JSON summary (every id
seen) on stdout; exits 1 with every failure listed on stderr.
"""

import argparse
import copy
import datetime
import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

import jsonschema

failures = []


def fail(msg):
    failures.append(msg)


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, json.loads(r.read().decode("utf-8"))
    except urllib.error.HTTPError as e:
        body = e.read().decode("utf-8", "replace")
        try:
            return e.code, json.loads(body)
        except ValueError:
            return e.code, body


def load_schemas(folder):
    """OParl's files name embedded objects with a private "schema" key;
    turned into $ref so the validator resolves the other files."""
    raw = {}
    for name in os.listdir(folder):
        if name.endswith(".json"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                raw[name] = json.load(f)

    def refs(node):
        if isinstance(node, dict):
            if isinstance(node.get("schema"), str) and node.get("type") == "object":
                target = node["schema"]
                target = target if target.endswith(".json") else target + ".json"
                return {"$ref": target}
            return {k: refs(v) for k, v in node.items()}
        if isinstance(node, list):
            return [refs(v) for v in node]
        return node

    schemas = {name: refs(copy.deepcopy(s)) for name, s in raw.items()}
    store = {}
    for name, s in schemas.items():
        s["id"] = name
        store[name] = s
    return store


def checker():
    fc = jsonschema.FormatChecker()

    @fc.checks("url")
    def is_url(v):
        if not isinstance(v, str):
            return True
        p = urllib.parse.urlparse(v)
        return p.scheme in ("http", "https") and bool(p.netloc) and " " not in v

    @fc.checks("date-time")
    def is_datetime(v):
        if not isinstance(v, str):
            return True
        if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", v):
            return False
        datetime.datetime.fromisoformat(v.replace("Z", "+00:00"))
        return True

    @fc.checks("date", raises=ValueError)
    def is_date(v):
        if not isinstance(v, str):
            return True
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", v):
            return False
        datetime.date.fromisoformat(v)
        return True

    return fc


class Crawl:
    def __init__(self, schemas):
        self.schemas = schemas
        self.formats = checker()
        self.seen = {}  # id -> object as met (top level or embedded)
        self.lists = {}  # list url -> [ids]

    def validate(self, obj, where):
        t = obj.get("type", "") if isinstance(obj, dict) else ""
        m = re.fullmatch(r"https://schema\.oparl\.org/1\.1/(\w+)", t)
        if not m or m.group(1) + ".json" not in self.schemas:
            fail(f"{where}: unknown type {t!r}")
            return
        name = m.group(1) + ".json"
        resolver = jsonschema.RefResolver(base_uri=name, referrer=self.schemas[name], store=self.schemas)
        v = jsonschema.Draft4Validator(self.schemas[name], resolver=resolver, format_checker=self.formats)
        for e in v.iter_errors(obj):
            fail(f"{where}: {name}: {'/'.join(map(str, e.path))}: {e.message}")
        self.note(obj, where)

    def note(self, obj, where):
        """Remembers every object with an id, embedded ones too."""
        if isinstance(obj, dict):
            if "id" in obj and "type" in obj:
                self.seen.setdefault(obj["id"], obj)
            for k, v in obj.items():
                if k != "id":
                    self.note(v, where)
        elif isinstance(obj, list):
            for v in obj:
                self.note(v, where)

    def walk_list(self, url, size=None, extra=None):
        """Every object of a list by following links.next: (objects, pages)."""
        q = dict(extra or {})
        if size:
            q["page_size"] = str(size)
        nxt = url + ("?" + urllib.parse.urlencode(q) if q else "")
        out, pages = [], 0
        while nxt:
            status, page = get(nxt)
            if status != 200:
                fail(f"{nxt}: HTTP {status} {page}")
                break
            pages += 1
            if pages > 10000:
                fail(f"{url}: more than 10000 pages, links.next loops")
                break
            data = page.get("data")
            if not isinstance(data, list):
                fail(f"{nxt}: no data list")
                break
            if size and len(data) > size:
                fail(f"{nxt}: {len(data)} objects on a page of {size}")
            out.extend(data)
            nxt = page.get("links", {}).get("next")
        return out, pages


def times(objs, key):
    return sorted({o[key] for o in objs if key in o})


def check_list(c, url):
    objs, _ = c.walk_list(url)
    ids = [o.get("id") for o in objs]
    if len(ids) != len(set(ids)):
        fail(f"{url}: an object appears twice")
    for o in objs:
        c.validate(o, url)
    c.lists[url] = ids
    for size in (1, 2, 7):
        again, _ = c.walk_list(url, size)
        got = [o.get("id") for o in again]
        if got != ids:
            fail(f"{url}: page size {size} gives {len(got)} objects ({len(set(got))} distinct), not the {len(ids)} of one walk")
    # Each time filter, at a time between the first and the last.
    for key in ("created", "modified"):
        ts = times(objs, key)
        if len(ts) < 2:
            continue
        cut = ts[len(ts) // 2 - 1]
        for bound, keep in (("until", lambda t: t <= cut), ("since", lambda t: t >= cut)):
            got, _ = c.walk_list(url, 3, {f"{key}_{bound}": cut})
            want = [o["id"] for o in objs if keep(o[key])]
            have = [o["id"] for o in got if not o.get("deleted")]
            if have != want:
                fail(f"{url}?{key}_{bound}={cut}: {len(have)} objects, want {len(want)}")
    return objs


def check_deref(c):
    for oid, obj in sorted(c.seen.items()):
        status, got = get(oid)
        if status != 200:
            fail(f"{oid}: HTTP {status} on dereferencing")
            continue
        if got != obj:
            fail(f"{oid}: answers with a different object than the one met in a list")


URL_FIELDS = ("body", "system", "person", "organization", "membership", "meeting", "paper", "location",
              "oversyn:memberOf", "heldBy", "meetings", "accessUrl", "downloadUrl", "web")


def check_references(c):
    """Every URL an object points to answers (lists and objects alike)."""
    targets = set()

    def collect(o):
        if isinstance(o, dict):
            for k, v in o.items():
                # Extensions carry their own data (a route's "body" is a name).
                if k.startswith("oversyn:") and k != "oversyn:memberOf":
                    continue
                if k in URL_FIELDS:
                    for u in v if isinstance(v, list) else [v]:
                        if isinstance(u, str):
                            targets.add(u)
                collect(v)
        elif isinstance(o, list):
            for v in o:
                collect(v)

    for o in list(c.seen.values()):
        collect(o)
    for u in sorted(targets):
        if u in c.seen or u in c.lists:
            continue
        try:
            with urllib.request.urlopen(u, timeout=30) as r:
                if r.status != 200:
                    fail(f"{u}: HTTP {r.status}")
        except urllib.error.HTTPError as e:
            fail(f"{u}: referenced, but HTTP {e.code}")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("--schemas", default=os.path.join(here, "..", "..", "..", "shared", "standards", "oparl"))
    ap.add_argument("--body", action="append", default=[], help="crawl only these bodies' lists (slugs); all if none")
    ap.add_argument("--deleted", action="append", default=[], help="a deleted paper's id")
    a = ap.parse_args()
    c = Crawl(load_schemas(a.schemas))

    status, system = get(a.url)
    if status != 200:
        print(f"{a.url}: HTTP {status}", file=sys.stderr)
        return 1
    c.validate(system, a.url)
    bodies, _ = c.walk_list(system["body"])
    for size in (1, 2, 7):
        again, _ = c.walk_list(system["body"], size)
        if [b["id"] for b in again] != [b["id"] for b in bodies]:
            fail(f"{system['body']}: page size {size} gives other bodies")
    crawled = []
    for b in bodies:
        c.validate(b, system["body"])
        slug = b["id"].rstrip("/").rsplit("/", 1)[-1]
        if a.body and slug not in a.body:
            continue
        crawled.append(b["id"])
        for field in ("organization", "person", "membership", "meeting", "paper", "file", "locationList"):
            if field not in b:
                fail(f"{b['id']}: no {field} list")
                continue
            check_list(c, b[field])
    check_deref(c)
    check_references(c)

    for pid in a.deleted:
        status, obj = get(pid)
        if status != 200 or not isinstance(obj, dict) or obj.get("deleted") is not True or obj.get("id") != pid:
            fail(f"{pid}: a deleted paper should answer with its id and deleted: true, got HTTP {status} {obj}")
        else:
            c.validate(obj, pid)
        papers = pid.rsplit("/", 1)[0]
        got, _ = c.walk_list(papers, 2, {"modified_since": "2000-01-01"})
        if pid not in [o.get("id") for o in got if o.get("deleted") is True]:
            fail(f"{papers}?modified_since=2000-01-01: the deleted paper {pid} is not there as a tombstone")
        live, _ = c.walk_list(papers)
        if pid in [o.get("id") for o in live]:
            fail(f"{papers}: the deleted paper {pid} is still listed as live")

    print(json.dumps({"bodies": [b["id"] for b in bodies], "crawled": crawled,
                      "lists": c.lists, "objects": sorted(c.seen)}, indent=1))
    for f in failures:
        print("FAIL " + f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
