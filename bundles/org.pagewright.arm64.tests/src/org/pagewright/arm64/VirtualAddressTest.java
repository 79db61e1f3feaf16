package org.pagewright.arm64;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class VirtualAddressTest {
    private static final VirtualAddress USER = new VirtualAddress(0x0000_ffff_ffff_f000L);
    private static final VirtualAddress LINEAR = new VirtualAddress(0xffff_0000_0000_0000L);
    private static final VirtualAddress TOP_PAGE = new VirtualAddress(-0x1000L);

    @Test
    void addressesAbove2To63OrderAfterThoseBelow() {
        assertTrue(USER.compareTo(LINEAR) < 0);
        assertTrue(LINEAR.compareTo(TOP_PAGE) < 0);
        assertTrue(USER.isBelow(LINEAR));
        assertFalse(LINEAR.isBelow(USER));
        assertFalse(LINEAR.isBelow(LINEAR));
        assertEquals(List.of(USER, LINEAR, TOP_PAGE), List.copyOf(new TreeSet<>(List.of(TOP_PAGE, LINEAR, USER))));
    }

    @Test
    void equalAddressesAreEqualValues() {
        assertEquals(LINEAR, new VirtualAddress(0xffff_0000_0000_0000L));
        assertEquals(0, LINEAR.compareTo(new VirtualAddress(0xffff_0000_0000_0000L)));
        assertEquals(LINEAR.hashCode(), new VirtualAddress(0xffff_0000_0000_0000L).hashCode());
    }

    @Test
    void plusMovesByBytesAndWrapsAtTheTopAsUnsignedLongDoes() {
        assertEquals(new VirtualAddress(0xffff_0000_0020_0000L), LINEAR.plus(1L << 21));
        assertEquals(new VirtualAddress(0), TOP_PAGE.plus(0x1000));
        assertEquals(LINEAR, LINEAR.plus(1L << 21).plus(-(1L << 21)));
    }

    @Test
    void minusIsTheDistanceInBytes() {
        assertEquals(1L << 21, LINEAR.plus(1L << 21).minus(LINEAR));
        assertEquals(-(1L << 21), LINEAR.minus(LINEAR.plus(1L << 21)));
        assertEquals(0x1000, new VirtualAddress(0).minus(TOP_PAGE)); // across the top: 2^64 - (2^64 - 4K)
    }

    @Test
    void alignmentIsToAPowerOfTwoAndRoundsDown() {
        VirtualAddress inside = LINEAR.plus(0x20_3123);
        assertFalse(inside.isAlignedTo(0x1000));
        assertEquals(LINEAR.plus(0x20_3000), inside.alignDown(0x1000));
        assertEquals(LINEAR.plus(0x20_0000), inside.alignDown(1L << 21));
        assertTrue(inside.alignDown(1L << 21).isAlignedTo(1L << 21));
        assertTrue(LINEAR.isAlignedTo(1L << 48));
        assertEquals(TOP_PAGE, new VirtualAddress(-1L).alignDown(0x1000)); // the top page keeps its high bits
    }

    @Test
    void anAddressPrintsAsSixteenHexDigits() {
        assertEquals("0xffff000000000000", LINEAR.toString());
        assertEquals("0x0000000000001000", new VirtualAddress(0x1000).toString());
    }
}
