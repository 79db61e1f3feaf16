package org.pagewright.arm64.ptdump;

import java.util.HashMap;
import java.util.Map;

import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.table.EntryVisitor;

/**
 * Test double for a PageTables state: non-zero entries by (level, VA); table entries above a stored entry are
 * implied. Visits like the engine's walk: every entry of every reachable table, pre-order, in VA order.
 */
public final class SparseTables implements TableEntrySource {
    private static final long FAKE_TABLE = 0x3L | (0x7fff0000L);

    private final Geometry geometry;
    private final long base;
    private final Map<Integer, Map<Long, Long>> entries = new HashMap<>();

    public SparseTables(Geometry geometry) {
        this.geometry = geometry;
        this.base = geometry.kernelVaStart();
    }

    public Geometry geometry() {
        return geometry;
    }

    /** Stores a raw entry and makes sure a table path leads to it. */
    public SparseTables put(int level, long va, long raw) {
        for (int l = geometry.startLevel(); l < level; l++) {
            long parentVa = va & -geometry.levelSize(l);
            entries.computeIfAbsent(l, k -> new HashMap<>()).putIfAbsent(parentVa, FAKE_TABLE);
        }
        entries.computeIfAbsent(level, k -> new HashMap<>()).put(va, raw);
        return this;
    }

    /** Stores a table entry with its own attribute bits (e.g. PXNTable). */
    public SparseTables putTable(int level, long va, long raw) {
        return put(level, va, raw);
    }

    /** n consecutive leaves whose output address advances with the VA. */
    public SparseTables putRun(int level, long va, long n, long attrs, long pa) {
        long size = geometry.levelSize(level);
        for (long i = 0; i < n; i++) {
            put(level, va + i * size, attrs | geometry.encodeOutputAddress(pa + i * size));
        }
        return this;
    }

    @Override
    public void visitEntries(EntryVisitor visitor) {
        visitTable(geometry.startLevel(), base, visitor);
    }

    private void visitTable(int level, long tableVa, EntryVisitor visitor) {
        Map<Long, Long> atLevel = entries.getOrDefault(level, Map.of());
        long size = geometry.levelSize(level);
        for (int i = 0; i < geometry.entries(level); i++) {
            long va = tableVa + i * size;
            long raw = atLevel.getOrDefault(va, 0L);
            visitor.entry(va, level, raw);
            if (level < 3 && (raw & 3) == 3) {
                visitTable(level + 1, va, visitor);
            }
        }
    }
}
