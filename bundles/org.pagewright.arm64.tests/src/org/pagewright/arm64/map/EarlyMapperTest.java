package org.pagewright.arm64.map;

import static org.junit.jupiter.api.Assertions.*;
import static org.pagewright.arm64.Fixture.va;
import static org.pagewright.arm64.desc.Descriptor.*;

import org.junit.jupiter.api.Test;
import org.pagewright.arm64.Fixture;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.table.PageTables;

/** map_range against the k73 capture's kernel image (4K, 52-bit LPA2, kimage_voffset 0xffff80003fe00000). */
class EarlyMapperTest {
    private static final long VOFFSET = 0xffff80003fe00000L;
    private static final long STEXT = 0xffff800080010000L;
    private static final long ETEXT = 0xffff8000812e0000L;
    private static final long SDATA = 0xffff800082b00000L;
    private static final long END = 0xffff800083240000L;

    private static long pa(long va) {
        return va - VOFFSET;
    }

    private static long at(PageTables t, long va) {
        return t.lookup(va(va)).descriptor();
    }

    @Test
    void kernelTextGetsContPtesAnd2mBlocksAsInThe73Capture() {
        PageTables t = Fixture.tables(Geometry.G4K_52);
        new EarlyMapper(t).mapRange(pa(STEXT), STEXT, ETEXT - STEXT, Prot.PAGE_KERNEL_ROX, true);
        assertEquals(0x00d0000040210483L, at(t, STEXT));                  // L3 …80010000 n=496 desc0
        assertEquals(0x00c0000040400481L, at(t, 0xffff800080200000L));    // L2 …80200000 n=8 (no CONT on blocks)
        assertEquals(2, t.lookup(va(0xffff800080200000L)).level());
        assertEquals(0x00d0000041400483L, at(t, 0xffff800081200000L));    // L3 …81200000 n=224 desc0
        assertEquals(0x00d0000041400483L + 223 * 0x1000L, at(t, ETEXT - 0x1000));
    }

    @Test
    void dataSegmentMatchesThe73Capture() {
        PageTables t = Fixture.tables(Geometry.G4K_52);
        new EarlyMapper(t).mapRange(pa(SDATA), SDATA, END - SDATA, Prot.PAGE_KERNEL, true);
        assertEquals(0x00f8000042d00403L, at(t, SDATA));                  // L3 …82b00000 n=256 CONT
        assertEquals(0x00e8000042e00401L, at(t, 0xffff800082c00000L));    // L2 …82c00000 n=3
        assertEquals(0x00f8000043400403L, at(t, 0xffff800083200000L));    // L3 …83200000 n=64 CONT
    }

    @Test
    void earlyTablesCarryOnlyUxnTableLikeTheImageTablesOfTheCaptures() {
        PageTables t = Fixture.tables(Geometry.G4K_52);
        new EarlyMapper(t).mapRange(pa(SDATA), SDATA, 0x1000, Prot.PAGE_KERNEL, true);
        t.visit((va, level, d) -> {
            if (isTable(d, level)) {
                assertEquals(0x1000000000000003L, t.geometry().attributeBits(d)); // k73 "T2 … UXNTable"
            }
        });
    }

    @Test
    void contIsDroppedWhereTheRestOfTheSliceNoLongerCoversAGroup() {
        PageTables t = Fixture.tables(Geometry.G4K_48);
        long va = Fixture.LINEAR_4K_48 + 0x100000;
        new EarlyMapper(t).mapRange(Fixture.DRAM + 0x100000, va, 0x18000, Prot.PAGE_KERNEL, true);
        assertTrue(has(at(t, va), CONT));
        assertFalse(has(at(t, va + 0x10000), CONT)); // only 32K left
    }

    @Test
    void noContWhenTheCallerForbidsIt() {
        PageTables t = Fixture.tables(Geometry.G4K_48);
        new EarlyMapper(t).mapRange(Fixture.DRAM, Fixture.LINEAR_4K_48, 0x20000, Prot.PAGE_KERNEL, false);
        assertFalse(has(at(t, Fixture.LINEAR_4K_48), CONT));
    }

    @Test
    void mapRangeWritesABlockAtAnyLevelWhereStartNextAndPaAreAligned() {
        PageTables t = Fixture.tables(Geometry.G4K_48);
        new EarlyMapper(t).mapRange(Fixture.DRAM, Fixture.LINEAR_4K_48, 1L << 30, Prot.PAGE_KERNEL, false);
        assertEquals(1, t.lookup(va(Fixture.LINEAR_4K_48)).level());
        assertEquals(Fixture.DRAM | Prot.PAGE_KERNEL.blockForm().bits(), at(t, Fixture.LINEAR_4K_48));
    }

    @Test
    void sixteenKImagesGet32mBlocksAndContPtesOf2m() {
        PageTables t = Fixture.tables(Geometry.G16K_48);
        long va = -(1L << 47) + (1L << 25) - (1L << 21); // 2M below a 32M boundary
        new EarlyMapper(t).mapRange(Fixture.DRAM + (1L << 25) - (1L << 21), va, (1L << 25) + (1L << 21),
                Prot.PAGE_KERNEL, true);
        assertEquals(3, t.lookup(va(va)).level());
        assertTrue(has(at(t, va), CONT));                         // 128 x 16K = 2M group
        assertEquals(2, t.lookup(va(va + (1L << 21))).level());       // then a 32M block
    }

    @Test
    void clearingWithAZeroProtLeavesThePhysicalAddressInInvalidEntries() {
        PageTables t = Fixture.tables(Geometry.G4K_48);
        EarlyMapper m = new EarlyMapper(t);
        m.mapRange(Fixture.DRAM, Fixture.LINEAR_4K_48, 0x1000, Prot.PAGE_KERNEL_ROX, true);
        m.mapRange(Fixture.DRAM, Fixture.LINEAR_4K_48, 0x1000, new Prot(0), false);
        assertEquals(Fixture.DRAM, at(t, Fixture.LINEAR_4K_48));
    }

    @Test
    void theImageTextCanBeMadeRoWithUpdateMappingProtLikeMarkRodataRo() {
        PageTables t = Fixture.tables(Geometry.G4K_52);
        long rodata = ETEXT;
        long initBegin = 0xffff800082700000L;
        new EarlyMapper(t).mapRange(pa(rodata), rodata, initBegin - rodata, Prot.PAGE_KERNEL, false);
        assertTrue(new Mapper(t, KernelRules.of(KernelVersion.V7_3))
                .updateMappingProt(pa(rodata), rodata, initBegin - rodata, Prot.PAGE_KERNEL_RO).isOk());
        assertEquals(0x00e00000414e0483L, at(t, rodata));                 // L3 …812e0000 n=288
        assertEquals(0x00e0000041600481L, at(t, 0xffff800081400000L));    // L2 …81400000 n=9
        assertEquals(0x00e0000042800483L, at(t, 0xffff800082600000L));    // L3 …82600000 n=256
    }
}
