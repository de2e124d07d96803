#!/usr/bin/env python3
"""Generate the simulated demo data set (示例数据) of the default 三链 scheme.

Writes, next to the default scheme's resources:

    src/main/resources/org/sanlian/workbench/demo/data.csv     figures (period,unit,code,value,note)
    src/main/resources/org/sanlian/workbench/demo/targets.csv  commitments and zone targets (period,unit,code,value)
    src/main/resources/org/sanlian/workbench/demo/README.md    what the data set is

The figures are invented. They are shaped after the published scale of Lishui's
counties (莲都区 and the development zone larger, mountain counties smaller) so
that the workbench has something plausible to show; they are not statistics.

Deterministic: a fixed seed, the standard library only, the same files on every
run (``python3 scripts/generate_demo_data.py``, from anywhere).

How the figures are made
------------------------
* Each unit has a profile of its 2021 figures (internal only, never written)
  and a growth rate per figure. Every year from 2022 to 2025 the figures move on
  from the year before with that growth, scaled by the unit's *effort* for the
  year (an invented factor near 1 that decides how well it does) and a little
  seeded noise.
* Public commitments (公开承诺) are what a unit would promise at the start of a
  year: last year's figure plus its planned growth (stocks, R&D intensity), or
  its usual yearly number (flows such as 新增省级企业研究院). Each is at least 1,
  because target completion needs a positive target.
* Small counts (bonuses, 省级领军型创新创业团队, 海外孵化器, 市级创新联合体) are
  written out by hand in the tables below, so that every rule has a case.
* P_COMMIT (公开承诺未兑现) is not invented: it counts the unit's commitments
  whose completion x / t is below 0.6 in that year (a missing figure counts as
  not kept).
* Scenario overrides (a missing figure each year, a veto, capped bonuses and
  penalties, a commitment exceeded beyond 120% ...) are listed in SCENARIO.
"""

import csv
import io
import os
import random

SEED = 20220822  # date of 丽委科办〔2022〕2号
YEARS = [2022, 2023, 2024, 2025]
FIRST_DEMO_YEAR = 2023

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "main", "resources", "org", "sanlian", "workbench", "demo")

# Units in the scheme's order: code, name, zone.
UNITS = [
    ("331102", "莲都区", "Z1"),
    ("331121", "青田县", "Z1"),
    ("331122", "缙云县", "Z1"),
    ("331123", "遂昌县", "Z2"),
    ("331124", "松阳县", "Z1"),
    ("331125", "云和县", "Z2"),
    ("331126", "庆元县", "Z2"),
    ("331127", "景宁畲族自治县", "Z2"),
    ("331181", "龙泉市", "Z2"),
    ("331191", "丽水经济技术开发区", "Z1"),
]
ZONES = ["Z1", "Z2"]

