#!/usr/bin/env python3
"""Independent check that the converted ASEM files carry what COINr used.

Reads src/test/resources/asem/{asem.scheme.json, asem.data.csv,
coinr_expected.csv} (or the folder given as the first argument), then, with
nothing but the standard library:

  * normalises every indicator by min-max to 0..100 over all present values
    (POSITIVE: (x - min)/(max - min), NEGATIVE: (max - x)/(max - min));
  * aggregates each dimension as the weighted arithmetic mean of its children
    that have a score, the weights renormalised over those children;
  * compares every aggregate column of coinr_expected.csv (pillars, sub-indices,
    Index) with these numbers, and the rank columns with competition ranks
    (ties share the lowest rank number, as R's rank(ties.method = "min")),
    overall and within the zone.

Prints the largest absolute difference and exits 1 if it exceeds 1e-9 or a rank
differs. This is a check of the data, not of the Java engine.
"""

import csv
import json
import os
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DIR = os.path.join(REPO_ROOT, "src", "test", "resources", "asem")
TOLERANCE = 1e-9


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_DIR
    with open(os.path.join(folder, "asem.scheme.json"), encoding="utf-8") as f:
        scheme = json.load(f)
    values = {}  # (unit, code) -> float, present values only
    with open(os.path.join(folder, "asem.data.csv"), newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            if row["value"].strip():
                values[(row["unit"], row["code"])] = float(row["value"])
    with open(os.path.join(folder, "coinr_expected.csv"), newline="", encoding="utf-8") as f:
        expected = list(csv.DictReader(f))

    units = [u["code"] for u in scheme["units"]]
    zone_of = {u: z["code"] for z in scheme["zones"] for u in z["units"]}

    # Leaf scores.
    score = {}  # (unit, code) -> float; absent = no score
    inner = []  # inner node codes, depth first

    def normalise(leaf):
        code = leaf["code"]
        present = [values[(u, code)] for u in units if (u, code) in values]
        lo, hi = min(present), max(present)
        low, high = leaf["rule"].get("low", 0), leaf["rule"].get("high", 100)
        for u in units:
            if (u, code) not in values:
                continue
            x = values[(u, code)]
            if hi == lo:
                d = 1.0
            elif leaf["direction"] == "NEGATIVE":
                d = (hi - x) / (hi - lo)
            else:
                d = (x - lo) / (hi - lo)
            score[(u, code)] = low + (high - low) * d

    def aggregate(node):
        if "children" not in node:
            normalise(node)
            return
        inner.append(node["code"])
        for child in node["children"]:
            aggregate(child)
        for u in units:
            num = den = 0.0
            for child in node["children"]:
                s = score.get((u, child["code"]))
                if s is not None:
                    num += child["weight"] * s
                    den += child["weight"]
            if den > 0:
                score[(u, node["code"])] = num / den

    for top in scheme["tree"]:
        aggregate(top)

    worst, where = 0.0, None
    compared = 0
    for row in expected:
        u = row["uCode"]
        for code in inner:
            want = row[code]
            got = score.get((u, code))
            if want in ("", "NA") or got is None:
                if not (want in ("", "NA") and got is None):
                    print("presence differs: %s %s expected %r got %r" % (u, code, want, got))
                    worst, where = float("inf"), (u, code)
                continue
            diff = abs(float(want) - got)
            compared += 1
            if diff > worst:
                worst, where = diff, (u, code)

    # Ranks: competition ranking, descending, ties share the lowest number.
    def ranks(codes, key):
        return {u: 1 + sum(1 for v in codes if score[(v, key)] > score[(u, key)]) for u in codes}

    rank_errors = 0
    root = scheme["tree"][0]["code"]
    checks = [(root + "_rank", root, None)]
    checks += [(c + "_rank", c, None) for c in inner if c != root and c + "_rank" in expected[0]]
    zone_col = next((k for k in expected[0] if k.startswith(root + "_rank_in_")), None)
    if zone_col:
        checks.append((zone_col, root, "zone"))
    for col, key, scope in checks:
        if scope == "zone":
            got = {}
            for z in {zone_of[u] for u in units}:
                got.update(ranks([u for u in units if zone_of[u] == z], key))
        else:
            got = ranks(units, key)
        for row in expected:
            if int(row[col]) != got[row["uCode"]]:
                rank_errors += 1
                print("rank differs: %s %s expected %s got %d" % (row["uCode"], col, row[col], got[row["uCode"]]))

    print("compared %d aggregates of %d units (%s); largest difference %.3g at %s %s"
          % (compared, len(expected), ", ".join(inner), worst, where[0] if where else "-",
             where[1] if where else "-"))
    print("rank columns checked: %s; rank differences: %d" % (", ".join(c for c, _, _ in checks), rank_errors))
    ok = worst <= TOLERANCE and rank_errors == 0
    print("OK" if ok else "FAILED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
