package org.sanlian.workbench.ui.units;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.model.Zone;

/**
 * The units of a year's scheme and how its zones group them: the state the units and zones screen
 * edits, one immutable value per step of its undo history. Every edit returns a new value (the same
 * one when it changes nothing).
 *
 * <p>The scheme's order of units decides the order of tied units and of listings; it follows the
 * order shown in each zone: whenever a zone's order changes, that zone's units take the places in
 * the scheme's list its units held, in the zone's new order. Zones left alone keep their places.
 */
public record UnitsAndZones(List<Unit> units, List<Zone> zones) {

    public UnitsAndZones {
        units = List.copyOf(units);
        zones = List.copyOf(zones);
    }

    public static UnitsAndZones of(Scheme scheme) {
        return new UnitsAndZones(scheme.units(), scheme.zones());
    }

    /** {@code scheme} with these units and zones. */
    public Scheme applyTo(Scheme scheme) {
        return scheme.withUnitsAndZones(units, zones);
    }

    public Optional<Unit> unit(String code) {
        return units.stream().filter(u -> u.code().equals(code)).findFirst();
    }

    public Optional<Zone> zone(String code) {
        return zones.stream().filter(z -> z.code().equals(code)).findFirst();
    }

    /** The zone that holds {@code unit}. */
    public Optional<Zone> zoneOf(String unit) {
        return zones.stream().filter(z -> z.units().contains(unit)).findFirst();
    }

    /** The unit's name, or its code when the scheme does not list it. */
    public String name(String unit) {
        return unit(unit).map(Unit::name).orElse(unit);
    }

    /**
     * Moves {@code unit} into {@code zone} just before {@code before} (a unit of that zone), or to
     * the zone's end when {@code before} is empty or names no unit of it.
     */
    public UnitsAndZones move(String unit, String zone, Optional<String> before) {
        Optional<Zone> from = zoneOf(unit);
        Zone to = zone(zone).orElseThrow(() -> new IllegalArgumentException("no zone " + zone));
        if (from.isEmpty() || before.filter(unit::equals).isPresent()) {
            return this;
        }
        List<Zone> out = new ArrayList<>();
        for (Zone z : zones) {
            List<String> members = new ArrayList<>(z.units());
            members.remove(unit);
            if (z.code().equals(to.code())) {
                int at = before.map(members::indexOf).filter(i -> i >= 0).orElse(members.size());
                members.add(at, unit);
            }
            out.add(new Zone(z.code(), z.name(), members));
        }
        return withZones(out, Set.of(to.code()));
    }

    /** Moves {@code unit} up ({@code by} &lt; 0) or down within its zone; at the ends nothing changes. */
    public UnitsAndZones shift(String unit, int by) {
        Optional<Zone> zone = zoneOf(unit);
        if (zone.isEmpty()) {
            return this;
        }
        List<String> members = new ArrayList<>(zone.get().units());
        int at = members.indexOf(unit);
        int to = at + by;
        if (to < 0 || to >= members.size() || by == 0) {
            return this;
        }
        members.remove(at);
        members.add(to, unit);
        List<Zone> out = new ArrayList<>();
        for (Zone z : zones) {
            out.add(z.code().equals(zone.get().code()) ? new Zone(z.code(), z.name(), members) : z);
        }
        return withZones(out, Set.of(zone.get().code()));
    }

    /** Moves {@code unit} to the end of the zone {@code by} places to the right (or left); nothing past the ends. */
    public UnitsAndZones moveToNeighbour(String unit, int by) {
        Optional<Zone> zone = zoneOf(unit);
        if (zone.isEmpty()) {
            return this;
        }
        int to = zones.indexOf(zone.get()) + by;
        if (to < 0 || to >= zones.size() || by == 0) {
            return this;
        }
        return move(unit, zones.get(to).code(), Optional.empty());
    }

    /** Renames a unit (its code stays: figures refer to it). */
    public UnitsAndZones rename(String unit, String name) {
        List<Unit> out = new ArrayList<>();
        for (Unit u : units) {
            out.add(u.code().equals(unit) ? new Unit(u.code(), name) : u);
        }
        return new UnitsAndZones(out, zones);
    }

    /** Adds a new unit at the end of {@code zone} and of the scheme's list. */
    public UnitsAndZones add(Unit unit, String zone) {
        if (this.unit(unit.code()).isPresent()) {
            throw new IllegalArgumentException("unit " + unit.code() + " exists");
        }
        zone(zone).orElseThrow(() -> new IllegalArgumentException("no zone " + zone));
        List<Unit> newUnits = new ArrayList<>(units);
        newUnits.add(unit);
        List<Zone> out = new ArrayList<>();
        for (Zone z : zones) {
            if (z.code().equals(zone)) {
                List<String> members = new ArrayList<>(z.units());
                members.add(unit.code());
                out.add(new Zone(z.code(), z.name(), members));
            } else {
                out.add(z);
            }
        }
        return new UnitsAndZones(newUnits, out);
    }

    /** The new zones, with the scheme's list of units reordered where the {@code changed} zones need it. */
    private UnitsAndZones withZones(List<Zone> newZones, Set<String> changed) {
        List<Unit> ordered = new ArrayList<>(units);
        for (Zone z : newZones) {
            if (!changed.contains(z.code())) {
                continue;
            }
            Set<String> members = new HashSet<>(z.units());
            List<Integer> slots = new ArrayList<>();
            for (int i = 0; i < ordered.size(); i++) {
                if (members.contains(ordered.get(i).code())) {
                    slots.add(i);
                }
            }
            List<Unit> inZoneOrder = z.units().stream().map(c -> unit(c).orElse(null))
                    .filter(Objects::nonNull).toList();
            for (int k = 0; k < slots.size() && k < inZoneOrder.size(); k++) {
                ordered.set(slots.get(k), inZoneOrder.get(k));
            }
        }
        return new UnitsAndZones(ordered, newZones);
    }
}
