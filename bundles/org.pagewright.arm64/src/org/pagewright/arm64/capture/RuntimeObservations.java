package org.pagewright.arm64.capture;

import java.util.List;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.kernel.Boot;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.arm64.table.TablePool;

/**
 * The Modules and vmalloc areas outside the kernel image hold run-time allocations (modules, vmalloc, ioremap,
 * per-CPU chunks, BPF): they are never derived. A replay copies them from the capture's hardware walk — its
 * table descriptors and leaf runs, raw — into the simulated tables, and declares the dump lines there as
 * run-time observations.
 */
final class RuntimeObservations {
    private final Boot boot;
    private final long areaStart;
    private final long areaEnd;
    private final long imageStart;
    private final long imageEnd;

    RuntimeObservations(Boot boot, long imageStart) {
        this.boot = boot;
        this.areaStart = boot.layout().modulesVaddr();
        this.areaEnd = boot.layout().vmallocEnd();
        this.imageStart = imageStart;
        this.imageEnd = boot.image().end();
    }

    /** Whether a dump line starting at {@code va} shows run-time content (observed, not simulated). */
    boolean observed(long va) {
        return in(va, areaStart, areaEnd) && !in(va, imageStart, imageEnd);
    }

    private static boolean in(long va, long start, long end) {
        return Long.compareUnsigned(va, start) >= 0 && Long.compareUnsigned(va, end) < 0;
    }

    /** At most this many observed entries are copied: a hostile capture cannot make the replay loop for ever. */
    private static final long MAX_ENTRIES = 1L << 22;

    /** Copies the observed tables and leaves into {@code tables}; a problem when the table budget runs out. */
    List<Problem> apply(PageTables tables, Capture capture) {
        Geometry g = tables.geometry();
        long budget = MAX_ENTRIES;
        for (RawTableRun run : capture.rawTableRuns()) {
            if (!fits(g, run.level(), run.level() + 1 <= Geometry.LAST_LEVEL, run.count())
                    || run.entrySpan() != g.levelSize(run.level())) {
                return List.of(new Problem(0, "table descriptor run at level " + run.level()
                        + " does not fit this kernel's page-table geometry: run-time areas not copied"));
            }
            long span = run.entrySpan();
            for (long i = 0; i < run.count(); i++) {
                long va = run.vaStart() + i * span;
                if (observed(va) || observed(va + span - 1) && !in(va, imageStart, imageEnd)) {
                    if (--budget < 0 || tableAt(tables, g, run.level() + 1, va) == TablePool.NO_PAGE) {
                        return budget();
                    }
                }
            }
        }
        for (RawLeafRun run : capture.rawLeafRuns()) {
            if (!fits(g, run.level(), true, run.count())
                    || (run.vaEnd() - run.vaStart()) / run.count() != g.levelSize(run.level())) {
                return List.of(new Problem(0, "leaf run at level " + run.level() + " does not fit this kernel's"
                        + " page-table geometry: run-time areas not copied"));
            }
            long size = g.levelSize(run.level());
            for (long i = 0; i < run.count(); i++) {
                long va = run.vaStart() + i * size;
                if (!observed(va)) {
                    continue;
                }
                long table = --budget < 0 ? TablePool.NO_PAGE : tableAt(tables, g, run.level(), va);
                if (table == TablePool.NO_PAGE) {
                    return budget();
                }
                long descriptor = run.attrs() | g.encodeOutputAddress(run.oaStart() + i * size);
                tables.setEntry(table, g.index(run.level(), va), descriptor);
            }
        }
        return List.of();
    }

    private static boolean fits(Geometry g, int level, boolean levelOk, long count) {
        return levelOk && count > 0 && level >= g.startLevel() && level <= Geometry.LAST_LEVEL;
    }

    private static List<Problem> budget() {
        return List.of(new Problem(0, "cannot copy the observed vmalloc tables: too many entries, the table"
                + " budget ran out, or a simulated leaf lies where the capture has a table"));
    }

    /** The table of {@code level} holding {@code va}, created (empty) along the way where the walk finds none. */
    private static long tableAt(PageTables tables, Geometry g, int level, long va) {
        long pa = tables.rootPa();
        for (int l = g.startLevel(); l < level; l++) {
            int index = g.index(l, va);
            long d = tables.entry(pa, index);
            if (!Descriptor.isTable(d, l)) {
                if (d != 0) {
                    return TablePool.NO_PAGE; // a simulated leaf where the capture has a table
                }
                long next = tables.pool().allocate();
                if (next == TablePool.NO_PAGE) {
                    return TablePool.NO_PAGE;
                }
                tables.setEntry(pa, index, g.encodeOutputAddress(next) | Descriptor.TYPE_TABLE);
                d = tables.entry(pa, index);
            }
            pa = tables.nextTablePa(d);
        }
        return pa;
    }
}