# 2021 profile (internal starting point) and yearly growth.
#   gdp 亿元, gdp_g growth; rd 全社会R&D/GDP %, rd_step yearly rise;
#   rev 规上工业营业收入 万元, rev_g; ird 规上工业R&D/营收 %, ird_step;
#   va 规上工业增加值 亿元, va_g; ht 高新技术产业增加值占比 %, ht_step;
#   hte 国家高新技术企业, hte_g; sme 省级科技型中小企业, sme_g;
#   nord 1亿元以上无研发活动企业, noinst 5亿元以上无研发机构企业;
#   chains 县域特色产业链条数, cov 已覆盖“七有”项数 (of chains*7);
#   env 团队科技特派员; ri, htrd, lvgu, lead: usual yearly numbers of
#   新增省级企业研究院, 新增省高企研发中心, 绿谷精英项目, 本土科技领军人才.
PROFILE = {
    "331102": dict(gdp=282, gdp_g=.062, rd=2.30, rd_step=.12, rev=2350000, rev_g=.07, ird=1.78, ird_step=.07,
                   va=58, va_g=.07, ht=51.5, ht_step=1.3, hte=135, hte_g=.11, sme=380, sme_g=.12,
                   nord=6, noinst=3, chains=2, cov=10, env=13, ri=2.5, htrd=6, lvgu=7, lead=2),
    "331121": dict(gdp=268, gdp_g=.058, rd=1.20, rd_step=.07, rev=2800000, rev_g=.06, ird=1.10, ird_step=.05,
                   va=58, va_g=.06, ht=33.0, ht_step=1.0, hte=47, hte_g=.10, sme=200, sme_g=.11,
                   nord=11, noinst=4, chains=2, cov=7, env=10, ri=1.2, htrd=3, lvgu=4, lead=1),
    "331122": dict(gdp=280, gdp_g=.070, rd=2.45, rd_step=.11, rev=4300000, rev_g=.08, ird=1.85, ird_step=.07,
                   va=82, va_g=.08, ht=50.5, ht_step=1.2, hte=95, hte_g=.11, sme=350, sme_g=.12,
                   nord=6, noinst=2, chains=2, cov=9, env=15, ri=2.2, htrd=6, lvgu=6, lead=1),
    "331123": dict(gdp=158, gdp_g=.060, rd=1.70, rd_step=.09, rev=2150000, rev_g=.06, ird=1.30, ird_step=.05,
                   va=42, va_g=.06, ht=37.0, ht_step=1.1, hte=45, hte_g=.10, sme=155, sme_g=.11,
                   nord=5, noinst=2, chains=2, cov=8, env=10, ri=1.2, htrd=3, lvgu=4, lead=1),
    "331124": dict(gdp=140, gdp_g=.064, rd=1.80, rd_step=.09, rev=1950000, rev_g=.07, ird=1.40, ird_step=.06,
                   va=37, va_g=.07, ht=39.0, ht_step=1.1, hte=38, hte_g=.10, sme=165, sme_g=.11,
                   nord=6, noinst=3, chains=2, cov=8, env=12, ri=1.2, htrd=3, lvgu=4, lead=1),
    "331125": dict(gdp=98, gdp_g=.065, rd=2.00, rd_step=.09, rev=880000, rev_g=.07, ird=1.65, ird_step=.06,
                   va=20, va_g=.07, ht=48.5, ht_step=1.2, hte=38, hte_g=.11, sme=145, sme_g=.12,
                   nord=3, noinst=1, chains=1, cov=5, env=9, ri=1.1, htrd=2.5, lvgu=3, lead=1),
    "331126": dict(gdp=88, gdp_g=.060, rd=1.40, rd_step=.08, rev=760000, rev_g=.06, ird=1.25, ird_step=.05,
                   va=17, va_g=.06, ht=41.0, ht_step=1.0, hte=25, hte_g=.11, sme=110, sme_g=.11,
                   nord=4, noinst=2, chains=1, cov=4, env=8, ri=1.0, htrd=2, lvgu=3, lead=1),
    "331127": dict(gdp=74, gdp_g=.058, rd=1.25, rd_step=.06, rev=420000, rev_g=.06, ird=1.05, ird_step=.04,
                   va=10, va_g=.06, ht=32.0, ht_step=0.9, hte=16, hte_g=.10, sme=78, sme_g=.10,
                   nord=4, noinst=1, chains=1, cov=4, env=7, ri=1.0, htrd=1.5, lvgu=2, lead=1),
    "331181": dict(gdp=185, gdp_g=.060, rd=1.75, rd_step=.09, rev=1600000, rev_g=.06, ird=1.55, ird_step=.06,
                   va=37, va_g=.06, ht=46.0, ht_step=1.1, hte=50, hte_g=.10, sme=210, sme_g=.11,
                   nord=4, noinst=2, chains=2, cov=9, env=11, ri=1.3, htrd=3.5, lvgu=4, lead=1),
    "331191": dict(gdp=172, gdp_g=.080, rd=2.80, rd_step=.12, rev=5700000, rev_g=.09, ird=1.95, ird_step=.07,
                   va=110, va_g=.09, ht=57.0, ht_step=1.2, hte=148, hte_g=.12, sme=340, sme_g=.12,
                   nord=7, noinst=3, chains=2, cov=11, env=10, ri=3.0, htrd=8, lvgu=8, lead=2),
}

