package org.pagewright.arm64.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.VaRange;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.table.PageTables;

/**
 * Contiguous groups that break the architecture's rule for the contiguous hint (ARM ARM D8.6.1; the kernel's
 * CONT_PTES / CONT_PMDS): every entry of an aligned group of contEntries(level) entries must be mapped at that
 * level, have the contiguous bit, be valid alike, carry the same attributes and map consecutive output addresses.
 * A group is inspected when any of its entries has the contiguous bit.
 */
public final class ContGroups {

    /** A broken group: its first VA, its level, and the first member that breaks it. */
    public record Finding(long groupVa, int level, String reason) {

        @Override
        public String toString() {
            return String.format("contiguous group at 0x%016x level %d: %s", groupVa, level, reason);
        }
    }

    private record Entry(long va, long descriptor) {
    }

    private ContGroups() {
    }

    /** The broken groups that overlap the range, whole groups inspected, in VA order. */
    public static List<Finding> inconsistent(PageTables tables, VaRange range) {
        Geometry g = tables.geometry();
        long widest = Math.max(g.contSize(2), g.contSize(Geometry.LAST_LEVEL));
        Map<Long, List<Entry>> pmdGroups = new LinkedHashMap<>();
        Map<Long, List<Entry>> pteGroups = new LinkedHashMap<>();
        tables.visit(range.widenedTo(widest), (va, level, d) -> {
            if (level == Geometry.LAST_LEVEL || level == 2 && !Descriptor.isTable(d, level)) {
                Map<Long, List<Entry>> groups = level == 2 ? pmdGroups : pteGroups;
                groups.computeIfAbsent(va & -g.contSize(level), k -> new ArrayList<>()).add(new Entry(va, d));
            }
        });
        List<Finding> out = new ArrayList<>();
        judge(g, 2, pmdGroups, range, out);
        judge(g, Geometry.LAST_LEVEL, pteGroups, range, out);
        out.sort((a, b) -> Long.compareUnsigned(a.groupVa(), b.groupVa()));
        return out;
    }

    private static void judge(Geometry g, int level, Map<Long, List<Entry>> groups, VaRange range,
            List<Finding> out) {
        long size = g.contSize(level);
        for (Map.Entry<Long, List<Entry>> group : groups.entrySet()) {
            long va = group.getKey();
            List<Entry> members = group.getValue();
            if (!range.overlaps(VaRange.of(va, size)) || members.stream().noneMatch(e -> (e.descriptor() & Descriptor.CONT) != 0)) {
                continue;
            }
            String reason = firstBreak(g, level, members);
            if (reason != null) {
                out.add(new Finding(va, level, reason));
            }
        }
    }

    private static String firstBreak(Geometry g, int level, List<Entry> members) {
        if (members.size() != g.contEntries(level)) {
            return members.size() + " of its " + g.contEntries(level) + " entries are mapped at this level";
        }
        Entry first = members.get(0);
        long attrs = g.attributeBits(first.descriptor());
        long pa = g.outputAddress(first.descriptor());
        for (int i = 0; i < members.size(); i++) {
            Entry e = members.get(i);
            long d = e.descriptor();
            if ((d & Descriptor.CONT) == 0) {
                return String.format("the entry at 0x%016x lacks the contiguous bit", e.va());
            }
            if (Descriptor.isValid(d) != Descriptor.isValid(first.descriptor())) {
                return String.format("the entry at 0x%016x is %s, the one at 0x%016x %s", e.va(),
                        Descriptor.isValid(d) ? "valid" : "invalid", first.va(),
                        Descriptor.isValid(first.descriptor()) ? "valid" : "invalid");
            }
            if (g.attributeBits(d) != attrs) {
                return String.format("the entry at 0x%016x has attributes 0x%x, the one at 0x%016x 0x%x", e.va(),
                        g.attributeBits(d), first.va(), attrs);
            }
            if (g.outputAddress(d) != pa + i * g.levelSize(level)) {
                return String.format("the entry at 0x%016x maps PA 0x%x, not 0x%x", e.va(), g.outputAddress(d),
                        pa + i * g.levelSize(level));
            }
        }
        return null;
    }
}
