package org.pagewright.arm64.ptdump;

/**
 * The note_page callback of mm/ptdump.c: called for each leaf and each empty entry in VA order with the ptdump
 * level (0 = PGD, 1 = P4D, 2 = PUD, 3 = PMD, 4 = PTE), and finally once with level -1 to flush.
 */
@FunctionalInterface
public interface NotePageSink {
    int FLUSH_LEVEL = -1;

    void note(long va, int level, long value);

    /**
     * note_page for each entry of table[from, to), the i-th at firstVa + (i - from) * pageSize, all at one level;
     * a sink may merge the run faster but must behave exactly as these calls.
     */
    default void noteRun(int level, long[] table, int from, int to, long firstVa, long pageSize) {
        long va = firstVa;
        for (int i = from; i < to; i++, va += pageSize) {
            note(va, level, table[i]);
        }
    }

    /** mm/ptdump.c ptdump_walk_pgd: "Flush out the last page" with note_page(st, 0, -1, 0). */
    default void flush() {
        note(0, FLUSH_LEVEL, 0);
    }
}