# Effort per unit and year (1 = on plan). It decides most of the ranking story:
# 松阳县 slips in 2023, 景宁畲族自治县 lags in 2024 and 2025, 青田县 in 2025.
EFFORT = {
    "331102": [1.02, 1.05, 1.03, 1.06],
    "331121": [0.92, 0.97, 0.95, 0.78],
    "331122": [1.04, 1.02, 1.05, 1.03],
    "331123": [0.97, 1.00, 0.98, 1.00],
    "331124": [0.98, 0.80, 0.88, 0.99],
    "331125": [1.00, 1.02, 1.01, 1.03],
    "331126": [0.95, 0.90, 0.97, 0.95],
    "331127": [0.88, 0.96, 0.72, 0.76],
    "331181": [1.00, 1.01, 1.03, 1.00],
    "331191": [1.06, 1.05, 1.08, 1.07],
}

# Hand-written small counts, per unit: values for 2022..2025.
LEAD_TEAMS = {"331191": [1, 0, 0, 1], "331102": [0, 1, 0, 1], "331122": [0, 0, 1, 0], "331181": [0, 0, 1, 0]}
OVERSEAS = {"331191": [1, 0, 1, 1], "331121": [1, 1, 1, 2], "331102": [0, 1, 0, 0], "331122": [0, 0, 1, 0],
            "331181": [0, 0, 0, 1]}
CONSORTIA = {  # a stock: the unit's municipal innovation consortia in being
    "331102": [1, 2, 2, 3], "331121": [0, 0, 1, 1], "331122": [1, 1, 2, 2], "331123": [0, 0, 1, 1],
    "331124": [0, 1, 1, 1], "331125": [0, 1, 1, 1], "331126": [0, 0, 0, 1], "331127": [0, 0, 0, 0],
    "331181": [1, 1, 1, 2], "331191": [2, 2, 3, 3],
}
# Zone targets (THRESHOLD): per zone, 2022..2025.
ZONE_TARGETS = {
    "CONSORTIA": {"Z1": [1, 1, 2, 2], "Z2": [1, 1, 1, 1]},
    "SCI_ENVOYS": {"Z1": [12, 13, 14, 15], "Z2": [9, 9, 10, 11]},
}
# Adjustments: (year, unit) -> {code: (count, note)}. Absent means 0.
ADJUSTMENTS = {
    (2022, "331191"): {"B_LAB": (1, "新建省技术创新中心1家")},
    (2022, "331122"): {"B_GIANT": (1, "首家省科技“小巨人”企业")},
    (2023, "331191"): {"B_NATPLAT": (1, "国家级众创空间零突破"), "B_LAB": (1, "新建省重点实验室1家")},
    (2023, "331102"): {"B_GIANT": (1, "首家省科技领军企业")},
    (2023, "331122"): {"B_HTZONE": (1, "缙云省级高新区获批创建")},
    (2024, "331191"): {"B_NATPLAT": (1, "国家级科技企业孵化器零突破"), "B_LAB": (2, "新建省技术创新中心2家"),
                       "B_GIANT": (2, "省科技“小巨人”、科技领军企业各1家")},
    (2024, "331124"): {"B_HTZONE": (1, "松阳省级高新区获批创建")},
    (2024, "331181"): {"B_GIANT": (1, "首家省科技“小巨人”企业")},
    (2025, "331102"): {"B_NATPLAT": (1, "国家级工程技术研究中心分中心零突破"), "B_LAB": (1, "新建省重点实验室1家")},
    (2025, "331123"): {"B_HTZONE": (1, "遂昌省级高新区获批创建")},
    (2025, "331125"): {"B_GIANT": (1, "首家省科技“小巨人”企业")},
    (2025, "331191"): {"B_LAB": (1, "新建省技术创新中心1家")},
}
# Late or wrong data (P_LATE counts), beyond the missing figures (each missing figure adds one).
LATE = {(2023, "331124"): 1, (2024, "331127"): 3, (2025, "331121"): 1}

