#!/usr/bin/env python3
"""Independent reference implementation of SCORING.md (v1), standard library only.

Written from /work/shared/design/SCORING.md and FORMATS.md alone (no Java code read),
to run differential tests against the Java engine.

Usage:
  python3 scripts/reference_scorer.py score --scheme S.json --data D.csv [--targets T.csv]
          --period P --out results.csv [--detail detail.csv]
  python3 scripts/reference_scorer.py bottom-list --scheme S.json --data D.csv [--targets T.csv]
          --period P --out bottom.csv [--no-escape]
Exit codes: 0 ok, 1 user error (message on stderr), 2 bad usage.

CHOICES WHERE SCORING.md / FORMATS.md ARE SILENT (written down here on purpose):
 C1  TARGET_COMPLETION / THRESHOLD with no target (no COMMITMENT row, no ZONE row) for a unit
     whose value is present (or imputed) is a user error (exit 1), like t <= 0 for
     TARGET_COMPLETION. A missing value (ZERO/REWEIGHT) needs no target.
 C2  zeroBelow also zeroes the normalised value: r < zeroBelow gives p = 0 AND n = 0 (in every
     mode), so that p = w * n / 100 holds. Otherwise n = 100 * clamp(r, 0, cap).
 C3  POINTS REWEIGHT: the top-level nodes have a virtual root parent, so a dropped top-level
     leaf rescales the other top-level nodes (the shown top-level subtotals are the products).
     Only leaves are ever dropped; a dimension whose children are all dropped scores 0 and
     still counts as present (with its full points) for its own parent. A leaf's shown points
     carry only its direct parent's factor; a dimension's shown subtotal carries its parent's
     factor (its own subtotal = sum of its children's shown values). factor = F_all / F_left,
     shown = raw * factor.
 C4  In POINTS detail, `normalised` is the rule's n as in the mean-mode column (MIN_MAX:
     low + (high-low)*d; ZSCORE impossible). ZERO-missing: value empty, points 0.0, n 0.0.
 C5  ZONE_MEAN: an imputed value is flagged `imputed:CODE` only (not also `missing:CODE`); a
     zone without any present value leaves it missing -> scored as ZERO, flagged missing:CODE.
     The zone mean is over the present (not imputed) values of the zone's units.
 C6  Derived warnings: every derived entry is evaluated for every unit in the scored period and
     any warning is flagged (also for intermediates not scored directly). Values evaluated
     for earlier periods through prev() give no flags. Evaluation is left to right and stops at
     the first problem, which names the single warning (division-by-zero or missing-operand);
     a derived operand that is itself missing gives missing-operand. x / 0 is division by zero
     only when both operands are present.
 C7  "The previous period has results" = data.csv holds at least one non-empty value (any unit,
     any code) for that period. It is then scored with the same scheme and targets file; that
     gives rankChange (for every unit) and the listings used by CONSECUTIVE.
 C8  Vetoed units: always on the bottom list with rule VETO at level NORMAL, even when the scheme
     has no VETO rule. BELOW_SCORE also looks at vetoed units (rules column then names both).
     DIMENSION_LAST compares all units of the zone, vetoed included; a missing (mean-mode)
     subtotal takes no part. DIMENSION_LAST looks at top-level dimensions only (not top-level
     leaves). A DIMENSION_LAST rule may carry "level" (default REMINDER).
 C9  CONSECUTIVE: a unit whose level from the other rules is NORMAL is ESCALATED when in each of
     the periods-1 previous periods of the same kind that period has results (C7) and the unit
     was listed there at NORMAL or ESCALATED; the entry's rules then also name CONSECUTIVE.
 C10 Rules column order: the scheme's bottomRules order; an implicit VETO (C8) is appended.
 C11 tieBreak: a dimension code uses its rounded shown subtotal (mean modes: rounded score); an
     indicator code uses its rounded shown points (mean modes: its rounded normalised n). A
     missing figure (dropped leaf, missing score) ranks below any present figure.
 C12 Mean modes: a missing root score (no present child / geometric non-positive) counts 0 in the
     total; the root's geometric warning uses the scheme's code: warning:<scheme code>:geometric-
     nonpositive. A missing dimension score is written as an empty cell.
 C13 ZSCORE with one unit in S (no sample sd) gives z = 0, as sd == 0 does. RANK_POINTS ties are
     exact double equality. EFFICACY low/high: each given bound is fixed, an absent one is the
     sample bound of S. Sample statistics sum in the scheme's unit order.
 C14 Adjustments: item = pointsEach * count, then min(item, cap) when the item has a cap; items
     summed in scheme order, then min(sum, bonusCap) / min(sum, penaltyCap when set). Veto:
     any veto code with value >= 1.
 C15 Weakest indicators: gap = (best shown points in the unit's zone, all units of the zone incl.
     vetoed) - own shown points, largest first, ties by leaf order; in mean modes the normalised
     n is used instead of points. Leaves dropped by REWEIGHT are not candidates and do not count
     for the zone's best. Up to three.
 C16 Escape margin (bottom.csv): for entries listed by BOTTOM_N_PER_ZONE and/or BELOW_SCORE, the
     unit must leave every one of those two rules that listed it. The indicator's value for the
     unit in the scored period is overridden (derived ones directly; derived values using it are
     recomputed) and the whole period rescored. Helpful direction: up for POSITIVE, down for
     NEGATIVE; CLEAR_ZERO always down; BREAK_ZERO always up. Range: up to the input's max (when
     the leaf code is an input with max) else 10 x the largest value of that indicator seen in
     the period (present values, incl. the unit's own); down to the input's min else 0. A missing
     current value starts from 0. Bisection until the bracket is <= 1e-6 of the range; the
     value written is the escaping end of the bracket (repr). `unreachable` if the far end of
     the range does not escape (or the range is empty).
 C17 Scheme weights given as a dimension's weight in POINTS must equal the sum of its children's
     full points within 1e-9 (relative). Target source absent: FIXED if rule.target is given,
     else COMMITMENT. Negative zero rounded figures are written without the sign.
 C18 period strings: YEAR 'YYYY', HALF 'YYYYH1|H2', QUARTER 'YYYYQ1..Q4'; --period of another kind
     is a usage/user error (exit 1).
 C19 results.csv rows by rank, then scheme unit order; detail.csv rows by the scheme's unit order
     (as the worked example does), each unit's indicators in tree order (depth first). Flags:
     per leaf in tree order missing:/imputed: then its own derived warning; then warnings of
     intermediate derived entries; geometric warnings as met (bottom-up).
     The engine records in Engine.silent which of these choices a run depended on (tags such as
     "C3:root-reweight"); scripts/gen_cases.py writes them to silent.txt.
"""
import argparse
import csv
import json
import math
import re
import sys
from decimal import Decimal, ROUND_HALF_UP, getcontext

