package org.pagewright.arm64;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class VaRangeTest {
    private static final long LINEAR = 0xffff000000000000L;
    private static final long SZ_64K = 1L << 16;

    @Test
    void anEndOfZeroMeansTheTopOfTheAddressSpace() {
        VaRange top = VaRange.toTop(-SZ_64K);
        assertTrue(top.reachesTop());
        assertFalse(top.isEmpty());
        assertTrue(top.contains(-1L));
        assertFalse(top.contains(-SZ_64K - 1));
        assertEquals(top, VaRange.of(-SZ_64K, SZ_64K));
        assertTrue(VaRange.at(-1L).reachesTop());
    }

    @Test
    void wideningToWholeBlocksKeepsTheTopAtTheTop() {
        assertEquals(new VaRange(-2 * SZ_64K, 0), new VaRange(-2 * SZ_64K + 4096, -SZ_64K + 8).widenedTo(SZ_64K));
        assertEquals(new VaRange(-SZ_64K, 0), VaRange.toTop(-SZ_64K + 4096).widenedTo(SZ_64K));
        assertEquals(new VaRange(LINEAR, LINEAR + SZ_64K), new VaRange(LINEAR, LINEAR + SZ_64K).widenedTo(SZ_64K));
    }

    @Test
    void addressesCompareUnsignedSoKernelAddressesAreHigh() {
        VaRange linear = VaRange.of(LINEAR, 1L << 30);
        assertTrue(linear.contains(LINEAR + 5));
        assertFalse(linear.contains(0x40000000L));
        assertTrue(new VaRange(LINEAR + 1, LINEAR).isEmpty());
        assertTrue(new VaRange(LINEAR, LINEAR).isEmpty());
    }

    @Test
    void aGroupEndingAtTheTopIsWholeOnlyInARangeReachingTheTop() {
        assertTrue(VaRange.toTop(-SZ_64K).containsWhole(-SZ_64K, SZ_64K));
        assertFalse(new VaRange(-SZ_64K, -4096).containsWhole(-SZ_64K, SZ_64K)); // its end wraps to 0
        assertTrue(new VaRange(LINEAR, LINEAR + 2 * SZ_64K).containsWhole(LINEAR + SZ_64K, SZ_64K));
        assertFalse(new VaRange(LINEAR + 4096, LINEAR + 2 * SZ_64K).containsWhole(LINEAR, SZ_64K));
    }

    @Test
    void theNextBoundaryStopsAtTheEndIncludingTheTop() {
        long pmd = 1L << 21;
        assertEquals(LINEAR + pmd, new VaRange(LINEAR, LINEAR + 3 * pmd).boundaryAfter(LINEAR + 5, pmd));
        assertEquals(LINEAR + 7, new VaRange(LINEAR, LINEAR + 7).boundaryAfter(LINEAR + 5, pmd));
        assertEquals(0, VaRange.toTop(-pmd).boundaryAfter(-pmd, pmd)); // the last PMD ends at 2^64
    }

    @Test
    void rangesOverlapWhenTheyShareAnAddress() {
        VaRange a = VaRange.of(LINEAR, SZ_64K);
        assertTrue(a.overlaps(VaRange.of(LINEAR + SZ_64K - 1, 1)));
        assertFalse(a.overlaps(VaRange.of(LINEAR + SZ_64K, 1)));
        assertTrue(VaRange.toTop(LINEAR).overlaps(VaRange.toTop(-1L)));
        assertFalse(a.overlaps(new VaRange(LINEAR, LINEAR)));
    }
}
