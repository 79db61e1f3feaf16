package org.pagewright.arm64.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.layout.KernelVaLayout;
import org.pagewright.arm64.ptdump.CaptureLogs;
import org.pagewright.arm64.ptdump.SparseTables;

/** Differences between two states as ptdump ranges. */
class StateDiffTest {
    private static final KernelVaLayout K73 = CaptureLogs.K73.layout();
    private static final long VALID_RW = 0x00e8000000000403L;    // PAGE_KERNEL tagged under LPA2 (k73 raw, idx 1)
    private static final long PRESENT_INVALID = 0x00e8000000000c06L; // k73 raw: F … NG
    private static final long BSS = 0xfff0000002d00000L;

    private static SparseTables dataBss(long attrs) {
        return new SparseTables(Geometry.G4K_52).putRun(3, BSS, 1822, attrs | 0x4, 0x42d00000L);
    }

    @Test
    void identicalStatesHaveNoChanges() {
        assertTrue(StateDiff.between(dataBss(VALID_RW), dataBss(VALID_RW), K73).isEmpty());
    }

    @Test
    void invalidatingARunIsOneChangedRangeWithBeforeAndAfter() {
        List<RangeChange> changes = StateDiff.between(dataBss(VALID_RW), dataBss(PRESENT_INVALID), K73);

        assertEquals(1, changes.size(), changes::toString);
        RangeChange c = changes.get(0);
        assertEquals(RangeChange.Kind.CHANGED, c.kind());
        assertEquals(BSS, c.start());
        assertEquals(BSS + 1822 * 4096L, c.end());
        assertTrue(c.toString().contains("PTE F"), c::toString);
    }

    @Test
    void aNewRunIsAddedAndAVanishedOneRemoved() {
        SparseTables empty = new SparseTables(Geometry.G4K_52);

        List<RangeChange> added = StateDiff.between(empty, dataBss(VALID_RW), K73);
        List<RangeChange> removed = StateDiff.between(dataBss(VALID_RW), empty, K73);

        assertEquals(List.of(RangeChange.Kind.ADDED), added.stream().map(RangeChange::kind).toList());
        assertEquals(List.of(RangeChange.Kind.REMOVED), removed.stream().map(RangeChange::kind).toList());
        assertEquals(added.get(0).start(), removed.get(0).start());
        assertEquals(added.get(0).end(), removed.get(0).end());
    }

    @Test
    void emptyEntriesAtDifferentLevelsAreNotChanges() {
        SparseTables withEmptyTable = new SparseTables(Geometry.G4K_52);
        withEmptyTable.putTable(1, 0xfff0000000000000L, 0x3L | 0x7fff0000L); // a PMD table with no entries

        assertTrue(StateDiff.between(new SparseTables(Geometry.G4K_52), withEmptyTable, K73).isEmpty());
    }

    @Test
    void theDataBssSeriesShowsAsTheChangeBetween612And73LinearMaps() {
        List<RangeChange> changes = StateDiff.between(CaptureLogs.K612.rawTables(), CaptureLogs.K73.rawTables(), K73);

        assertTrue(changes.stream().anyMatch(c -> c.start() <= BSS && c.end() > BSS && c.toString().contains("PTE F")),
                changes::toString);
    }
}
