package org.pagewright.config.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.config.run.ProtConversion;

/** Engine prots survive the configuration model: constant, modifiers and the kernel's own PTE_NG clearing. */
class ProtConversionTest {

    private static Prot roundTrip(Prot prot) {
        return ProtConversion.toEngine(ProtConversion.toConfig(prot));
    }

    // mmu.c map_entry_trampoline: pgprot_val(prot) &= ~PTE_NG, which PTE_MAYBE_NG must not undo under KPTI
    @Test
    void aProtWhosePteNgTheKernelClearedStaysGlobalThroughTheConfiguration() {
        assertEquals(Prot.PAGE_KERNEL_ROX.withNgCleared(), roundTrip(Prot.PAGE_KERNEL_ROX.withNgCleared()));
        assertEquals(Prot.PAGE_KERNEL_ROX, roundTrip(Prot.PAGE_KERNEL_ROX));
        assertEquals(new Prot(0x7ffL, true), roundTrip(new Prot(0x7ffL, true))); // raw bits too
    }

    @Test
    void aReportSaysWhenTheKernelClearedPteNg() {
        assertEquals("PAGE_KERNEL_ROX -nG", ProtConversion.describe(ProtConversion.toConfig(
                Prot.PAGE_KERNEL_ROX.withNgCleared())));
        assertEquals("PAGE_KERNEL_ROX", ProtConversion.describe(ProtConversion.toConfig(Prot.PAGE_KERNEL_ROX)));
    }
}