# Scenario overrides, applied after the figures are generated:
#   missing: (year, unit, code) left empty with the note 未报送
#   value:   (year, unit, code) -> (value, note)
MISSING = [
    (2022, "331127", "SCI_ENVOYS"),
    (2023, "331126", "IND_RD"),
    (2024, "331127", "LVGU"),
    (2024, "331127", "QIYOU"),
    (2025, "331123", "TECH_SME"),
    (2025, "331125", "HT_VA"),
]
VETO = {(2024, "331121"): "经核查，规上工业企业R&D经费数据虚报（示例）"}
# 开发区 lands far more 绿谷精英 projects than it promised in 2024 (completion > 1.2, capped).
LVGU_OVERRIDE = {(2024, "331191"): (14, "引进绿谷精英项目集中落地")}

INPUT_CODES = ["GDP", "RD_EXP", "IND_REV", "IND_RD", "IND_VA", "HT_VA"]
ENTERED_CODES = ["HTE", "TECH_SME", "NEW_RI", "NEW_HTRD", "NORD_1E", "NOINST_5E", "QIYOU", "CONSORTIA",
                 "LEAD_TEAMS", "LVGU", "LOCAL_LEADERS", "SCI_ENVOYS", "OVERSEAS"]
ADJ_CODES = ["B_NATPLAT", "B_HTZONE", "B_LAB", "B_GIANT", "P_LATE", "P_COMMIT"]
VETO_CODES = ["V_FRAUD"]
NAMES = {"HTE": "国家高新技术企业数", "TECH_SME": "省级科技型中小企业数", "NEW_RI": "新增省级企业研究院",
         "NEW_HTRD": "新增省高新技术企业研发中心", "RD_INT": "全社会R&D经费支出占GDP比重",
         "LVGU": "“绿谷精英”人才项目落地数", "LOCAL_LEADERS": "资助本土科技领军人才"}
COMMITMENT_CODES = ["HTE", "TECH_SME", "NEW_RI", "NEW_HTRD", "RD_INT", "LVGU", "LOCAL_LEADERS"]


def fmt(v, places):
    """A plain decimal with the given places (0: an integer); never an exponent."""
    if places == 0:
        return str(int(round(v)))
    return f"{v:.{places}f}"


