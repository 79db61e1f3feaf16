package org.pagewright.arm64.ptdump;

import java.util.List;

import org.pagewright.arm64.layout.AddressMarker;

/**
 * arm64 ptdump.c note_page: merges consecutive note_page calls into ranges while the masked prot and the level stay
 * equal and no marker is reached; emits a marker each time an address reaches the next marker (at most two per
 * call, exactly as the kernel's two "if" statements do). Addresses compare unsigned.
 */
public final class NotePageMerger implements NotePageSink {
    private static final int NOT_STARTED = -1;

    private final long[] markerAddresses;
    private final String[] markerNames;
    private final RangeSink sink;
    private final long protMask;
    private int marker;
    private int level = NOT_STARTED;
    private long currentProt;
    private long startAddress;

    /** @param markers the walk's markers in address order; a terminating {-1, null} is added here */
    public NotePageMerger(List<AddressMarker> markers, RangeSink sink) {
        int n = markers.size();
        this.markerAddresses = new long[n + 1];
        this.markerNames = new String[n + 1];
        for (int i = 0; i < n; i++) {
            markerAddresses[i] = markers.get(i).address();
            markerNames[i] = markers.get(i).name();
        }
        markerAddresses[n] = -1L;
        this.sink = sink;
        this.protMask = AttributeColumns.mask();
    }

    @Override
    public void note(long addr, int newLevel, long val) {
        long prot = newLevel >= 0 ? val & protMask : 0;
        if (level == NOT_STARTED) {
            level = newLevel;
            currentProt = prot;
            startAddress = addr;
            sink.marker(markerNames[marker]);
        } else if (prot != currentProt || newLevel != level || reachedNextMarker(addr)) {
            sink.range(startAddress, addr, level, currentProt);
            if (reachedNextMarker(addr)) {
                sink.marker(markerNames[++marker]);
            }
            startAddress = addr;
            currentProt = prot;
            level = newLevel;
        }
        if (reachedNextMarker(addr)) {
            sink.marker(markerNames[++marker]);
        }
    }

    /**
     * Same output as note() per entry: after each note, while the level is unchanged, no marker lies within the
     * slice and the masked prot equals the current one, note() would do nothing, so those entries are skipped.
     */
    @Override
    public void noteRun(int runLevel, long[] table, int from, int to, long firstVa, long pageSize) {
        long lastVa = firstVa + (long) (to - 1 - from) * pageSize;
        long va = firstVa;
        int i = from;
        while (i < to) {
            note(va, runLevel, table[i]);
            i++;
            va += pageSize;
            if (runLevel >= 0 && runLevel == level && !reachedNextMarker(lastVa)) {
                long prot = currentProt;
                while (i < to && (table[i] & protMask) == prot) {
                    i++;
                    va += pageSize;
                }
            }
        }
    }

    private boolean reachedNextMarker(long addr) {
        return marker + 1 < markerAddresses.length && Long.compareUnsigned(addr, markerAddresses[marker + 1]) >= 0;
    }
}
