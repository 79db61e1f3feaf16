package org.pagewright.arm64.table;

import org.pagewright.arm64.Geometry;

/**
 * Read-side visit (ptdump's note_page view): every entry of every reachable table, in VA order, parents before
 * their children: leaves, tables and empty entries alike. Implemented by the engine's {@link PageTables#visit} and
 * by other table sources (a capture's tables, test doubles).
 */
@FunctionalInterface
public interface EntryVisitor {

    /**
     * @param va first VA the entry maps
     * @param level architectural level (-1..3)
     * @param descriptor the raw descriptor (0 for an empty entry)
     */
    void entry(long va, int level, long descriptor);

    /**
     * The last-level entries table[from, to) of one table, the first mapping va: by default each as {@link #entry};
     * a visitor with a tighter loop over runs (ptdump's note_page) may take them at once but must behave the same.
     */
    default void lastLevel(long[] table, int from, int to, long va, long pageSize) {
        for (int i = from; i < to; i++, va += pageSize) {
            entry(va, Geometry.LAST_LEVEL, table[i]);
        }
    }
}
