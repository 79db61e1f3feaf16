package org.pagewright.arm64.map;

import java.util.List;

import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.op.Changes;
import org.pagewright.arm64.op.OpResult;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.arm64.table.TablePool;

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
        if ((virt & (size - 1)) != 0 || count <= 0 || virt != 0 && Long.compareUnsigned(count, Long.divideUnsigned(-virt, size)) > 0) {
            return new OpResult.Refused(String.format("0x%016x and %d entries of level %d are not a run of "
                    + "level-%d entries (aligned to 0x%x, within the address space)", virt, count, level, level,
                    size), false);
        }
        long written = 0;
        int allocated = 0;
        for (long i = 0; i < count; i++) {
            long va = virt + i * size;
            Holder holder = tableOf(tables, level, va);
            allocated += holder.created();
            if (holder.tablePa() == TablePool.NO_PAGE) {
                Changes changes = new Changes(written, allocated, List.of(), 0);
                return holder.leafInTheWay()
                        ? new OpResult.Einval(String.format("a leaf at 0x%016x lies where the observed tables have "
                                + "a table", va), false, changes)
                        : new OpResult.Enomem("the table-page budget ran out for the observed tables", changes);
            }
            int index = g.index(level, va);
            if (table) {
                if (!Descriptor.isTable(tables.entry(holder.tablePa(), index), level)) {
                    long next = tables.allocateTable(level + 1, va);
                    if (next == TablePool.NO_PAGE) {
                        return new OpResult.Enomem("the table-page budget ran out for the observed tables",
                                new Changes(written, allocated, List.of(), 0));
                    }
                    allocated++;
                    tables.setEntry(holder.tablePa(), index, g.encodeOutputAddress(next) | Descriptor.TYPE_TABLE);
                    written++;
                }
            } else {
                tables.setEntry(holder.tablePa(), index, attrs | g.encodeOutputAddress(phys + i * size));
                written++;
            }
        }
        return new OpResult.Ok(new Changes(written, allocated, List.of(), 0));
    }

    /** The table of a level holding a VA (NO_PAGE when a leaf is in the way or the budget ran out). */
    private record Holder(long tablePa, int created, boolean leafInTheWay) {
    }

    private static Holder tableOf(PageTables tables, int level, long va) {
        Geometry g = tables.geometry();
        long pa = tables.rootPa();
        int created = 0;
        for (int l = g.startLevel(); l < level; l++) {
            int index = g.index(l, va);
            long d = tables.entry(pa, index);
            if (!Descriptor.isTable(d, l)) {
                if (d != 0) {
                    return new Holder(TablePool.NO_PAGE, created, true);
                }
                long next = tables.allocateTable(l + 1, va);
                if (next == TablePool.NO_PAGE) {
                    return new Holder(TablePool.NO_PAGE, created, false);
                }
                created++;
                tables.setEntry(pa, index, g.encodeOutputAddress(next) | Descriptor.TYPE_TABLE);
                d = tables.entry(pa, index);
            }
            pa = tables.nextTablePa(d);
        }
        return new Holder(pa, created, false);
    }
}
