package org.pagewright.arm64.attr;

import static org.pagewright.arm64.desc.Descriptor.*;

import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.op.Changes;
import org.pagewright.arm64.op.Event;
import org.pagewright.arm64.op.OpResult;
import org.pagewright.arm64.op.Permission;
import org.pagewright.arm64.table.Leaf;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.arm64.table.RangeVisitor;
import org.pagewright.arm64.table.Step;
import org.pagewright.arm64.table.TablePool;
import org.pagewright.arm64.table.VmAreas;

/**
 * pageattr.c: permission and validity changes on live kernel mappings, per kernel version. Up to 6.17 the range
 * goes through apply_to_page_range, which refuses any block; from 6.18 update_range_prot splits partially covered
 * leaves first (only with BBML2-noabort and !force_pte_mapping), toggles whole blocks in place and refuses a
 * partial block with WARN_ON_ONCE + -EINVAL. Results are values with the changes made so far.
 */
public final class PageAttr {
    private final PageTables tables;
    private final Geometry geometry;
    private final KernelRules rules;
    private final CpuFeatures cpu;
    private final DirectMapPolicy policy;

    public PageAttr(PageTables tables, KernelRules rules, CpuFeatures cpu, DirectMapPolicy policy) {
        this.tables = tables;
        this.geometry = tables.geometry();
        this.rules = rules;
        this.cpu = cpu;
        this.policy = policy;
    }

    /** set_memory_valid(addr, numpages, enable): validity only, any kernel VA. */
    public OpResult setMemoryValid(long addr, long numPages, boolean enable) {
        long[] m = validityMasks(enable);
        return changeCommon(addr, numPages * geometry.pageSize(), m[0], m[1]);
    }

    /** set_direct_map_invalid_noflush / set_direct_map_default_noflush: no-op when !can_set_direct_map(). */
    public OpResult setDirectMap(long addr, long numPages, boolean valid) {
        if (!policy.canSetDirectMap()) {
            return new OpResult.Ok(Changes.NONE); // pageattr.c: return 0 without doing anything
        }
        long[] m = validityMasks(valid);
        if (valid) { // the default variant also makes the page writable: set WRITE, clear RDONLY
            m[0] |= WRITE;
            m[1] |= RDONLY;
        }
        return changeCommon(addr, numPages * geometry.pageSize(), m[0], m[1]);
    }

    /** set_memory_ro/rw/x/nx: change_memory_common accepts only one VM_ALLOC (non-huge) vmalloc area. */
    public OpResult changeMemoryCommon(long addr, long numPages, Permission change) {
        long pageMask = geometry.pageSize() - 1;
        long start = addr & ~pageMask;
        long size = numPages * geometry.pageSize();
        long end = start + size;
        boolean warnedUnaligned = (addr & pageMask) != 0; // WARN_ON_ONCE(1) and align down
        VmAreas.Area area = tables.vmAreas().find(addr);
        if (area == null || Long.compareUnsigned(end - area.start(), area.size()) > 0 || !area.vmAlloc()
                || area.allowHugeVmap()) {
            String why = area == null ? "no vmalloc area contains it"
                    : !area.vmAlloc() ? "its area is not VM_ALLOC"
                    : area.allowHugeVmap() ? "its area has VM_ALLOW_HUGE_VMAP" : "it extends past its area";
            return new OpResult.Refused(String.format("change_memory_common: -EINVAL for 0x%016x+%d pages: %s",
                    addr, numPages, why), warnedUnaligned);
        }
        if (numPages == 0) {
            return new OpResult.Ok(Changes.NONE);
        }
        Changes.Log mirrorLog = new Changes.Log();
        if (policy.rodataFull() && change.changesRdonly()) {
            OpResult m = mirrorToLinearAliasOfBackingPages(start, numPages, change, mirrorLog);
            if (!(m instanceof OpResult.Ok)) {
                return m;
            }
        }
        return changeCommon(start, size, change.setMask(), change.clearMask());
    }

    /** __change_memory_common on a linear-map range (the rodata_full mirror of change_memory_common). */
    public OpResult mirrorToLinearAlias(long linearAddr, long numPages, Permission change) {
        return changeCommon(linearAddr, numPages * geometry.pageSize(), change.setMask(), change.clearMask());
    }