def generate():
    rng = random.Random(SEED)
    figures = {}      # (year, unit, code) -> float or None
    notes = {}        # (year, unit, code) -> str
    targets = {}      # (year, unit-or-zone, code) -> float

    for code, _name, _zone in UNITS:
        p = PROFILE[code]
        # the 2021 state, moved on year by year
        gdp, rd, rev, ird = p["gdp"], p["rd"], p["rev"], p["ird"]
        va, ht, hte, sme = p["va"], p["ht"], p["hte"], p["sme"]
        nord, noinst, cov, env = p["nord"], p["noinst"], p["cov"], p["env"]
        for i, y in enumerate(YEARS):
            e = EFFORT[code][i]
            noise = lambda a: rng.uniform(-a, a)  # noqa: E731

            # commitments made at the start of the year, from last year's figures
            targets[(y, code, "HTE")] = max(1, round(hte * (1 + p["hte_g"] + 0.03)))
            targets[(y, code, "TECH_SME")] = max(1, round(sme * (1 + p["sme_g"] + 0.03)))
            targets[(y, code, "RD_INT")] = round(rd + p["rd_step"] + 0.10, 2)
            targets[(y, code, "NEW_RI")] = max(1, round(p["ri"] * 1.15))
            targets[(y, code, "NEW_HTRD")] = max(1, round(p["htrd"] * (1 + 0.08 * i) * 1.15))
            targets[(y, code, "LVGU")] = max(1, round(p["lvgu"] * (1 + 0.06 * i) * 1.15))
            targets[(y, code, "LOCAL_LEADERS")] = max(1, round(p["lead"] * 1.15))

            # the year's figures
            gdp = gdp * (1 + p["gdp_g"] + noise(0.01))
            rd = max(0.5, rd + p["rd_step"] * e + (e - 1) * 0.4 + noise(0.04))
            rev = rev * (1 + p["rev_g"] + noise(0.02))
            ird = max(0.4, ird + p["ird_step"] * e + (e - 1) * 0.4 + noise(0.05))
            va = va * (1 + p["va_g"] + noise(0.015))
            ht = min(80.0, ht + p["ht_step"] * e + (e - 1) * 3 + noise(0.6))
            hte = max(0, round(hte * (1 + p["hte_g"] * e + (e - 1) * 0.3 + noise(0.015))))
            sme = max(0, round(sme * (1 + p["sme_g"] * e + (e - 1) * 0.3 + noise(0.02))))
            if rng.random() < 0.6 * e:
                nord = max(0, nord - rng.choice([1, 1, 2]))
            if rng.random() < 0.5 * e:
                noinst = max(0, noinst - 1)
            cov = min(p["chains"] * 7, cov + (1 if rng.random() < 0.75 * e else 0))
            env = max(0, round(env * (1 + 0.08 * e + (e - 1) * 0.6) + noise(1.4)))

            put = figures.__setitem__
            put((y, code, "GDP"), round(gdp, 2))
            rd_exp = round(gdp * 10000 * rd / 100, 1)
            put((y, code, "RD_EXP"), rd_exp)
            put((y, code, "IND_REV"), round(rev, 0))
            put((y, code, "IND_RD"), round(rev * ird / 100, 1))
            put((y, code, "IND_VA"), round(va, 2))
            put((y, code, "HT_VA"), round(va * ht / 100, 2))
            put((y, code, "HTE"), hte)
            put((y, code, "TECH_SME"), sme)
            flow = lambda t: max(0, round(t * e * 0.92 + rng.gauss(0, 0.4 * t ** 0.5)))  # noqa: E731
            put((y, code, "NEW_RI"), flow(targets[(y, code, "NEW_RI")]))
            put((y, code, "NEW_HTRD"), flow(targets[(y, code, "NEW_HTRD")]))
            put((y, code, "LVGU"), flow(targets[(y, code, "LVGU")]))
            put((y, code, "LOCAL_LEADERS"), flow(targets[(y, code, "LOCAL_LEADERS")]))
            put((y, code, "NORD_1E"), nord)
            put((y, code, "NOINST_5E"), noinst)
            put((y, code, "QIYOU"), round(cov / (p["chains"] * 7) * 100, 2))
            notes[(y, code, "QIYOU")] = f"特色产业链{p['chains']}条，覆盖{cov}/{p['chains'] * 7}项"
            put((y, code, "CONSORTIA"), CONSORTIA[code][i])
            put((y, code, "LEAD_TEAMS"), LEAD_TEAMS.get(code, [0] * 4)[i])
            put((y, code, "SCI_ENVOYS"), env)
            put((y, code, "OVERSEAS"), OVERSEAS.get(code, [0] * 4)[i])
            for adj in ADJ_CODES:
                put((y, code, adj), 0)
            for adj, (count, note) in ADJUSTMENTS.get((y, code), {}).items():
                put((y, code, adj), count)
                notes[(y, code, adj)] = note
            put((y, code, "V_FRAUD"), 0)

    for key, (value, note) in LVGU_OVERRIDE.items():
        figures[key + ("LVGU",)] = value
        notes[key + ("LVGU",)] = note
    for key, note in VETO.items():
        figures[key + ("V_FRAUD",)] = 1
        notes[key + ("V_FRAUD",)] = note
    for key in MISSING:
        figures[key] = None
        notes[key] = "未报送"

    for (y, unit), count in LATE.items():
        figures[(y, unit, "P_LATE")] += count
    for (y, unit, _code) in MISSING:
        figures[(y, unit, "P_LATE")] += 1
    for (y, unit) in set((y, u) for (y, u, _c) in MISSING) | set(LATE):
        n = figures[(y, unit, "P_LATE")]
        notes[(y, unit, "P_LATE")] = f"报送逾期或差错{n}次"

    # P_COMMIT: commitments kept below 80 % (a missing figure counts as not kept)
    for y in YEARS:
        for unit, _n, _z in UNITS:
            broken = []
            for c in COMMITMENT_CODES:
                x = value_of(figures, y, unit, c)
                if x is None or x / targets[(y, unit, c)] < 0.6:
                    broken.append(NAMES[c])
            figures[(y, unit, "P_COMMIT")] = len(broken)
            if broken:
                notes[(y, unit, "P_COMMIT")] = "未兑现：" + "、".join(broken)

    for code, per_zone in ZONE_TARGETS.items():
        for zone, values in per_zone.items():
            for i, y in enumerate(YEARS):
                targets[(y, zone, code)] = values[i]
    return figures, notes, targets


