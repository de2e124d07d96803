package org.sanlian.workbench.ui.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.sanlian.workbench.app.AssessmentFiles;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.model.Zone;

/** The units and zones as edited: moves, order, names, new units, and the scheme's order of units following each zone's. */
class UnitsAndZonesTest {

    private static final UnitsAndZones THREE = new UnitsAndZones(
            List.of(new Unit("A1", "甲一"), new Unit("B1", "乙一"), new Unit("A2", "甲二"), new Unit("A3", "甲三"),
                    new Unit("B2", "乙二")),
            List.of(new Zone("ZA", "甲类", List.of("A1", "A2", "A3")), new Zone("ZB", "乙类", List.of("B1", "B2"))));

    private static List<String> units(UnitsAndZones s) {
        return s.units().stream().map(Unit::code).toList();
    }

    @Test
    void aUnitMovesToTheEndOfAnotherZone() {
        UnitsAndZones s = THREE.move("A2", "ZB", Optional.empty());
        assertThat(s.zone("ZA").orElseThrow().units()).containsExactly("A1", "A3");
        assertThat(s.zone("ZB").orElseThrow().units()).containsExactly("B1", "B2", "A2");
        assertThat(s.zoneOf("A2").orElseThrow().code()).isEqualTo("ZB");
        // 乙类's units take the places they held in the scheme's list, in the zone's new order
        assertThat(units(s)).containsExactly("A1", "B1", "B2", "A3", "A2");
    }

    @Test
    void aUnitMovesBeforeAnotherUnit() {
        UnitsAndZones s = THREE.move("A3", "ZB", Optional.of("B2"));
        assertThat(s.zone("ZB").orElseThrow().units()).containsExactly("B1", "A3", "B2");
        UnitsAndZones within = THREE.move("A3", "ZA", Optional.of("A1"));
        assertThat(within.zone("ZA").orElseThrow().units()).containsExactly("A3", "A1", "A2");
        assertThat(units(within)).containsExactly("A3", "B1", "A1", "A2", "B2");
        assertThat(THREE.move("A1", "ZA", Optional.of("A1"))).isEqualTo(THREE); // onto itself
        assertThat(THREE.move("A1", "ZA", Optional.of("A2"))).isEqualTo(THREE); // already there
    }

    @Test
    void shiftingReordersWithinTheZoneAndStopsAtItsEnds() {
        UnitsAndZones s = THREE.shift("A2", -1);
        assertThat(s.zone("ZA").orElseThrow().units()).containsExactly("A2", "A1", "A3");
        assertThat(units(s)).containsExactly("A2", "B1", "A1", "A3", "B2");
        assertThat(THREE.shift("A1", -1)).isEqualTo(THREE);
        assertThat(THREE.shift("B2", 1)).isEqualTo(THREE);
    }

    @Test
    void neighbouringZonesAreLeftAndRight() {
        assertThat(THREE.moveToNeighbour("A1", 1).zoneOf("A1").orElseThrow().code()).isEqualTo("ZB");
        assertThat(THREE.moveToNeighbour("B1", -1).zone("ZA").orElseThrow().units()).containsExactly("A1", "A2",
                "A3", "B1");
        assertThat(THREE.moveToNeighbour("A1", -1)).isEqualTo(THREE);
        assertThat(THREE.moveToNeighbour("B1", 1)).isEqualTo(THREE);
    }

    @Test
    void renamingKeepsTheCodeAndAddingAppends() {
        UnitsAndZones s = THREE.rename("A1", "甲一区").add(new Unit("B3", "乙三"), "ZB");
        assertThat(s.name("A1")).isEqualTo("甲一区");
        assertThat(s.zone("ZB").orElseThrow().units()).containsExactly("B1", "B2", "B3");
        assertThat(units(s)).endsWith("B3");
    }

    @Test
    void theDefaultSchemeComesBackWhenNothingChanged() {
        Scheme s = AssessmentFiles.defaultScheme();
        assertThat(UnitsAndZones.of(s).applyTo(s)).isEqualTo(s);
        UnitsAndZones moved = UnitsAndZones.of(s).move("331102", "Z2", Optional.empty());
        assertThat(moved.applyTo(s).zoneByUnit().get("331102").code()).isEqualTo("Z2");
        assertThat(moved.applyTo(s).tree()).isEqualTo(s.tree());
        // moving it back restores 跨越发展类's order
        assertThat(moved.move("331102", "Z1", Optional.of("331121")).zones()).isEqualTo(s.zones());
    }
}
