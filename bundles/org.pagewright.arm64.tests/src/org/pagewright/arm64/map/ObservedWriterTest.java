package org.pagewright.arm64.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pagewright.arm64.Fixture.va;

import org.junit.jupiter.api.Test;
import org.pagewright.arm64.Fixture;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.op.OpResult;
import org.pagewright.arm64.table.PageTables;

/** Content only run time makes is written as the hardware walk showed it (kernel_page_tables_raw). */
class ObservedWriterTest {
    private static final long VMALLOC = 0xffff800080a00000L;
    private static final long ATTRS = 0x0068000000000f03L; // L3 "RW NX SHD AF UXN MEM/NORMAL" of the k612 captures

    @Test
    void observedLeavesAreWrittenAsSeenWithConsecutiveOutputAddresses() {
        PageTables t = Fixture.tables(Geometry.G4K_48);

        OpResult r = ObservedWriter.write(t, VMALLOC, 4, 3, false, 0x48203000L, ATTRS);

        assertTrue(r.isOk(), r::toString);
        assertEquals(ATTRS | 0x48203000L, t.lookup(va(VMALLOC)).descriptor());
        assertEquals(ATTRS | 0x48206000L, t.lookup(va(VMALLOC + 3 * 0x1000)).descriptor());
        assertEquals(4, r.changes().entriesWritten());
        assertEquals(3, r.changes().tablesAllocated()); // the level-1, -2 and -3 tables above them, empty before
        assertEquals(0, t.lookup(va(VMALLOC + 4 * 0x1000)).descriptor());
    }

    @Test
    void anObservedTableEntryPointsToAnEmptyTableAndShowsTheLevelOfTheEmptyRange() {
        PageTables t = Fixture.tables(Geometry.G4K_48);

        assertTrue(ObservedWriter.write(t, VMALLOC, 1, 2, true, 0, 0).isOk());

        assertEquals(3, t.lookup(va(VMALLOC)).level()); // an empty PTE table: ptdump prints the range at PTE level
        assertEquals(0, t.lookup(va(VMALLOC)).descriptor());
    }

    @Test
    void observedContentWhereTheSimulationHasALeafIsRefusedAsEinval() {
        PageTables t = Fixture.tables(Geometry.G4K_48);
        new Mapper(t, org.pagewright.arm64.KernelRules.of(org.pagewright.arm64.KernelVersion.parse("6.12")))
                .createMapping(0x40000000L, VMALLOC & -Fixture.SZ_2M, Fixture.SZ_2M, Prot.PAGE_KERNEL,
                        java.util.EnumSet.noneOf(MapFlag.class));
        assertTrue(Descriptor.isValidLeaf(t.lookup(va(VMALLOC)).descriptor(), 2));

        OpResult r = ObservedWriter.write(t, VMALLOC, 1, 3, false, 0x48203000L, ATTRS);

        assertInstanceOf(OpResult.Einval.class, r);
    }

    @Test
    void aTableEntryAtTheLastLevelOrAnUnalignedRunIsRefused() {
        PageTables t = Fixture.tables(Geometry.G4K_48);

        assertInstanceOf(OpResult.Refused.class, ObservedWriter.write(t, VMALLOC, 1, 3, true, 0, 0));
        assertInstanceOf(OpResult.Refused.class, ObservedWriter.write(t, VMALLOC + 0x800, 1, 3, false, 0, ATTRS));
        assertInstanceOf(OpResult.Refused.class, ObservedWriter.write(t, VMALLOC, 1, -1, false, 0, ATTRS));
    }
}
