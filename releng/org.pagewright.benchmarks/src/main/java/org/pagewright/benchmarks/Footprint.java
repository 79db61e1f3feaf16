package org.pagewright.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.function.Supplier;

import org.pagewright.arm64.table.PageTables;

/** Retained heap of a built state: used heap after a full GC, minus the same before the build. */
final class Footprint {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private Footprint() {
    }

    record Result(PageTables tables, long tablePages, long tableBytes, long retainedBytes) {
        double ratio() {
            return (double) retainedBytes / tableBytes;
        }

        @Override
        public String toString() {
            return String.format("table pages %,d, table bytes %,d (%.1f MiB), retained heap %,d (%.1f MiB), "
                    + "ratio %.4f", tablePages, tableBytes, tableBytes / 1048576.0, retainedBytes,
                    retainedBytes / 1048576.0, ratio());
        }
    }

    static Result measure(Supplier<PageTables> build) {
        long before = usedAfterGc();
        PageTables tables = build.get();
        long after = usedAfterGc();
        return new Result(tables, tables.tablePages(), LinearMaps.tableBytes(tables), after - before);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
