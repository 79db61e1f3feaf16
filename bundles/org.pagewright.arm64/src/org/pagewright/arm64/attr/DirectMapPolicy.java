package org.pagewright.arm64.attr;

/**
 * The boot-time decisions pageattr.c consults, which the kernel recipes compute from cmdline, config and CPU.
 *
 * @param forcePteMapping mmu.c force_pte_mapping(): the linear map was built with pages only
 * @param canSetDirectMap pageattr.c can_set_direct_map(): rodata_full || debug_pagealloc || kfence-late || realm
 * @param rodataFull rodata=full (6.x) / rodata=on (7.3): RDONLY changes are mirrored to the linear alias
 * @param kfenceStart start of the KFENCE pool's linear VA range (split_kernel_leaf_mapping skips it); 0 if none
 * @param kfenceEnd end of that range (exclusive)
 * @param physOffset PHYS_OFFSET for __phys_to_virt when mirroring to the linear alias; -1 if unknown (no mirror)
 */
public record DirectMapPolicy(boolean forcePteMapping, boolean canSetDirectMap, boolean rodataFull, long kfenceStart,
        long kfenceEnd, long physOffset) {

    /** No forced pages, direct map changes allowed, rodata_full on, no KFENCE pool, PHYS_OFFSET unknown. */
    public static DirectMapPolicy defaults() {
        return new DirectMapPolicy(false, true, true, 0, 0, -1);
    }

    public DirectMapPolicy withForcePteMapping(boolean v) {
        return new DirectMapPolicy(v, canSetDirectMap, rodataFull, kfenceStart, kfenceEnd, physOffset);
    }

    public DirectMapPolicy withCanSetDirectMap(boolean v) {
        return new DirectMapPolicy(forcePteMapping, v, rodataFull, kfenceStart, kfenceEnd, physOffset);
    }

    public DirectMapPolicy withRodataFull(boolean v) {
        return new DirectMapPolicy(forcePteMapping, canSetDirectMap, v, kfenceStart, kfenceEnd, physOffset);
    }

    public DirectMapPolicy withKfencePool(long start, long end) {
        return new DirectMapPolicy(forcePteMapping, canSetDirectMap, rodataFull, start, end, physOffset);
    }

    public DirectMapPolicy withPhysOffset(long v) {
        return new DirectMapPolicy(forcePteMapping, canSetDirectMap, rodataFull, kfenceStart, kfenceEnd, v);
    }

    public boolean isKfenceAddress(long va) {
        return kfenceStart != kfenceEnd && Long.compareUnsigned(va, kfenceStart) >= 0
                && Long.compareUnsigned(va, kfenceEnd) < 0;
    }
}