    private OpResult mirrorToLinearAliasOfBackingPages(long start, long numPages, Permission change, Changes.Log log) {
        if (policy.physOffset() < 0) {
            log.warn("rodata_full mirror to the linear alias skipped: PHYS_OFFSET unknown (use MirrorToLinearAlias)");
            return new OpResult.Ok(log.freeze());
        }
        for (long i = 0; i < numPages; i++) {
            Leaf leaf = tables.lookup(start + i * geometry.pageSize());
            if (leaf == null || !isValid(leaf.descriptor())) {
                continue;
            }
            long pa = geometry.outputAddress(leaf.descriptor()) + (start + i * geometry.pageSize() - leaf.va());
            long alias = (pa - policy.physOffset()) | geometry.kernelVaStart(); // memory.h __phys_to_virt
            OpResult r = mirrorToLinearAlias(alias, 1, change);
            if (!(r instanceof OpResult.Ok)) {
                return r;
            }
        }
        return new OpResult.Ok(log.freeze());
    }

    /** {set, clear} for making entries valid or invalid in this kernel's encoding. */
    private long[] validityMasks(boolean enable) {
        if (!rules.presentInvalidEncoding()) {
            return enable ? new long[] {VALID, 0} : new long[] {0, VALID};
        }
        long maybeNg = cpu.kptiNeeded() ? NG : 0; // PTE_PRESENT_VALID_KERNEL = PTE_VALID | PTE_MAYBE_NG
        return enable ? new long[] {VALID | maybeNg, PRESENT_INVALID}
                : new long[] {PRESENT_INVALID, VALID | maybeNg};
    }

    /** __change_memory_common(start, size, set, clear). */
    OpResult changeCommon(long start, long size, long set, long clear) {
        Changes.Log log = new Changes.Log();
        if (!rules.pageattrHandlesBlocks()) {
            if (size == 0) { // apply_to_page_range: WARN_ON(addr >= end)
                log.warn("WARN_ON(addr >= end) in __apply_to_page_range");
                return new OpResult.Einval("apply_to_page_range on an empty range", true, log.freeze());
            }
            ApplyToPageRange walk = new ApplyToPageRange(set, clear, log);
            tables.walk(start, start + size, walk);
            return walk.failure != null ? walk.failure : new OpResult.Ok(log.freeze());
        }
        OpResult split = splitKernelLeafMapping(start, start + size, log);
        if (split != null) {
            return split;
        }
        UpdateRangeProt walk = new UpdateRangeProt(start, start + size, set, clear, log);
        tables.walk(start, start + size, walk);
        return walk.failure != null ? walk.failure : new OpResult.Ok(log.freeze());
    }

    /** pageattr.c split_kernel_leaf_mapping (6.18+): null on success. */
    private OpResult splitKernelLeafMapping(long start, long end, Changes.Log log) {
        if (!cpu.bbml2Noabort() || policy.forcePteMapping() || policy.isKfenceAddress(start)) {
            return null; // the walk will WARN on a partial block instead
        }
        long pageMask = geometry.pageSize() - 1;
        if ((start & pageMask) != 0 || (end & pageMask) != 0) {
            log.warn("WARN_ON_ONCE(ret) in update_range_prot: split_kernel_leaf_mapping -EINVAL (unaligned)");
            return new OpResult.Einval("split_kernel_leaf_mapping needs page-aligned bounds", true, log.freeze());
        }
        LeafSplitter splitter = new LeafSplitter(tables, rules, log);
        OpResult r = splitter.splitAt(start);
        if (r == null && end != start) {
            r = splitter.splitAt(end);
        }
        return r;
    }

    /** The 6.18+ walk: pageattr_p?d_entry / pageattr_pte_entry under walk_kernel_page_table_range_lockless. */
    private final class UpdateRangeProt implements RangeVisitor {
        private final long start;
        private final long end;
        private final long set;
        private final long clear;
        private final Changes.Log log;
        private OpResult failure;

        UpdateRangeProt(long start, long end, long set, long clear, Changes.Log log) {
            this.start = start;
            this.end = end;
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
            long groupEnd = group + geometry.contSize(level);
            boolean whole = Long.compareUnsigned(group, start) >= 0
                    && (end == 0 || (groupEnd != 0 && Long.compareUnsigned(groupEnd, end) <= 0));
            if (!whole) {
                log.event(new Event.MixedContGroup(group, level));
            }
        }
    }

    /** Up to 6.17: apply_to_page_range(&init_mm, …) with create = true (mm/memory.c apply_to_p?d_range). */
    private final class ApplyToPageRange implements RangeVisitor {
        private final long set;
        private final long clear;
        private final Changes.Log log;
        private OpResult failure;

        ApplyToPageRange(long set, long clear, Changes.Log log) {
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
            // pgalloc.h p?d_populate_kernel [I: TABLE_UXN as for the other kernel tables]
            table[index] = geometry.encodeOutputAddress(pa) | TYPE_TABLE | TABLE_UXN
                    | (rules.tableEntriesGetTableAf() ? TABLE_AF : 0);
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
}
