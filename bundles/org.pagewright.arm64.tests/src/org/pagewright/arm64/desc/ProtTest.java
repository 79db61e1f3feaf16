package org.pagewright.arm64.desc;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.pagewright.arm64.Geometry;

/** Prot values against the raw descriptors of the captures (attrs = descriptor with OA bits cleared). */
class ProtTest {

    @Test
    void taggedPageKernelMatchesThe61LinearMap() {
        assertEquals(0x00e8000000000707L, Prot.PAGE_KERNEL.tagged().bits()); // k61 L3 linear map RW
    }

    @Test
    void pageKernelRoMatchesThe61TextAlias() {
        assertEquals(0x00e0000000000783L, Prot.PAGE_KERNEL_RO.bits()); // k61 linear alias of text
    }

    @Test
    void pageKernelRoxWithContMatchesThe61KernelText() {
        assertEquals(0x00d0000000000783L, Prot.PAGE_KERNEL_ROX.withCont().bits());
    }

    @Test
    void lpa2DropsTheShareabilityBits() {
        assertEquals(0x00e8000000000407L, Prot.PAGE_KERNEL.tagged().forGeometry(Geometry.G4K_52).bits()); // k73
        assertEquals(Prot.PAGE_KERNEL, Prot.PAGE_KERNEL.forGeometry(Geometry.G4K_48));
    }

    @Test
    void blockFormClearsBit1Only() {
        assertEquals(0x00c0000000000781L, Prot.PAGE_KERNEL_ROX.blockForm().bits()); // k61 L2 text blocks
    }

    @Test
    void execProtsDropPxnAndExecContAddsCont() {
        assertFalse(Prot.PAGE_KERNEL_EXEC.has(Descriptor.PXN));
        assertTrue(Prot.PAGE_KERNEL_EXEC.has(Descriptor.WRITE));
        assertEquals(Prot.PAGE_KERNEL_EXEC.bits() | Descriptor.CONT, Prot.PAGE_KERNEL_EXEC_CONT.bits());
    }

    @Test
    void pgprotTaggedRewritesAttrIndxUnconditionally() {
        assertEquals(MemoryType.NORMAL_TAGGED, Prot.PROT_DEVICE_nGnRE.tagged().memoryType());
        assertEquals(0x0068000000000713L, Prot.PROT_DEVICE_nGnRE.bits()); // k61 device mapping attrs
    }

    @Test
    void withNgSetsBit11() {
        assertEquals(Prot.PAGE_KERNEL.bits() | 0x800L, Prot.PAGE_KERNEL.withNg().bits());
        assertEquals(Prot.PAGE_KERNEL, Prot.PAGE_KERNEL.withNgIf(false));
    }

    @Test
    void namesRecogniseTaggedAndNgVariants() {
        assertEquals("pgprot_tagged(PAGE_KERNEL)+nG", Prot.PAGE_KERNEL.tagged().withNg().name());
        assertEquals("PAGE_KERNEL_RO", Prot.PAGE_KERNEL_RO.forGeometry(Geometry.G4K_52).name());
    }
}
