package org.pagewright.arm64.map;

import static org.pagewright.arm64.desc.Descriptor.*;

import java.util.Set;

import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.VaRange;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.op.Changes;
import org.pagewright.arm64.op.Event;
import org.pagewright.arm64.op.OpResult;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.arm64.table.RangeVisitor;
import org.pagewright.arm64.table.Step;
import org.pagewright.arm64.table.TablePool;

/**
 * __create_pgd_mapping (mmu.c): maps [virt, virt+size) to phys with prot, creating tables as needed, choosing
 * blocks and contiguous groups only where the request, VA and PA allow, and checking every live rewrite with
 * pgattr_change_is_safe. Outcomes are values: a refused request, -ENOMEM when the table budget is exhausted
 * (the kernel would panic in its early allocator), or a BUG the kernel would hit.
 */
public final class Mapper {
    private final PageTables tables;
    private final Geometry geometry;
    private final KernelRules rules;
    private final ChangeSafety safety;

    public Mapper(PageTables tables, KernelRules rules) {
        this.tables = tables;
        this.geometry = tables.geometry();
        this.rules = rules;
        this.safety = new ChangeSafety(geometry, rules);
    }

    /** __create_pgd_mapping(swapper_pg_dir, phys, virt, size, prot, pgd_pgtable_alloc, flags). */
    public OpResult createMapping(long phys, long virt, long size, Prot prot, Set<MapFlag> flags) {
        return create(phys, virt, size, prot, flags, true);
    }

    /**
     * update_mapping_prot (mmu.c): refuses VAs below PAGE_OFFSET, then __create_pgd_mapping without an allocator
     * and with NO_CONT_MAPPINGS until the series' patch 8.
     */
    public OpResult updateMappingProt(long phys, long virt, long size, Prot prot) {
        if (!geometry.isKernelVa(virt)) { // mmu.c update_mapping_prot: virt < PAGE_OFFSET
            return new OpResult.Refused(String.format(
                    "BUG: not updating mapping for 0x%x at 0x%016x - outside kernel range", phys, virt), true);
        }
        Set<MapFlag> flags = rules.updateMappingProtForbidsCont() ? Set.of(MapFlag.NO_CONT_MAPPINGS) : Set.of();
        return create(phys, virt, size, prot, flags, false);
    }

    private OpResult create(long phys, long virt, long size, Prot prot, Set<MapFlag> flags, boolean mayAllocate) {
        long pageMask = geometry.pageSize() - 1;
        if (((phys ^ virt) & pageMask) != 0) { // mmu.c __create_pgd_mapping: WARN_ON((phys ^ virt) & ~PAGE_MASK)
            return new OpResult.Refused(String.format(
                    "phys 0x%x and virt 0x%016x differ in their page offset", phys, virt), true);
        }
        if (!geometry.isKernelVa(virt)) {
            return new OpResult.Refused(String.format("0x%016x is not a kernel (TTBR1) address for %d-bit VA",
                    virt, geometry.vaBits()), false);
        }
        long addr = virt & ~pageMask;
        long end = (virt + size + pageMask) & ~pageMask; // PAGE_ALIGN(virt + size)
        long pa = phys & ~pageMask;
        if (size <= 0 || addr == end) {
            return new OpResult.Ok(Changes.NONE);
        }
        VaRange request = new VaRange(addr, end);
        if (request.isEmpty()) { // addr == end returned above: end is below addr
            return new OpResult.Refused("range wraps past the top of the address space", false);
        }
        if (Long.compareUnsigned(pa + (end - addr), geometry.physicalLimit()) > 0 || pa < 0) {
            return new OpResult.Refused(String.format("physical range 0x%x+0x%x exceeds the %d-bit output address",
                    pa, end - addr, geometry.paBits()), false);
        }
        CreateWalk walk = new CreateWalk(pa - addr, request, prot.forGeometry(geometry).bits(), flags, mayAllocate);
        tables.walk(request, walk);
        return walk.result();
    }

