package org.pagewright.arm64.map;

import java.util.List;

import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.VaRange;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.op.Changes;
import org.pagewright.arm64.op.OpResult;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.arm64.table.RangeVisitor;
import org.pagewright.arm64.table.Step;

/**
 * Writes content observed in a real kernel's tables (kernel_page_tables_raw) as it was seen: the Modules and
 * vmalloc areas hold what only run time makes (vmalloc, module_alloc, ioremap, per-CPU chunks), which no recipe
 * derives. Tables missing on the way are created empty, as vmalloc's p?d_alloc leaves them.
 */
public final class ObservedWriter {
    private ObservedWriter() {
    }

    /**
     * {@code count} entries of {@code level} from {@code virt}: leaves {@code attrs | OA(phys + i * size)}, or with
     * {@code table} table descriptors to new empty tables of the next level (an entry already a table is kept).
     */
    public static OpResult write(PageTables tables, long virt, long count, int level, boolean table, long phys,
            long attrs) {
        Geometry g = tables.geometry();
        if (level < g.startLevel() || level > Geometry.LAST_LEVEL || table && level == Geometry.LAST_LEVEL) {
            return new OpResult.Refused("no " + (table ? "table" : "leaf") + " entries at level " + level + " in "
                    + g, false);
        }
        long size = g.levelSize(level);
        if ((virt & (size - 1)) != 0 || count <= 0
                || virt != 0 && Long.compareUnsigned(count, Long.divideUnsigned(-virt, size)) > 0) {
            return new OpResult.Refused(String.format("0x%016x and %d entries of level %d are not a run of "
                    + "level-%d entries (aligned to 0x%x, within the address space)", virt, count, level, level,
                    size), false);
        }
        Writer writer = new Writer(tables, level, table, virt, phys, attrs);
        tables.walk(VaRange.of(virt, count * size), writer);
        Changes changes = new Changes(writer.written, writer.allocated, List.of(), 0);
        if (writer.leafInTheWay != null) {
            return new OpResult.Einval(String.format("a leaf at 0x%016x lies where the observed tables have a table",
                    writer.leafInTheWay), false, changes);
        }
        return writer.outOfTables ? new OpResult.Enomem("the table-page budget ran out for the observed tables",
                changes) : new OpResult.Ok(changes);
    }

    /** The walk's visitor: tables created down to the run's level, then the run's entries written as seen. */
    private static final class Writer implements RangeVisitor {
        private final PageTables tables;
        private final Geometry geometry;
        private final int level;
        private final boolean table;
        private final long virt;
        private final long phys;
        private final long attrs;
        private long written;
        private int allocated;
        private Long leafInTheWay;
        private boolean outOfTables;

        Writer(PageTables tables, int level, boolean table, long virt, long phys, long attrs) {
            this.tables = tables;
            this.geometry = tables.geometry();
            this.level = level;
            this.table = table;
            this.virt = virt;
            this.phys = phys;
            this.attrs = attrs;
        }

        @Override
        public Step entry(int l, long tablePa, long[] entries, int index, long addr, long next) {
            long d = entries[index];
            if (l < level) {
                if (Descriptor.isTable(d, l)) {
                    return Step.CONTINUE;
                }
                if (d != 0) {
                    leafInTheWay = addr;
                    return Step.STOP;
                }
                return newTable(l, entries, index, addr) ? Step.CONTINUE : Step.STOP;
            }
            if (!table) {
                entries[index] = leaf(addr);
                written++;
            } else if (!Descriptor.isTable(d, l)) {
                if (!newTable(l, entries, index, addr)) {
                    return Step.STOP;
                }
                written++;
            }
            return Step.SKIP_CHILDREN;
        }

        @Override
        public boolean lastLevel(long tablePa, long[] entries, int fromIndex, int toIndex, long addr) {
            for (int i = fromIndex; i < toIndex; i++) {
                entries[i] = leaf(addr + (long) (i - fromIndex) * geometry.pageSize());
            }
            written += toIndex - fromIndex;
            return true;
        }

        private long leaf(long va) {
            return attrs | geometry.encodeOutputAddress(phys + (va - virt));
        }

        /** An empty table of the next level in this entry (counted as allocated, not as a written entry). */
        private boolean newTable(int l, long[] entries, int index, long addr) {
            PhysicalAddress next = tables.allocateTable(l + 1, new VirtualAddress(addr));
            if (next == null) {
                outOfTables = true;
                return false;
            }
            allocated++;
            entries[index] = geometry.encodeOutputAddress(next.value()) | Descriptor.TYPE_TABLE;
            return true;
        }
    }
}
