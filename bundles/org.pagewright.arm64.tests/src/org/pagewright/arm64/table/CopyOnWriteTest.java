package org.pagewright.arm64.table;

import static org.junit.jupiter.api.Assertions.*;
import static org.pagewright.arm64.Fixture.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagewright.arm64.Fixture;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.Granule;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.map.MapFlag;
import org.pagewright.arm64.map.Mapper;
import org.pagewright.arm64.map.Unmapper;

/** Copies of a state share their table pages until one side writes; no side ever sees the other's writes. */
class CopyOnWriteTest {
    private static final KernelRules K618 = KernelRules.of(KernelVersion.V6_18);
    private static final long MIB = 1L << 20;

    @Test
    void aCopySharesItsChunksUntilOneSideWrites() {
        TablePool original = TablePool.topDown(Granule.G4K, 0, 1L << 30, 1000);
        long pa = original.allocate();
        original.write(pa, 7, 0x1234);
        TablePool copy = original.copy();
        assertSame(original.readable(original.pageOf(pa)), copy.readable(copy.pageOf(pa)));

        copy.write(pa, 7, 0x5678);
        assertNotSame(original.readable(original.pageOf(pa)), copy.readable(copy.pageOf(pa)));
        assertEquals(0x1234, original.read(pa, 7));
        assertEquals(0x5678, copy.read(pa, 7));
    }

    @Test
    void aPinnedPageIsSharedAndClonedOnWriteLikeTheWindow() {
        TablePool original = TablePool.topDown(Granule.G4K, 1L << 40, 1L << 41, 10);
        long root = original.allocateAt(0x428f9000L);
        TablePool copy = original.copy();
        assertSame(original.readable(original.pageOf(root)), copy.readable(copy.pageOf(root)));
        original.write(root, 0, 3);
        assertEquals(0, copy.read(root, 0));
        assertEquals(3, original.read(root, 0));
    }

