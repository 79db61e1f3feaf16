package org.pagewright.arm64.ptdump;

import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.layout.KernelVaLayout;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.arm64.table.RangeVisitor;
import org.pagewright.arm64.table.Step;

/** Entry point: the text of /sys/kernel/debug/kernel_page_tables for a state and its kernel's layout. */
public final class Ptdump {
    private Ptdump() {
    }

    /** Renders the dump of an engine state (ptdump.c ptdump_walk from base_addr to the top of the VA space). */
    public static String render(PageTables tables, KernelVaLayout layout) {
        StringBuilder out = new StringBuilder(16 * 1024);
        walk(tables, layout, new PtdumpText(out, PtdumpLevels.of(layout)));
        return out.toString();
    }

    /** ptdump_walk of an engine state into any sink of markers and merged ranges (text, rows). */
    static void walk(PageTables tables, KernelVaLayout layout, RangeSink sink) {
        NotePageMerger merger = new NotePageMerger(layout.ptdumpMarkers(), sink);
        PtdumpWalk walk = new PtdumpWalk(PtdumpLevels.of(layout), layout.version(), merger);
        tables.read(layout.ptdumpWalkStart(), 0, new EngineWalk(layout.geometry(), walk));
        merger.flush();
    }

    /** Drives {@link PtdumpWalk} from the engine's recursive walk, with a tight loop over last-level runs. */
    private record EngineWalk(Geometry geometry, PtdumpWalk walk) implements RangeVisitor {
        @Override
        public Step entry(int level, long tablePa, long[] table, int index, long addr, long next) {
            walk.entry(addr & -geometry.levelSize(level), level, table[index]);
            return Step.CONTINUE;
        }

        @Override
        public boolean lastLevel(long tablePa, long[] table, int from, int to, long addr) {
            long page = geometry.pageSize();
            walk.lastLevel(table, from, to, addr & -page, page);
            return true;
        }
    }

    /** Renders the dump of any table source; entries below the layout's walk start are ignored. */
    public static String render(TableEntrySource tables, KernelVaLayout layout) {
        StringBuilder out = new StringBuilder(16 * 1024);
        PtdumpLevels levels = PtdumpLevels.of(layout);
        NotePageMerger merger = new NotePageMerger(layout.ptdumpMarkers(), new PtdumpText(out, levels));
        new PtdumpWalk(levels, layout.version(), merger).walk(startingAt(tables, layout.ptdumpWalkStart()));
        return out.toString();
    }

    /** The engine's read-side visit from start to 2^64, as ptdump's walk range {base_addr, ~0UL}. */
    public static TableEntrySource source(PageTables tables, long start) {
        return visitor -> tables.visit(start, 0, visitor::entry);
    }

    /** ptdump_walk's range starts at base_addr: entries below it are not visited. */
    static TableEntrySource startingAt(TableEntrySource tables, long start) {
        return visitor -> tables.visitEntries((va, level, raw) -> {
            if (Long.compareUnsigned(va, start) >= 0) {
                visitor.entry(va, level, raw);
            }
        });
    }
}
