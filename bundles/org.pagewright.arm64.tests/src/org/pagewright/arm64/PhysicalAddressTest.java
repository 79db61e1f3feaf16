package org.pagewright.arm64;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class PhysicalAddressTest {
    private static final PhysicalAddress DRAM = new PhysicalAddress(0x4000_0000L);
    private static final PhysicalAddress TOP_OF_52_BITS = new PhysicalAddress((1L << 52) - 0x1000);

    @Test
    void addressesAbove2To63OrderAfterThoseBelow() {
        PhysicalAddress high = new PhysicalAddress(1L << 63);
        assertTrue(TOP_OF_52_BITS.compareTo(high) < 0);
        assertTrue(DRAM.isBelow(high));
        assertFalse(high.isBelow(DRAM));
        assertEquals(List.of(DRAM, TOP_OF_52_BITS, high),
                List.copyOf(new TreeSet<>(List.of(high, TOP_OF_52_BITS, DRAM))));
    }

    @Test
    void equalAddressesAreEqualValues() {
        assertEquals(DRAM, new PhysicalAddress(0x4000_0000L));
        assertEquals(0, DRAM.compareTo(new PhysicalAddress(0x4000_0000L)));
        assertNotEquals(DRAM, DRAM.plus(1));
    }

    @Test
    void plusMovesByBytesAndMinusIsTheDistance() {
        PhysicalAddress image = DRAM.plus(0x20_0000);
        assertEquals(new PhysicalAddress(0x4020_0000L), image);
        assertEquals(0x20_0000, image.minus(DRAM));
        assertEquals(-0x20_0000, DRAM.minus(image));
    }

    @Test
    void alignmentIsToAPowerOfTwoAndRoundsDown() {
        PhysicalAddress inside = DRAM.plus(0x1_2345);
        assertFalse(inside.isAlignedTo(0x1000));
        assertEquals(DRAM.plus(0x1_2000), inside.alignDown(0x1000));
        assertEquals(DRAM, inside.alignDown(1L << 30));
        assertTrue(DRAM.isAlignedTo(1L << 30));
    }

    @Test
    void anAddressPrintsAsSixteenHexDigits() {
        assertEquals("0x0000000040000000", DRAM.toString());
    }
}
