package org.pagewright.arm64.attr;

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
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.map.MapFlag;
import org.pagewright.arm64.map.Mapper;
import org.pagewright.arm64.op.Event;
import org.pagewright.arm64.op.OpResult;
import org.pagewright.arm64.op.Permission;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.arm64.table.VmAreas;

class PageAttrTest {
    private static final KernelRules K612 = KernelRules.of(KernelVersion.V6_12);
    private static final KernelRules K618 = KernelRules.of(KernelVersion.V6_18);
    private static final KernelRules K701 = KernelRules.of(KernelVersion.V7_0_1);
    private static final KernelRules K73 = KernelRules.of(KernelVersion.V7_3);
    private static final CpuFeatures PLAIN = CpuFeatures.none();
    private static final CpuFeatures BBML2 = CpuFeatures.none().withBbml2Noabort(true);
    private static final DirectMapPolicy POLICY = DirectMapPolicy.defaults();
    private static final Set<MapFlag> PAGES = EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS, MapFlag.NO_CONT_MAPPINGS);
    private static final long VA = LINEAR_4K_48;

    private static PageTables mapped(KernelRules rules, long size, Set<MapFlag> flags, Prot prot) {
        PageTables t = Fixture.tables(Geometry.G4K_48);
        assertTrue(new Mapper(t, rules).createMapping(DRAM, VA, size, prot, flags).isOk());
        return t;
    }

    private static long at(PageTables t, long va) {
        return t.lookup(va(va)).descriptor();
    }

    @Test
    void before701InvalidatingClearsOnlyTheValidBit() {
        PageTables t = mapped(K618, SZ_4K, PAGES, Prot.PAGE_KERNEL.tagged());
        new PageAttr(t, K618, PLAIN, POLICY).setMemoryValid(VA, 1, false);
        assertEquals(DRAM | Prot.PAGE_KERNEL.tagged().bits() & ~VALID, at(t, VA));
    }

    @Test
    void from701InvalidatingSetsPresentInvalidLikeThe73DataBssAlias() {
        PageTables t = Fixture.tables(Geometry.G4K_52);
        long va = LINEAR_4K_52 + 0x2d00000;
        new Mapper(t, K73).createMapping(0x42d00000L, va, SZ_4K, Prot.PAGE_KERNEL.tagged(), PAGES);
        new PageAttr(t, K73, PLAIN, POLICY).setMemoryValid(va, 1, false);
        assertEquals(0x00e8000042d00c06L, at(t, va)); // k73 raw: "INVALID … AF nG DBM PXN UXN"
    }

    @Test
    void from701RevalidatingClearsNgAgainWithoutKpti() {
        PageTables t = mapped(K701, SZ_4K, PAGES, Prot.PAGE_KERNEL);
        PageAttr pa = new PageAttr(t, K701, PLAIN, POLICY);
        pa.setMemoryValid(VA, 1, false);
        pa.setMemoryValid(VA, 1, true);
        assertEquals(DRAM | Prot.PAGE_KERNEL.bits(), at(t, VA));
    }

    @Test
    void underKptiRevalidatingKeepsNg() {
        CpuFeatures kpti = PLAIN.withKptiNeeded(true);
        PageTables t = mapped(K701, SZ_4K, PAGES, Prot.PAGE_KERNEL.withNg());
        PageAttr pa = new PageAttr(t, K701, kpti, POLICY);
        pa.setMemoryValid(VA, 1, false);
        pa.setMemoryValid(VA, 1, true);
        assertEquals(DRAM | Prot.PAGE_KERNEL.withNg().bits(), at(t, VA));
    }

    @Test
    void wholeBlocksAreToggledInPlaceWithoutASplit() {
        PageTables t = mapped(K701, SZ_2M, Set.of(), Prot.PAGE_KERNEL);
        int pages = t.tablePages();
        OpResult r = new PageAttr(t, K701, PLAIN, POLICY).setMemoryValid(VA, 512, false);
        assertTrue(r.isOk());
        assertEquals(pages, t.tablePages());
        assertEquals(1, r.changes().eventsOf(Event.BlockChangedInPlace.class).size());
        assertFalse(isValid(at(t, VA)));
    }

    @Test
    void in618AnInvalidBlockIsSkippedOnRevalidateAndStaysInvalid() {
        PageTables t = mapped(K618, SZ_2M, Set.of(), Prot.PAGE_KERNEL);
        PageAttr pa = new PageAttr(t, K618, PLAIN, POLICY);
        pa.setMemoryValid(VA, 512, false);
        OpResult r = pa.setMemoryValid(VA, 512, true);
        assertTrue(r.isOk());
        assertFalse(isValid(at(t, VA)));
        assertEquals(1, r.changes().eventsOf(Event.SkippedInvalidBlock.class).size());
    }

    @Test
    void from701AnInvalidBlockIsALeafAndIsRevalidated() {
        PageTables t = mapped(K701, SZ_2M, Set.of(), Prot.PAGE_KERNEL);
        PageAttr pa = new PageAttr(t, K701, PLAIN, POLICY);
        pa.setMemoryValid(VA, 512, false);
        pa.setMemoryValid(VA, 512, true);
        assertEquals(DRAM | Prot.PAGE_KERNEL.blockForm().bits(), at(t, VA));
    }

    @Test
    void aPartialBlockWithoutBbml2NoabortIsRefused() {
        PageTables t = mapped(K701, SZ_2M, Set.of(), Prot.PAGE_KERNEL);
        long before = at(t, VA);
        OpResult.Einval e = assertInstanceOf(OpResult.Einval.class,
                new PageAttr(t, K701, PLAIN, POLICY).setMemoryValid(VA + SZ_4K, 1, false));
        assertTrue(e.warned());
        assertEquals(before, at(t, VA));
    }

    @Test
    void aPartialBlockIsRefusedWhenForcePteMappingEvenWithBbml2() {
        PageTables t = mapped(K701, SZ_2M, Set.of(), Prot.PAGE_KERNEL);
        OpResult r = new PageAttr(t, K701, BBML2, POLICY.withForcePteMapping(true)).setMemoryValid(VA + SZ_4K, 1, false);
        assertInstanceOf(OpResult.Einval.class, r);
    }

    @Test
    void entriesWalkedBeforeARefusedBlockStayChanged() {
        PageTables t = Fixture.tables(Geometry.G4K_48);
        Mapper m = new Mapper(t, K701);
        m.createMapping(DRAM, VA, SZ_2M, Prot.PAGE_KERNEL, PAGES);
        m.createMapping(DRAM + SZ_2M, VA + SZ_2M, SZ_2M, Prot.PAGE_KERNEL, Set.of());
        OpResult r = new PageAttr(t, K701, PLAIN, POLICY).setMemoryValid(VA + SZ_2M - SZ_4K, 2, false);
        assertInstanceOf(OpResult.Einval.class, r);
        assertFalse(isValid(at(t, VA + SZ_2M - SZ_4K)));
        assertTrue(isValid(at(t, VA + SZ_2M)));
        assertEquals(1, r.changes().entriesWritten());
    }

    @Test
    void withBbml2APartialPmdBlockSplitsInto512ContPtes() {
        PageTables t = mapped(K701, SZ_2M, Set.of(), Prot.PAGE_KERNEL);
        OpResult r = new PageAttr(t, K701, BBML2, POLICY).setMemoryValid(VA + 0x20000, 1, false);
        assertTrue(r.isOk(), r::toString);
        assertFalse(isValid(at(t, VA + 0x20000)));
        assertEquals(3, t.lookup(va(VA)).level());
        assertTrue(has(at(t, VA), CONT));                  // groups away from the boundary stay CONT
        assertFalse(has(at(t, VA + 0x20000 + SZ_4K), CONT)); // the boundary groups are split further
        assertFalse(r.changes().splits().isEmpty());
    }

    @Test
    void withBbml2APartialPudBlockSplitsIntoContPmdsThenContPtes() {
        PageTables t = mapped(K701, SZ_1G, Set.of(), Prot.PAGE_KERNEL);
        assertEquals(1, t.lookup(va(VA)).level());
        new PageAttr(t, K701, BBML2, POLICY).setMemoryValid(VA + 64 * SZ_2M + SZ_4K, 1, false);
        assertEquals(2, t.lookup(va(VA)).level());
        assertTrue(has(at(t, VA), CONT));
        assertEquals(3, t.lookup(va(VA + 64 * SZ_2M)).level());
    }

    @Test
    void aTableFromASplitInheritsPxnTableFromAPxnBlock() {
        PageTables t = mapped(K701, SZ_2M, Set.of(), Prot.PAGE_KERNEL);
        new PageAttr(t, K701, BBML2, POLICY).setMemoryValid(VA + SZ_4K, 1, false);
        PhysicalAddress l1Pa = t.nextTablePa(t.entry(t.rootPa(), 0));
        long l2 = t.entry(t.nextTablePa(t.entry(l1Pa, 0)), 0);
        assertTrue(isTable(l2, 2));
        assertTrue(has(l2, TABLE_PXN | TABLE_UXN));
    }

    @Test
    void from701SplittingAnInvalidBlockKeepsItsPagesInvalid() {
        PageTables t = mapped(K701, SZ_2M, Set.of(), Prot.PAGE_KERNEL);
        PageAttr pa = new PageAttr(t, K701, BBML2, POLICY);
        pa.setMemoryValid(VA, 512, false);
        assertTrue(pa.setMemoryValid(VA + SZ_4K, 1, true).isOk());
        assertTrue(isValid(at(t, VA + SZ_4K)));
        assertFalse(isValid(at(t, VA)));
        assertTrue(has(at(t, VA), PRESENT_INVALID));
    }

    @Test
    void in618APageInsideAnInvalidBlockCannotBeRevalidated() {
        PageTables t = mapped(K618, SZ_2M, Set.of(), Prot.PAGE_KERNEL);
        PageAttr pa = new PageAttr(t, K618, BBML2, POLICY);
        pa.setMemoryValid(VA, 512, false);
        OpResult r = pa.setMemoryValid(VA + SZ_4K, 1, true); // not present: no split; p?d_sect false: skipped
        assertTrue(r.isOk());
        assertTrue(r.changes().splits().isEmpty());
        assertEquals(1, r.changes().eventsOf(Event.SkippedInvalidBlock.class).size());
        assertFalse(isValid(at(t, VA + SZ_4K)));
    }

    @Test
    void aSplitWithNoTablePageLeftFailsWithEnomem() {
        PageTables t = Fixture.tables(Geometry.G4K_48, 3);
        new Mapper(t, K701).createMapping(DRAM, VA, SZ_2M, Prot.PAGE_KERNEL, Set.of());
        OpResult r = new PageAttr(t, K701, BBML2, POLICY).setMemoryValid(VA + SZ_4K, 1, false);
        assertInstanceOf(OpResult.Enomem.class, r);
        assertTrue(r.changes().warned());
        assertTrue(isValid(at(t, VA)));
    }

    @Test
    void aPartialContGroupWithoutBbml2IsChangedSilentlyAndReportedAsMixed() {
        PageTables t = mapped(K701, SZ_2M, EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS), Prot.PAGE_KERNEL);
        OpResult r = new PageAttr(t, K701, PLAIN, POLICY).setMemoryValid(VA + SZ_4K, 1, false);
        assertTrue(r.isOk());
        assertEquals(1, r.changes().mixedContGroups().size());
        assertTrue(has(at(t, VA), CONT));
    }

    @Test
    void aPartialContGroupWithBbml2IsSplitFirst() {
        PageTables t = mapped(K701, SZ_2M, EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS), Prot.PAGE_KERNEL);
        OpResult r = new PageAttr(t, K701, BBML2, POLICY).setMemoryValid(VA + SZ_4K, 1, false);
        assertTrue(r.changes().mixedContGroups().isEmpty());
        assertFalse(has(at(t, VA), CONT));
        assertTrue(has(at(t, VA + SZ_64K), CONT));
    }

    @Test
    void kfenceAddressesAreNeverSplit() {
        PageTables t = mapped(K701, SZ_2M, Set.of(), Prot.PAGE_KERNEL);
        DirectMapPolicy kfence = POLICY.withKfencePool(VA, VA + SZ_2M);
        assertInstanceOf(OpResult.Einval.class,
                new PageAttr(t, K701, BBML2, kfence).setMemoryValid(VA + SZ_4K, 1, false));
    }

    @Test
    void before618AnyBlockIsRefusedEvenWhenWhollyCovered() {
        PageTables t = mapped(K612, SZ_2M, Set.of(), Prot.PAGE_KERNEL);
        OpResult.Einval e = assertInstanceOf(OpResult.Einval.class,
                new PageAttr(t, K612, BBML2, POLICY).setMemoryValid(VA, 512, false));
        assertTrue(e.warned());
        assertTrue(isValid(at(t, VA)));
    }

    @Test
    void before618PageMappedRangesChangeNormally() {
        PageTables t = mapped(K612, SZ_2M, PAGES, Prot.PAGE_KERNEL);
        assertTrue(new PageAttr(t, K612, PLAIN, POLICY).setMemoryValid(VA, 3, false).isOk());
        assertFalse(isValid(at(t, VA + 2 * SZ_4K)));
        assertTrue(isValid(at(t, VA + 3 * SZ_4K)));
    }

    @Test
    void before618AnEmptyRangeWarnsAndFails() {
        PageTables t = mapped(K612, SZ_2M, PAGES, Prot.PAGE_KERNEL);
        assertInstanceOf(OpResult.Einval.class, new PageAttr(t, K612, PLAIN, POLICY).setMemoryValid(VA, 0, false));
    }

    @Test
    void setDirectMapDoesNothingWhenTheDirectMapCannotBeChanged() {
        PageTables t = mapped(K701, SZ_4K, PAGES, Prot.PAGE_KERNEL);
        OpResult r = new PageAttr(t, K701, PLAIN, POLICY.withCanSetDirectMap(false)).setDirectMap(VA, 1, false);
        assertTrue(r.isOk());
        assertTrue(isValid(at(t, VA)));
    }

    @Test
    void setDirectMapDefaultMakesThePageValidAndWritable() {
        PageTables t = mapped(K701, SZ_4K, PAGES, Prot.PAGE_KERNEL_RO);
        PageAttr pa = new PageAttr(t, K701, PLAIN, POLICY);
        pa.setDirectMap(VA, 1, false);
        pa.setDirectMap(VA, 1, true);
        long d = at(t, VA);
        assertTrue(isValid(d));
        assertTrue(has(d, WRITE));
        assertFalse(has(d, RDONLY));
    }

    @Test
    void setMemoryRoIsRefusedOutsideAVmallocArea() {
        PageTables t = mapped(K701, SZ_4K, PAGES, Prot.PAGE_KERNEL);
        OpResult r = new PageAttr(t, K701, PLAIN, POLICY).changeMemoryCommon(VA, 1, Permission.RO);
        assertInstanceOf(OpResult.Refused.class, r);
        assertFalse(has(at(t, VA), RDONLY));
    }

    @Test
    void setMemoryRoWorksInsideOneVmAllocArea() {
        PageTables t = mapped(K701, SZ_64K, PAGES, Prot.PAGE_KERNEL);
        t.vmAreas().add(new VmAreas.Area(va(VA), SZ_64K, true, false, "test"));
        assertTrue(new PageAttr(t, K701, PLAIN, POLICY.withRodataFull(false))
                .changeMemoryCommon(VA, 2, Permission.RO).isOk());
        assertTrue(has(at(t, VA + SZ_4K), RDONLY));
        assertFalse(has(at(t, VA + SZ_4K), WRITE));
    }

    @Test
    void setMemoryRoRefusesHugeVmapAreasAndRangesPastTheArea() {
        PageTables t = mapped(K701, SZ_64K, PAGES, Prot.PAGE_KERNEL);
        t.vmAreas().add(new VmAreas.Area(va(VA), SZ_4K * 4, true, false, "small"));
        t.vmAreas().add(new VmAreas.Area(va(VA + SZ_4K * 8), SZ_4K * 4, true, true, "huge"));
        PageAttr pa = new PageAttr(t, K701, PLAIN, POLICY);
        assertInstanceOf(OpResult.Refused.class, pa.changeMemoryCommon(VA, 5, Permission.RO));
        assertInstanceOf(OpResult.Refused.class, pa.changeMemoryCommon(VA + SZ_4K * 8, 1, Permission.RO));
    }

    @Test
    void withRodataFullAReadOnlyChangeIsMirroredToTheLinearAlias() {
        PageTables t = mapped(K701, SZ_64K, PAGES, Prot.PAGE_KERNEL);
        long vmalloc = 0xffff800090000000L;
        new Mapper(t, K701).createMapping(DRAM + SZ_4K, vmalloc, SZ_4K, Prot.PAGE_KERNEL, PAGES);
        t.vmAreas().add(new VmAreas.Area(va(vmalloc), SZ_4K, true, false, "module"));
        new PageAttr(t, K701, PLAIN, POLICY.withPhysOffset(DRAM)).changeMemoryCommon(vmalloc, 1, Permission.RO);
        assertTrue(has(at(t, vmalloc), RDONLY));
        assertTrue(has(at(t, VA + SZ_4K), RDONLY));
        assertFalse(has(at(t, VA), RDONLY));
    }

    @Test
    void withoutPhysOffsetTheMirrorIsSkippedWithANoteNotAKernelWarning() {
        PageTables t = mapped(K701, SZ_64K, PAGES, Prot.PAGE_KERNEL);
        long vmalloc = 0xffff800090000000L;
        new Mapper(t, K701).createMapping(DRAM + SZ_4K, vmalloc, SZ_4K, Prot.PAGE_KERNEL, PAGES);
        t.vmAreas().add(new VmAreas.Area(va(vmalloc), SZ_4K, true, false, "module"));
        OpResult r = new PageAttr(t, K701, PLAIN, POLICY).changeMemoryCommon(vmalloc, 1, Permission.RO);
        assertTrue(r.isOk());
        assertFalse(r.changes().warned());
        assertEquals(1, r.changes().eventsOf(Event.Note.class).size());
        assertFalse(has(at(t, VA + SZ_4K), RDONLY));
    }

    @Test
    void setMemoryXOnABtiKernelAlsoSetsTheGuardedPageBit() {
        PageTables t = mapped(K701, SZ_4K, PAGES, Prot.PAGE_KERNEL_RO);
        t.vmAreas().add(new VmAreas.Area(va(VA), SZ_4K, true, false, "module text"));
        new PageAttr(t, K701, PLAIN.withBti(true), POLICY).changeMemoryCommon(VA, 1, Permission.X);
        assertTrue(has(at(t, VA), GP));
        assertFalse(has(at(t, VA), PXN));
        new PageAttr(t, K701, PLAIN.withBti(true), POLICY).changeMemoryCommon(VA, 1, Permission.NX);
        assertFalse(has(at(t, VA), GP));
    }

    @Test
    void kernelPagePresentReadsAnInvalidBlockAsATableBefore701() {
        PageTables t = mapped(K618, SZ_2M, Set.of(), Prot.PAGE_KERNEL);
        PageAttr pa = new PageAttr(t, K618, PLAIN, POLICY);
        assertEquals(PagePresence.PRESENT, pa.kernelPagePresent(VA));
        pa.setMemoryValid(VA, 512, false);
        assertEquals(PagePresence.MISREAD, pa.kernelPagePresent(VA));
    }

    @Test
    void kernelPagePresentAnswersFromTheValidBitOfALeafFrom701() {
        PageTables t = mapped(K701, SZ_2M, Set.of(), Prot.PAGE_KERNEL);
        PageAttr pa = new PageAttr(t, K701, PLAIN, POLICY);
        pa.setMemoryValid(VA, 512, false);
        assertEquals(PagePresence.NOT_PRESENT, pa.kernelPagePresent(VA));
        assertEquals(PagePresence.NOT_PRESENT, pa.kernelPagePresent(VA + SZ_1G));
    }
}
