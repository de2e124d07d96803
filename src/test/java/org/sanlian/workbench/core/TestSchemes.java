package org.sanlian.workbench.core;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.sanlian.workbench.core.bottom.PeriodAssessor;
import org.sanlian.workbench.core.model.Adjustment;
import org.sanlian.workbench.core.model.Aggregation;
import org.sanlian.workbench.core.model.BottomRule;
import org.sanlian.workbench.core.model.Comparison;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Derived;
import org.sanlian.workbench.core.model.Input;
import org.sanlian.workbench.core.model.Node;
import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.PeriodKind;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.SensitivitySettings;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.model.Veto;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.ScoringEngine;

/** A small builder of schemes and data for hand-worked engine tests. */
public final class TestSchemes {

    public Aggregation aggregation = Aggregation.POINTS;
    public Comparison comparison = Comparison.ALL;
    public int decimals = 2;
    public List<String> tieBreak = new ArrayList<>();
    public double bonusCap = 5;
    public OptionalDouble penaltyCap = OptionalDouble.empty();
    public final List<Unit> units = new ArrayList<>();
    public final List<Zone> zones = new ArrayList<>();
    public final List<Node> tree = new ArrayList<>();
    public final List<Derived> derived = new ArrayList<>();
    public final List<Input> inputs = new ArrayList<>();
    public final List<Adjustment> adjustments = new ArrayList<>();
    public final List<Veto> vetoes = new ArrayList<>();
    public final List<BottomRule> bottomRules = new ArrayList<>();
    public final List<Observation> data = new ArrayList<>();
    public final List<Observation> targets = new ArrayList<>();

    /** One zone Z with units U1..Un. */
    public static TestSchemes oneZone(int n) {
        TestSchemes t = new TestSchemes();
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            t.units.add(new Unit("U" + i, "单位" + i));
            codes.add("U" + i);
        }
        t.zones.add(new Zone("Z", "分区", codes));
        return t;
    }

    /** Two zones: ZA with A1..An, ZB with B1..Bm. */
    public static TestSchemes twoZones(int n, int m) {
        TestSchemes t = new TestSchemes();
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            t.units.add(new Unit("A" + i, "甲" + i));
            a.add("A" + i);
        }
        for (int i = 1; i <= m; i++) {
            t.units.add(new Unit("B" + i, "乙" + i));
            b.add("B" + i);
        }
        t.zones.add(new Zone("ZA", "一类", a));
        t.zones.add(new Zone("ZB", "二类", b));
        return t;
    }

    public TestSchemes value(String period, String unit, String code, double v) {
        data.add(Observation.of(period, unit, code, v));
        return this;
    }

    /** The same code for units in scheme order (NaN: an explicitly missing value). */
    public TestSchemes values(String period, String code, double... v) {
        for (int i = 0; i < v.length; i++) {
            Period p = Period.parse(period).orElseThrow();
            data.add(new Observation(p, units.get(i).code(), code,
                    Double.isNaN(v[i]) ? OptionalDouble.empty() : OptionalDouble.of(v[i]), ""));
        }
        return this;
    }

    public TestSchemes target(String period, String owner, String code, double v) {
        targets.add(Observation.of(period, owner, code, v));
        return this;
    }

    public Scheme scheme() {
        return new Scheme("TEST", "测试方案", PeriodKind.YEAR, aggregation, comparison, decimals, tieBreak, bonusCap,
                penaltyCap, units, zones, tree, derived, inputs, adjustments, vetoes, bottomRules,
                SensitivitySettings.DEFAULT, List.of());
    }

    public DataSet dataSet() {
        return new DataSet(data);
    }

    public DataSet targetSet() {
        return new DataSet(targets);
    }

    /** Scores and lists a period. */
    public PeriodResult score(String period) {
        Period p = Period.parse(period).orElseThrow();
        return PeriodAssessor.assess(new ScoringEngine(scheme()).session(dataSet(), targetSet()), p);
    }
}
