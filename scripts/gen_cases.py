#!/usr/bin/env python3
"""Seeded generator of random, valid scoring test cases, and a differential comparer.

Generate (expected outputs come from scripts/reference_scorer.py):
  python3 scripts/gen_cases.py gen OUTDIR [--count 200] [--seed 1] [--safe] [--no-escape]
Each OUTDIR/case-NNN/ holds scheme.json, data.csv, targets.csv, period.txt (the period to score),
cmd.txt (the arguments), results.csv, detail.csv, bottom.csv (expected) and silent.txt: the
choices of reference_scorer.py (C1..C19, see its header) that the case depends on because
SCORING.md is silent there (empty: the case is fully determined by the spec). With --safe,
cases that touch any such choice are regenerated, so every difference is a real disagreement
with the spec.

Compare another implementation against the expected files (like shared/tools/check-example):
  python3 scripts/gen_cases.py compare OUTDIR [--bottom] [--skip-silent] -- java -jar target/sanlian-workbench.jar
Numbers to 1e-9 (relative above 1), names/ranks/flags/levels exactly (flags as a set).
"""
import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_scorer as ref  # noqa: E402

METHODS = ["TARGET_COMPLETION", "THRESHOLD", "EFFICACY", "MIN_MAX", "ZSCORE", "RANK_POINTS", "BREAK_ZERO",
           "CLEAR_ZERO"]
ZH = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"


def num(x):
    """JSON/CSV friendly number: ints stay ints, floats shortest repr."""
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        return int(x)
    return x


def sval(x):
    if x is None:
        return ""
    if isinstance(x, int) or (isinstance(x, float) and x.is_integer() and abs(x) < 1e15):
        return str(int(x))
    return repr(float(x))


