package org.sanlian.workbench.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.sanlian.workbench.app.CommitmentService.Key;
import org.sanlian.workbench.app.CommitmentService.Subject;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.TargetSource;
import org.sanlian.workbench.core.model.Zone;

/**
 * Zone targets (分区目标): one target per zone and indicator whose rule takes its target from the
 * unit's zone, in one period. Kept in the same table as the commitments, with the zone's code as the
 * subject; typed targets are checked as commitments are ({@link CommitmentService#read}) and saved
 * with them ({@link CommitmentService#save(WorkbenchDatabase, Period, List, Map, String)}).
 */
public final class ZoneTargetService {

    /** The source recorded on zone targets typed or pasted in the window. */
    public static final String SOURCE = "分区目标（工作台录入）";

    /** A period's zone targets: the zones of the scheme that scores it, the ZONE-target indicators, the targets kept. */
    public record ZoneSheet(List<Zone> zones, List<Indicator> indicators, Map<Key, Double> targets) {
        public ZoneSheet {
            zones = List.copyOf(zones);
            indicators = List.copyOf(indicators);
            targets = Map.copyOf(targets);
        }

        /** The zones as rows of a targets grid. */
        public List<Subject> rows() {
            return zones.stream().map(z -> new Subject(z.code(), z.name())).toList();
        }
    }

    private ZoneTargetService() {
    }

    /** The indicators whose target is the unit's zone's, in the scheme's order. */
    public static List<Indicator> indicators(Scheme scheme) {
        return scheme.leaves().stream()
                .filter(l -> l.target().filter(t -> t == TargetSource.ZONE).isPresent())
                .toList();
    }

    /** A period's zone targets, from the assessment read with the scheme that scores it (the commitments' reading). */
    public static ZoneSheet of(Assessment assessment, Period period) {
        Objects.requireNonNull(period, "period");
        Scheme scheme = assessment.scheme();
        List<Indicator> indicators = indicators(scheme);
        Map<Key, Double> targets = new HashMap<>();
        for (Zone z : scheme.zones()) {
            for (Indicator i : indicators) {
                assessment.targets().value(period, z.code(), i.code())
                        .ifPresent(v -> targets.put(new Key(z.code(), i.code()), v));
            }
        }
        return new ZoneSheet(scheme.zones(), indicators, targets);
    }
}
