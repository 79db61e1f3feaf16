package org.pagewright.arm64.table;

/**
 * Callbacks of {@link PageTables#walk}: the one recursive walk behind the mapper, pageattr, the translation walker
 * and the read-side visit. Like the kernel's page walkers, a visitor sees each entry above the last level with
 * the slice [addr, next) of the request it covers, and may rewrite it (even turn it into a table) before the
 * walk descends. At the last level it sees whole runs of entries in one table, so hot loops stay tight. Under
 * {@link PageTables#read} the visitor must not write: the arrays may be shared with copies of the state.
 *
 * <p>{@code table} is the array backing the table page, which may hold several table pages; {@code index},
 * {@code fromIndex} and {@code toIndex} are positions in that array. A table's entries are contiguous and start
 * at a multiple of the table size, so {@code index % entriesPerTable} is the index within the table.
 */
public interface RangeVisitor {

    /**
     * An entry at {@code level} (< 3) of the table at physical address {@code tablePa}.
     *
     * @param addr first VA of the request inside this entry
     * @param next end of that slice (exclusive; 0 means 2^64)
     */
    Step entry(int level, long tablePa, long[] table, int index, long addr, long next);

    /**
     * A run of last-level entries [fromIndex, toIndex) of one table; entry fromIndex maps addr.
     *
     * @return false to end the walk
     */
    boolean lastLevel(long tablePa, long[] table, int fromIndex, int toIndex, long addr);
}
