package org.pagewright.arm64.map;

import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.VaRange;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.op.Changes;
import org.pagewright.arm64.op.OpResult;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.arm64.table.RangeVisitor;
import org.pagewright.arm64.table.Step;

/**
 * Clears the leaves of a range (vunmap_range / pte_clear / p?d_clear_huge): PTEs and blocks become 0, table
 * entries and table pages stay. A block only partly inside the range is cleared whole with a WARN, as
 * vunmap_pmd_range does after pmd_clear_huge.
 */
public final class Unmapper {
    private final PageTables tables;
    private final Geometry geometry;

    public Unmapper(PageTables tables) {
        this.tables = tables;
        this.geometry = tables.geometry();
    }

    public OpResult clear(long virt, long size) {
        long pageMask = geometry.pageSize() - 1;
        if (!geometry.isKernelVa(virt)) {
            return new OpResult.Refused(String.format("0x%016x is not a kernel (TTBR1) address", virt), false);
        }
        long start = virt & ~pageMask;
        long end = (virt + size + pageMask) & ~pageMask;
        Changes.Log log = new Changes.Log();
        if (size <= 0 || start == end) {
            return new OpResult.Ok(Changes.NONE);
        }
        tables.walk(new VaRange(start, end), new RangeVisitor() {
            @Override
            public Step entry(int level, long tablePa, long[] table, int index, long addr, long next) {
                long d = table[index];
                if (d == 0 || Descriptor.isTable(d, level)) {
                    return Step.CONTINUE;
                }
                if (next - addr != geometry.levelSize(level)) {
                    log.warn(String.format("WARN_ON(next - addr < %s_SIZE): block at 0x%016x cleared whole",
                            level == 2 ? "PMD" : "PUD", addr & -geometry.levelSize(level)));
                }
                table[index] = 0;
                log.wrote(1);
                return Step.SKIP_CHILDREN;
            }

            @Override
            public boolean lastLevel(long tablePa, long[] table, int from, int to, long addr) {
                java.util.Arrays.fill(table, from, to, 0L);
                log.wrote(to - from);
                return true;
            }
        });
        return new OpResult.Ok(log.freeze());
    }
}
