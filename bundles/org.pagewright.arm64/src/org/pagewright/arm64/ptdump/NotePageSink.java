package org.pagewright.arm64.ptdump;

/**
 * The note_page callback of mm/ptdump.c: called for each leaf and each empty entry in VA order with the ptdump
 * level (0 = PGD, 1 = P4D, 2 = PUD, 3 = PMD, 4 = PTE), and finally once with level -1 to flush.
 */
@FunctionalInterface
public interface NotePageSink {
    int FLUSH_LEVEL = -1;

    void note(long va, int level, long value);

    /** mm/ptdump.c ptdump_walk_pgd: "Flush out the last page" with note_page(st, 0, -1, 0). */
    default void flush() {
        note(0, FLUSH_LEVEL, 0);
    }
}
