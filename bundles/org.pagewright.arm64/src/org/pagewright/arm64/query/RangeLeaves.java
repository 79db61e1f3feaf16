package org.pagewright.arm64.query;

import static org.pagewright.arm64.Geometry.LAST_LEVEL;

import java.util.ArrayList;
import java.util.List;

import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.VaRange;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.arm64.table.RangeVisitor;
import org.pagewright.arm64.table.Step;

/**
 * The entries that end the lookups of every VA of [start, end), leaf by leaf (one visit per block or PTE, not per
 * page): valid and invalid leaves and the empty entries of holes, each clipped to the range, with the
 * PXNTable/UXNTable/APTable bits of the table entries above it. Neighbours at the same level with the same
 * attributes (output address aside) and path bits are merged into one span.
 */
public final class RangeLeaves {
    /**
     * [vaStart, vaEnd) ends its lookups at entries of one level holding the same attributes.
     *
     * @param descriptor the first entry's raw value (0: an empty entry, nothing is mapped)
     * @param pathTableBits the table attributes of the entries above it, OR-ed
     */
    public record Span(long vaStart, long vaEnd, int level, long descriptor, long pathTableBits) {

        public boolean empty() {
            return descriptor == 0;
        }

        public boolean valid() {
            return Descriptor.isValid(descriptor);
        }

        /** A block or page (valid or not), not an empty entry. */
        public boolean leaf() {
            return descriptor != 0;
        }
    }

    private RangeLeaves() {
    }

    /** The spans covering the range in VA order; nothing for a non-kernel VA. */
    public static List<Span> of(PageTables tables, VaRange range) {
        Geometry g = tables.geometry();
        Merging out = new Merging(g);
        long[] pathAt = new long[LAST_LEVEL + 2];
        int top = g.startLevel();
        tables.read(range, new RangeVisitor() {
            @Override
            public Step entry(int level, long tablePa, long[] table, int index, long addr, long next) {
                long d = table[index];
                if (Descriptor.isTable(d, level)) {
                    pathAt[level - top] = d & Descriptor.TABLE_ATTRS;
                    return Step.CONTINUE;
                }
                out.add(addr, next, level, d, path(level));
                return Step.SKIP_CHILDREN;
            }

            @Override
            public boolean lastLevel(long tablePa, long[] table, int from, int to, long addr) {
                long path = path(LAST_LEVEL);
                long va = addr;
                for (int i = from; i < to; i++) {
                    long next = range.boundaryAfter(va, g.pageSize());
                    out.add(va, next, LAST_LEVEL, table[i], path);
                    va = next;
                }
                return true;
            }

            private long path(int level) {
                long path = 0;
                for (int l = top; l < level; l++) {
                    path |= pathAt[l - top];
                }
                return path;
            }
        });
        return out.spans();
    }

    /** The spans so far, the last one still open so that a run of a million like PTEs costs one object. */
    private static final class Merging {
        private final Geometry g;
        private final List<Span> closed = new ArrayList<>();
        private boolean open;
        private long start;
        private long end;
        private int level;
        private long descriptor;
        private long attrs;
        private long path;

        Merging(Geometry g) {
            this.g = g;
        }

        void add(long from, long to, int atLevel, long d, long pathBits) {
            long a = d & ~g.outputAddressMask(atLevel);
            if (open && end == from && level == atLevel && path == pathBits && attrs == a && (descriptor == 0) == (d == 0)) {
                end = to;
                return;
            }
            close();
            open = true;
            start = from;
            end = to;
            level = atLevel;
            descriptor = d;
            attrs = a;
            path = pathBits;
        }

        private void close() {
            if (open) {
                closed.add(new Span(start, end, level, descriptor, path));
            }
        }

        List<Span> spans() {
            close();
            open = false;
            return closed;
        }
    }
}
