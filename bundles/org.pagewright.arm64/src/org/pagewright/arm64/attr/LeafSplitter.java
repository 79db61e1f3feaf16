package org.pagewright.arm64.attr;

import static org.pagewright.arm64.desc.Descriptor.*;

import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.VaRange;
import org.pagewright.arm64.op.Changes;
import org.pagewright.arm64.op.Event;
import org.pagewright.arm64.op.OpResult;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.arm64.table.RangeVisitor;
import org.pagewright.arm64.table.Step;
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
        Split split = new Split();
        tables.walk(VaRange.at(addr), split);
        return split.failure;
    }

    /** The descent of split_kernel_leaf_mapping_locked on the one walk: the walk enters each table a split makes. */
    private final class Split implements RangeVisitor {
        private OpResult failure;

        @Override
        public Step entry(int level, long tablePa, long[] table, int index, long addr, long next) {
            long d = table[index];
            if (alreadyBoundary(level, addr, d)) {
                return Step.STOP;
            }
            if (isTable(d, level)) {
                return Step.CONTINUE;
            }
            clearContGroup(table, index, level, addr);
            if ((addr & (geometry.levelSize(level) - 1)) == 0) {
                return Step.STOP;
            }
            if (!splitBlock(table, index, level, addr)) {
                log.warn("WARN_ON_ONCE(ret) in update_range_prot: split failed with -ENOMEM");
                failure = new OpResult.Enomem(String.format("split of the level %d block at 0x%016x needs a table"
                        + " page and the budget (%d pages) is exhausted", level, addr & -geometry.levelSize(level),
                        tables.pool().budgetPages()), log.freeze());
                return Step.STOP;
            }
            return Step.CONTINUE; // into the new table
        }

        @Override
        public boolean lastLevel(long tablePa, long[] table, int from, int to, long addr) {
            if (!alreadyBoundary(Geometry.LAST_LEVEL, addr, table[from])) {
                clearContGroup(table, from, Geometry.LAST_LEVEL, addr);
            }
            return false;
        }

        /**
         * "If addr is <level> aligned then addr already describes a leaf boundary" (the CONT span where the level
         * has one); "If not present then there is nothing to split".
         */
        private boolean alreadyBoundary(int level, long addr, long d) {
            long unit = geometry.contEntries(level) > 0 ? geometry.contSize(level) : geometry.levelSize(level);
            return (addr & (unit - 1)) == 0 || !rules.isPresent(d);
        }
    }

    /** split_contpmd / split_contpte: clear CONT on the whole group containing index, if the entry has CONT. */
    private void clearContGroup(long[] table, int index, int level, long addr) {
        int n = geometry.contEntries(level);
        if ((table[index] & CONT) == 0 || n == 0) {
            return;
        }
        int first = index - index % n; // a table starts at a multiple of its size in the array: groups stay aligned
        for (int i = first; i < first + n; i++) {
            table[i] &= ~CONT;
        }
        log.wrote(n);
        log.event(new Event.Split(addr & -geometry.contSize(level), level,
                (level == 3 ? "split_contpte" : "split_contpmd") + ": CONT cleared on " + n + " entries"));
    }

    /** split_pud / split_pmd (to_cont = true): a table of CONT entries replacing the block; false if no memory. */
    private boolean splitBlock(long[] table, int index, int level, long addr) {
        long d = table[index];
        long pa = tables.pool().allocate(); // split_p?d: pagetable_alloc, the page allocator
        if (pa == TablePool.NO_PAGE) {
            return false;
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
            tables.pool().write(pa, i, geometry.encodeOutputAddress(base + i * step) | attrs);
        }
        table[index] = geometry.encodeOutputAddress(pa) | rules.newTableEntryBits((d & PXN) != 0); // split_p?d
        log.wrote(n + 1L);
        log.event(new Event.Split(addr & -geometry.levelSize(level), level, (level == 2 ? "split_pmd" : "split_pud")
                + ": block -> " + n + " CONT " + (childLevel == 3 ? "PTEs" : "PMDs")));
        return true;
    }
}
