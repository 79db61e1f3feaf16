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

    /** Copies the observed tables and leaves into {@code tables}; a problem when the table budget runs out. */
    List<Problem> apply(PageTables tables, Capture capture) {
        Geometry g = tables.geometry();
        for (RawTableRun run : capture.rawTableRuns()) {
            long span = run.entrySpan();
            for (long i = 0; i < run.count(); i++) {
                long va = run.vaStart() + i * span;
                if (observed(va) || observed(va + span - 1) && !in(va, imageStart, imageEnd)) {
                    if (tableAt(tables, g, run.level() + 1, va) == TablePool.NO_PAGE) {
                        return budget();
                    }
                }
            }
        }
        for (RawLeafRun run : capture.rawLeafRuns()) {
            long size = (run.vaEnd() - run.vaStart()) / run.count();
            for (long i = 0; i < run.count(); i++) {
                long va = run.vaStart() + i * size;
                if (!observed(va)) {
                    continue;
                }
                long table = tableAt(tables, g, run.level(), va);
                if (table == TablePool.NO_PAGE) {
                    return budget();
                }
                long descriptor = run.attrs() | g.encodeOutputAddress(run.oaStart() + i * size);
                tables.setEntry(table, g.index(run.level(), va), descriptor);
            }
        }
        return List.of();
    }

    private static List<Problem> budget() {
        return List.of(new Problem(0, "cannot copy the observed vmalloc tables: the table budget ran out or a"
                + " simulated leaf lies where the capture has a table"));
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
