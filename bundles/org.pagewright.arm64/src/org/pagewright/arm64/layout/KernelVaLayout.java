package org.pagewright.arm64.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.KernelVersion;

/**
 * The kernel VA layout of one configuration (memory.h, KASAN off). All addresses are unsigned 64-bit values held in
 * longs; ends are exclusive. Build with {@link #of(Geometry, KernelVersion, long)}.
 *
 * @param fixmapStart where ptdump's "Fixmap start" marker sits: FIXADDR_START (6.1) or FIXADDR_TOT_START (later);
 *                    it depends on the kernel config through enum fixed_addresses, hence an input
 */
public record KernelVaLayout(KernelVersion version, Geometry geometry, int vabitsActual, long pageOffset,
        long pageEnd, long modulesVaddr, long modulesEnd, long vmallocStart, long vmallocEnd, long vmemmapStart,
        long vmemmapEnd, long pciIoStart, long pciIoEnd, long fixmapStart, long fixaddrTop) {

    private static final long SZ_8M = 8L << 20;
    private static final long SZ_16M = 16L << 20;
    private static final long SZ_32M = 32L << 20;
    private static final long SZ_256M = 256L << 20;
    private static final long SZ_1G = 1L << 30;
    private static final int STRUCT_PAGE_MAX_SHIFT = 6; // memory.h: sizeof(struct page) rounded up = 64
    private static final long PCI_IO_SIZE = SZ_16M;     // memory.h

    /**
     * Computes the layout.
     *
     * @param fixmapPages pages between the ptdump "Fixmap start" marker and FIXADDR_TOP (see {@link FixmapSize})
     */
    public static KernelVaLayout of(Geometry geometry, KernelVersion version, long fixmapPages) {
        return of(geometry, version, geometry.vaBits(), fixmapPages);
    }

    /**
     * As {@link #of(Geometry, KernelVersion, long)} for a CPU whose usable VA size (vabits_actual, decided at boot)
     * may be below VA_BITS, e.g. a 52-bit kernel on a CPU without LPA2 or (64K) LVA (48). {@code geometry} is the build's
     * (CONFIG_ARM64_VA_BITS): every memory.h constant below comes from it. The layout's {@link #geometry()} is the
     * regime the MMU walks at run time ({@link #runtimeGeometry(Geometry, int)}).
     */
    public static KernelVaLayout of(Geometry geometry, KernelVersion version, int vabitsActual, long fixmapPages) {
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(version, "version");
        int vaBits = geometry.vaBits();
        int vaBitsMin = vaBitsMin(geometry);
        long pageOffset = pageOffset(vaBits);                       // memory.h PAGE_OFFSET = _PAGE_OFFSET(VA_BITS)
        long pageEnd = pageEnd(vaBitsMin);                          // memory.h PAGE_END = _PAGE_END(VA_BITS_MIN)
        long modulesVaddr = pageEnd;                                // memory.h MODULES_VADDR = _PAGE_END(VA_BITS_MIN)
        long modulesEnd = modulesVaddr + KernelRules.of(version).modulesVsize();
        long linearSpan = pageEnd - pageOffset;
        long vmemmapStart;
        long vmemmapEnd;
        long pciIoStart;
        long fixaddrTop;
        long vmallocEnd;
        if (!KernelRules.of(version).vmemmapBelowFixmap()) {
            int vmemmapShift = geometry.pageShift() - STRUCT_PAGE_MAX_SHIFT;
            vmemmapStart = -(1L << (vaBits - vmemmapShift));        // memory.h (6.1) VMEMMAP_START
            vmemmapEnd = vmemmapStart + (linearSpan >>> vmemmapShift);
            pciIoStart = vmemmapStart - SZ_8M - PCI_IO_SIZE;        // memory.h (6.1) PCI_IO_END = VMEMMAP_START - 8M
            fixaddrTop = vmemmapStart - SZ_32M;                     // memory.h (6.1) FIXADDR_TOP
            vmallocEnd = vmemmapStart - SZ_256M;                    // pgtable.h (6.1) VMALLOC_END
        } else {
            long vmemmapSize = (linearSpan >>> geometry.pageShift()) << STRUCT_PAGE_MAX_SHIFT;
            vmemmapEnd = -SZ_1G;                                    // memory.h VMEMMAP_END = -UL(SZ_1G)
            vmemmapStart = vmemmapEnd - vmemmapSize;
            pciIoStart = vmemmapEnd + SZ_8M;                        // memory.h PCI_IO_START = VMEMMAP_END + SZ_8M
            fixaddrTop = -SZ_8M;                                    // memory.h FIXADDR_TOP = -UL(SZ_8M)
            // pgtable.h VMALLOC_END: VMEMMAP_START - SZ_8M, plus VMEMMAP_UNUSED_NPAGES * sizeof(struct page) when
            // VA_BITS > VA_BITS_MIN (the vmemmap of the linear map a 52-bit build cannot use at vabits_actual)
            long unusedPages = (pageOffset(vabitsActual) - pageOffset) >>> geometry.pageShift();
            vmallocEnd = vmemmapStart + (unusedPages << STRUCT_PAGE_MAX_SHIFT) - SZ_8M;
        }
        long fixmapStart = fixaddrTop - fixmapPages * geometry.pageSize(); // fixmap.h FIXADDR_(TOT_)START
        return new KernelVaLayout(version, runtimeGeometry(geometry, vabitsActual), vabitsActual, pageOffset, pageEnd, modulesVaddr, modulesEnd, modulesEnd,
                vmallocEnd, vmemmapStart, vmemmapEnd, pciIoStart, pciIoStart + PCI_IO_SIZE, fixmapStart, fixaddrTop);
    }

    /**
     * The regime walked at run time: the build's, or the VA_BITS_MIN one a 52-bit build falls back to
     * (pi/map_kernel.c early_map_kernel). LPA2 (4K/16K) loses a level (root_level++) and the OA bits 9:8; 64K
     * without LVA keeps its three levels and only narrows T1SZ (the root table indexes VA[47:42]).
     */
    public static Geometry runtimeGeometry(Geometry build, int vabitsActual) {
        if (vabitsActual >= build.vaBits()) {
            return build;
        }
        return Geometry.check(build.granule(), vabitsActual) instanceof org.pagewright.arm64.GeometryResult.Supported s
                ? s.geometry() : build;
    }

    /** CONFIG_ARM64_VA_BITS of the build: PAGE_OFFSET = -(1 << VA_BITS) is a compile-time constant. */
    public int configVaBits() {
        return Long.numberOfTrailingZeros(pageOffset);
    }

    /** CONFIG_PGTABLE_LEVELS of the build (Kconfig: from granule and VA_BITS), which names and folds ptdump's levels
     *  even when the MMU walks fewer levels at run time (pgtable.h: pgtable_l5_enabled() false → P4D folded into
     *  the PGD at run time, but PTRS_PER_P4D stays 512). */
    public int configLevels() {
        int bits = geometry.granule().bitsPerLevel();
        return (configVaBits() - geometry.pageShift() + bits - 1) / bits;
    }

    /** memory.h VA_BITS_MIN: 48 (47 with 16K pages) for a 52-bit build, else VA_BITS. */
    public static int vaBitsMin(Geometry build) {
        if (build.vaBits() <= 48) {
            return build.vaBits();
        }
        return build.granule() == org.pagewright.arm64.Granule.G16K ? 47 : 48;
    }

    /** memory.h _PAGE_OFFSET(va) = -(1 << va). */
    public static long pageOffset(int va) {
        return -(1L << va);
    }

    /** memory.h _PAGE_END(va) = -(1 << (va - 1)). */
    public static long pageEnd(int va) {
        return -(1L << (va - 1));
    }

    /** memory.h KIMAGE_VADDR = MODULES_END: where the image is linked (before KASLR). */
    public long kimageVaddr() {
        return modulesEnd;
    }

    /** Where ptdump starts walking: PAGE_OFFSET (6.1), _PAGE_OFFSET(vabits_actual) from 6.9 (ptdump.c ptdump_init). */
    public long ptdumpWalkStart() {
        return KernelRules.of(version).vmemmapBelowFixmap() ? pageOffset(vabitsActual) : pageOffset;
    }

    /** ptdump.c (6.9+) "vmemmap start" = virt_to_page(_PAGE_OFFSET(vabits_actual)); 6.1 uses VMEMMAP_START. */
    long vmemmapMarker() {
        long firstUsedPage = (ptdumpWalkStart() - pageOffset) >>> geometry.pageShift();
        return vmemmapStart + (firstUsedPage << STRUCT_PAGE_MAX_SHIFT);
    }

    /** ptdump.c address_markers[] (KASAN off), sorted by address as the walk must meet them; stable for ties. */
    public List<AddressMarker> ptdumpMarkers() {
        List<AddressMarker> markers = new ArrayList<>(List.of(
                new AddressMarker(pageOffset, "Linear Mapping start"),
                new AddressMarker(pageEnd, "Linear Mapping end"),
                new AddressMarker(modulesVaddr, "Modules start"),
                new AddressMarker(modulesEnd, "Modules end"),
                new AddressMarker(vmallocStart, "vmalloc() area"),
                new AddressMarker(vmallocEnd, "vmalloc() end"),
                new AddressMarker(fixmapStart, "Fixmap start"),
                new AddressMarker(fixaddrTop, "Fixmap end"),
                new AddressMarker(pciIoStart, "PCI I/O start"),
                new AddressMarker(pciIoEnd, "PCI I/O end"),
                new AddressMarker(vmemmapMarker(), "vmemmap start"),
                new AddressMarker(vmemmapEnd, "vmemmap end")));
        markers.sort(Comparator.comparing(AddressMarker::address, Long::compareUnsigned));
        return List.copyOf(markers);
    }

    /** memory.h __is_lm_address: (va & ~PAGE_OFFSET) < (PAGE_END - PAGE_OFFSET). */
    public boolean isLinearMapAddress(long va) {
        return Long.compareUnsigned(va & ~pageOffset, pageEnd - pageOffset) < 0;
    }

    /** memory.h __phys_to_virt: (pa - PHYS_OFFSET) | PAGE_OFFSET. */
    public long physToVirt(long pa, long physOffset) {
        return (pa - physOffset) | pageOffset;
    }

    /** memory.h __lm_to_phys: (va & ~PAGE_OFFSET) + PHYS_OFFSET; only meaningful for linear-map addresses. */
    public long linearToPhys(long va, long physOffset) {
        return (va & ~pageOffset) + physOffset;
    }

    /** Bytes of PA the linear map can cover: PAGE_END - PAGE_OFFSET. */
    public long linearMapSpan() {
        return pageEnd - pageOffset;
    }
}
