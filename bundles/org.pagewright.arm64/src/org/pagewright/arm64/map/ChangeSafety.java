package org.pagewright.arm64.map;

import static org.pagewright.arm64.desc.Descriptor.*;

import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.desc.MemoryType;

/** mmu.c pgattr_change_is_safe(): which rewrites of a live kernel entry need no break-before-make. */
public final class ChangeSafety {
    private final Geometry geometry;
    private final KernelRules rules;

    public ChangeSafety(Geometry geometry, KernelRules rules) {
        this.geometry = geometry;
        this.rules = rules;
    }

    /** True if writing {@code next} over {@code old} is safe on a live mapping. */
    public boolean isSafe(long old, long next) {
        return whyUnsafe(old, next) == null;
    }

    /** Null if safe, else the rule that forbids the change. */
    public String whyUnsafe(long old, long next) {
        if (!isValid(old) || !isValid(next)) {
            return null; // creating or taking down mappings is always safe
        }
        if (geometry.outputAddress(old) >> geometry.pageShift() != geometry.outputAddress(next) >> geometry.pageShift()) {
            return "a live entry's pfn may not change";
        }
        if (rules.liveContEntriesMayChange()) {
            if (((old ^ next) & CONT) != 0) {
                return "the contiguous bit of a live entry may not change (ARM ARM RJQQTC)";
            }
        } else if (((old | next) & CONT) != 0) {
            return "live contiguous mappings may not be manipulated at all";
        }
        if ((old & ~next & NG) != 0) {
            return "nG -> G on a live entry is unsafe";
        }
        long mask = PXN | RDONLY | WRITE | NG | (rules.liveSoftwareBitsMayChange() ? SW_BITS : 0);
        if (normalOrTagged(old) && normalOrTagged(next)) {
            mask |= ATTRINDX_MASK; // Tagged is a permission attribute for mismatched-alias purposes
        }
        long differing = (old ^ next) & ~mask;
        return differing == 0 ? null : String.format("bits 0x%016x may not change on a live entry", differing);
    }

    private static boolean normalOrTagged(long d) {
        MemoryType t = MemoryType.ofIndex(attrIndex(d));
        return t != null && t.isNormalOrTagged();
    }
}