getcontext().prec = 60


class UserError(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# numbers
# ---------------------------------------------------------------------------------------------

def fnum(x):
    return repr(float(x))


def rnd(x, decimals):
    q = Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if q == 0:
        q = abs(q)
    return q


def fmt_rounded(q, decimals):
    return format(q, "f")


NUM_RE = re.compile(r"^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$")


# ---------------------------------------------------------------------------------------------
# periods
# ---------------------------------------------------------------------------------------------

PERIOD_RE = {"YEAR": re.compile(r"^(\d{4})$"), "HALF": re.compile(r"^(\d{4})H([12])$"),
             "QUARTER": re.compile(r"^(\d{4})Q([1-4])$")}


def check_period(kind, p):
    return bool(PERIOD_RE[kind].match(p))


def prev_period(kind, p):
    m = PERIOD_RE[kind].match(p)
    if not m:
        raise UserError("period %r is not of kind %s" % (p, kind))
    y = int(m.group(1))
    if kind == "YEAR":
        return "%04d" % (y - 1)
    k = int(m.group(2))
    n = 2 if kind == "HALF" else 4
    letter = "H" if kind == "HALF" else "Q"
    if k == 1:
        return "%04d%s%d" % (y - 1, letter, n)
    return "%04d%s%d" % (y, letter, k - 1)


# ---------------------------------------------------------------------------------------------
# expressions
# ---------------------------------------------------------------------------------------------

TOKEN_RE = re.compile(r"\s*(?:(\d+\.\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|\d+(?:[eE][+-]?\d+)?)"
                      r"|([A-Za-z_][A-Za-z0-9_]*)|(.))")
RESERVED = {"prev", "min", "max", "abs"}


def tokenize(s):
    toks = []
    pos = 0
    s = s.rstrip()
    while pos < len(s):
        m = TOKEN_RE.match(s, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
        if m.group(1) is not None:
            toks.append(("num", float(m.group(1))))
        elif m.group(2) is not None:
            toks.append(("id", m.group(2)))
        elif m.group(3) is not None:
            c = m.group(3)
            if c not in "+-*/(),":
                raise ValueError("unexpected character %r" % c)
            toks.append(("op", c))
    toks.append(("end", None))
    return toks


class Parser:
    def __init__(self, text):
        self.toks = tokenize(text)
        self.i = 0

    def peek(self):
        return self.toks[self.i]

    def take(self, kind=None, val=None):
        t = self.toks[self.i]
        if kind and t[0] != kind or val is not None and t[1] != val:
            raise ValueError("expected %s, found %r" % (val or kind, t[1]))
        self.i += 1
        return t

    def parse(self):
        e = self.expr()
        if self.peek()[0] != "end":
            raise ValueError("unexpected %r" % (self.peek()[1],))
        return e

    def expr(self):
        e = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            e = ("bin", op, e, self.term())
        return e

    def term(self):
        e = self.unary()
        while self.peek() in (("op", "*"), ("op", "/")):
            op = self.take()[1]
            e = ("bin", op, e, self.unary())
        return e

    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return ("neg", self.unary())
        return self.primary()

    def primary(self):
        t = self.peek()
        if t[0] == "num":
            self.take()
            return ("num", t[1])
        if t == ("op", "("):
            self.take()
            e = self.expr()
            self.take("op", ")")
            return e
        if t[0] == "id":
            self.take()
            name = t[1]
            if name in RESERVED:
                self.take("op", "(")
                if name == "prev":
                    c = self.take("id")[1]
                    if c in RESERVED:
                        raise ValueError("prev() needs a code")
                    self.take("op", ")")
                    return ("prev", c)
                args = [self.expr()]
                while self.peek() == ("op", ","):
                    self.take()
                    args.append(self.expr())
                self.take("op", ")")
                if name == "abs" and len(args) != 1:
                    raise ValueError("abs takes one argument")
                if name in ("min", "max") and len(args) < 2:
                    raise ValueError("%s takes two or more arguments" % name)
                return ("fn", name, args)
            return ("ref", name)
        raise ValueError("unexpected %r" % (t[1],))


def expr_refs(e, out):
    k = e[0]
    if k in ("ref", "prev"):
        out.add(e[1])
    elif k == "bin":
        expr_refs(e[2], out)
        expr_refs(e[3], out)
    elif k == "neg":
        expr_refs(e[1], out)
    elif k == "fn":
        for a in e[2]:
            expr_refs(a, out)
    return out


# ---------------------------------------------------------------------------------------------
# scheme
# ---------------------------------------------------------------------------------------------

METHOD_PARAMS = {
    "TARGET_COMPLETION": {"cap", "zeroBelow", "target"},
    "THRESHOLD": {"partial", "target"},
    "EFFICACY": {"base", "low", "high"},
    "MIN_MAX": {"low", "high"},
    "ZSCORE": {"mean", "sd"},
    "RANK_POINTS": {"step", "floor"},
    "BREAK_ZERO": set(),
    "CLEAR_ZERO": {"perItem"},
}
TARGET_METHODS = {"TARGET_COMPLETION", "THRESHOLD"}
SCHEME_FIELDS = {"format", "code", "name", "periodKind", "aggregation", "comparison", "decimals",
                 "tieBreak", "bonusCap", "penaltyCap", "units", "zones", "tree", "derived", "inputs",
                 "adjustments", "vetoes", "bottomRules", "sensitivity", "cityTargets"}
BOTTOM_FIELDS = {"BOTTOM_N_PER_ZONE": {"n"}, "BELOW_SCORE": {"score"}, "VETO": set(),
                 "DIMENSION_LAST": {"level"}, "CONSECUTIVE": {"periods"}}


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


class Node:
    pass


class Scheme:
    def __init__(self, js):
        self.js = js
        err = self.err
        if not isinstance(js, dict):
            err("", "scheme must be an object")
        self.fields(js, SCHEME_FIELDS, "")
        if js.get("format") != "sanlian-scheme/1":
            err("format", "must be sanlian-scheme/1")
        self.code = self.req_str(js, "code", "")
        self.name = js.get("name", "")
        self.kind = js.get("periodKind", "YEAR")
        if self.kind not in PERIOD_RE:
            err("periodKind", "unknown period kind %r" % self.kind)
        self.agg = js.get("aggregation", "POINTS")
        if self.agg not in ("POINTS", "ARITHMETIC", "GEOMETRIC"):
            err("aggregation", "unknown aggregation %r" % self.agg)
        self.points = self.agg == "POINTS"
        self.comparison = js.get("comparison", "ALL")
        if self.comparison not in ("ALL", "ZONE"):
            err("comparison", "must be ALL or ZONE")
        self.decimals = js.get("decimals", 2)
        if not isinstance(self.decimals, int) or isinstance(self.decimals, bool) or not 0 <= self.decimals <= 10:
            err("decimals", "must be an integer 0..10")
        self.bonus_cap = self.opt_num(js, "bonusCap", "", 5.0)
        self.penalty_cap = self.opt_num(js, "penaltyCap", "", None)
        self.names = {}  # shared namespace: code -> path

        # units
        units = js.get("units")
        if not isinstance(units, list) or not units:
            err("units", "must be a non-empty list")
        self.units, self.unit_name = [], {}
        for i, u in enumerate(units):
            p = "units[%d]" % i
            self.fields(u, {"code", "name"}, p)
            c = self.req_str(u, "code", p)
            self.claim(c, p + ".code")
            self.units.append(c)
            self.unit_name[c] = str(u.get("name", ""))
        # zones
        zones = js.get("zones")
        if not isinstance(zones, list) or not zones:
            err("zones", "must be a non-empty list")
        self.zones, self.zone_units, self.zone_of = [], {}, {}
        for i, z in enumerate(zones):
            p = "zones[%d]" % i
            self.fields(z, {"code", "name", "units"}, p)
            c = self.req_str(z, "code", p)
            self.claim(c, p + ".code")
            self.zones.append(c)
            us = z.get("units")
            if not isinstance(us, list):
                err(p + ".units", "must be a list")
            for j, u in enumerate(us):
                if u not in self.unit_name:
                    err("%s.units[%d]" % (p, j), "unknown unit %r" % (u,))
                if u in self.zone_of:
                    err("%s.units[%d]" % (p, j), "unit %s is in two zones" % u)
                self.zone_of[u] = c
        for i, u in enumerate(self.units):
            if u not in self.zone_of:
                err("units[%d]" % i, "unit %s is in no zone" % u)
        for z in self.zones:
            self.zone_units[z] = [u for u in self.units if self.zone_of[u] == z]

        # tree
        tree = js.get("tree")
        if not isinstance(tree, list) or not tree:
            err("tree", "must be a non-empty list")
        self.leaves, self.dims = [], []
        self.tree = [self.node(n, "tree[%d]" % i, 1) for i, n in enumerate(tree)]
        self.leaf_by = {l.code: l for l in self.leaves}
        self.dim_by = {d.code: d for d in self.dims}

        # inputs
        self.inputs = {}
        for i, it in enumerate(js.get("inputs", []) or []):
            p = "inputs[%d]" % i
            self.fields(it, {"code", "name", "unit", "min", "max", "integer"}, p)
            c = self.req_str(it, "code", p)
            if c not in self.leaf_by:
                self.claim(c, p + ".code")
            elif c in self.inputs:
                err(p + ".code", "duplicate code %s" % c)
            self.inputs[c] = {"min": self.opt_num(it, "min", p, None), "max": self.opt_num(it, "max", p, None),
                              "integer": bool(it.get("integer", False))}
        # derived
        self.derived, self.derived_order = {}, []
        for i, d in enumerate(js.get("derived", []) or []):
            p = "derived[%d]" % i
            self.fields(d, {"code", "expr", "name", "unit"}, p)
            c = self.req_str(d, "code", p)
            if c in self.leaf_by:
                if c in self.inputs or c in self.derived:
                    err(p + ".code", "code %s already has a source" % c)
            else:
                self.claim(c, p + ".code")
            ex = d.get("expr")
            if not isinstance(ex, str):
                err(p + ".expr", "must be a string")
            try:
                ast = Parser(ex).parse()
            except ValueError as e:
                err(p + ".expr", "bad expression: %s" % e)
            self.derived[c] = ast
            self.derived_order.append(c)
        value_codes = set(self.inputs) | set(self.derived) | set(self.leaf_by)
        for i, c in enumerate(self.derived_order):
            for r in expr_refs(self.derived[c], set()):
                if r not in value_codes:
                    err("derived[%d].expr" % i, "unknown code %s" % r)
        self.check_cycles()

        # adjustments / vetoes
        self.bonuses, self.penalties = [], []
        for i, a in enumerate(js.get("adjustments", []) or []):
            p = "adjustments[%d]" % i
            self.fields(a, {"code", "name", "kind", "pointsEach", "cap"}, p)
            c = self.req_str(a, "code", p)
            self.claim(c, p + ".code")
            pe = self.opt_num(a, "pointsEach", p, None)
            if pe is None:
                err(p + ".pointsEach", "required")
            if pe < 0:
                err(p + ".pointsEach", "must be >= 0")
            cap = self.opt_num(a, "cap", p, None)
            if cap is not None and cap < 0:
                err(p + ".cap", "must be >= 0")
            kind = a.get("kind")
            if kind == "BONUS":
                self.bonuses.append((c, pe, cap))
            elif kind == "PENALTY":
                self.penalties.append((c, pe, cap))
            else:
                err(p + ".kind", "must be BONUS or PENALTY")
        self.vetoes = []
        for i, v in enumerate(js.get("vetoes", []) or []):
            p = "vetoes[%d]" % i
            self.fields(v, {"code", "name"}, p)
            c = self.req_str(v, "code", p)
            self.claim(c, p + ".code")
            self.vetoes.append(c)

        # ranking
        tb = js.get("tieBreak", []) or []
        if not isinstance(tb, list):
            err("tieBreak", "must be a list")
        for i, c in enumerate(tb):
            if c not in self.leaf_by and c not in self.dim_by:
                err("tieBreak[%d]" % i, "unknown code %r" % (c,))
        self.tie_break = list(tb)

        # bottom rules
        self.bottom_rules = []
        for i, r in enumerate(js.get("bottomRules", []) or []):
            p = "bottomRules[%d]" % i
            if not isinstance(r, dict) or r.get("rule") not in BOTTOM_FIELDS:
                err(p + ".rule", "unknown bottom rule")
            kind = r["rule"]
            self.fields(r, {"rule"} | BOTTOM_FIELDS[kind], p)
            rr = {"rule": kind}
            if kind == "BOTTOM_N_PER_ZONE":
                n = r.get("n", 1)
                if not isinstance(n, int) or isinstance(n, bool) or n < 1:
                    err(p + ".n", "must be an integer >= 1")
                rr["n"] = n
            elif kind == "BELOW_SCORE":
                s = self.opt_num(r, "score", p, None)
                if s is None:
                    err(p + ".score", "required")
                rr["score"] = s
            elif kind == "CONSECUTIVE":
                n = r.get("periods", 2)
                if not isinstance(n, int) or isinstance(n, bool) or n < 1:
                    err(p + ".periods", "must be an integer >= 1")
                rr["periods"] = n
            elif kind == "DIMENSION_LAST":
                lv = r.get("level", "REMINDER")
                if lv not in ("REMINDER", "NORMAL"):
                    err(p + ".level", "must be REMINDER or NORMAL")
                rr["level"] = lv
            self.bottom_rules.append(rr)

        sens = js.get("sensitivity")
        if sens is not None:
            self.fields(sens, {"draws", "spread", "seed"}, "sensitivity")
        for i, ct in enumerate(js.get("cityTargets", []) or []):
            self.fields(ct, {"code", "name", "target", "year", "aggregate", "baseline", "cumulativeFrom"},
                        "cityTargets[%d]" % i)

        self.dim_codes = [d.code for d in self.dims]
        self.leaf_index = {l.code: i for i, l in enumerate(self.leaves)}
        self.unit_index = {u: i for i, u in enumerate(self.units)}
        self.data_codes = (set(self.inputs) | set(c for c in self.leaf_by if c not in self.derived)
                           | set(c for c, _, _ in self.bonuses) | set(c for c, _, _ in self.penalties)
                           | set(self.vetoes))

    # --- helpers
    def err(self, path, msg):
        raise UserError("scheme: %s: %s" % (path or "(root)", msg))

    def fields(self, obj, allowed, path):
        if not isinstance(obj, dict):
            self.err(path, "must be an object")
        for k in obj:
            if k not in allowed:
                self.err((path + "." if path else "") + k, "unknown field")

    def req_str(self, obj, key, path):
        v = obj.get(key)
        if not isinstance(v, str) or not v:
            self.err((path + "." if path else "") + key, "must be a non-empty string")
        return v

    def opt_num(self, obj, key, path, default):
        if key not in obj or obj[key] is None:
            return default
        v = obj[key]
        if not is_num(v):
            self.err((path + "." if path else "") + key, "must be a number")
        return float(v)

    def claim(self, code, path):
        if code in self.names:
            self.err(path, "duplicate code %s (also %s)" % (code, self.names[code]))
        self.names[code] = path

    def node(self, js, path, depth):
        n = Node()
        n.path = path
        if isinstance(js, dict) and "children" in js:
            self.fields(js, {"code", "name", "weight", "children"}, path)
            n.leaf = False
            n.code = self.req_str(js, "code", path)
            self.claim(n.code, path + ".code")
            n.name = js.get("name", "")
            n.depth = depth
            self.dims.append(n)
            ch = js.get("children")
            if not isinstance(ch, list) or not ch:
                self.err(path + ".children", "must be a non-empty list")
            n.children = [self.node(c, "%s.children[%d]" % (path, i), depth + 1) for i, c in enumerate(ch)]
            n.full = 0.0
            for c in n.children:
                n.full += c.full
            w = self.opt_num(js, "weight", path, None)
            if w is not None and w <= 0:
                self.err(path + ".weight", "must be > 0")
            if self.points:
                if w is not None and abs(w - n.full) > 1e-9 * max(1.0, abs(n.full)):
                    self.err(path + ".weight", "must equal the sum of the children's weights (%r)" % n.full)
            elif w is None:
                self.err(path + ".weight", "required in %s" % self.agg)
            n.weight = w if w is not None else n.full
            return n
        self.fields(js, {"code", "name", "unit", "weight", "direction", "missing", "rule", "target",
                         "comparison"}, path)
        n.leaf = True
        n.code = self.req_str(js, "code", path)
        self.claim(n.code, path + ".code")
        n.name = js.get("name", "")
        w = self.opt_num(js, "weight", path, None)
        if w is None:
            self.err(path + ".weight", "required")
        if w <= 0:
            self.err(path + ".weight", "must be > 0")
        n.weight = n.full = w
        n.direction = js.get("direction", "POSITIVE")
        if n.direction not in ("POSITIVE", "NEGATIVE"):
            self.err(path + ".direction", "must be POSITIVE or NEGATIVE")
        n.missing = js.get("missing", "ZERO" if self.points else "REWEIGHT")
        if n.missing not in ("ZERO", "REWEIGHT", "ZONE_MEAN"):
            self.err(path + ".missing", "must be ZERO, REWEIGHT or ZONE_MEAN")
        n.comparison = js.get("comparison", self.comparison)
        if n.comparison not in ("ALL", "ZONE"):
            self.err(path + ".comparison", "must be ALL or ZONE")
        rule = js.get("rule")
        rp = path + ".rule"
        if not isinstance(rule, dict):
            self.err(rp, "required")
        m = rule.get("method")
        if m not in METHOD_PARAMS:
            self.err(rp + ".method", "unknown method %r" % (m,))
        if m == "ZSCORE" and self.points:
            self.err(rp + ".method", "ZSCORE is not allowed with aggregation POINTS")
        self.fields(rule, {"method"} | METHOD_PARAMS[m], rp)
        n.method = m
        g = lambda k, d: self.opt_num(rule, k, rp, d)
        n.p = {}
        if m == "TARGET_COMPLETION":
            n.p["cap"] = g("cap", 1.0)
            n.p["zeroBelow"] = g("zeroBelow", 0.0)
            if n.p["cap"] <= 0:
                self.err(rp + ".cap", "must be > 0")
        elif m == "THRESHOLD":
            n.p["partial"] = g("partial", 0.0)
        elif m == "EFFICACY":
            n.p["base"] = g("base", 0.6)
            n.p["low"] = g("low", None)
            n.p["high"] = g("high", None)
        elif m == "MIN_MAX":
            n.p["low"] = g("low", 0.0)
            n.p["high"] = g("high", 100.0)
        elif m == "ZSCORE":
            n.p["mean"] = g("mean", 0.0)
            n.p["sd"] = g("sd", 1.0)
        elif m == "RANK_POINTS":
            n.p["step"] = g("step", None)
            n.p["floor"] = g("floor", 0.0)
            if n.p["step"] is not None and n.p["step"] < 0:
                self.err(rp + ".step", "must be >= 0")
        elif m == "CLEAR_ZERO":
            n.p["perItem"] = g("perItem", None)
            if n.p["perItem"] is not None and n.p["perItem"] < 0:
                self.err(rp + ".perItem", "must be >= 0")
        tsrc = js.get("target")
        if m in TARGET_METHODS:
            if tsrc is None:
                tsrc = "FIXED" if "target" in rule else "COMMITMENT"
            if tsrc not in ("COMMITMENT", "ZONE", "FIXED"):
                self.err(path + ".target", "must be COMMITMENT, ZONE or FIXED")
            ft = g("target", None)
            if tsrc == "FIXED":
                if ft is None:
                    self.err(rp + ".target", "required with target FIXED")
                if m == "TARGET_COMPLETION" and ft <= 0:
                    self.err(rp + ".target", "must be > 0 for TARGET_COMPLETION")
            elif ft is not None:
                self.err(rp + ".target", "only with target FIXED")
            n.p["target"] = ft
        elif tsrc is not None:
            self.err(path + ".target", "method %s takes no target" % m)
        n.target = tsrc
        n.depth = depth
        self.leaves.append(n)
        return n

    def check_cycles(self):
        state = {}

        def visit(c, stack):
            if state.get(c) == 2:
                return
            if state.get(c) == 1:
                self.err("derived[%d].expr" % self.derived_order.index(c),
                         "derived cycle: %s" % " -> ".join(stack + [c]))
            state[c] = 1
            for r in sorted(expr_refs(self.derived[c], set())):
                if r in self.derived:
                    visit(r, stack + [c])
            state[c] = 2

        for c in self.derived_order:
            visit(c, [])


# ---------------------------------------------------------------------------------------------
# data files
# ---------------------------------------------------------------------------------------------

def read_long_csv(path, scheme, targets):
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
    except OSError as e:
        raise UserError("%s: %s" % (path, e))
    errors = []
    if not rows:
        raise UserError("%s:1:1: header required" % path)
    header = [h.strip() for h in rows[0]]
    need = ["period", "unit", "code", "value"]
    allowed = set(need) | {"note"}
    for i, h in enumerate(header):
        if h not in allowed:
            errors.append("%s:1:%d: unknown column %r" % (path, i + 1, h))
    for h in need:
        if h not in header:
            errors.append("%s:1:1: missing column %r" % (path, h))
    if errors:
        raise UserError("\n".join(errors))
    col = {h: header.index(h) for h in header}
    out, where = {}, {}
    for ln, r in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in r):
            continue
        r = [c.strip() for c in r] + [""] * (len(header) - len(r))
        period, unit, code, value = (r[col[h]] for h in need)
        if not check_period(scheme.kind, period):
            errors.append("%s:%d:%d: period %r is not a %s period" % (path, ln, col["period"] + 1, period, scheme.kind))
        if targets:
            if unit not in scheme.unit_name and unit not in scheme.zone_units:
                errors.append("%s:%d:%d: unknown unit or zone %r" % (path, ln, col["unit"] + 1, unit))
            if code not in scheme.leaf_by:
                errors.append("%s:%d:%d: unknown indicator %r" % (path, ln, col["code"] + 1, code))
        else:
            if unit not in scheme.unit_name:
                errors.append("%s:%d:%d: unknown unit %r" % (path, ln, col["unit"] + 1, unit))
            if code in scheme.derived:
                errors.append("%s:%d:%d: %s is derived, not entered" % (path, ln, col["code"] + 1, code))
            elif code not in scheme.data_codes:
                errors.append("%s:%d:%d: unknown code %r" % (path, ln, col["code"] + 1, code))
        v = None
        if value != "":
            if not NUM_RE.match(value):
                errors.append("%s:%d:%d: not a number %r" % (path, ln, col["value"] + 1, value))
            else:
                v = float(value)
                if not math.isfinite(v):
                    errors.append("%s:%d:%d: not a finite number" % (path, ln, col["value"] + 1))
                b = scheme.inputs.get(code) if not targets else None
                if b:
                    if b["min"] is not None and v < b["min"] or b["max"] is not None and v > b["max"] \
                            or b["integer"] and v != int(v):
                        errors.append("%s:%d:%d: %s out of bounds" % (path, ln, col["value"] + 1, value))
        key = (period, unit, code)
        if key in where:
            errors.append("%s:%d:1: duplicate of line %d" % (path, ln, where[key]))
        where[key] = ln
        out[key] = v
    if errors:
        raise UserError("\n".join(errors))
    return out


# ---------------------------------------------------------------------------------------------
# engine
# ---------------------------------------------------------------------------------------------

class Values:
    def __init__(self, eng, overrides=None):
        self.eng = eng
        self.ov = overrides or {}
        self.cache = {}
        self.warn = {}
        self.ambiguous = set()

    def get(self, period, unit, code):
        key = (period, unit, code)
        if key in self.ov:
            return self.ov[key]
        if code in self.eng.s.derived:
            if key not in self.cache:
                v, why = self.ev(self.eng.s.derived[code], period, unit)
                self.cache[key] = v
                if why:
                    self.warn[key] = why
            return self.cache[key]
        return self.eng.data.get(key)

    def ev(self, e, period, unit):
        k = e[0]
        if k == "num":
            return e[1], None
        if k == "ref":
            v = self.get(period, unit, e[1])
            return (v, None) if v is not None else (None, "missing-operand")
        if k == "prev":
            v = self.get(prev_period(self.eng.s.kind, period), unit, e[1])
            return (v, None) if v is not None else (None, "missing-operand")
        if k == "neg":
            v, w = self.ev(e[1], period, unit)
            return (None, w) if v is None else (-v, None)
        if k == "bin":
            a, w = self.ev(e[2], period, unit)
            if a is None:
                b, w2 = self.ev(e[3], period, unit)
                if b is None and w2 != w or b == 0 and e[1] == "/" and w != "division-by-zero":
                    self.ambiguous.add((period, unit))
                return None, w
            b, w = self.ev(e[3], period, unit)
            if b is None:
                return None, w
            op = e[1]
            if op == "+":
                return a + b, None
            if op == "-":
                return a - b, None
            if op == "*":
                return a * b, None
            if b == 0:
                return None, "division-by-zero"
            return a / b, None
        if k == "fn":
            vals = []
            for i, arg in enumerate(e[2]):
                v, w = self.ev(arg, period, unit)
                if v is None:
                    if any(self.ev(a2, period, unit)[1] not in (None, w) for a2 in e[2][i + 1:]):
                        self.ambiguous.add((period, unit))
                    return None, w
                vals.append(v)
            if e[1] == "abs":
                return abs(vals[0]), None
            r = vals[0]
            for v in vals[1:]:
                if (v < r) if e[1] == "min" else (v > r):
                    r = v
            return r, None
        raise AssertionError(e)


def clamp(v, a, b):
    return min(max(v, a), b)


class Result:
    pass


class Engine:
    def __init__(self, scheme, data, targets):
        self.s = scheme
        self.data = data
        self.targets = targets or {}
        self.has_values = set(p for (p, u, c), v in data.items() if v is not None)
        self.memo = {}
        self.silent = set()   # which of the choices C1..C18 a run depended on (for the case generator)
        self.tag_on = True

    def tag(self, name):
        if self.tag_on:
            self.silent.add(name)

    def has_results(self, period):
        return period in self.has_values

    # -- rules
    def target(self, leaf, period, unit):
        if leaf.target == "FIXED":
            return leaf.p["target"]
        who = unit if leaf.target == "COMMITMENT" else self.s.zone_of[unit]
        t = self.targets.get((period, who, leaf.code))
        if t is None:
            raise UserError("no %s target for %s, %s, period %s" % (
                "commitment" if leaf.target == "COMMITMENT" else "zone", leaf.code, who, period))
        return t

    def rule(self, leaf, x, S, period, unit):
        """returns (p, n): p points before reweighting (POINTS), n normalised."""
        w, m, P, pos = leaf.weight, leaf.method, leaf.p, leaf.direction == "POSITIVE"
        if m == "TARGET_COMPLETION":
            t = self.target(leaf, period, unit)
            if t <= 0:
                raise UserError("target %r <= 0 for %s, unit %s, period %s" % (t, leaf.code, unit, period))
            cap = P["cap"]
            if pos:
                r = x / t
            else:
                r = cap if x <= 0 else t / x
            if r < P["zeroBelow"]:
                if clamp(r, 0.0, cap) > 0:
                    self.tag("C2:zeroBelow-normalised")
                return 0.0, 0.0
            c = clamp(r, 0.0, cap)
            return w * c, 100.0 * c
        if m == "THRESHOLD":
            t = self.target(leaf, period, unit)
            met = x >= t if pos else x <= t
            if met:
                return w, 100.0
            return w * P["partial"], 100.0 * P["partial"]
        if m in ("EFFICACY", "MIN_MAX"):
            if m == "EFFICACY":
                lo = P["low"] if P["low"] is not None else min(S)
                hi = P["high"] if P["high"] is not None else max(S)
            else:
                lo, hi = min(S), max(S)
            if hi == lo:
                d = 1.0
            else:
                d = (x - lo) / (hi - lo) if pos else (hi - x) / (hi - lo)
                d = clamp(d, 0.0, 1.0)
            if m == "EFFICACY":
                b = P["base"]
                return w * (b + (1 - b) * d), 100.0 * (b + (1 - b) * d)
            return w * d, P["low"] + (P["high"] - P["low"]) * d
        if m == "ZSCORE":
            k = len(S)
            mean = 0.0
            for v in S:
                mean += v
            mean = mean / k
            if k < 2:
                self.tag("C13:zscore-single")
                z = 0.0
            else:
                ss = 0.0
                for v in S:
                    ss += (v - mean) * (v - mean)
                sd = math.sqrt(ss / (k - 1))
                z = 0.0 if sd == 0 else (x - mean) / sd
            if not pos:
                z = -z
            return None, P["mean"] + P["sd"] * z
        if m == "RANK_POINTS":
            better = sum(1 for v in S if (v > x if pos else v < x))
            k = better + 1
            step = P["step"] if P["step"] is not None else w / len(S)
            p = max(w - (k - 1) * step, P["floor"])
            return p, 100.0 * p / w
        if m == "BREAK_ZERO":
            return (w, 100.0) if x > 0 else (0.0, 0.0)
        if m == "CLEAR_ZERO":
            per = P["perItem"] if P["perItem"] is not None else w
            p = max(0.0, w - x * per)
            return p, 100.0 * p / w
        raise AssertionError(m)

    # -- one period, without rank change and escalation
    def core(self, period, overrides=None):
        key = period
        if overrides is None and key in self.memo:
            return self.memo[key]
        self.tag_on = overrides is None
        s = self.s
        V = Values(self, overrides)
        units = s.units
        R = Result()
        R.period = period
        R.flags = {u: [] for u in units}
        dwarn = {u: {} for u in units}
        for u in units:
            for c in s.derived_order:
                V.get(period, u, c)
                why = V.warn.get((period, u, c))
                if why:
                    dwarn[u][c] = "warning:%s:%s" % (c, why)
        # leaves
        R.value, R.status, R.praw, R.n = {}, {}, {}, {}
        R.rawval = {}
        for leaf in s.leaves:
            xs = {u: V.get(period, u, leaf.code) for u in units}
            R.rawval[leaf.code] = xs
            val, st = {}, {}
            for u in units:
                x = xs[u]
                if x is not None:
                    val[u], st[u] = x, "ok"
                elif leaf.missing == "ZONE_MEAN":
                    pres = [xs[v] for v in s.zone_units[s.zone_of[u]] if xs[v] is not None]
                    if pres:
                        tot = 0.0
                        for v in pres:
                            tot += v
                        val[u], st[u] = tot / len(pres), "imputed"
                    else:
                        st[u] = "zero"
                elif leaf.missing == "ZERO":
                    st[u] = "zero"
                else:
                    st[u] = "dropped"
            pr, nn = {}, {}
            for u in units:
                if st[u] == "zero":
                    pr[u], nn[u] = 0.0, 0.0
                    R.flags[u].append("missing:" + leaf.code)
                elif st[u] == "dropped":
                    pr[u], nn[u] = None, None
                    R.flags[u].append("missing:" + leaf.code)
                else:
                    if st[u] == "imputed":
                        R.flags[u].append("imputed:" + leaf.code)
                    pool = units if leaf.comparison == "ALL" else s.zone_units[s.zone_of[u]]
                    S = [val[v] for v in pool if v in val]
                    pr[u], nn[u] = self.rule(leaf, val[u], S, period, u)
                if leaf.code in dwarn[u]:
                    R.flags[u].append(dwarn[u].pop(leaf.code))
            R.value[leaf.code], R.status[leaf.code] = val, st
            R.praw[leaf.code], R.n[leaf.code] = pr, nn
        for u in units:  # warnings of derived entries that are not leaves
            R.flags[u].extend(dwarn[u][c] for c in s.derived_order if c in dwarn[u])
            if dwarn[u]:
                self.tag("C6:intermediate-warning")
            if any(k[1] == u for k in V.ambiguous):
                self.tag("C6:first-problem")
        # aggregation
        R.shown = {c: {} for c in [l.code for l in s.leaves] + s.dim_codes}  # leaf points / dim subtotal
        R.base = {}
        for u in units:
            if s.points:
                R.base[u] = self.points_children(R, s.tree, u)
            else:
                sc = self.mean_node(R, s.code, s.tree, u)
                if sc is None:
                    self.tag("C12:root-missing")
                R.base[u] = 0.0 if sc is None else sc
        # adjustments
        R.bonus, R.penalty, R.veto, R.total, R.rtotal = {}, {}, {}, {}, {}
        for u in units:
            R.bonus[u] = self.adjust(s.bonuses, s.bonus_cap, period, u, V)
            R.penalty[u] = self.adjust(s.penalties, s.penalty_cap, period, u, V)
            R.veto[u] = any((V.get(period, u, c) or 0.0) >= 1 for c in s.vetoes)
            R.total[u] = (R.base[u] + R.bonus[u]) - R.penalty[u]
            R.rtotal[u] = rnd(R.total[u], s.decimals)
        R.rsub = {c: {u: (None if R.shown[c].get(u) is None else rnd(R.shown[c][u], s.decimals))
                      for u in units} for c in R.shown}
        # ranking
        R.key = {u: self.rank_key(R, u) for u in units}
        R.rank = {u: 1 + sum(1 for v in units if R.key[v] < R.key[u]) for u in units}
        R.zrank = {}
        for u in units:
            zu = s.zone_units[s.zone_of[u]]
            R.zrank[u] = 1 + sum(1 for v in zu if R.key[v] < R.key[u])
        self.bottom_base(R)
        if overrides is None:
            self.memo[key] = R
        return R

    def points_children(self, R, children, u):
        f_all = 0.0
        for c in children:
            f_all += c.full
        left = [c for c in children if not (c.leaf and R.status[c.code][u] == "dropped")]
        if not left:
            self.tag("C3:empty-dimension" if children is not self.s.tree else "C3:root-reweight")
            for c in children:
                if not c.leaf:
                    self.points_children(R, c.children, u)
                    R.shown[c.code][u] = 0.0
                else:
                    R.shown[c.code][u] = None
            return 0.0
        f_left = 0.0
        for c in left:
            f_left += c.full
        factor = f_all / f_left
        if factor != 1.0:
            if children is self.s.tree:
                self.tag("C3:root-reweight")
            if any(not c.leaf for c in children):
                self.tag("C3:nested-factor")
        tot = 0.0
        for c in children:
            if c.leaf:
                if R.status[c.code][u] == "dropped":
                    R.shown[c.code][u] = None
                    continue
                raw = R.praw[c.code][u]
            else:
                raw = self.points_children(R, c.children, u)
            sh = raw * factor
            R.shown[c.code][u] = sh
            tot += sh
        return tot

    def mean_node(self, R, code, children, u):
        pres = []
        for c in children:
            if c.leaf:
                sc = R.n[c.code][u]
                R.shown[c.code][u] = sc
            else:
                sc = self.mean_node(R, c.code, c.children, u)
                R.shown[c.code][u] = sc
            if sc is not None:
                pres.append((c.weight, sc))
        if not pres:
            return None
        W = 0.0
        for w, _ in pres:
            W += w
        if self.s.agg == "ARITHMETIC":
            t = 0.0
            for w, sc in pres:
                t += w * sc
            return t / W
        if any(sc <= 0 for _, sc in pres):
            R.flags[u].append("warning:%s:geometric-nonpositive" % code)
            return None
        prod = 1.0
        for w, sc in pres:
            prod *= sc ** (w / W)
        return prod

    def adjust(self, items, cap_all, period, u, V):
        tot = 0.0
        for code, pe, cap in items:
            c = V.get(period, u, code)
            item = pe * (c if c is not None else 0.0)
            if cap is not None:
                item = min(item, cap)
            tot += item
        if cap_all is not None:
            tot = min(tot, cap_all)
        return tot

    def rank_key(self, R, u):
        k = [1 if R.veto[u] else 0, -R.rtotal[u]]
        for c in self.s.tie_break:
            v = R.rsub[c][u]
            if v is None:
                self.tag("C11:tiebreak-missing")
            k.append((1, 0) if v is None else (0, -v))
        return tuple(k)

    # -- bottom list
    def bottom_base(self, R):
        s, units = self.s, self.s.units
        rules = {u: [] for u in units}
        R.dimlast_level = {}
        for br in s.bottom_rules:
            kind = br["rule"]
            hit = set()
            if kind == "BOTTOM_N_PER_ZONE":
                n = br["n"]
                for z in s.zones:
                    nv = sorted((R.zrank[u] for u in s.zone_units[z] if not R.veto[u]))
                    if not nv:
                        continue
                    bound = nv[0] if n >= len(nv) else nv[len(nv) - n]
                    hit |= {u for u in s.zone_units[z] if not R.veto[u] and R.zrank[u] >= bound}
            elif kind == "BELOW_SCORE":
                sc = Decimal(repr(br["score"]))
                hit = {u for u in units if R.rtotal[u] < sc}
                if any(R.veto[u] for u in hit):
                    self.tag("C8:veto-below-score")
            elif kind == "VETO":
                hit = {u for u in units if R.veto[u]}
            elif kind == "DIMENSION_LAST":
                if any(R.veto.values()):
                    self.tag("C8:dimlast-veto")
                for d in s.tree:
                    if d.leaf:
                        continue
                    for z in s.zones:
                        vals = [(R.rsub[d.code][u], u) for u in s.zone_units[z] if R.rsub[d.code][u] is not None]
                        if len(vals) < len(s.zone_units[z]):
                            self.tag("C8:dimlast-missing")
                        if vals:
                            lo = min(v for v, _ in vals)
                            hit |= {u for v, u in vals if v == lo}
                for u in hit:
                    lv = br.get("level", "REMINDER")
                    if R.dimlast_level.get(u) != "NORMAL":
                        R.dimlast_level[u] = lv
            for u in units:
                if u in hit and kind not in rules[u]:
                    rules[u].append(kind)
        for u in units:
            if R.veto[u] and "VETO" not in rules[u]:
                self.tag("C8:implicit-veto")
                rules[u].append("VETO")
        R.rules = rules
        R.base_level = {}
        for u in units:
            rs = rules[u]
            if any(r in ("BOTTOM_N_PER_ZONE", "BELOW_SCORE", "VETO") for r in rs) or \
                    R.dimlast_level.get(u) == "NORMAL":
                R.base_level[u] = "NORMAL"
            elif "DIMENSION_LAST" in rs:
                R.base_level[u] = "REMINDER"
            else:
                R.base_level[u] = ""

    def full(self, period):
        R = self.core(period)
        s = self.s
        pp = prev_period(s.kind, period)
        R.rank_change = {}
        if self.has_results(pp):
            P = self.core(pp)
            R.rank_change = {u: P.rank[u] - R.rank[u] for u in s.units}
        R.level = dict(R.base_level)
        R.final_rules = {u: list(R.rules[u]) for u in s.units}
        for br in s.bottom_rules:
            if br["rule"] != "CONSECUTIVE":
                continue
            for u in s.units:
                if R.base_level[u] != "NORMAL":
                    continue
                ok, p = True, period
                for _ in range(br["periods"] - 1):
                    p = prev_period(s.kind, p)
                    if not self.has_results(p) or self.core(p).base_level[u] != "NORMAL":
                        ok = False
                        break
                if ok:
                    R.level[u] = "ESCALATED"
                    if "CONSECUTIVE" not in R.final_rules[u]:
                        R.final_rules[u].append("CONSECUTIVE")
        R.order = sorted(s.units, key=lambda u: (R.rank[u], s.unit_index[u]))
        return R

    def weakest(self, R, u):
        s = self.s
        zu = s.zone_units[s.zone_of[u]]
        gaps = []
        for i, leaf in enumerate(s.leaves):
            own = R.shown[leaf.code][u]
            if own is None:
                continue
            best = max(R.shown[leaf.code][v] for v in zu if R.shown[leaf.code][v] is not None)
            gaps.append((-(best - own), i, leaf.code))
        gaps.sort()
        return [g[2] for g in gaps[:3]]

    def listed_by(self, R, u, rules):
        return any(r in R.rules[u] for r in rules)

    def escape(self, R, u, code):
        s = self.s
        leaf = s.leaf_by[code]
        rules = [r for r in R.rules[u] if r in ("BOTTOM_N_PER_ZONE", "BELOW_SCORE")]
        up = leaf.method == "BREAK_ZERO" or (leaf.direction == "POSITIVE" and leaf.method != "CLEAR_ZERO")
        cur = R.rawval[code][u]
        if cur is None:
            cur = 0.0
        b = s.inputs.get(code) if code not in s.derived else None
        if up:
            if b and b["max"] is not None:
                far = b["max"]
            else:
                seen = [v for v in R.rawval[code].values() if v is not None] + [cur]
                far = 10 * max(seen)
            if far <= cur:
                return "unreachable"
        else:
            far = b["min"] if b and b["min"] is not None else 0.0
            if far >= cur:
                return "unreachable"
        rng = abs(far - cur)

        def listed(x):
            T = self.core(R.period, {(R.period, u, code): x})
            return self.listed_by(T, u, rules)

        if listed(far):
            return "unreachable"
        a, z = cur, far  # a listed, z not listed
        while abs(z - a) > 1e-6 * rng:
            mid = (a + z) / 2
            if listed(mid):
                a = mid
            else:
                z = mid
        return repr(z)


# ---------------------------------------------------------------------------------------------
# output
# ---------------------------------------------------------------------------------------------

def write_results(eng, R, out, detail):
    s = eng.s
    d = s.decimals
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["period", "unit", "name", "zone", "total", "rank", "zoneRank", "rankChange", "bottom",
                    "level"] + s.dim_codes + ["bonus", "penalty", "veto", "flags"])
        for u in R.order:
            rc = R.rank_change.get(u)
            row = [R.period, u, s.unit_name[u], s.zone_of[u], fmt_rounded(R.rtotal[u], d), R.rank[u],
                   R.zrank[u], "" if rc is None else rc, "true" if R.level[u] else "false", R.level[u]]
            row += ["" if R.rsub[c][u] is None else fmt_rounded(R.rsub[c][u], d) for c in s.dim_codes]
            row += [fnum(R.bonus[u]), fnum(R.penalty[u]), "true" if R.veto[u] else "false",
                    ";".join(R.flags[u])]
            w.writerow(row)
    if detail:
        with open(detail, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["period", "unit", "code", "value", "points", "normalised"])
            for u in s.units:  # as in the worked example: scheme order of units
                for leaf in s.leaves:
                    c = leaf.code
                    st = R.status[c][u]
                    if st == "dropped":
                        w.writerow([R.period, u, c, "", "", ""])
                        continue
                    val = "" if st == "zero" else fnum(R.value[c][u])
                    pts = fnum(R.shown[c][u]) if s.points else ""
                    w.writerow([R.period, u, c, val, pts, fnum(R.n[c][u])])


