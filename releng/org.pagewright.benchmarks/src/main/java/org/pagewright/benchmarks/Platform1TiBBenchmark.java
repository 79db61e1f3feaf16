package org.pagewright.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pagewright.arm64.table.PageTables;

/**
 * 1 TiB of DRAM: block-mapped (1G PUD blocks where aligned) and page-mapped (268,435,456 PTEs, 2 GiB of tables),
 * the latter in a 4 GiB heap. Footprints are printed at setup.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Platform1TiBBenchmark {
    static final long SIZE = 1024 * LinearMaps.GIB;

    @State(Scope.Benchmark)
    public static class Report {
        @Setup(Level.Trial)
        public void print() {
            System.out.println("\n[footprint] 1 TiB block-mapped: "
                    + Footprint.measure(() -> LinearMaps.build(SIZE, LinearMaps.BLOCKS)));
        }
    }

    @State(Scope.Benchmark)
    public static class PageReport {
        @Setup(Level.Trial)
        public void print() {
            System.out.println("\n[footprint] 1 TiB page-mapped (-Xmx4g): "
                    + Footprint.measure(() -> LinearMaps.build(SIZE, LinearMaps.PAGES)));
        }

        /** The table pool sizes its budget from the free heap: let the previous state go first. */
        @Setup(Level.Iteration)
        public void collectPreviousState() {
            System.gc();
        }
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
    @Warmup(iterations = 2)
    @Measurement(iterations = 3)
    public PageTables buildBlocks(Report report) {
        return LinearMaps.build(SIZE, LinearMaps.BLOCKS);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
    @Warmup(iterations = 0)
    @Measurement(iterations = 2)
    public long buildPagesAndWalk(PageReport report) {
        PageTables tables = LinearMaps.build(SIZE, LinearMaps.PAGES);
        return LinearMaps.walkEveryLeaf(tables) + tables.tablePages();
    }
}
