package org.pagewright.arm64.attr;

import static org.pagewright.arm64.desc.Descriptor.*;

import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.op.Changes;
import org.pagewright.arm64.op.OpResult;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.arm64.table.RangeVisitor;
import org.pagewright.arm64.table.Step;
import org.pagewright.arm64.table.TablePool;

/** Up to 6.17: apply_to_page_range(&init_mm, …) with create = true (mm/memory.c apply_to_p?d_range). */
final class ApplyToPageRangeWalk implements RangeVisitor {
    private final PageTables tables;
    private final Geometry geometry;
    private final KernelRules rules;
    private final long set;
    private final long clear;
    private final Changes.Log log;
    private OpResult failure;

    OpResult failure() {
        return failure;
    }

    ApplyToPageRangeWalk(PageTables tables, KernelRules rules, long set, long clear, Changes.Log log) {
        this.tables = tables;
        this.geometry = tables.geometry();
        this.rules = rules;
        this.set = set;
        this.clear = clear;
        this.log = log;
    }

    @Override
    public Step entry(int level, long tablePa, long[] table, int index, long addr, long next) {
        long d = table[index];
        if (isTable(d, level)) {
            return Step.CONTINUE;
        }
        if (d != 0 && rules.isLeaf(d, level)) { // apply_to_p?d_range: WARN_ON_ONCE(p?d_leaf) -> -EINVAL
            log.warn(String.format("WARN_ON_ONCE(p?d_leaf) in apply_to_pmd_range at 0x%016x", addr));
            failure = new OpResult.Einval(String.format("block at level %d (0x%016x): apply_to_page_range"
                    + " handles only page-mapped ranges", level, addr & -geometry.levelSize(level)), true,
                    log.freeze());
            return Step.STOP;
        }
        if (d != 0) { // p?d_bad: WARN_ON_ONCE, p?d_clear_bad, then allocated afresh (create = true)
            log.warn(String.format("WARN_ON_ONCE(p?d_bad) at 0x%016x: bad entry 0x%016x cleared", addr, d));
            table[index] = 0;
        }
        long pa = tables.pool().allocate(); // p?d_alloc / pte_alloc_kernel
        if (pa == TablePool.NO_PAGE) {
            failure = new OpResult.Enomem("apply_to_page_range: no table page left", log.freeze());
            return Step.STOP;
        }
        table[index] = geometry.encodeOutputAddress(pa) | rules.newTableEntryBits(false); // p?d_populate_kernel
        log.allocatedTable();
        log.wrote(1);
        return Step.CONTINUE;
    }

    @Override
    public boolean lastLevel(long tablePa, long[] table, int from, int to, long addr) {
        for (int i = from; i < to; i++) { // change_page_range on every PTE (create: none ones too)
            table[i] = (table[i] & ~clear) | set;
        }
        log.wrote(to - from);
        return true;
    }
}
