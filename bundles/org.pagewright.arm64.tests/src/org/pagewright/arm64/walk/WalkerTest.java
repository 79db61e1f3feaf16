package org.pagewright.arm64.walk;

import static org.junit.jupiter.api.Assertions.*;
import static org.pagewright.arm64.Fixture.*;
import static org.pagewright.arm64.desc.Descriptor.*;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.Fixture;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.attr.DirectMapPolicy;
import org.pagewright.arm64.attr.PageAttr;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.map.MapFlag;
import org.pagewright.arm64.map.Mapper;
import org.pagewright.arm64.table.Leaf;
import org.pagewright.arm64.table.PageTables;

class WalkerTest {
    private static final KernelRules K618 = KernelRules.of(KernelVersion.V6_18);
    private static final Set<MapFlag> PAGES = EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS, MapFlag.NO_CONT_MAPPINGS);
    private static final long VA = LINEAR_4K_48;

    private static PageTables mapped(Prot prot, Set<MapFlag> flags, long size) {
        PageTables t = Fixture.tables(Geometry.G4K_48);
        assertTrue(new Mapper(t, K618).createMapping(DRAM, VA, size, prot, flags).isOk());
        return t;
    }

    private static Translation.Fault fault(Translation tr) {
        return assertInstanceOf(Translation.Fault.class, tr);
    }

    @Test
    void aReadOfAValidKernelPageYieldsItsPhysicalAddress() {
        PageTables t = mapped(Prot.PAGE_KERNEL, PAGES, SZ_2M);
        Translation tr = new Walker(t, CpuFeatures.none()).translate(va(VA + 0x5123), Access.READ);
        assertEquals(pa(DRAM + 0x5123), assertInstanceOf(Translation.Ok.class, tr).pa());
    }

    @Test
    void blocksTranslateWithTheOffsetInsideTheBlock() {
        PageTables t = mapped(Prot.PAGE_KERNEL, Set.of(), SZ_1G);
        Translation.Ok ok = assertInstanceOf(Translation.Ok.class,
                new Walker(t, CpuFeatures.none()).translate(va(VA + 0x12345678), Access.WRITE));
        assertEquals(pa(DRAM + 0x12345678), ok.pa());
        assertEquals(1, ok.level());
    }

    @Test
    void anInvalidPteFaultsAtLevel3WithFsc0x07() {
        PageTables t = mapped(Prot.PAGE_KERNEL, PAGES, SZ_2M);
        new PageAttr(t, K618, CpuFeatures.none(), DirectMapPolicy.defaults()).setMemoryValid(VA, 1, false);
        Translation.Fault f = fault(new Walker(t, CpuFeatures.none()).translate(va(VA), Access.READ));
        assertEquals(FaultKind.TRANSLATION, f.kind());
        assertEquals(0x07, f.fsc());
    }

    @Test
    void anInvalidPmdBlockFaultsAtLevel2WithFsc0x06LikeTheRealmPanic() {
        PageTables t = Fixture.tables(Geometry.G4K_48);
        long pa = 0x199600000L;
        long va = VA + (pa - DRAM);
        new Mapper(t, K618).createMapping(pa, va, SZ_2M, Prot.PAGE_KERNEL.tagged(), Set.of());
        new PageAttr(t, K618, CpuFeatures.none(), DirectMapPolicy.defaults()).setMemoryValid(va, 512, false);
        Translation.Fault f = fault(new Walker(t, CpuFeatures.none()).translate(va(va + 0x1000), Access.WRITE));
        assertEquals(0x06, f.fsc());
        assertEquals("level 2 translation fault", f.faultName());
        assertEquals(0x96000046L, f.esr());                   // Ryan Roberts' report: ESR 0x96000046
        assertEquals(0x00e8000199600704L, f.descriptor());    // … pmd=00e8000199600704
    }

    @Test
    void anEmptyLpa2RootEntryFaultsAtLevelMinus1WithFsc0x2B() {
        PageTables t = Fixture.tables(Geometry.G4K_52);
        Translation.Fault f = fault(new Walker(t, CpuFeatures.none()).translate(va(LINEAR_4K_52), Access.READ));
        assertEquals(-1, f.level());
        assertEquals(0x2B, f.fsc());
    }

    @Test
    void aWriteToAReadOnlyPageIsALevel3PermissionFault() {
        PageTables t = mapped(Prot.PAGE_KERNEL_RO, PAGES, SZ_4K);
        Translation.Fault f = fault(new Walker(t, CpuFeatures.none()).translate(va(VA), Access.WRITE));
        assertEquals(FaultKind.PERMISSION, f.kind());
        assertEquals(0x0F, f.fsc());
    }

    @Test
    void aWriteToADbmReadOnlyPageFaultsWithoutHardwareDirtyBitManagement() {
        PageTables t = mapped(Prot.PAGE_KERNEL.set(RDONLY), PAGES, SZ_4K);
        Translation tr = new Walker(t, CpuFeatures.none()).translate(va(VA), Access.WRITE);
        assertEquals(FaultKind.PERMISSION, fault(tr).kind());
    }

    @Test
    void aWriteToADbmReadOnlyPageSucceedsWithHardwareDirtyBitManagement() {
        PageTables t = mapped(Prot.PAGE_KERNEL.set(RDONLY), PAGES, SZ_4K);
        Translation tr = new Walker(t, CpuFeatures.none().withHardwareDirtyBit(true)).translate(va(VA), Access.WRITE);
        assertFalse(assertInstanceOf(Translation.Ok.class, tr).note().isEmpty());
    }

    @Test
    void pxnTableMakesALinearMapLeafNonExecutableWhateverItsOwnPxn() {
        PageTables t = mapped(Prot.PAGE_KERNEL_EXEC, EnumSet.of(MapFlag.NO_EXEC_MAPPINGS), SZ_4K);
        assertFalse(has(t.lookup(va(VA)).descriptor(), PXN));
        Translation.Fault f = fault(new Walker(t, CpuFeatures.none()).translate(va(VA), Access.EXEC));
        assertEquals(FaultKind.PERMISSION, f.kind());
        assertTrue(f.reason().contains("PXNTable"));
        assertEquals(0x8600000FL, f.esr()); // instruction abort, same EL, level 3 permission
    }

    @Test
    void kernelTextMappedRoxIsExecutable() {
        PageTables t = mapped(Prot.PAGE_KERNEL_ROX, PAGES, SZ_4K);
        assertFalse(new Walker(t, CpuFeatures.none()).translate(va(VA), Access.EXEC).isFault());
    }

    @Test
    void pxnLeavesAreNotExecutable() {
        PageTables t = mapped(Prot.PAGE_KERNEL, PAGES, SZ_4K);
        assertEquals(FaultKind.PERMISSION,
                fault(new Walker(t, CpuFeatures.none()).translate(va(VA), Access.EXEC)).kind());
    }

    @Test
    void aClearAccessFlagFaultsAtTheLeafLevelUnlessHardwareManagesIt() {
        PageTables t = mapped(Prot.PAGE_KERNEL.clear(AF), PAGES, SZ_4K);
        Translation.Fault f = fault(new Walker(t, CpuFeatures.none()).translate(va(VA), Access.READ));
        assertEquals(FaultKind.ACCESS_FLAG, f.kind());
        assertEquals(0x0B, f.fsc());
        assertFalse(new Walker(t, CpuFeatures.none().withHardwareAccessFlag(true)).translate(va(VA), Access.READ)
                .isFault());
    }

    @Test
    void apTableReadOnlyForbidsWritesBelowIt() {
        PageTables t = mapped(Prot.PAGE_KERNEL, PAGES, SZ_4K);
        Leaf l = t.lookup(va(VA));
        t.setEntry(t.rootPa(), 0, t.entry(t.rootPa(), 0) | TABLE_AP_RDONLY);
        Translation.Fault f = fault(new Walker(t, CpuFeatures.none()).translate(va(VA), Access.WRITE));
        assertTrue(f.reason().contains("APTable"));
        assertEquals(3, l.level());
    }

    @Test
    void el0AccessiblePagesAreNotReadableAtEl1UnderPan() {
        PageTables t = mapped(Prot.PAGE_KERNEL.set(USER), PAGES, SZ_4K);
        assertEquals(FaultKind.PERMISSION,
                fault(new Walker(t, CpuFeatures.none()).translate(va(VA), Access.READ)).kind());
    }

    @Test
    void addressesOutsideTheKernelRangeFault() {
        PageTables t = mapped(Prot.PAGE_KERNEL, PAGES, SZ_4K);
        assertTrue(new Walker(t, CpuFeatures.none()).translate(va(0x1000L), Access.READ).isFault());
    }

    @Test
    void anEmptyRootOfATwoLevel64kRegimeFaultsAtLevel2() {
        PageTables t = Fixture.tables(Geometry.G64K_42);
        Translation.Fault f = fault(new Walker(t, CpuFeatures.none()).translate(va(-(1L << 42)), Access.READ));
        assertEquals(2, f.level());
        assertEquals(0x06, f.fsc());
    }

    @Test
    void sixtyFourKFiftyTwoBitPhysicalAddressesTranslateBack() {
        PageTables t = Fixture.tables(Geometry.G64K_52);
        long pa = (1L << 50) + (1L << 16);
        long va = -(1L << 52);
        new Mapper(t, K618).createMapping(pa, va, 1L << 16, Prot.PAGE_KERNEL, PAGES);
        Translation.Ok ok = assertInstanceOf(Translation.Ok.class,
                new Walker(t, CpuFeatures.none()).translate(va(va + 0x1234), Access.READ));
        assertEquals(pa(pa + 0x1234), ok.pa());
    }
}
