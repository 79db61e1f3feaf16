package org.pagewright.arm64.query;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.pagewright.arm64.layout.AddressMarker;
import org.pagewright.arm64.layout.KernelVaLayout;
import org.pagewright.arm64.ptdump.NotePageMerger;
import org.pagewright.arm64.ptdump.Ptdump;
import org.pagewright.arm64.ptdump.PtdumpLevels;
import org.pagewright.arm64.ptdump.PtdumpWalk;
import org.pagewright.arm64.ptdump.RangeSink;
import org.pagewright.arm64.ptdump.TableEntrySource;
import org.pagewright.arm64.table.PageTables;

/**
 * What changed between two states (patch N-1 and N), as ptdump sees them: both states are reduced to ptdump's
 * merged ranges (level + masked prot), then a sweep over the union of their boundaries in VA order compares the two
 * views segment by segment and coalesces neighbouring segments with the same before/after. Empty entries compare
 * equal whatever their level. The output address is not part of ptdump's prot, so a pure remap is not reported.
 */
public final class StateDiff {
    private StateDiff() {
    }

    public static List<RangeChange> between(PageTables before, PageTables after, KernelVaLayout layout) {
        long start = layout.ptdumpWalkStart();
        return between(Ptdump.source(before, start), Ptdump.source(after, start), layout);
    }

    public static List<RangeChange> between(TableEntrySource before, TableEntrySource after, KernelVaLayout layout) {
        PtdumpLevels levels = PtdumpLevels.of(layout);
        List<long[]> a = ranges(before, layout, levels);
        List<long[]> b = ranges(after, layout, levels);
        TreeSet<Long> cuts = new TreeSet<>(Long::compareUnsigned);
        for (long[] r : a) {
            cuts.add(r[0]);
        }
        for (long[] r : b) {
            cuts.add(r[0]);
        }
        List<RangeChange> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        Long[] points = cuts.toArray(new Long[0]);
        for (int k = 0; k < points.length; k++) {
            long segStart = points[k];
            long segEnd = k + 1 < points.length ? points[k + 1] : 0; // 0 = 2^64
            while (i + 1 < a.size() && Long.compareUnsigned(a.get(i + 1)[0], segStart) <= 0) i++;
            while (j + 1 < b.size() && Long.compareUnsigned(b.get(j + 1)[0], segStart) <= 0) j++;
            long[] x = a.get(i);
            long[] y = b.get(j);
            boolean same = x[3] == y[3] && (x[3] == 0 || x[2] == y[2]);
            if (same) {
                continue;
            }
            RangeChange.Kind kind = x[3] == 0 ? RangeChange.Kind.ADDED
                    : y[3] == 0 ? RangeChange.Kind.REMOVED : RangeChange.Kind.CHANGED;
            RangeChange c = new RangeChange(kind, segStart, segEnd, levels.name((int) x[2]), x[3],
                    levels.name((int) y[2]), y[3]);
            RangeChange last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.end() == segStart && last.kind() == kind && last.before() == c.before()
                    && last.after() == c.after() && last.beforeLevel().equals(c.beforeLevel())
                    && last.afterLevel().equals(c.afterLevel())) {
                out.set(out.size() - 1, new RangeChange(kind, last.start(), segEnd, last.beforeLevel(), last.before(),
                        last.afterLevel(), last.after()));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    /** ptdump's ranges without markers: {start, end, level, prot}, covering the walk without gaps. */
    private static List<long[]> ranges(TableEntrySource tables, KernelVaLayout layout, PtdumpLevels levels) {
        List<long[]> out = new ArrayList<>();
        RangeSink sink = new RangeSink() {
            @Override
            public void marker(String name) {
            }

            @Override
            public void range(long start, long end, int level, long prot) {
                out.add(new long[] {start, end, level, prot});
            }
        };
        NotePageMerger merger = new NotePageMerger(List.of(new AddressMarker(0, null)), sink);
        new PtdumpWalk(levels, layout.version(), merger).walk(tables);
        return out;
    }
}
