package org.pagewright.arm64.table;

/**
 * Read-side visit (ptdump's note_page view): every entry of every reachable table, in VA order, parents before
 * their children: leaves, tables and empty entries alike.
 */
@FunctionalInterface
public interface EntryVisitor {

    /**
     * @param va first VA the entry maps
     * @param level architectural level (-1..3)
     * @param descriptor the raw descriptor (0 for an empty entry)
     */
    void entry(long va, int level, long descriptor);
}
