package org.pagewright.arm64.map;

import static org.junit.jupiter.api.Assertions.*;
import static org.pagewright.arm64.Fixture.*;
import static org.pagewright.arm64.desc.Descriptor.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pagewright.arm64.Fixture;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.op.Event;
import org.pagewright.arm64.op.OpResult;
import org.pagewright.arm64.table.Leaf;
import org.pagewright.arm64.table.PageTables;

class MapperTest {
    private static final KernelRules K618 = KernelRules.of(KernelVersion.V6_18);
    private static final KernelRules K73 = KernelRules.of(KernelVersion.V7_3);
    private static final Set<MapFlag> NONE = Set.of();
    private static final Set<MapFlag> PAGES_ONLY = EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS, MapFlag.NO_CONT_MAPPINGS);
    private static final long VA = LINEAR_4K_48;

    private static PageTables t48() {
        return Fixture.tables(Geometry.G4K_48);
    }

    private static Leaf leaf(PageTables t, long va) {
        return t.lookup(va(va));
    }

    @Test
    void alignedRangesGetThe1gAnd2mBlocksAndContGroupsLinuxUses() {
        PageTables t = t48();
        OpResult r = new Mapper(t, K618).createMapping(DRAM, VA, SZ_1G + SZ_2M + SZ_64K + SZ_4K,
                Prot.PAGE_KERNEL, NONE);
        assertTrue(r.isOk(), r::toString);
        assertEquals(1, leaf(t, VA).level());
        assertEquals(2, leaf(t, VA + SZ_1G).level());
        Leaf contPte = leaf(t, VA + SZ_1G + SZ_2M);
        assertEquals(3, contPte.level());
        assertTrue(has(contPte.descriptor(), CONT));
        Leaf lastPte = leaf(t, VA + SZ_1G + SZ_2M + SZ_64K);
        assertFalse(has(lastPte.descriptor(), CONT));
    }

    @Test
    void blocksNeverExtendPastTheRequest() {
        PageTables t = t48();
        long end = VA + 3 * SZ_2M - SZ_4K;
        new Mapper(t, K618).createMapping(DRAM, VA, end - VA, Prot.PAGE_KERNEL, NONE);
        for (Fixture.Entry e : Fixture.leaves(t)) {
            long size = t.geometry().levelSize(e.level());
            long span = has(e.descriptor(), CONT) ? t.geometry().contSize(e.level()) : size;
            long groupEnd = (e.va() & -span) + span;
            assertTrue(Long.compareUnsigned(groupEnd, end) <= 0, () -> "leaf/group at " + Long.toHexString(e.va())
                    + " ends past the request");
        }
        assertEquals(2, leaf(t, VA + SZ_2M).level());
        assertEquals(3, leaf(t, VA + 2 * SZ_2M).level());
    }

    @Test
    void contGroupsAreNeverPartial() {
        PageTables t = t48();
        new Mapper(t, K618).createMapping(DRAM + SZ_4K, VA + SZ_4K, 2 * SZ_64K, Prot.PAGE_KERNEL, NONE);
        assertFalse(has(leaf(t, VA + SZ_4K).descriptor(), CONT)); // group [0,64K) only partly requested
        assertTrue(has(leaf(t, VA + SZ_64K).descriptor(), CONT)); // [64K,128K) whole
        assertFalse(has(leaf(t, VA + 2 * SZ_64K).descriptor(), CONT)); // last page of the request
    }

    @Test
    void contNeedsThePhysicalAddressAlignedToo() {
        PageTables t = t48();
        // VA 64K-aligned, PA page-aligned only (same page offset, so the request itself is valid)
        new Mapper(t, K618).createMapping(DRAM + 0x11000, VA + 0x20000, SZ_64K, Prot.PAGE_KERNEL, NONE);
        assertTrue(Fixture.leaves(t).stream().noneMatch(e -> has(e.descriptor(), CONT)));
        assertEquals(16, Fixture.leaves(t).size());
    }

    @Test
    void pmdBlocksNeedThePhysicalAddressAligned() {
        PageTables t = t48();
        new Mapper(t, K618).createMapping(DRAM + SZ_64K, VA, 2 * SZ_2M, Prot.PAGE_KERNEL, NONE);
        assertEquals(3, leaf(t, VA).level());
        assertEquals(3, leaf(t, VA + SZ_2M).level());
    }

    @Test
    void noBlockMappingsGivesPagesButStillContGroups() {
        PageTables t = t48();
        new Mapper(t, K618).createMapping(DRAM, VA, SZ_2M, Prot.PAGE_KERNEL, EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS));
        List<Fixture.Entry> leaves = Fixture.leaves(t);
        assertEquals(512, leaves.size());
        assertTrue(leaves.stream().allMatch(e -> e.level() == 3 && has(e.descriptor(), CONT)));
    }

    @Test
    void noContMappingsNeverSetsTheContiguousBit() {
        PageTables t = t48();
        new Mapper(t, K618).createMapping(DRAM, VA, SZ_32M * 2, Prot.PAGE_KERNEL, EnumSet.of(MapFlag.NO_CONT_MAPPINGS));
        assertTrue(Fixture.leaves(t).stream().noneMatch(e -> has(e.descriptor(), CONT)));
    }

    @Test
    void contPmdGroupsCoverAligned32mRuns() {
        PageTables t = t48();
        new Mapper(t, K618).createMapping(DRAM + SZ_2M, VA + SZ_2M, SZ_32M * 2, Prot.PAGE_KERNEL, NONE);
        assertFalse(has(leaf(t, VA + SZ_2M).descriptor(), CONT)); // first group starts unaligned
        assertTrue(has(leaf(t, VA + SZ_32M).descriptor(), CONT));  // [32M, 64M) is whole
        assertEquals(2, leaf(t, VA + SZ_32M).level());
    }

    @Test
    void physAndVirtWithDifferentPageOffsetsAreRefusedWithAWarning() {
        PageTables t = t48();
        OpResult r = new Mapper(t, K618).createMapping(DRAM + 0x10, VA, SZ_4K, Prot.PAGE_KERNEL, NONE);
        OpResult.Refused refused = assertInstanceOf(OpResult.Refused.class, r);
        assertTrue(refused.warned());
        assertEquals(1, t.tablePages());
    }

    @Test
    void unalignedRequestsAreRoundedOutToWholePages() {
        PageTables t = t48();
        new Mapper(t, K618).createMapping(DRAM + 0x800, VA + 0x800, SZ_4K, Prot.PAGE_KERNEL, PAGES_ONLY);
        assertEquals(2, Fixture.leaves(t).size());
    }

    @Test
    void newTableEntriesGetUxnAfAndPxnWithNoExecLikeThe73LinearMap() {
        PageTables t = Fixture.tables(Geometry.G4K_52);
        new Mapper(t, K73).createMapping(DRAM, LINEAR_4K_52, SZ_2M, Prot.PAGE_KERNEL.tagged(),
                EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS, MapFlag.NO_CONT_MAPPINGS, MapFlag.NO_EXEC_MAPPINGS));
        long root = t.entry(t.rootPa(), 0);
        assertEquals(0x1800000000000403L, root & ~t.geometry().outputAddressMask(3)); // k73 "T-1 … attrs"
        assertEquals(0x00e8000040000407L, leaf(t, LINEAR_4K_52).descriptor());     // k73 first linear PTE
    }

    @Test
    void tableEntriesBefore613HaveNoTableAf() {
        PageTables t = Fixture.tables(Geometry.G4K_52);
        new Mapper(t, KernelRules.of(KernelVersion.V6_12)).createMapping(DRAM, LINEAR_4K_52, SZ_4K,
                Prot.PAGE_KERNEL.tagged(), EnumSet.of(MapFlag.NO_EXEC_MAPPINGS));
        long root = t.entry(t.rootPa(), 0);
        assertEquals(0x1800000000000003L, root & ~t.geometry().outputAddressMask(3)); // k612 "T-1 … attrs"
    }

    @Test
    void tablesHoldThePhysicalAddressOfTheNextTablePage() {
        PageTables t = t48();
        new Mapper(t, K618).createMapping(DRAM, VA, SZ_4K, Prot.PAGE_KERNEL, NONE);
        long l0 = t.entry(t.rootPa(), 0);
        PhysicalAddress l1Pa = t.nextTablePa(l0);
        assertTrue(t.pool().contains(l1Pa.value()));
        assertNotEquals(t.rootPa(), l1Pa);
        assertEquals(4, t.tablePages());
    }

    @Test
    void rewritingTheOutputAddressOfALivePteIsABug() {
        PageTables t = t48();
        Mapper m = new Mapper(t, K618);
        m.createMapping(DRAM, VA, SZ_4K, Prot.PAGE_KERNEL, PAGES_ONLY);
        OpResult r = m.createMapping(DRAM + SZ_4K, VA, SZ_4K, Prot.PAGE_KERNEL, PAGES_ONLY);
        OpResult.Bug bug = assertInstanceOf(OpResult.Bug.class, r);
        assertEquals(3, bug.level());
        assertTrue(bug.reason().contains("pfn"));
    }

    @Test
    void permissionOnlyRewritesOfLivePtesAreSafe() {
        PageTables t = t48();
        Mapper m = new Mapper(t, K618);
        m.createMapping(DRAM, VA, SZ_4K, Prot.PAGE_KERNEL.tagged(), PAGES_ONLY);
        assertTrue(m.createMapping(DRAM, VA, SZ_4K, Prot.PAGE_KERNEL_RO, PAGES_ONLY).isOk());
        assertEquals(Prot.PAGE_KERNEL_RO.bits() | DRAM, leaf(t, VA).descriptor());
    }

    @Test
    void nonGlobalToGlobalIsUnsafeButGlobalToNonGlobalIsFine() {
        PageTables t = t48();
        Mapper m = new Mapper(t, K618);
        m.createMapping(DRAM, VA, SZ_4K, Prot.PAGE_KERNEL, PAGES_ONLY);
        assertTrue(m.createMapping(DRAM, VA, SZ_4K, Prot.PAGE_KERNEL.withNg(), PAGES_ONLY).isOk());
        assertInstanceOf(OpResult.Bug.class, m.createMapping(DRAM, VA, SZ_4K, Prot.PAGE_KERNEL, PAGES_ONLY));
    }

    @Test
    void changingTheMemoryTypeBeyondNormalAndTaggedIsUnsafe() {
        ChangeSafety s = new ChangeSafety(Geometry.G4K_48, K618);
        long normal = DRAM | Prot.PAGE_KERNEL.bits();
        assertTrue(s.isSafe(normal, DRAM | Prot.PAGE_KERNEL.tagged().bits()));
        assertFalse(s.isSafe(normal, DRAM | Prot.PROT_NORMAL_NC.bits()));
    }

    @Test
    void softwareBitsMayChangeOnLiveEntriesFrom610() {
        long old = DRAM | Prot.PAGE_KERNEL.bits();
        long special = old | SPECIAL;
        assertTrue(new ChangeSafety(Geometry.G4K_48, K618).isSafe(old, special));
        assertFalse(new ChangeSafety(Geometry.G4K_48, KernelRules.of(KernelVersion.V6_1)).isSafe(old, special));
    }

    @Test
    void invalidOldOrNewEntriesAreAlwaysSafe() {
        ChangeSafety s = new ChangeSafety(Geometry.G4K_48, K618);
        assertTrue(s.isSafe(0, DRAM | Prot.PAGE_KERNEL.bits()));
        assertTrue(s.isSafe(DRAM | Prot.PAGE_KERNEL.bits(), 0x1000L | Prot.PAGE_KERNEL.bits() & ~VALID));
    }

    @Test
    void mainlineForbidsAnyChangeToALiveContEntry() {
        ChangeSafety s = new ChangeSafety(Geometry.G4K_48, K618);
        long cont = DRAM | Prot.PAGE_KERNEL.withCont().bits();
        assertFalse(s.isSafe(cont, DRAM | Prot.PAGE_KERNEL_RO.withCont().bits()));
    }

    @Test
    void theSeriesLetsLiveContEntriesChangeButNotTheirContBit() {
        ChangeSafety s = new ChangeSafety(Geometry.G4K_48, K73);
        long cont = DRAM | Prot.PAGE_KERNEL.withCont().bits();
        assertTrue(s.isSafe(cont, DRAM | Prot.PAGE_KERNEL_RO.withCont().bits()));
        assertFalse(s.isSafe(cont, DRAM | Prot.PAGE_KERNEL_RO.bits()));
    }

    @Test
    void anUnsafeBlockRewriteIsSilentlyIgnoredInMainline() {
        PageTables t = t48();
        Mapper m = new Mapper(t, K618);
        m.createMapping(DRAM, VA, SZ_2M, Prot.PAGE_KERNEL, NONE);
        long before = leaf(t, VA).descriptor();
        OpResult r = m.createMapping(DRAM + SZ_2M, VA, SZ_2M, Prot.PAGE_KERNEL, NONE);
        assertTrue(r.isOk());
        assertEquals(before, leaf(t, VA).descriptor());
        Event.RefusedBlockUpdate e = r.changes().eventsOf(Event.RefusedBlockUpdate.class).get(0);
        assertFalse(e.warned());
        assertFalse(r.changes().warned());
    }

    @Test
    void anUnsafeBlockRewriteWarnsWithTheSeries() {
        PageTables t = t48();
        Mapper m = new Mapper(t, K73);
        m.createMapping(DRAM, VA, SZ_2M, Prot.PAGE_KERNEL, NONE);
        OpResult r = m.createMapping(DRAM + SZ_2M, VA, SZ_2M, Prot.PAGE_KERNEL, NONE);
        assertTrue(r.changes().warned());
    }

    @Test
    void mainlineTriesABlockOverAnExistingTableAndKeepsTheTableSilently() {
        PageTables t = t48();
        Mapper m = new Mapper(t, K618);
        m.createMapping(DRAM, VA, SZ_2M, Prot.PAGE_KERNEL, PAGES_ONLY);
        OpResult r = m.createMapping(DRAM, VA, SZ_2M, Prot.PAGE_KERNEL, NONE);
        assertEquals(1, r.changes().eventsOf(Event.RefusedBlockUpdate.class).size());
        assertEquals(3, leaf(t, VA).level());
    }

    @Test
    void theSeriesNeverPlacesABlockOverAnExistingTable() {
        PageTables t = t48();
        Mapper m = new Mapper(t, K73);
        m.createMapping(DRAM, VA, SZ_2M, Prot.PAGE_KERNEL, PAGES_ONLY);
        OpResult r = m.createMapping(DRAM, VA, SZ_2M, Prot.PAGE_KERNEL, NONE);
        assertTrue(r.changes().eventsOf(Event.RefusedBlockUpdate.class).isEmpty());
        assertEquals(3, leaf(t, VA).level());
        assertTrue(r.isOk());
    }

    @Test
    void mainlineSettingContOverAValidNonContPteIsABug() {
        PageTables t = t48();
        Mapper m = new Mapper(t, K618);
        m.createMapping(DRAM, VA, SZ_4K, Prot.PAGE_KERNEL, PAGES_ONLY);
        OpResult r = m.createMapping(DRAM, VA, SZ_64K, Prot.PAGE_KERNEL, EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS));
        assertInstanceOf(OpResult.Bug.class, r);
    }

    @Test
    void theSeriesSetsNoContOnAGroupHoldingAValidNonContEntry() {
        PageTables t = t48();
        Mapper m = new Mapper(t, K73);
        m.createMapping(DRAM + 5 * SZ_4K, VA + 5 * SZ_4K, SZ_4K, Prot.PAGE_KERNEL, PAGES_ONLY);
        OpResult r = m.createMapping(DRAM, VA, 2 * SZ_64K, Prot.PAGE_KERNEL, EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS));
        assertTrue(r.isOk(), r::toString);
        assertFalse(has(leaf(t, VA).descriptor(), CONT));
        assertTrue(has(leaf(t, VA + SZ_64K).descriptor(), CONT));
    }

    @Test
    void updateMappingProtRefusesAddressesBelowPageOffset() {
        PageTables t = t48();
        OpResult r = new Mapper(t, K618).updateMappingProt(DRAM, 0x0000_8000_0000_0000L, SZ_4K, Prot.PAGE_KERNEL_RO);
        assertInstanceOf(OpResult.Refused.class, r);
    }

    @Test
    void updateMappingProtOverAnUnmappedRangeIsABugForLackOfAnAllocator() {
        PageTables t = t48();
        OpResult r = new Mapper(t, K618).updateMappingProt(DRAM, VA, SZ_4K, Prot.PAGE_KERNEL_RO);
        assertTrue(assertInstanceOf(OpResult.Bug.class, r).reason().contains("pgtable_alloc"));
    }

    @Test
    void updateMappingProtDropsContInMainlineWhichIsUnsafeOnALiveContGroup() {
        PageTables t = t48();
        Mapper m = new Mapper(t, K618);
        m.createMapping(DRAM, VA, SZ_64K, Prot.PAGE_KERNEL, NONE);
        assertInstanceOf(OpResult.Bug.class, m.updateMappingProt(DRAM, VA, SZ_64K, Prot.PAGE_KERNEL_RO));
    }

    @Test
    void updateMappingProtKeepsContWithTheSeries() {
        PageTables t = t48();
        Mapper m = new Mapper(t, K73);
        m.createMapping(DRAM, VA, SZ_64K, Prot.PAGE_KERNEL, NONE);
        assertTrue(m.updateMappingProt(DRAM, VA, SZ_64K, Prot.PAGE_KERNEL_RO).isOk());
        long d = leaf(t, VA).descriptor();
        assertTrue(has(d, CONT | RDONLY));
    }

    @Test
    void exhaustingTheTableBudgetGivesEnomemNotAnOutOfMemoryError() {
        PageTables t = Fixture.tables(Geometry.G4K_48, 4);
        OpResult r = new Mapper(t, K618).createMapping(DRAM, VA, 2 * SZ_2M, Prot.PAGE_KERNEL, PAGES_ONLY);
        assertInstanceOf(OpResult.Enomem.class, r);
        assertEquals(4, t.tablePages());
        assertEquals(512, Fixture.leaves(t).size()); // the first PTE table was filled before the failure
    }

    @Test
    void pageMappingFourGibCostsOneTablePagePer2mPlusTheUpperLevels() {
        PageTables t = t48();
        long size = 4 * SZ_1G;
        OpResult r = new Mapper(t, K618).createMapping(DRAM, VA, size, Prot.PAGE_KERNEL, PAGES_ONLY);
        assertEquals(size >> 12, r.changes().entriesWritten() - r.changes().tablesAllocated());
        assertEquals(1 + 1 + 4 + 2048, t.tablePages()); // root, L1, 4 L2, 2048 L3
    }

    @Test
    void blockMappingATerabyteCostsAFewPages() {
        PageTables t = t48();
        new Mapper(t, K618).createMapping(1L << 40, VA, 1L << 40, Prot.PAGE_KERNEL, NONE);
        assertEquals(1 + 2, t.tablePages()); // root + two L1 tables of 512 x 1G blocks
    }

    @Test
    void sixteenKPagesUse32mBlocksAndNeverLevel1Blocks() {
        PageTables t = Fixture.tables(Geometry.G16K_48);
        long va = -(1L << 48);
        new Mapper(t, K618).createMapping(1L << 36, va, 1L << 36, Prot.PAGE_KERNEL, EnumSet.of(MapFlag.NO_CONT_MAPPINGS));
        assertTrue(Fixture.leaves(t).stream().allMatch(e -> e.level() == 2));
        assertEquals(2048, Fixture.leaves(t).size());
    }

    @Test
    void lpa2OutputAddressesAbove48BitsLandInBits9To8() {
        PageTables t = Fixture.tables(Geometry.G4K_52);
        long pa = 1L << 50;
        new Mapper(t, K73).createMapping(pa, LINEAR_4K_52, SZ_4K, Prot.PAGE_KERNEL, PAGES_ONLY);
        long d = leaf(t, LINEAR_4K_52).descriptor();
        assertEquals(0x100L, d & 0x300L);
        assertEquals(pa, t.geometry().outputAddress(d));
    }

    @Test
    void sixtyFourKPagesUse512mBlocksAnd2mContGroups() {
        PageTables t = Fixture.tables(Geometry.G64K_48);
        long va = -(1L << 48);
        new Mapper(t, K618).createMapping(1L << 29, va, (1L << 29) + (1L << 21), Prot.PAGE_KERNEL, NONE);
        assertEquals(2, t.lookup(va(va)).level());
        Leaf page = t.lookup(va(va + (1L << 29)));
        assertEquals(3, page.level());
        assertTrue(has(page.descriptor(), CONT)); // 32 x 64K = 2M
        assertEquals(1 + 1 + 1, t.tablePages());  // root (L1), one L2, one L3
    }

    @Test
    void sixtyFourKFiftyTwoBitOutputAddressesLandInBits15To12() {
        PageTables t = Fixture.tables(Geometry.G64K_52);
        long pa = 1L << 50;
        long va = -(1L << 52);
        new Mapper(t, K73).createMapping(pa, va, 1L << 16, Prot.PAGE_KERNEL, PAGES_ONLY);
        long d = leaf(t, va).descriptor();
        assertEquals(0x4000L, d & 0xF000L);
        assertEquals(pa, t.geometry().outputAddress(d));
    }
}
