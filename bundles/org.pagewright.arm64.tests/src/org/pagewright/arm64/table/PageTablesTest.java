package org.pagewright.arm64.table;

import static org.junit.jupiter.api.Assertions.*;
import static org.pagewright.arm64.Fixture.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pagewright.arm64.Fixture;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.Granule;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.map.MapFlag;
import org.pagewright.arm64.map.Mapper;

class PageTablesTest {
    private static final KernelRules K618 = KernelRules.of(KernelVersion.V6_18);

    @Test
    void topDownPoolsHandOutDescendingPhysicalAddressesLikeMemblock() {
        TablePool pool = TablePool.topDown(Granule.G4K, 0x40000000L, 0x80000000L, 10);
        assertEquals(0x7ffff000L, pool.allocate());
        assertEquals(0x7fffe000L, pool.allocate());
        assertNotNull(pool.tableCopy(0x7fffe000L));
        assertNull(pool.tableCopy(0x7fffd000L));
    }

    @Test
    void theBudgetIsCheckedBeforeAllocating() {
        TablePool pool = TablePool.bottomUp(Granule.G4K, 0, 1L << 30, 2);
        assertNotEquals(TablePool.NO_PAGE, pool.allocate());
        assertNotEquals(TablePool.NO_PAGE, pool.allocate());
        assertEquals(TablePool.NO_PAGE, pool.allocate());
        assertEquals(2, pool.pageCount());
    }

    @Test
    void pinnedPagesSitAtTheirAddressAndCountAgainstTheBudget() {
        TablePool pool = TablePool.topDown(Granule.G4K, 0x7f000000L, 0x80000000L, 2);
        assertEquals(0x428f9000L, pool.allocateAt(0x428f9000L)); // k73 swapper_pg_dir
        assertEquals(TablePool.NO_PAGE, pool.allocateAt(0x428f9000L));
        assertNotEquals(TablePool.NO_PAGE, pool.allocate());
        assertEquals(TablePool.NO_PAGE, pool.allocate());
        assertTrue(pool.contains(0x428f9000L));
    }

    @Test
    void visitReportsParentsBeforeChildrenInVaOrderIncludingEmptyEntries() {
        PageTables t = Fixture.tables(Geometry.G4K_48);
        new Mapper(t, K618).createMapping(DRAM, LINEAR_4K_48 + SZ_2M, SZ_4K, Prot.PAGE_KERNEL,
                EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS));
        List<long[]> seen = new ArrayList<>();
        t.visit((va, level, d) -> seen.add(new long[] {va, level, d}));
        // root 512 + L1 512 + L2 512 + L3 512 entries
        assertEquals(4 * 512, seen.size());
        assertEquals(0, seen.get(0)[1]);                 // root entry 0 (a table) first
        assertEquals(1, seen.get(1)[1]);                 // then its first child
        long previousVa = Long.MIN_VALUE;
        int previousLevel = -2;
        for (long[] e : seen) {
            boolean ordered = Long.compareUnsigned(e[0], previousVa) > 0 || e[1] > previousLevel;
            assertTrue(ordered || e[0] == previousVa, "VA order broken at " + Long.toHexString(e[0]));
            previousVa = e[0];
            previousLevel = (int) e[1];
        }
        assertEquals(1, seen.stream().filter(e -> e[1] == 3 && e[2] != 0).count());
    }

    @Test
    void visitReachesTheLastEntryOfTheAddressSpace() {
        PageTables t = Fixture.tables(Geometry.G4K_48);
        new Mapper(t, K618).createMapping(DRAM, -SZ_4K, SZ_4K, Prot.PAGE_KERNEL, EnumSet.noneOf(MapFlag.class));
        long[] last = new long[2];
        t.visit((va, level, d) -> {
            last[0] = va;
            last[1] = d;
        });
        assertEquals(-SZ_4K, last[0]);
        assertNotEquals(0, last[1]);
    }

    @Test
    void lookupStopsAtTheFirstEmptyEntry() {
        PageTables t = Fixture.tables(Geometry.G4K_48);
        Leaf l = t.lookup(va(LINEAR_4K_48));
        assertEquals(0, l.level());
        assertEquals(0, l.descriptor());
    }

    @Test
    void aCopyIsIndependentOfTheOriginal() {
        PageTables t = Fixture.tables(Geometry.G4K_48);
        PageTables before = t.copy();
        new Mapper(t, K618).createMapping(DRAM, LINEAR_4K_48, SZ_4K, Prot.PAGE_KERNEL, EnumSet.noneOf(MapFlag.class));
        assertEquals(1, before.tablePages());
        assertEquals(0, before.lookup(va(LINEAR_4K_48)).descriptor());
        assertNotEquals(0, t.lookup(va(LINEAR_4K_48)).descriptor());
    }

    @Test
    void reachableTablePagesStartAtTheRoot() {
        PageTables t = Fixture.tables(Geometry.G4K_48);
        new Mapper(t, K618).createMapping(DRAM, LINEAR_4K_48, SZ_4K, Prot.PAGE_KERNEL, EnumSet.noneOf(MapFlag.class));
        List<PhysicalAddress> pages = t.reachableTablePages();
        assertEquals(4, pages.size());
        assertEquals(t.rootPa(), pages.get(0));
    }

    @Test
    void pageMappingFourGibCostsNoObjectPerEntry() {
        PageTables t = Fixture.tables(Geometry.G4K_48);
        new Mapper(t, K618).createMapping(DRAM, LINEAR_4K_48, 4 * SZ_1G, Prot.PAGE_KERNEL,
                EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS, MapFlag.NO_CONT_MAPPINGS));
        long raw = t.pool().bytes(); // 2054 pages; chunk growth leaves at most one partly used chunk
        long kept = t.pool().retainedBytes();
        assertTrue(kept >= raw && kept < raw * 1.3, "pool keeps " + kept + " bytes for " + raw + " bytes of tables");
        assertEquals(2054, t.tablePages());
    }
}
