package org.pagewright.arm64.map;

import static org.pagewright.arm64.desc.Descriptor.*;

import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.VaRange;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.op.Changes;
import org.pagewright.arm64.op.OpResult;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.arm64.table.RangeVisitor;
import org.pagewright.arm64.table.Step;

/**
 * map_range (arch/arm64/kernel/pi/map_range.c), the early mapper of the kernel image: a block at any level above 3
 * where (start|next|pa) is aligned to the level size (the code has no per-granule restriction; the image is never
 * large enough for more than level 2), a table otherwise; CONT only at level 3 (cmask is U64_MAX above), started
 * where (start|pa) is CONT_PTE-aligned and dropped where the rest of the slice no longer covers a group; no
 * checks on live entries.
 * A zero prot clears, writing the physical address bits into the now invalid entries as map_range does.
 */
public final class EarlyMapper {
    private final PageTables tables;
    private final Geometry geometry;

    public EarlyMapper(PageTables tables) {
        this.tables = tables;
        this.geometry = tables.geometry();
    }

    public OpResult mapRange(long phys, long virt, long size, Prot prot, boolean mayUseCont) {
        long pageMask = geometry.pageSize() - 1;
        if (!geometry.isKernelVa(virt)) {
            return new OpResult.Refused(String.format("0x%016x is not a kernel (TTBR1) address", virt), false);
        }
        long start = virt & ~pageMask;
        long end = (virt + size + pageMask) & ~pageMask; // PAGE_ALIGN(end)
        if (size <= 0 || start == end) {
            return new OpResult.Ok(Changes.NONE);
        }
        long protval = prot.forGeometry(geometry).bits() & ~TYPE_MASK; // pgprot_val(prot) & ~PTE_TYPE_MASK
        Walk w = new Walk((phys & ~pageMask) - start, protval, mayUseCont);
        tables.walk(new VaRange(start, end), w);
        return w.failure != null ? w.failure : new OpResult.Ok(w.log.freeze());
    }

    private final class Walk implements RangeVisitor {
        private final long delta;
        private final long protval;
        private final boolean mayUseCont;
        private final Changes.Log log = new Changes.Log();
        private OpResult failure;

        Walk(long delta, long protval, boolean mayUseCont) {
            this.delta = delta;
            this.protval = protval;
            this.mayUseCont = mayUseCont;
        }

        @Override
        public Step entry(int level, long tablePa, long[] table, int index, long addr, long next) {
            long lmask = geometry.levelSize(level) - 1;
            long pa = addr + delta;
            if (((addr | next | pa) & lmask) != 0) { // map_range: "this chunk needs a finer grained mapping"
                long old = table[index];
                if (old == 0) {
                    PhysicalAddress t = tables.allocateTable(level + 1, new VirtualAddress(addr));
                    if (t == null) {
                        failure = new OpResult.Enomem("no table page left for map_range at "
                                + Long.toHexString(addr), log.freeze());
                        return Step.STOP;
                    }
                    // PMD_TABLE_UXN only
                    table[index] = geometry.encodeOutputAddress(t.value()) | TYPE_TABLE | TABLE_UXN;
                    log.allocatedTable();
                    log.wrote(1);
                } else if (!isTable(old, level)) {
                    failure = new OpResult.Bug("map_range would use a non-table entry as a table", addr, level, old,
                            old, log.freeze());
                    return Step.STOP;
                }
                return Step.CONTINUE;
            }
            // block (PMD_TYPE_SECT); cmask is U64_MAX above level 3, so CONT is always dropped here
            long bits = protval == 0 ? 0 : (protval & ~CONT) | TYPE_SECT;
            table[index] = geometry.encodeOutputAddress(pa) | bits;
            log.wrote(1);
            return Step.SKIP_CHILDREN;
        }

        @Override
        public boolean lastLevel(long tablePa, long[] table, int from, int to, long addr) {
            long page = geometry.pageSize();
            long cmask = geometry.contSize(3) - 1;
            long sliceEnd = addr + (to - from) * page;
            long prot = protval == 0 ? 0 : protval | TYPE_PAGE;
            long va = addr;
            for (int i = from; i < to; i++, va += page) {
                long pa = va + delta;
                if (((va | pa) & cmask) == 0 && mayUseCont) {
                    prot |= CONT; // start a contiguous range
                }
                if (Long.compareUnsigned(sliceEnd & ~cmask, va) <= 0) {
                    prot &= ~CONT; // the rest does not cover a contiguous group
                }
                table[i] = geometry.encodeOutputAddress(pa) | prot;
            }
            log.wrote(to - from);
            return true;
        }
    }
}
