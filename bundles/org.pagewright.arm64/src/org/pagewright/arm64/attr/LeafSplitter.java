package org.pagewright.arm64.attr;

import static org.pagewright.arm64.desc.Descriptor.*;

import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.op.Changes;
import org.pagewright.arm64.op.Event;
import org.pagewright.arm64.op.OpResult;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.arm64.table.TablePool;

/**
 * mmu.c split_kernel_leaf_mapping_locked(addr) (6.18+): makes addr a leaf boundary, top-down: at each level stop
 * if addr is aligned to it; clear CONT on a contiguous group around addr (split_contpmd / split_contpte); replace
 * a block by a table of the next level, all CONT (split_pud / split_pmd). Live, without break-before-make, which
 * BBML2-noabort permits.
 */
final class LeafSplitter {
    private final PageTables tables;
    private final Geometry geometry;
    private final KernelRules rules;
    private final Changes.Log log;

    LeafSplitter(PageTables tables, KernelRules rules, Changes.Log log) {
        this.tables = tables;
        this.geometry = tables.geometry();
        this.rules = rules;
        this.log = log;
    }

    /** Null on success, else the failure (-ENOMEM when no table page is left for a split). */
    OpResult splitAt(long addr) {
        long tablePa = tables.rootPa();
        for (int level = geometry.startLevel(); level <= Geometry.LAST_LEVEL; level++) {
            // "If addr is <level> aligned then addr already describes a leaf boundary" (CONT span where one exists)
            long unit = geometry.contEntries(level) > 0 ? geometry.contSize(level) : geometry.levelSize(level);
            if ((addr & (unit - 1)) == 0) {
                return null;
            }
            int index = geometry.index(level, addr);
            long d = tables.entry(tablePa, index);
            if (!rules.isPresent(d)) { // "If not present then there is nothing to split"
                return null;
            }
            if (isTable(d, level)) {
                tablePa = tables.nextTablePa(d);
                continue;
            }
            if ((d & CONT) != 0 && geometry.contEntries(level) > 0) {
                clearContGroup(tablePa, index, level, addr); // split_contpmd / split_contpte
            }
            if (level == Geometry.LAST_LEVEL || (addr & (geometry.levelSize(level) - 1)) == 0) {
                return null;
            }
            long child = splitBlock(tablePa, index, level, addr);
            if (child == TablePool.NO_PAGE) {
                log.warn("WARN_ON_ONCE(ret) in update_range_prot: split failed with -ENOMEM");
                return new OpResult.Enomem(String.format("split of the level %d block at 0x%016x needs a table page"
                        + " and the budget (%d pages) is exhausted", level, addr & -geometry.levelSize(level),
                        tables.pool().budgetPages()), log.freeze());
            }
            tablePa = child;
        }
        return null;
    }

    /** split_contpmd / split_contpte: clear CONT on the whole group containing index. */
    private void clearContGroup(long tablePa, int index, int level, long addr) {
        int n = geometry.contEntries(level);
        int first = index - index % n;
        for (int i = first; i < first + n; i++) {
            tables.setEntry(tablePa, i, tables.entry(tablePa, i) & ~CONT);
        }
        log.wrote(n);
        log.event(new Event.Split(addr & -geometry.contSize(level), level,
                (level == 3 ? "split_contpte" : "split_contpmd") + ": CONT cleared on " + n + " entries"));
    }

    /** split_pud / split_pmd (to_cont = true): a table of CONT entries replacing the block; NO_PAGE if no memory. */
    private long splitBlock(long tablePa, int index, int level, long addr) {
        long d = tables.entry(tablePa, index);
        long pa = tables.pool().allocate(); // split_p?d: pagetable_alloc, the page allocator
        if (pa == TablePool.NO_PAGE) {
            return TablePool.NO_PAGE;
        }
        log.allocatedTable();
        int childLevel = level + 1;
        long attrs = geometry.attributeBits(d) | CONT;
        attrs = (attrs & ~TYPE_MASK) | (childLevel == Geometry.LAST_LEVEL ? TYPE_PAGE : TYPE_SECT);
        if (!isValid(d) && rules.splitKeepsInvalidity()) { // 7.0.1 fix: p?d_mkinvalid on the new entries
            attrs = (attrs & ~VALID) | PRESENT_INVALID;
        }
        int n = geometry.entries(childLevel);
        long base = geometry.outputAddress(d) & -geometry.levelSize(level);
        long step = geometry.levelSize(childLevel);
        for (int i = 0; i < n; i++) {
            tables.setEntry(pa, i, geometry.encodeOutputAddress(base + i * step) | attrs);
        }
        // mmu.c split_p?d: tableprot = TYPE_TABLE | TABLE_UXN | TABLE_AF, + TABLE_PXN if the block had PXN
        long tableProt = TYPE_TABLE | TABLE_UXN | (rules.tableEntriesGetTableAf() ? TABLE_AF : 0)
                | ((d & PXN) != 0 ? TABLE_PXN : 0);
        tables.setEntry(tablePa, index, geometry.encodeOutputAddress(pa) | tableProt);
        log.wrote(n + 1L);
        log.event(new Event.Split(addr & -geometry.levelSize(level), level, (level == 2 ? "split_pmd" : "split_pud")
                + ": block -> " + n + " CONT " + (childLevel == 3 ? "PTEs" : "PMDs")));
        return pa;
    }
}
