package org.pagewright.arm64.layout;

import org.pagewright.arm64.KernelVersion;

/**
 * The one version switch of this package: which memory.h formulas a kernel uses. Only the endpoints 6.1 and
 * 6.12/7.3 are checked against real kernels (the captures' ptdump_mod_insmod lines); the boundaries come from the
 * commit history named below.
 */
enum LayoutEra {
    /** 6.1-era memory.h: vmemmap at the top, PCI I/O and fixmap below it, vmalloc ends 256M below vmemmap. */
    VMEMMAP_AT_TOP,
    /** 6.9+ memory.h (LPA2 series: 031e011d8b22, b730b0f2b1fc, 32697ff38287): vmemmap ends at -1G; PCI I/O and
     *  the fixmap sit above it; vmalloc ends 8M below vmemmap. */
    VMEMMAP_BELOW_FIXMAP;

    private static final KernelVersion LPA2_LAYOUT = new KernelVersion(6, 9, 0);
    private static final KernelVersion MODULES_2G = new KernelVersion(6, 5, 0);

    static LayoutEra of(KernelVersion version) {
        return version.atLeast(LPA2_LAYOUT) ? VMEMMAP_BELOW_FIXMAP : VMEMMAP_AT_TOP;
    }

    /** memory.h MODULES_VSIZE: SZ_128M until 6.4, SZ_2G from 6.5 ("arm64: module: rework module VA range selection"). */
    static long modulesSize(KernelVersion version) {
        return version.atLeast(MODULES_2G) ? 2L << 30 : 128L << 20;
    }
}
