package org.pagewright.arm64.attr;

import static org.pagewright.arm64.desc.Descriptor.*;

import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.VaRange;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.op.Changes;
import org.pagewright.arm64.op.Event;
import org.pagewright.arm64.op.OpResult;
import org.pagewright.arm64.op.Permission;
import org.pagewright.arm64.table.Leaf;
import org.pagewright.arm64.table.PageTables;
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
        return changeCommon(addr, numPages * geometry.pageSize(), m[0], m[1], new Changes.Log());
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
        return changeCommon(addr, numPages * geometry.pageSize(), m[0], m[1], new Changes.Log());
    }

    /** set_memory_ro/rw/x/nx: change_memory_common accepts only one VM_ALLOC (non-huge) vmalloc area. */
    public OpResult changeMemoryCommon(long addr, long numPages, Permission change) {
        long pageMask = geometry.pageSize() - 1;
        long start = addr & ~pageMask;
        long size = numPages * geometry.pageSize();
        long end = start + size;
        boolean warnedUnaligned = (addr & pageMask) != 0; // WARN_ON_ONCE(1) and align down
        VmAreas.Area area = tables.vmAreas().find(new VirtualAddress(addr));
        if (area == null || Long.compareUnsigned(end - area.start().value(), area.size()) > 0 || !area.vmAlloc()
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
        Changes.Log log = new Changes.Log();
        if (warnedUnaligned) {
            log.warn("WARN_ON_ONCE(1) in change_memory_common: unaligned address");
        }
        if (policy.rodataFull() && change.changesRdonly()) { // pageattr.c: mirror RDONLY to the linear alias
            OpResult m = mirrorToLinearAliasOfBackingPages(start, numPages, change, log);
            if (m != null) {
                return m;
            }
        }
        return changeCommon(start, size, setMask(change), clearMask(change), log);
    }

    /** pageattr.c set_memory_x/nx also set/clear PTE_MAYBE_GP, which is PTE_GP on a BTI kernel. */
    private long setMask(Permission change) {
        return change.setMask() | (change == Permission.X && cpu.bti() ? GP : 0);
    }

    private long clearMask(Permission change) {
        return change.clearMask() | (change == Permission.NX && cpu.bti() ? GP : 0);
    }

    /** __change_memory_common on a linear-map range (the rodata_full mirror of change_memory_common). */
    public OpResult mirrorToLinearAlias(long linearAddr, long numPages, Permission change) {
        return changeCommon(linearAddr, numPages * geometry.pageSize(), setMask(change), clearMask(change),
                new Changes.Log());
    }

    /** Null when done; else the failure of one page's mirror. */
    private OpResult mirrorToLinearAliasOfBackingPages(long start, long numPages, Permission change, Changes.Log log) {
        if (policy.physOffset() < 0) {
            log.event(new Event.Note("rodata_full mirror to the linear alias skipped: PHYS_OFFSET unknown"
                    + " (give DirectMapPolicy.withPhysOffset or use MirrorToLinearAlias)"));
            return null;
        }
        for (long i = 0; i < numPages; i++) {
            VirtualAddress page = new VirtualAddress(start + i * geometry.pageSize());
            Leaf leaf = tables.lookup(page);
            if (leaf == null || !isValid(leaf.descriptor())) {
                continue;
            }
            long pa = geometry.outputAddress(leaf.descriptor()) + page.minus(leaf.va());
            long alias = (pa - policy.physOffset()) | geometry.kernelVaStart(); // memory.h __phys_to_virt
            OpResult r = changeCommon(alias, geometry.pageSize(), setMask(change), clearMask(change), log);
            if (!(r instanceof OpResult.Ok)) {
                return r;
            }
        }
        return null;
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

    /** __change_memory_common(start, size, set, clear), recording into log. */
    private OpResult changeCommon(long start, long size, long set, long clear, Changes.Log log) {
        if (!rules.pageattrHandlesBlocks()) {
            if (size == 0) { // apply_to_page_range: WARN_ON(addr >= end)
                log.warn("WARN_ON(addr >= end) in __apply_to_page_range");
                return new OpResult.Einval("apply_to_page_range on an empty range", true, log.freeze());
            }
            ApplyToPageRangeWalk walk = new ApplyToPageRangeWalk(tables, rules, set, clear, log);
            tables.walk(VaRange.of(start, size), walk);
            return walk.failure() != null ? walk.failure() : new OpResult.Ok(log.freeze());
        }
        OpResult split = splitKernelLeafMapping(start, start + size, log);
        if (split != null) {
            return split;
        }
        VaRange range = VaRange.of(start, size);
        UpdateRangeProtWalk walk = new UpdateRangeProtWalk(tables, rules, range, set, clear, log);
        tables.walk(range, walk);
        return walk.failure() != null ? walk.failure() : new OpResult.Ok(log.freeze());
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
        if (end - start == geometry.pageSize()) { // one page: split only at the less aligned of start and end
            return splitter.splitAt(Long.numberOfTrailingZeros(start) < Long.numberOfTrailingZeros(end) ? start : end);
        }
        OpResult r = splitter.splitAt(start);
        return r != null ? r : splitter.splitAt(end);
    }


    /**
     * kernel_page_present(page) for the page at linear address va: p?d_leaf + valid bit from 7.0.1; before, p?d_sect
     * at block levels, so an invalid block is walked as a table ({@link PagePresence#MISREAD}).
     */
    public PagePresence kernelPagePresent(long va) {
        PhysicalAddress tablePa = tables.rootPa();
        for (int level = geometry.startLevel(); level <= Geometry.LAST_LEVEL; level++) {
            long d = tables.entry(tablePa, geometry.index(level, va));
            if (level == Geometry.LAST_LEVEL) {
                return isValid(d) ? PagePresence.PRESENT : PagePresence.NOT_PRESENT; // pte_valid
            }
            if (d == 0) {
                return PagePresence.NOT_PRESENT; // p?d_none
            }
            if (isTable(d, level)) {
                tablePa = tables.nextTablePa(d);
                continue;
            }
            if (rules.kernelPagePresentUsesLeaf()) { // 7.0.1: p?d_leaf -> p?d_valid
                return isValid(d) ? PagePresence.PRESENT : PagePresence.NOT_PRESENT;
            }
            return isSect(d, level) ? PagePresence.PRESENT : PagePresence.MISREAD;
        }
        return PagePresence.NOT_PRESENT;
    }
}