def write_bottom(eng, R, out, with_escape=True):
    s = eng.s
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["period", "unit", "name", "zone", "rank", "zoneRank", "total", "level", "rules", "weakest",
                    "escape"])
        for u in R.order:
            if not R.level[u]:
                continue
            weak = eng.weakest(R, u)
            esc = ""
            if with_escape and any(r in R.rules[u] for r in ("BOTTOM_N_PER_ZONE", "BELOW_SCORE")):
                esc = ";".join("%s=%s" % (c, eng.escape(R, u, c)) for c in weak)
            w.writerow([R.period, u, s.unit_name[u], s.zone_of[u], R.rank[u], R.zrank[u],
                        fmt_rounded(R.rtotal[u], s.decimals), R.level[u], ";".join(R.final_rules[u]),
                        ";".join(weak), esc])


def load(args):
    try:
        with open(args.scheme, encoding="utf-8-sig") as f:
            js = json.load(f)
    except OSError as e:
        raise UserError("%s: %s" % (args.scheme, e))
    except ValueError as e:
        raise UserError("%s: not JSON: %s" % (args.scheme, e))
    scheme = Scheme(js)
    if not check_period(scheme.kind, args.period):
        raise UserError("--period %s is not a %s period" % (args.period, scheme.kind))
    data = read_long_csv(args.data, scheme, False)
    targets = read_long_csv(args.targets, scheme, True) if args.targets else {}
    return Engine(scheme, data, targets)


def main(argv=None):
    ap = argparse.ArgumentParser(prog="reference_scorer.py")
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("score", "bottom-list"):
        p = sub.add_parser(name)
        p.add_argument("--scheme", required=True)
        p.add_argument("--data", required=True)
        p.add_argument("--targets")
        p.add_argument("--period", required=True)
        p.add_argument("--out", required=True)
        if name == "score":
            p.add_argument("--detail")
        else:
            p.add_argument("--no-escape", action="store_true")
    args = ap.parse_args(argv)
    try:
        eng = load(args)
        R = eng.full(args.period)
        if args.cmd == "score":
            write_results(eng, R, args.out, args.detail)
        else:
            write_bottom(eng, R, args.out, not args.no_escape)
    except UserError as e:
        print("error: %s" % e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