    /** The walk that writes one request; mirrors alloc_init_pud / alloc_init_cont_pmd / init_pmd / init_pte. */
    private final class CreateWalk implements RangeVisitor {
        private final long delta; // phys - virt
        private final VaRange request;
        private final long pageProt; // page-form attribute bits (type 0b11)
        private final boolean noBlock;
        private final boolean noCont;
        private final long newTableBits;
        private final boolean mayAllocate;
        private final Changes.Log log = new Changes.Log();
        private OpResult failure;
        private long contPmdGroup = 1; // start VA of the PMD group whose CONT decision is cached (1 = none)
        private boolean contPmd;
        private boolean contFromAbove;
        private long freshLeafTable = TablePool.NO_PAGE; // the last-level table this walk allocated last: all zero

        CreateWalk(long delta, VaRange request, long pageProt, Set<MapFlag> flags, boolean mayAllocate) {
            this.delta = delta;
            this.request = request;
            this.pageProt = (pageProt & ~TYPE_MASK) | TYPE_PAGE;
            this.noBlock = flags.contains(MapFlag.NO_BLOCK_MAPPINGS);
            this.noCont = flags.contains(MapFlag.NO_CONT_MAPPINGS);
            this.newTableBits = rules.newTableEntryBits(flags.contains(MapFlag.NO_EXEC_MAPPINGS));
            this.mayAllocate = mayAllocate;
        }

        OpResult result() {
            return failure != null ? failure : new OpResult.Ok(log.freeze());
        }

        @Override
        public Step entry(int level, long tablePa, long[] table, int index, long addr, long next) {
            long old = table[index];
            long size = geometry.levelSize(level);
            long phys = addr + delta;
            long prot = pageProt;
            if (level == 2) {
                prot |= contPmdFor(addr, table, index) ? CONT : 0;
            }
            boolean aligned = ((addr | next | phys) & (size - 1)) == 0;
            boolean blockOverTable = isTable(old, level) && rules.neverBlockOverTable(); // the series, patch 4
            if (geometry.linuxBlockLevel(level) && aligned && !noBlock && !blockOverTable) {
                writeBlock(level, table, index, addr, phys, prot);
                return Step.SKIP_CHILDREN;
            }
            contFromAbove = level == 2 && (prot & CONT) != 0;
            if (old == 0) {
                return allocateTable(level, table, index, addr) ? Step.CONTINUE : Step.STOP;
            }
            if (!isTable(old, level)) { // mmu.c alloc_init_cont_p?d: BUG_ON(p?d_bad(p?d))
                failure = new OpResult.Bug("BUG_ON(p?d_bad): a table is needed here but the entry holds a "
                        + describe(old, level), addr, level, old, old, log.freeze());
                return Step.STOP;
            }
            return Step.CONTINUE;
        }

        /** p?d_set_huge (mmu.c/pgtable.c): writes only if pgattr_change_is_safe, else silently (or WARN) keeps old. */
        private void writeBlock(int level, long[] table, int index, long addr, long phys, long prot) {
            long old = table[index];
            long block = geometry.encodeOutputAddress(phys) | (prot & ~TABLE_BIT); // mk_p?d_sect_prot
            if (!safety.isSafe(old, block)) {
                boolean warned = rules.warnsOnRefusedBlockUpdate(); // the series, patch 3: WARN_ON(!p?d_set_huge)
                log.event(new Event.RefusedBlockUpdate(addr, level, old, block, warned));
                if (warned) {
                    log.warn(String.format("WARN_ON(!%s_set_huge()) at 0x%016x: %s", level == 2 ? "pmd" : "pud",
                            addr, safety.whyUnsafe(old, block)));
                }
                return;
            }
            table[index] = block;
            log.wrote(1);
        }

        private boolean allocateTable(int level, long[] table, int index, long addr) {
            if (!mayAllocate) { // update_mapping_prot passes no allocator: BUG_ON(!pgtable_alloc)
                failure = new OpResult.Bug("BUG_ON(!pgtable_alloc): a table is needed but the caller gave no"
                        + " allocator (the range was not mapped)", addr, level, 0, 0, log.freeze());
                return false;
            }
            PhysicalAddress pa = tables.allocateTable(level + 1, new VirtualAddress(addr));
            if (pa == null) {
                failure = new OpResult.Enomem(String.format("no table page left (budget %d pages) at 0x%016x level"
                        + " %d; the kernel would panic in its page-table allocator",
                        tables.pool().budgetPages(), addr, level), log.freeze());
                return false;
            }
            table[index] = geometry.encodeOutputAddress(pa.value()) | newTableBits;
            if (level + 1 == Geometry.LAST_LEVEL) {
                freshLeafTable = pa.value();
            }
            log.allocatedTable();
            log.wrote(1);
            return true;
        }

