package org.pagewright.arm64.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.ptdump.CaptureLogs;

/** memory.h formulas against what the real kernels reported (ptdump_mod_insmod) and memory.rst. */
class KernelVaLayoutTest {

    @Test
    void a52BitBuildWith16kPagesEndsItsLinearMapAt47Bits() {
        // memory.h: VA_BITS_MIN is 47 for 16K pages, 48 for 4K and 64K
        assertEquals(47, KernelVaLayout.vaBitsMin(Geometry.G16K_52));
        assertEquals(48, KernelVaLayout.vaBitsMin(Geometry.G4K_52));
        assertEquals(48, KernelVaLayout.vaBitsMin(Geometry.G64K_52));
        assertEquals(39, KernelVaLayout.vaBitsMin(Geometry.G4K_39));
        assertEquals(0xffffc00000000000L, KernelVaLayout.of(Geometry.G16K_52, KernelVersion.V7_3, 0).pageEnd());
    }

    @ParameterizedTest
    @EnumSource(CaptureLogs.class)
    void markerAddressesAndOrderEqualTheKernelsOwn(CaptureLogs capture) {
        List<AddressMarker> markers = capture.layout().ptdumpMarkers();

        assertEquals(capture.markerNames(), markers.stream().map(AddressMarker::name).toList());
        assertEquals(capture.markerAddresses().stream().map(a -> Long.toHexString(a[0])).toList(),
                markers.stream().map(m -> Long.toHexString(m.address())).toList());
    }

    @ParameterizedTest
    @EnumSource(CaptureLogs.class)
    void pageOffsetAndPageEndEqualTheKernelsOwn(CaptureLogs capture) {
        KernelVaLayout layout = capture.layout();

        assertEquals(capture.insmodValue("PAGE_OFFSET"), layout.pageOffset());
        assertEquals(capture.insmodValue("PAGE_END"), layout.pageEnd());
    }

    @ParameterizedTest
    @EnumSource(CaptureLogs.class)
    void physOffsetMapsToPageOffsetAndBack(CaptureLogs capture) {
        KernelVaLayout layout = capture.layout();
        long physOffset = capture.insmodValue("PHYS_OFFSET");

        long va = layout.physToVirt(physOffset + 0x210000, physOffset);

        assertEquals(capture.insmodValue("PAGE_OFFSET") + 0x210000, va);
        assertEquals(physOffset + 0x210000, layout.linearToPhys(va, physOffset));
        assertTrue(layout.isLinearMapAddress(va));
    }

    @Test
    void vmallocAndImageAddressesAreNotLinear() {
        KernelVaLayout layout = CaptureLogs.K612.layout();

        assertFalse(layout.isLinearMapAddress(layout.kimageVaddr()));
        assertFalse(layout.isLinearMapAddress(layout.vmallocStart()));
        assertTrue(layout.isLinearMapAddress(layout.pageEnd() - 4096));
    }

    @Test
    void current4k48LayoutMatchesMemoryRst() {
        // Documentation/arch/arm64/memory.rst (Jan 2025 table, 4K pages, 48-bit VA)
        KernelVaLayout l = KernelVaLayout.of(Geometry.G4K_48, KernelVersion.V6_18, 0);

        assertEquals(0xffff800080000000L, l.vmallocStart());
        assertEquals(0xfffffdffbf800000L, l.vmallocEnd());
        assertEquals(0xfffffdffc0000000L, l.vmemmapStart());
        assertEquals(0xffffffffc0800000L, l.pciIoStart());
        assertEquals(0xffffffffc1800000L, l.pciIoEnd());
        assertEquals(0xffffffffff800000L, l.fixaddrTop());
    }

    @Test
    void a52BitKernelOnA48BitCpuStartsTheWalkAndVmemmapMarkerHigher() {
        KernelVaLayout full = KernelVaLayout.of(Geometry.G4K_52, KernelVersion.V7_3, FixmapSize.DEBIAN_7_3);
        KernelVaLayout fallback = KernelVaLayout.of(Geometry.G4K_52, KernelVersion.V7_3, 48, FixmapSize.DEBIAN_7_3);

        assertEquals(full.pageOffset(), fallback.pageOffset());          // PAGE_OFFSET is a compile-time constant
        assertEquals(0xffff000000000000L, fallback.ptdumpWalkStart());   // _PAGE_OFFSET(vabits_actual)
        assertTrue(Long.compareUnsigned(fallback.vmemmapMarker(), full.vmemmapMarker()) > 0);
    }
}
