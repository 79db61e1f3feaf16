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

/**
 * The 6.18+ walk of update_range_prot (pageattr.c): pageattr_p?d_entry / pageattr_pte_entry under
 * walk_kernel_page_table_range_lockless. Whole leaves are changed in place; a partial one is refused.
 */
final class UpdateRangeProtWalk implements RangeVisitor {
    private final PageTables tables;
    private final Geometry geometry;
    private final KernelRules rules;
    private final VaRange request;
    private final long set;
    private final long clear;
    private final Changes.Log log;
    private OpResult failure;

    OpResult failure() {
        return failure;
    }

    UpdateRangeProtWalk(PageTables tables, KernelRules rules, VaRange request, long set, long clear,
            Changes.Log log) {
        this.tables = tables;
        this.geometry = tables.geometry();
        this.rules = rules;
        this.request = request;
        this.set = set;
        this.clear = clear;
        this.log = log;
    }

    @Override
    public Step entry(int level, long tablePa, long[] table, int index, long addr, long next) {
        long d = table[index];
        if (d == 0 || isTable(d, level)) {
            return Step.CONTINUE; // none: no pte_hole op, nothing to do; table: descend
        }
        // 6.18 tests p?d_sect (valid blocks only); the 7.0.1 fix tests p?d_leaf (present-invalid too)
        boolean leaf = rules.pageattrRecognisesInvalidBlocks() ? rules.isLeaf(d, level) : isSect(d, level);
        if (!leaf) { // walk_pmd_range: !vma && (pmd_leaf || !pmd_present) -> continue, unchanged
            log.event(new Event.SkippedInvalidBlock(addr & -geometry.levelSize(level), level, d));
            return Step.SKIP_CHILDREN;
        }
        if (next - addr != geometry.levelSize(level)) { // pageattr_p?d_entry: WARN_ON_ONCE(next - addr != SIZE)
            log.warn(String.format("WARN_ON_ONCE in pageattr_%s_entry: partial block at 0x%016x",
                    level == 2 ? "pmd" : "pud", addr));
            failure = new OpResult.Einval(String.format("range boundary inside the level %d block at 0x%016x"
                    + " (no %s split possible)", level, addr & -geometry.levelSize(level),
                    rules.blockSplitCapabilityName()), true, log.freeze());
            return Step.STOP;
        }
        table[index] = (d & ~clear) | set;
        log.wrote(1);
        log.event(new Event.BlockChangedInPlace(addr, level));
        noteMixedContGroup(level, addr, d);
        return Step.SKIP_CHILDREN;
    }

    @Override
    public boolean lastLevel(long tablePa, long[] table, int from, int to, long addr) {
        for (int i = from; i < to; i++) { // pageattr_pte_entry: every PTE, none ones included
            table[i] = (table[i] & ~clear) | set;
        }
        log.wrote(to - from);
        noteMixedContGroup(3, addr, table[from]);
        long last = addr + (long) (to - from - 1) * geometry.pageSize();
        long contMask = -geometry.contSize(3);
        if ((last & contMask) != (addr & contMask)) {
            noteMixedContGroup(3, last, table[to - 1]);
        }
        return true;
    }

    /** No check for partial CONT groups exists in the kernel; record it so a checker can report it. */
    private void noteMixedContGroup(int level, long va, long d) {
        if ((d & CONT) == 0 || geometry.contEntries(level) == 0) {
            return;
        }
        long group = va & -geometry.contSize(level);
        if (!request.containsWhole(group, geometry.contSize(level))) {
            log.event(new Event.MixedContGroup(group, level));
        }
    }
}