        /** alloc_init_cont_pmd: CONT when the group is whole inside the request, VA and PA aligned. */
        private boolean contPmdFor(long addr, long[] table, int index) {
            long groupSize = geometry.contSize(2);
            long group = addr & -groupSize;
            if (group != contPmdGroup) {
                contPmdGroup = group;
                int first = index - (int) ((addr - group) / geometry.levelSize(2));
                contPmd = !noCont && wholeAlignedGroup(group, groupSize)
                        && !(rules.noContOverValidNonCont() && hasValidNonCont(table, first, geometry.contEntries(2)));
            }
            return contPmd;
        }

        /** alloc_init_cont_p?d / alloc_init_cont_pte: the group wholly inside the request, its PA aligned too. */
        private boolean wholeAlignedGroup(long group, long groupSize) {
            return request.containsWhole(group, groupSize) && ((group + delta) & (groupSize - 1)) == 0;
        }

        @Override
        public boolean lastLevel(long tablePa, long[] table, int from, int to, long addr) {
            int contN = geometry.contEntries(3);
            long contSize = geometry.contSize(3);
            long page = geometry.pageSize();
            long va = addr;
            int i = from;
            while (i < to) {
                int groupFirst = i - (i % contN);
                int groupEnd = Math.min(to, groupFirst + contN);
                // alloc_init_cont_pte: CONT only for a whole group with VA and PA aligned (+ the series' patch 5)
                boolean cont = contFromAbove || (!noCont && wholeAlignedGroup(va & -contSize, contSize)
                        && !(rules.noContOverValidNonCont() && hasValidNonCont(table, groupFirst, contN)));
                long prot = pageProt | (cont ? CONT : 0);
                if (tablePa == freshLeafTable) {
                    fillFreshPtes(table, i, groupEnd, va, prot);
                } else if (!initPte(table, i, groupEnd, va, prot)) {
                    return false;
                }
                va += (groupEnd - i) * page;
                i = groupEnd;
            }
            return true;
        }

        /** init_pte on a table this walk just allocated: every old entry is 0, and writing over 0 is always safe. */
        private void fillFreshPtes(long[] table, int from, int to, long va, long prot) {
            long page = geometry.pageSize();
            long pa = va + delta;
            if (pa + (to - from) * page <= 1L << 48) { // no high OA field needed: encode = pa
                for (int i = from; i < to; i++, pa += page) {
                    table[i] = pa | prot;
                }
            } else {
                for (int i = from; i < to; i++, pa += page) {
                    table[i] = geometry.encodeOutputAddress(pa) | prot;
                }
            }
            log.wrote(to - from);
        }

        /** init_pte: write each PTE, then BUG_ON(!pgattr_change_is_safe(old, new)). */
        private boolean initPte(long[] table, int from, int to, long va, long prot) {
            long page = geometry.pageSize();
            long pa = va + delta;
            boolean plainAddresses = pa + (to - from) * page <= 1L << 48; // no high OA field needed: encode = pa
            for (int i = from; i < to; i++, pa += page) {
                long old = table[i];
                long pte = (plainAddresses ? pa : geometry.encodeOutputAddress(pa)) | prot;
                table[i] = pte;
                if (old != 0 && (old & VALID) != 0 && old != pte && !safety.isSafe(old, pte)) {
                    log.wrote(i - from + 1);
                    long at = va + (long) (i - from) * page;
                    failure = new OpResult.Bug("BUG_ON(!pgattr_change_is_safe) in init_pte: "
                            + safety.whyUnsafe(old, pte), at, 3, old, pte, log.freeze());
                    return false;
                }
            }
            log.wrote(to - from);
            return true;
        }
    }

    /** pte/pmd_range_has_valid_noncont (the series, patch 5): a valid entry without CONT in the group. */
    static boolean hasValidNonCont(long[] table, int first, int n) {
        for (int i = first; i < first + n; i++) {
            if ((table[i] & VALID) != 0 && (table[i] & CONT) == 0) {
                return true;
            }
        }
        return false;
    }
}