class CaseGen:
    def __init__(self, rng):
        self.r = rng
        self.n_code = 0

    def code(self, prefix):
        self.n_code += 1
        return "%s%d" % (prefix, self.n_code)

    # ---------------------------------------------------------------- weights / params
    def weight(self):
        r = self.r
        k = r.random()
        if k < 0.6:
            return r.randint(1, 30)
        if k < 0.75:
            return r.randint(1, 20) + r.choice([0.5, 0.25, 0.75])
        if k < 0.9:
            return r.choice([1.005, 2.675, 0.125, 1.375, 4.125, 0.015, 2.345, 10.005])
        return round(r.uniform(0.5, 15), r.choice([1, 2, 3]))

    def rule(self, method, leaf, scale):
        r, P = self.r, {}
        opt = lambda: r.random() < 0.5
        geo = self.agg == "GEOMETRIC"
        if method == "TARGET_COMPLETION":
            if opt():
                P["cap"] = r.choice([1.0, 1.2, 1.5, 0.8, 1.1])
            if opt():
                P["zeroBelow"] = r.choice([0, 0.5, 0.6, 0.8, 0.3])
        elif method == "THRESHOLD":
            if opt() or geo:
                P["partial"] = r.choice([0, 0.5, 0.25, 0.3, 0.6, 0.125] if not geo else [0.5, 0.25, 0.3])
        elif method == "EFFICACY":
            if opt() or geo:
                P["base"] = r.choice([0.6, 0.5, 0.4, 0.7, 0.0, 0.35] if not geo else [0.6, 0.5, 0.4])
            if r.random() < 0.3:
                lo = round(scale * r.uniform(0, 0.5), 1)
                P["low"], P["high"] = lo, round(lo + scale * r.uniform(0.2, 1.2), 1)
        elif method == "MIN_MAX":
            if opt() or geo:
                P["low"], P["high"] = r.choice([(0, 100), (60, 100), (40, 90), (50, 100)] if not geo
                                               else [(60, 100), (40, 90), (1, 100)])
        elif method == "ZSCORE":
            if opt() or geo:
                P["mean"], P["sd"] = r.choice([(50, 10), (100, 15), (0, 1), (75, 12.5)] if not geo
                                              else [(100, 15), (75, 12.5), (100, 10)])
        elif method == "RANK_POINTS":
            if opt():
                P["step"] = r.choice([1, 2, 3, 0.5, 2.5, 0.125])
            if opt() or geo:
                P["floor"] = r.choice([0, 1, 2, 5, 0.5] if not geo else [1, 2, 0.5])
        elif method == "CLEAR_ZERO":
            if opt():
                P["perItem"] = r.choice([1, 2, 0.5, 0.25, 3, 1.5])
        return P

    # ---------------------------------------------------------------- tree
    def tree(self):
        r = self.r
        self.depth = r.randint(1, 4)
        self.leaves = []
        top = r.randint(1, 4 if self.depth > 1 else 6)
        return [self.node(1) for _ in range(top)]

    def node(self, level):
        r = self.r
        if level < self.depth and len(self.leaves) < 12 and (level == 1 or r.random() < 0.55):
            code = self.code("D")
            ch = [self.node(level + 1) for _ in range(r.randint(1, 3))]
            d = {"code": code, "name": "维度" + code[1:], "children": ch}
            if self.agg == "POINTS":
                ws = self.leaf_weights(d)
                total = 0.0
                for w in ws:
                    total += w
                if all((w * 64).is_integer() for w in ws) and r.random() < 0.5:
                    d["weight"] = num(total)
            else:
                d["weight"] = r.choice([1, 2, 3, 0.5, 1.5, 4, 0.25])
            return {k: d[k] for k in ("code", "name", "weight", "children") if k in d}
        return self.leaf()

    def leaf_weights(self, d):
        if "children" not in d:
            return [float(d["weight"])]
        out = []
        for c in d["children"]:
            out += self.leaf_weights(c)
        return out

    def leaf(self):
        r = self.r
        code = self.code("I")
        methods = [m for m in METHODS if not (m == "ZSCORE" and self.agg == "POINTS")]
        method = r.choice(methods)
        scale = r.choice([1.0, 10.0, 100.0, 5.0])
        L = {"code": code, "name": "指标" + code[1:]}
        if r.random() < 0.3:
            L["unit"] = r.choice(["%", "个", "家", "亿元"])
        L["weight"] = num(float(self.weight()))
        if r.random() < 0.7:
            L["direction"] = r.choice(["POSITIVE", "POSITIVE", "NEGATIVE"])
        if r.random() < 0.75:
            L["missing"] = r.choice(["ZERO", "REWEIGHT", "ZONE_MEAN"])
        rule = {"method": method}
        rule.update({k: num(float(v)) for k, v in self.rule(method, L, scale).items()})
        if method in ref.TARGET_METHODS:
            src = r.choice(["COMMITMENT", "COMMITMENT", "ZONE", "FIXED"])
            L["target"] = src
            if src == "FIXED":
                rule["target"] = num(round(scale * r.uniform(0.5, 1.5), 2))
        L["rule"] = rule
        if r.random() < 0.25:
            L["comparison"] = r.choice(["ALL", "ZONE"])
        meta = {"code": code, "method": method, "scale": scale, "js": L,
                "negative": L.get("direction") == "NEGATIVE"}
        self.leaves.append(meta)
        return L

    # ---------------------------------------------------------------- values
    def leaf_value(self, m, pool):
        """A raw value for a directly entered leaf."""
        r, s, meth = self.r, m["scale"], m["method"]
        if meth == "TARGET_COMPLETION":
            k = r.random()
            if k < 0.1:
                return r.choice([0, -1.5]) if m["negative"] else 0
            return round(s * r.choice([0.2, 0.45, 0.5, 0.8, 1.0, 1.0, 1.1, 1.25, 1.5, r.uniform(0.1, 1.6)]), 2)
        if meth == "THRESHOLD":
            return round(s * r.choice([0.8, 0.9, 1.0, 1.0, 1.1, 1.2]), 2)
        if meth in ("EFFICACY", "MIN_MAX", "ZSCORE"):
            return r.choice(pool)
        if meth == "RANK_POINTS":
            return r.randint(0, 6)
        if meth == "BREAK_ZERO":
            return r.choice([0, 0, 1, 2, 3, -1, 0.5])
        return r.choice([0, 0, 1, 2, 3, 4, 6, 0.5])

    def make(self):
        r = self.r
        self.n_code = 0
        kind = r.choice(["YEAR", "YEAR", "YEAR", "HALF", "QUARTER"])
        self.agg = agg = r.choice(["POINTS", "POINTS", "ARITHMETIC", "GEOMETRIC"])
        last = {"YEAR": "2025", "HALF": r.choice(["2025H1", "2025H2"]),
                "QUARTER": r.choice(["2025Q1", "2025Q2", "2025Q3", "2025Q4"])}[kind]
        periods = [last]
        for _ in range(r.choice([0, 1, 1, 2, 2, 3])):
            periods.insert(0, ref.prev_period(kind, periods[0]))
        data_periods = list(periods)
        if len(periods) >= 2 and r.random() < 0.15:
            data_periods.remove(periods[-2])  # a gap: no previous period -> no rank change, prev() missing

        n_units = r.randint(3, 9)
        units = ["U%02d" % (i + 1) for i in range(n_units)]
        unit_js = [{"code": u, "name": ZH[i % len(ZH)] + "县"} for i, u in enumerate(units)]
        nz = r.randint(1, min(3, n_units))
        shuffled = units[:]
        r.shuffle(shuffled)
        cuts = sorted(r.sample(range(1, n_units), nz - 1))
        groups = [shuffled[a:b] for a, b in zip([0] + cuts, cuts + [n_units])]
        zones = ["Z%d" % (i + 1) for i in range(nz)]
        zone_of = {}
        zone_js = []
        for z, g in zip(zones, groups):
            members = [u for u in units if u in g]
            for u in members:
                zone_of[u] = z
            zone_js.append({"code": z, "name": z + "类地区", "units": members})

        scheme = {"format": "sanlian-scheme/1", "code": "CASE", "name": "随机用例",
                  "periodKind": kind}
        if agg != "POINTS" or r.random() < 0.5:
            scheme["aggregation"] = agg
        if r.random() < 0.6:
            scheme["comparison"] = r.choice(["ALL", "ZONE"])
        if r.random() < 0.6:
            scheme["decimals"] = r.choice([2, 2, 1, 0, 3])
        scheme["units"] = unit_js
        scheme["zones"] = zone_js
        tree = self.tree()

        # value sources: direct, input with the leaf code, derived
        inputs, derived = [], []
        input_meta = {}  # code -> generator
        self.missing_rate = r.choice([0.0, 0.04, 0.1, 0.2])

        def new_input(prefix="X", code=None, positive=False, zero_p=0.0, integer=False):
            c = code or self.code(prefix)
            js = {"code": c, "name": "投入" + c}
            lo = 0 if positive or r.random() < 0.5 else None
            if lo is not None and r.random() < 0.6:
                js["min"] = 0
            if integer:
                js["integer"] = True
            if r.random() < 0.2:
                js["max"] = 100000
            inputs.append(js)
            base = r.choice([10.0, 100.0, 1000.0, 3.0])
            input_meta[c] = (base, zero_p, integer, "min" in js or positive)
            return c

        direct = []  # leaf codes entered directly
        leaf_codes = [m["code"] for m in self.leaves]
        prev_used = False
        for m in self.leaves:
            k = r.random()
            if k < 0.55:
                direct.append(m["code"])
                m["src"] = "direct"
            elif k < 0.65:
                new_input(code=m["code"], integer=m["method"] in ("RANK_POINTS", "CLEAR_ZERO") and r.random() < 0.5)
                m["src"] = "input"
            else:
                m["src"] = "derived"
                pat = r.choice(["ratio", "ratio2", "growth", "diff", "minmax", "abs", "neg", "chain", "leaf"])
                if pat == "leaf" and not [c for c in direct if c != m["code"]]:
                    pat = "ratio"
                if pat in ("ratio", "ratio2"):
                    a, b = new_input(), new_input(zero_p=0.1)
                    e = "%s / %s * 100" % (a, b) if pat == "ratio" else "%s / (%s * 1e4) * 100" % (a, b)
                elif pat == "growth":
                    a = new_input(zero_p=0.05)
                    e = "(%s - prev(%s)) / prev(%s) * 100" % (a, a, a)
                    prev_used = True
                elif pat == "diff":
                    a = new_input(integer=r.random() < 0.5)
                    e = "%s - prev(%s)" % (a, a)
                    prev_used = True
                elif pat == "minmax":
                    a, b = new_input(), new_input()
                    e = r.choice(["max(%s, %s) - min(%s, %s, 1.5e1)", "min(%s, %s) + max(%s, -%s, 0.5)"]) % (a, b, a, b)
                elif pat == "abs":
                    a, b = new_input(), new_input()
                    e = "abs(%s - %s) / 2" % (a, b)
                elif pat == "neg":
                    a = new_input()
                    e = "-%s + 2.5E3 - -1" % a
                elif pat == "chain":
                    a, b, c = new_input(), new_input(), new_input(zero_p=0.1)
                    mid = self.code("M")
                    derived.append({"code": mid, "expr": "%s + %s" % (a, b)})
                    e = "%s / %s" % (mid, c)
                else:
                    other = r.choice([c for c in direct if c != m["code"]])
                    b = new_input(zero_p=0.1)
                    e = "%s * 2 / %s" % (other, b)
                derived.append({"code": m["code"], "expr": e})
        # a derived using another derived leaf
        dleaves = [m["code"] for m in self.leaves if m["src"] == "derived"]
        if dleaves and r.random() < 0.2:
            pass  # chains are covered by "chain"; keep derived lists acyclic and short

        scheme["tree"] = tree
        if derived:
            scheme["derived"] = derived
        if inputs:
            scheme["inputs"] = inputs

        adjustments = []
        for _ in range(r.choice([0, 1, 2, 3])):
            adjustments.append({"code": self.code("A"), "name": "加减分", "kind": r.choice(["BONUS", "PENALTY"]),
                                "pointsEach": r.choice([0.5, 1, 2, 0.125, 0.25, 1.005, 0.3]),
                                "cap": r.choice([1, 2, 3, 0.5, 2.5])})
        if adjustments:
            scheme["adjustments"] = adjustments
        if r.random() < 0.5:
            scheme["bonusCap"] = r.choice([1, 2, 3, 5, 0.75])
        if r.random() < 0.4:
            scheme["penaltyCap"] = r.choice([1, 2, 1.5])
        vetoes = [{"code": self.code("V"), "name": "一票否决"} for _ in range(r.choice([0, 0, 1, 1, 2]))]
        if vetoes:
            scheme["vetoes"] = vetoes
        if r.random() < 0.4:
            pool = [d for d in self.dim_codes(tree)] + leaf_codes
            scheme["tieBreak"] = r.sample(pool, min(len(pool), r.choice([1, 1, 2])))
        rules = []
        if r.random() < 0.7:
            br = {"rule": "BOTTOM_N_PER_ZONE"}
            if r.random() < 0.5:
                br["n"] = r.choice([1, 2])
            rules.append(br)
        if r.random() < 0.5:
            rules.append({"rule": "BELOW_SCORE", "score": 0})  # set after a first scoring
        if r.random() < 0.5:
            rules.append({"rule": "VETO"})
        if r.random() < 0.35:
            rules.append({"rule": "DIMENSION_LAST"})
        if r.random() < 0.5:
            br = {"rule": "CONSECUTIVE"}
            if r.random() < 0.5:
                br["periods"] = r.choice([2, 3])
            rules.append(br)
        r.shuffle(rules)
        if rules:
            scheme["bottomRules"] = rules
        if r.random() < 0.2:
            scheme["sensitivity"] = {"draws": 100, "spread": 0.2, "seed": 7}

        # ---- data
        rows, trows = [], []
        pools = {m["code"]: [round(m["scale"] * r.uniform(0, 1.5), 1) for _ in range(r.randint(1, 6))]
                 for m in self.leaves}
        for p in data_periods:
            dead = set()  # (leaf, zone) entirely missing in this period
            for m in self.leaves:
                if self.missing_rate and r.random() < 0.1:
                    dead.add((m["code"], r.choice(zones)))
            for u in units:
                for c in direct:
                    m = next(x for x in self.leaves if x["code"] == c)
                    v = self.leaf_value(m, pools[c])
                    if (c, zone_of[u]) in dead or r.random() < self.missing_rate:
                        v = None
                    rows.append((p, u, c, v))
                for c, (base, zero_p, integer, nonneg) in input_meta.items():
                    if r.random() < zero_p:
                        v = 0
                    elif integer:
                        v = r.randint(0, 12)
                    else:
                        v = round(base * r.uniform(0.05, 1.5), r.choice([0, 1, 2]))
                        if not nonneg and r.random() < 0.1:
                            v = -v
                    if (c, zone_of[u]) in dead or r.random() < self.missing_rate:
                        v = None
                    rows.append((p, u, c, v))
                for a in adjustments:
                    v = r.choice([0, 0, 0, 1, 2, 3, 5])
                    if r.random() < 0.2:
                        v = None
                    rows.append((p, u, a["code"], v))
                for vt in vetoes:
                    v = r.choice([0] * 12 + [1, 2, 0.5])
                    if r.random() < 0.1:
                        v = None
                    rows.append((p, u, vt["code"], v))
            # targets
            for m in self.leaves:
                t = m["js"].get("target")
                if t == "COMMITMENT":
                    for u in units:
                        trows.append((p, u, m["code"], round(m["scale"] * r.uniform(0.5, 1.5), 2)))
                elif t == "ZONE":
                    for z in zones:
                        trows.append((p, z, m["code"], round(m["scale"] * r.uniform(0.5, 1.5), 2)))
        # absent rows instead of empty values, sometimes
        out_rows = []
        for row in rows:
            if row[3] is None and r.random() < 0.5:
                continue
            out_rows.append(row)
        if r.random() < 0.5:
            r.shuffle(out_rows)
        return scheme, out_rows, trows, last

    def retarget(self, scheme, raw):
        """Targets near the values actually seen (derived values have their own scale)."""
        r = self.r
        zone_units = {z["code"]: z["units"] for z in scheme["zones"]}
        trows = []

        def near(v, m):
            if v is None or v <= 0:
                v = m["scale"]
            t = round(v * r.choice([0.4, 0.8, 1.0, 1.0, 1.0, 1.25, 1.5, r.uniform(0.3, 1.7)]), 2)
            return t if t > 0 else round(m["scale"], 2)

        for p, rv in raw.items():
            for m in self.leaves:
                src = m["js"].get("target")
                vals = rv[m["code"]]
                if src == "COMMITMENT":
                    for u in vals:
                        trows.append((p, u, m["code"], near(vals[u], m)))
                elif src == "ZONE":
                    for z, us in zone_units.items():
                        pres = [vals[u] for u in us if vals[u] is not None]
                        trows.append((p, z, m["code"], near(sum(pres) / len(pres) if pres else None, m)))
        for m in self.leaves:
            if m["js"].get("target") == "FIXED":
                allv = sorted(v for rv in raw.values() for v in rv[m["code"]].values() if v is not None)
                m["js"]["rule"]["target"] = num(near(allv[len(allv) // 2] if allv else None, m))
        return trows

    def dim_codes(self, nodes):
        out = []
        for n in nodes:
            if "children" in n:
                out.append(n["code"])
                out += self.dim_codes(n["children"])
        return out


def write_case(folder, scheme, rows, trows):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "scheme.json"), "w", encoding="utf-8") as f:
        json.dump(scheme, f, ensure_ascii=False, indent=1)
        f.write("\n")
    with open(os.path.join(folder, "data.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["period", "unit", "code", "value", "note"])
        for p, u, c, v in rows:
            w.writerow([p, u, c, sval(v), ""])
    with open(os.path.join(folder, "targets.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["period", "unit", "code", "value"])
        for p, u, c, v in trows:
            w.writerow([p, u, c, sval(v)])


def engine_for(folder, period):
    with open(os.path.join(folder, "scheme.json"), encoding="utf-8") as f:
        scheme = ref.Scheme(json.load(f))
    data = ref.read_long_csv(os.path.join(folder, "data.csv"), scheme, False)
    targets = ref.read_long_csv(os.path.join(folder, "targets.csv"), scheme, True)
    return ref.Engine(scheme, data, targets)


def generate(args):
    rng = random.Random(args.seed)
    os.makedirs(args.outdir, exist_ok=True)
    made, tries = 0, 0
    stats = {}
    while made < args.count:
        tries += 1
        if tries > args.count * 200:
            sys.exit("too many rejected cases")
        g = CaseGen(random.Random(rng.getrandbits(64)))
        scheme, rows, trows, period = g.make()
        folder = os.path.join(args.outdir, "case-%03d" % (made + 1))
        write_case(folder, scheme, rows, trows)
        try:
            eng = engine_for(folder, period)
            raw = {q: eng.core(q).rawval for q in sorted(set(r[0] for r in rows))}
            trows = g.retarget(scheme, raw)
            write_case(folder, scheme, rows, trows)
            eng = engine_for(folder, period)
            R = eng.full(period)
            below = [br for br in scheme.get("bottomRules", []) if br["rule"] == "BELOW_SCORE"]
            if below:
                totals = sorted(float(R.rtotal[u]) for u in eng.s.units)
                k = g.r.randrange(len(totals))
                br = below[0]
                # exactly a rounded total (strictly below: that unit is not listed) or between two
                br["score"] = num(totals[k]) if g.r.random() < 0.5 else num(round(totals[k] + 0.37, 2))
                write_case(folder, scheme, rows, trows)
                eng = engine_for(folder, period)
                R = eng.full(period)
        except ref.UserError as e:
            if args.verbose:
                print("rejected:", e, file=sys.stderr)
            continue
        if args.safe and eng.silent:
            continue
        with open(os.path.join(folder, "period.txt"), "w") as f:
            f.write(period + "\n")
        with open(os.path.join(folder, "cmd.txt"), "w") as f:
            f.write("score --scheme scheme.json --data data.csv --targets targets.csv --period %s "
                    "--out results.csv --detail detail.csv\n" % period)
        ref.write_results(eng, R, os.path.join(folder, "results.csv"), os.path.join(folder, "detail.csv"))
        ref.write_bottom(eng, R, os.path.join(folder, "bottom.csv"), not args.no_escape)
        with open(os.path.join(folder, "silent.txt"), "w") as f:
            for t in sorted(eng.silent):
                f.write(t + "\n")
                stats[t] = stats.get(t, 0) + 1
        made += 1
    print("%d cases in %s (%d generated)" % (made, args.outdir, tries))
    for t in sorted(stats):
        print("  %-28s %d cases" % (t, stats[t]))


# ---------------------------------------------------------------------------------------------- compare

EXACT = {"name", "zone", "rank", "zoneRank", "rankChange", "bottom", "level", "veto", "flags", "rules",
         "weakest", "period", "unit", "code"}
KEYS = {"results": ("period", "unit"), "detail": ("period", "unit", "code"), "bottom": ("period", "unit")}


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], [dict(zip(rows[0], r)) for r in rows[1:] if r]


def same(col, a, b):
    a, b = a.strip(), b.strip()
    if col in EXACT:
        if col in ("flags", "rules"):
            return sorted(filter(None, a.split(";"))) == sorted(filter(None, b.split(";")))
        return a.lower() == b.lower()
    if a == "" or b == "":
        return a == b
    try:
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))
    except ValueError:
        return a == b


def compare_file(kind, got_path, want_path, skip=()):
    gh, got = read(got_path)
    wh, want = read(want_path)
    if gh != wh:
        return ["%s: columns %s, expected %s" % (kind, gh, wh)]
    index = {tuple(r[k] for k in KEYS[kind]): r for r in got}
    problems = []
    for w in want:
        k = tuple(w[c] for c in KEYS[kind])
        g = index.get(k)
        if g is None:
            problems.append("%s: no row for %s" % (kind, "/".join(k)))
            continue
        for c in wh:
            if c not in skip and not same(c, g[c], w[c]):
                problems.append("%s %s %s: got %r, expected %r" % (kind, "/".join(k), c, g[c], w[c]))
    if len(got) != len(want):
        problems.append("%s: %d rows, expected %d" % (kind, len(got), len(want)))
    return problems


def compare(args):
    cmd = args.cmd
    if not cmd:
        sys.exit("compare: give the command to run after --")
    cases = sorted(d for d in os.listdir(args.outdir) if d.startswith("case-"))
    bad = 0
    checked = 0
    for c in cases:
        folder = os.path.join(args.outdir, c)
        silent = open(os.path.join(folder, "silent.txt")).read().split()
        if args.skip_silent and silent:
            continue
        checked += 1
        period = open(os.path.join(folder, "period.txt")).read().strip()
        base = ["--scheme", os.path.join(folder, "scheme.json"), "--data", os.path.join(folder, "data.csv"),
                "--targets", os.path.join(folder, "targets.csv"), "--period", period]
        problems = []
        with tempfile.TemporaryDirectory() as t:
            out, det, bot = (os.path.join(t, n) for n in ("r.csv", "d.csv", "b.csv"))
            run = subprocess.run(cmd + ["score"] + base + ["--out", out, "--detail", det],
                                 capture_output=True, text=True, timeout=300)
            if run.returncode != 0:
                problems.append("score exited %d: %s" % (run.returncode, run.stderr.strip()[:300]))
            else:
                problems += compare_file("results", out, os.path.join(folder, "results.csv"))
                problems += compare_file("detail", det, os.path.join(folder, "detail.csv"))
            if args.bottom:
                run = subprocess.run(cmd + ["bottom-list"] + base + ["--out", bot],
                                     capture_output=True, text=True, timeout=600)
                if run.returncode != 0:
                    problems.append("bottom-list exited %d: %s" % (run.returncode, run.stderr.strip()[:300]))
                else:
                    problems += compare_file("bottom", bot, os.path.join(folder, "bottom.csv"),
                                             skip=() if args.escape else ("escape",))
        if problems:
            bad += 1
            print("%s (period %s; silent choices: %s)" % (c, period, ",".join(silent) or "none"))
            for p in problems[:args.show]:
                print("   " + p)
    print("compared %d cases: %d agree, %d differ" % (checked, checked - bad, bad))
    sys.exit(1 if bad else 0)


def main():
    ap = argparse.ArgumentParser(prog="gen_cases.py")
    sub = ap.add_subparsers(dest="what", required=True)
    g = sub.add_parser("gen", help="generate cases")
    g.add_argument("outdir")
    g.add_argument("--count", type=int, default=100)
    g.add_argument("--seed", type=int, default=1)
    g.add_argument("--safe", action="store_true", help="only cases the spec fully determines")
    g.add_argument("--no-escape", action="store_true", help="leave the escape column of bottom.csv empty")
    g.add_argument("--verbose", action="store_true")
    c = sub.add_parser("compare", help="run a command on each case and compare with the expected files")
    c.add_argument("outdir")
    c.add_argument("--bottom", action="store_true", help="also compare bottom-list output")
    c.add_argument("--escape", action="store_true", help="with --bottom: compare the escape column too")
    c.add_argument("--skip-silent", action="store_true", help="skip cases that depend on a silent choice")
    c.add_argument("--show", type=int, default=8)
    argv = sys.argv[1:]
    if argv and argv[0] not in ("gen", "compare", "-h", "--help"):
        argv = ["gen"] + argv  # `gen_cases.py OUTDIR ...` means gen
    cmd = []
    if "--" in argv:
        i = argv.index("--")
        argv, cmd = argv[:i], argv[i + 1:]
    args = ap.parse_args(argv)
    args.cmd = cmd
    if args.what == "gen":
        generate(args)
    else:
        compare(args)


if __name__ == "__main__":
    main()
