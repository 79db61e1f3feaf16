package org.pagewright.arm64.walk;

import static org.pagewright.arm64.Geometry.LAST_LEVEL;

import java.util.ArrayList;
import java.util.List;

import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.VaRange;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.arm64.table.RangeVisitor;
import org.pagewright.arm64.table.Step;

/**
 * A translation shown level by level, as an MMU view shows it: for each level the table page read (its PA), the
 * index used, the descriptor found and the VA span it covers, then the {@link Walker}'s verdict (the output PA or
 * the fault with its level and FSC). The levels come from the one recursive walk; the verdict from the walker, so
 * the trace and the checks can never disagree.
 */
public record WalkTrace(VirtualAddress va, Access access, List<Level> levels, Translation translation) {

    /**
     * One descriptor read by the walk.
     *
     * @param tablePa physical address of the table page holding the entry
     * @param index the entry's index in that table
     * @param spanStart first VA the entry covers
     * @param spanSize bytes the entry covers
     */
    public record Level(int level, PhysicalAddress tablePa, int index, long descriptor, VirtualAddress spanStart,
            long spanSize) {

        /** "table", "block", "page", "invalid" or "empty", as the hardware reads this entry. */
        public String kind() {
            if (descriptor == 0) {
                return "empty";
            }
            if (!Descriptor.isValid(descriptor)) {
                return "invalid";
            }
            if (Descriptor.isTable(descriptor, level)) {
                return "table";
            }
            return level == LAST_LEVEL ? "page" : "block";
        }
    }

    public WalkTrace {
        levels = List.copyOf(levels);
    }

    public static WalkTrace of(PageTables tables, CpuFeatures cpu, VirtualAddress va, Access access) {
        Geometry g = tables.geometry();
        List<Level> levels = new ArrayList<>();
        int perTable = g.granule().entriesPerTable();
        tables.read(VaRange.at(va.value()), new RangeVisitor() {
            @Override
            public Step entry(int level, long tablePa, long[] table, int index, long addr, long next) {
                levels.add(level(level, tablePa, index, table[index], addr));
                return Step.CONTINUE;
            }

            @Override
            public boolean lastLevel(long tablePa, long[] table, int from, int to, long addr) {
                levels.add(level(LAST_LEVEL, tablePa, from, table[from], addr));
                return false;
            }

            private Level level(int level, long tablePa, int index, long descriptor, long addr) {
                long size = g.levelSize(level);
                return new Level(level, new PhysicalAddress(tablePa), index % perTable, descriptor,
                        new VirtualAddress(addr & -size), size);
            }
        });
        return new WalkTrace(va, access, levels, new Walker(tables, cpu).translate(va, access));
    }
}
