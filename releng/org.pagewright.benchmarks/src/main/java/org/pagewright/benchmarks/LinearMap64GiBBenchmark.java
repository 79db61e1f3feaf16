package org.pagewright.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.pagewright.arm64.ptdump.Ptdump;
import org.pagewright.arm64.table.PageTables;

/**
 * 64 GiB of DRAM linear-mapped with 4K pages: 16,777,216 PTEs in 32,834 table pages (128.3 MiB). Build, walk and
 * ptdump render, next to a baseline over the same number of bytes (fill and sequential read of one long[]).
 * Goals: build <= 3x fill, walk <= 2x read, retained heap <= 1.05x table bytes (printed at setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class LinearMap64GiBBenchmark {
    static final long SIZE = 64 * LinearMaps.GIB;

    PageTables tables;
    long[] baseline;

    @Setup(Level.Trial)
    public void setUp() {
        Footprint.Result f = Footprint.measure(() -> LinearMaps.build(SIZE, LinearMaps.PAGES));
        tables = f.tables();
        System.out.println("\n[footprint] 64 GiB page-mapped: " + f);
        baseline = new long[(int) (f.tableBytes() / Long.BYTES)]; // the same bytes as the table pages
    }

    @Benchmark
    public PageTables build() {
        return LinearMaps.build(SIZE, LinearMaps.PAGES);
    }

    @Benchmark
    public long walkEveryLeaf() {
        return LinearMaps.walkEveryLeaf(tables);
    }

    @Benchmark
    public long visitEveryEntry() {
        long[] sum = new long[1];
        tables.visit((va, level, raw) -> sum[0] += raw);
        return sum[0];
    }

    @Benchmark
    public String renderPtdump() {
        return Ptdump.render(tables, LinearMaps.LAYOUT);
    }

    @Benchmark
    public long[] baselineFill() {
        Arrays.fill(baseline, 0x00e8000040000707L);
        return baseline;
    }

    @Benchmark
    public long baselineSequentialRead() {
        long s = 0;
        for (long v : baseline) {
            s += v;
        }
        return s;
    }
}