    @Test
    void pagesAllocatedOnBothSidesAfterACopyStayApart() {
        TablePool original = TablePool.bottomUp(Granule.G4K, 0, 1L << 30, 1000);
        original.allocate(); // the chunk has room left: both sides hand out the next page from its shared tail
        TablePool copy = original.copy();
        long a = original.allocate();
        long b = copy.allocate();
        assertEquals(a, b);
        original.write(a, 1, 11);
        copy.write(b, 1, 22);
        assertEquals(11, original.read(a, 1));
        assertEquals(22, copy.read(b, 1));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void aWriteToOneSideNeverChangesAnotherComparedWithFullCopies(long seed) {
        Random random = new Random(seed);
        List<TablePool> pools = new ArrayList<>();
        List<Map<Long, long[]>> fullCopies = new ArrayList<>(); // what each pool must hold: deep copies, by PA
        pools.add(TablePool.topDown(Granule.G4K, 1L << 30, 1L << 31, 5000));
        fullCopies.add(new LinkedHashMap<>());
        for (int step = 0; step < 20_000; step++) {
            int side = random.nextInt(pools.size());
            TablePool pool = pools.get(side);
            Map<Long, long[]> expected = fullCopies.get(side);
            int what = random.nextInt(100);
            if (what < 2 && pools.size() < 12) {
                pools.add(pool.copy());
                fullCopies.add(deepCopy(expected));
            } else if (what < 10 || expected.isEmpty()) {
                long pa = random.nextInt(20) == 0 ? pool.allocateAt((random.nextInt(1 << 10) + 1L) << 12)
                        : pool.allocate();
                if (pa != TablePool.NO_PAGE) {
                    expected.put(pa, new long[512]);
                }
            } else {
                long pa = new ArrayList<>(expected.keySet()).get(random.nextInt(expected.size()));
                int index = random.nextInt(512);
                long value = random.nextLong();
                pool.write(pa, index, value);
                expected.get(pa)[index] = value;
            }
        }
        assertTrue(pools.size() > 4, "the run should have made copies of copies");
        for (int i = 0; i < pools.size(); i++) {
            TablePool pool = pools.get(i);
            assertEquals(fullCopies.get(i).size(), pool.pageCount());
            for (Map.Entry<Long, long[]> page : fullCopies.get(i).entrySet()) {
                assertArrayEquals(page.getValue(), pool.tableCopy(page.getKey()),
                        "pool " + i + " page 0x" + Long.toHexString(page.getKey()));
            }
        }
    }

    @Test
    void mappingsOnAStateAndItsCopyEqualTheSameMappingsOnTwoStatesBuiltApart() {
        Geometry g = Geometry.G4K_48;
        PageTables original = Fixture.tables(g);
        map(original, 0, 512 * SZ_2M, EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS));
        PageTables copy = original.copy();
        PageTables builtApartOriginal = Fixture.tables(g);
        map(builtApartOriginal, 0, 512 * SZ_2M, EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS));
        PageTables builtApartCopy = Fixture.tables(g);
        map(builtApartCopy, 0, 512 * SZ_2M, EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS));

        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            long offset = random.nextInt(1024) * SZ_2M + random.nextInt(512) * SZ_4K;
            long size = (1 + random.nextInt(600)) * SZ_4K;
            boolean onCopy = random.nextBoolean();
            PageTables target = onCopy ? copy : original;
            PageTables reference = onCopy ? builtApartCopy : builtApartOriginal;
            if (random.nextInt(3) == 0) {
                new Unmapper(target).clear(LINEAR_4K_48 + offset, size);
                new Unmapper(reference).clear(LINEAR_4K_48 + offset, size);
            } else {
                map(target, offset, size, EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS));
                map(reference, offset, size, EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS));
            }
        }
        assertEquals(Fixture.leaves(builtApartOriginal), Fixture.leaves(original));
        assertEquals(Fixture.leaves(builtApartCopy), Fixture.leaves(copy));
        assertNotEquals(Fixture.leaves(original), Fixture.leaves(copy));
    }

    @Test
    void aCopyOfA64GibPageMappedStateRetainsAlmostNothingUntilWritten() {
        PageTables state = Fixture.tables(Geometry.G4K_48, 1 << 16);
        map(state, 0, 64 * SZ_1G, EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS, MapFlag.NO_CONT_MAPPINGS));
        long alone = state.pool().retainedBytes();
        assertTrue(alone > 128 * MIB, "64 GiB of PTEs are 128 MiB of tables, pool keeps " + alone);

        PageTables copy = state.copy();
        long shared = TablePool.retainedBytes(List.of(state.pool(), copy.pool()));
        assertTrue(shared - alone < 4096, "a copy adds " + (shared - alone) + " bytes");

        map(copy, 5 * SZ_1G, SZ_4K, EnumSet.noneOf(MapFlag.class)); // one PTE rewritten (same PA: a safe change)
        long written = TablePool.retainedBytes(List.of(state.pool(), copy.pool()));
        assertTrue(written - alone <= 5 * MIB, "one written PTE costs " + (written - alone) + " bytes");
    }

    @Test
    void aPoolNamedTwiceIsCountedOnce() {
        PageTables state = Fixture.tables(Geometry.G4K_48);
        map(state, 0, SZ_1G, EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS));
        assertEquals(state.pool().retainedBytes(), TablePool.retainedBytes(List.of(state.pool(), state.pool())));
    }

    private static void map(PageTables tables, long offset, long size, EnumSet<MapFlag> flags) {
        new Mapper(tables, K618).createMapping(DRAM + offset, LINEAR_4K_48 + offset, size, Prot.PAGE_KERNEL, flags);
    }

    private static Map<Long, long[]> deepCopy(Map<Long, long[]> pages) {
        Map<Long, long[]> out = new LinkedHashMap<>();
        pages.forEach((pa, entries) -> out.put(pa, entries.clone()));
        return out;
    }
}
