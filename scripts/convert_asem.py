#!/usr/bin/env python3
"""Convert COINr's ASEM example into the workbench's interchange files.

Reads (from the shared data folder, ``../shared/data/asem`` relative to the
repository root unless told otherwise):

    ASEM_iData.csv     one row per country, one column per indicator
    ASEM_iMeta.csv     the indicator tree (Parent), weights and directions
    coinr_results.csv  COINr 1.1.14's aggregates and ranks

and writes into ``src/test/resources/asem/``:

    asem.scheme.json    a sanlian-scheme/1 scheme: ARITHMETIC, every leaf MIN_MAX
                        0..100, comparison ALL, missing REWEIGHT, zones =
                        EurAsia_group, tree Index -> Sub-index -> Pillar -> Indicator
    asem.data.csv       period,unit,code,value,note (period 2018), the values copied
                        as text from the source; NA or empty becomes an empty value
    coinr_expected.csv  a byte-for-byte copy of coinr_results.csv

Standard library only, deterministic (the same files on every run).

Usage:
    python3 scripts/convert_asem.py [SOURCE_DIR] [--data F] [--meta F]
                                    [--results F] [--out DIR]
"""

import argparse
import csv
import json
import os
import re
import shutil
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SOURCE = os.path.normpath(os.path.join(REPO_ROOT, "..", "shared", "data", "asem"))
DEFAULT_OUT = os.path.join(REPO_ROOT, "src", "test", "resources", "asem")

PERIOD = "2018"
ZONE_COLUMN = "EurAsia_group"
NUMBER = re.compile(r"[+-]?\d+(\.\d+)?([eE][+-]?\d+)?")
MISSING = {"", "NA"}


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def fail(message):
    sys.exit("convert_asem: " + message)


def weight_of(text, where):
    """Weights are written as integers when integral (1, not 1.0)."""
    try:
        value = float(text)
    except ValueError:
        fail("%s: weight %r is not a number" % (where, text))
    if value <= 0:
        fail("%s: weight %r must be > 0" % (where, text))
    return int(value) if value == int(value) else value


def build_tree(meta):
    rows = [r for r in meta if r["Type"] in ("Indicator", "Aggregate")]
    by_code = {}
    for r in rows:
        if r["iCode"] in by_code:
            fail("duplicate iCode %s in metadata" % r["iCode"])
        by_code[r["iCode"]] = r
    roots = [r for r in rows if r["Parent"] in MISSING]
    if len(roots) != 1:
        fail("expected one root in the metadata, found %d" % len(roots))
    for r in rows:
        if r["Parent"] not in MISSING and r["Parent"] not in by_code:
            fail("%s: unknown parent %s" % (r["iCode"], r["Parent"]))

    def node(r):
        code = r["iCode"]
        children = [c for c in rows if c["Parent"] == code]  # metadata order
        if r["Type"] == "Indicator":
            if children:
                fail("indicator %s has children" % code)
            direction = {"1": "POSITIVE", "-1": "NEGATIVE"}.get(r["Direction"].strip())
            if direction is None:
                fail("%s: direction %r is not 1 or -1" % (code, r["Direction"]))
            leaf = {"code": code, "name": r["iName"]}
            if r["Unit"] not in MISSING:
                leaf["unit"] = r["Unit"]
            leaf["weight"] = weight_of(r["Weight"], code)
            leaf["direction"] = direction
            leaf["missing"] = "REWEIGHT"
            leaf["rule"] = {"method": "MIN_MAX", "low": 0, "high": 100}
            return leaf
        if not children:
            fail("aggregate %s has no children" % code)
        return {"code": code, "name": r["iName"],
                "weight": weight_of(r["Weight"], code),
                "children": [node(c) for c in children]}

    return [node(roots[0])]


def leaves(nodes):
    for n in nodes:
        if "children" in n:
            yield from leaves(n["children"])
        else:
            yield n


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("source", nargs="?", default=DEFAULT_SOURCE,
                    help="folder holding the three ASEM files (default %(default)s)")
    ap.add_argument("--data", help="ASEM_iData.csv (default SOURCE/ASEM_iData.csv)")
    ap.add_argument("--meta", help="ASEM_iMeta.csv (default SOURCE/ASEM_iMeta.csv)")
    ap.add_argument("--results", help="coinr_results.csv (default SOURCE/coinr_results.csv)")
    ap.add_argument("--out", default=DEFAULT_OUT, help="output folder (default %(default)s)")
    args = ap.parse_args()
    data_path = args.data or os.path.join(args.source, "ASEM_iData.csv")
    meta_path = args.meta or os.path.join(args.source, "ASEM_iMeta.csv")
    results_path = args.results or os.path.join(args.source, "coinr_results.csv")

    data = read_csv(data_path)
    meta = read_csv(meta_path)
    tree = build_tree(meta)
    indicator_codes = [leaf["code"] for leaf in leaves(tree)]

    # Units in the file's order; zones in order of first appearance.
    units, zones, seen = [], {}, set()
    for row in data:
        code = row["uCode"]
        if code in seen:
            fail("duplicate uCode %s" % code)
        seen.add(code)
        if row["Time"] != PERIOD:
            fail("%s: Time %r is not %s" % (code, row["Time"], PERIOD))
        units.append({"code": code, "name": row["uName"]})
        zones.setdefault(row[ZONE_COLUMN], []).append(code)
    for code in indicator_codes:
        if code not in data[0]:
            fail("indicator %s has no column in %s" % (code, data_path))

    scheme = {
        "format": "sanlian-scheme/1",
        "code": "ASEM-2018",
        "name": "ASEM Sustainable Connectivity 2018 (COINr example)",
        "periodKind": "YEAR",
        "aggregation": "ARITHMETIC",
        "comparison": "ALL",
        "decimals": 9,
        "units": units,
        "zones": [{"code": z, "name": z, "units": us} for z, us in zones.items()],
        "inputs": [],
        "derived": [],
        "tree": tree,
        "adjustments": [],
        "vetoes": [],
        "bottomRules": [],
    }

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "asem.scheme.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(scheme, ensure_ascii=False, indent=2))
        f.write("\n")

    with open(os.path.join(args.out, "asem.data.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["period", "unit", "code", "value", "note"])
        for row in data:
            for code in indicator_codes:
                text = row[code].strip()
                if text in MISSING:
                    text = ""
                elif not NUMBER.fullmatch(text):
                    fail("%s %s: %r is not a number" % (row["uCode"], code, text))
                w.writerow([PERIOD, row["uCode"], code, text, ""])

    shutil.copyfile(results_path, os.path.join(args.out, "coinr_expected.csv"))

    n_missing = sum(1 for row in data for c in indicator_codes if row[c].strip() in MISSING)
    print("wrote %s: %d units, %d zones, %d indicators, %d data rows (%d missing)" % (
        args.out, len(units), len(zones), len(indicator_codes),
        len(units) * len(indicator_codes), n_missing))


if __name__ == "__main__":
    main()
