package org.pagewright.arm64.ptdump;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pagewright.arm64.layout.AddressMarker;

/** The merger's run path for last-level tables is an optimisation only: its output is the per-entry output. */
class NotePageMergerTest {
    private static final long PAGE = 0x1000L;
    private static final long BASE = 0xffff_0000_0000_0000L;
    private static final long RW = 0x00e8_0000_4000_0707L;
    private static final long RO = 0x00e8_0000_4000_0787L;

    private static final class Recorder implements RangeSink {
        final List<String> lines = new ArrayList<>();

        @Override
        public void marker(String name) {
            lines.add("marker " + name);
        }

        @Override
        public void range(long start, long end, int level, long prot) {
            lines.add(Long.toHexString(start) + "-" + Long.toHexString(end) + " L" + level + " " + Long.toHexString(prot));
        }
    }

    private static List<String> render(List<AddressMarker> markers, long[] table, boolean asRun) {
        Recorder out = new Recorder();
        NotePageMerger merger = new NotePageMerger(markers, out);
        merger.note(BASE - 0x20_0000L, PtdumpLevels.PMD, 0);
        if (asRun) {
            merger.noteRun(PtdumpLevels.PTE, table, 0, table.length, BASE, PAGE);
        } else {
            for (int i = 0; i < table.length; i++) {
                merger.note(BASE + i * PAGE, PtdumpLevels.PTE, table[i]);
            }
        }
        merger.flush();
        return out.lines;
    }

    @Test
    void aRunMergedTableRendersAsItsEntriesOneByOneWithMixedProtsAndAMarkerInsideThePage() {
        long[] table = new long[512];
        for (int i = 0; i < table.length; i++) {
            table[i] = i < 100 ? RW + i * PAGE : i < 300 ? RO + i * PAGE : i < 310 ? 0 : RW + i * PAGE;
        }
        List<AddressMarker> markers = List.of(new AddressMarker(BASE - 0x40_0000L, "start"),
                new AddressMarker(BASE + 200 * PAGE, "inside"), new AddressMarker(BASE + 200 * PAGE, "same address"),
                new AddressMarker(BASE + 400 * PAGE, "later"), new AddressMarker(-0x1000_0000L, "end"));

        List<String> perEntry = render(markers, table, false);

        assertEquals(perEntry, render(markers, table, true));
        assertTrue(perEntry.contains("marker inside") && perEntry.contains("marker later"), perEntry::toString);
        assertTrue(perEntry.size() > 8, perEntry::toString);
    }
}