def value_of(figures, y, unit, code):
    """An entered figure, or RD_INT computed as the scheme's expression does."""
    if code == "RD_INT":
        rd, gdp = figures[(y, unit, "RD_EXP")], figures[(y, unit, "GDP")]
        return None if rd is None or gdp is None else rd / (gdp * 10000) * 100
    return figures[(y, unit, code)]


PLACES = {"GDP": 2, "RD_EXP": 1, "IND_REV": 0, "IND_RD": 1, "IND_VA": 2, "HT_VA": 2, "QIYOU": 2, "RD_INT": 2}


def write(figures, notes, targets):
    os.makedirs(OUT, exist_ok=True)
    data = io.StringIO()
    w = csv.writer(data, lineterminator="\n")
    w.writerow(["period", "unit", "code", "value", "note"])
    for y in YEARS:
        for unit, _n, _z in UNITS:
            for c in INPUT_CODES + ENTERED_CODES + ADJ_CODES + VETO_CODES:
                v = figures[(y, unit, c)]
                w.writerow([y, unit, c, "" if v is None else fmt(v, PLACES.get(c, 0)), notes.get((y, unit, c), "")])
    tg = io.StringIO()
    w = csv.writer(tg, lineterminator="\n")
    w.writerow(["period", "unit", "code", "value"])
    for y in YEARS:
        for unit, _n, _z in UNITS:
            for c in COMMITMENT_CODES:
                w.writerow([y, unit, c, fmt(targets[(y, unit, c)], PLACES.get(c, 0))])
        for zone in ZONES:
            for c in ZONE_TARGETS:
                w.writerow([y, zone, c, fmt(targets[(y, zone, c)], 0)])
    for name, text in (("data.csv", data.getvalue()), ("targets.csv", tg.getvalue()), ("README.md", README)):
        with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)


README = """# 示例数据 (simulated demo data)

**本目录全部数据均为模拟生成的示例数据，不是统计数据，不代表任何县（市、区）的真实情况。**
All figures here are simulated (示例数据). They are not statistics and say nothing
about the real performance of any county.

- `data.csv`: figures in the long format of FORMATS.md (`period,unit,code,value,note`),
  for 2022 to 2025: every input, entered indicator, adjustment and veto of every unit.
  2023–2025 are the demo years; 2022 is a complete base year, there so that
  `prev(RD_EXP)` gives the 2023 R&D growth (2022 is scored too, with its growth
  missing for every unit).
- `targets.csv`: each unit's public commitments (公开承诺) for the COMMITMENT
  indicators (HTE, TECH_SME, NEW_RI, NEW_HTRD, RD_INT, LVGU, LOCAL_LEADERS) and the
  zone targets (zone code in the `unit` column) for CONSORTIA and SCI_ENVOYS.
- Scheme: `../schemes/sanlian-2025.scheme.json`. Description: `docs/demo-data.md`.

Generated by `python3 scripts/generate_demo_data.py` (Python 3 standard library,
fixed seed 20220822; the same files on every run). Do not edit the files by hand:
change the script and run it again.

What the data is built to show: a missing figure (note 未报送) in every year; a
veto (青田县, 2024); bonuses in several units, 开发区's over the cap of 5 in 2024;
late-data penalties, 景宁畲族自治县's over its cap in 2024; a unit last in its zone
two years running (景宁畲族自治县, 2024 and 2025); totals below 60; clear-zero
counts above the points; units with 0 on the break-zero indicator; zone
thresholds met and missed; a commitment exceeded beyond the 120% cap (开发区,
绿谷精英, 2024).
"""


if __name__ == "__main__":
    write(*generate())
