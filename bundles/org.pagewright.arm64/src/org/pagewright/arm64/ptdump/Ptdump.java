package org.pagewright.arm64.ptdump;

import org.pagewright.arm64.VaRange;
import org.pagewright.arm64.layout.KernelVaLayout;
import org.pagewright.arm64.table.EntryVisitor;
import org.pagewright.arm64.table.PageTables;

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
        new PtdumpWalk(PtdumpLevels.of(layout), layout.version(), merger)
                .walk(source(tables, layout.ptdumpWalkStart()));
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
        return visitor -> tables.visit(VaRange.toTop(start), visitor);
    }

    /** ptdump_walk's range starts at base_addr: entries below it are not visited. */
    public static TableEntrySource startingAt(TableEntrySource tables, long start) {
        return visitor -> tables.visitEntries(new EntryVisitor() {
            @Override
            public void entry(long va, int level, long raw) {
                if (Long.compareUnsigned(va, start) >= 0) {
                    visitor.entry(va, level, raw);
                }
            }

            @Override
            public void lastLevel(long[] table, int from, int to, long va, long pageSize) {
                if (Long.compareUnsigned(va, start) >= 0) {
                    visitor.lastLevel(table, from, to, va, pageSize);
                } else {
                    EntryVisitor.super.lastLevel(table, from, to, va, pageSize);
                }
            }
        });
    }
}
