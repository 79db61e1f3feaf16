package org.pagewright.benchmarks;

import java.util.EnumSet;
import java.util.Set;

import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.VaRange;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.layout.KernelVaLayout;
import org.pagewright.arm64.map.MapFlag;
import org.pagewright.arm64.map.Mapper;
import org.pagewright.arm64.op.OpResult;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.arm64.table.RangeVisitor;
import org.pagewright.arm64.table.Step;

/** The platforms the benchmarks build: DRAM at 0x40000000 linear-mapped as map_mem() does (4K/48, 6.18). */
final class LinearMaps {
    static final Geometry GEOMETRY = Geometry.G4K_48;
    static final KernelVersion VERSION = KernelVersion.V6_18;
    static final KernelVaLayout LAYOUT = KernelVaLayout.of(GEOMETRY, VERSION, 0);
    static final long DRAM_BASE = 0x40000000L;
    static final long GIB = 1L << 30;

    /** rodata=full without BBML2: force_pte_mapping() -> NO_BLOCK | NO_CONT (and always NO_EXEC). */
    static final Set<MapFlag> PAGES = EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS, MapFlag.NO_CONT_MAPPINGS,
            MapFlag.NO_EXEC_MAPPINGS);
    /** rodata=noalias (or BBML2): blocks and contiguous runs allowed. */
    static final Set<MapFlag> BLOCKS = EnumSet.of(MapFlag.NO_EXEC_MAPPINGS);

    private LinearMaps() {
    }

    static PageTables build(long bytes, Set<MapFlag> flags) {
        PageTables tables = PageTables.create(GEOMETRY);
        OpResult r = new Mapper(tables, KernelRules.of(VERSION)).createMapping(DRAM_BASE,
                LAYOUT.physToVirt(DRAM_BASE, DRAM_BASE), bytes, Prot.PAGE_KERNEL_TAGGED, flags);
        if (!(r instanceof OpResult.Ok)) {
            throw new IllegalStateException("mapping failed: " + r);
        }
        return tables;
    }

    /** Visits every leaf through the engine's one recursive walk; returns a checksum so nothing is elided. */
    static long walkEveryLeaf(PageTables tables) {
        long[] sum = new long[1];
        tables.walk(VaRange.toTop(GEOMETRY.kernelVaStart()), new RangeVisitor() {
            @Override
            public Step entry(int level, long tablePa, long[] table, int index, long addr, long next) {
                long d = table[index];
                if (d != 0 && (d & 3) != 3) {
                    sum[0] += d;
                }
                return Step.CONTINUE;
            }

            @Override
            public boolean lastLevel(long tablePa, long[] table, int from, int to, long addr) {
                long s = 0;
                for (int i = from; i < to; i++) {
                    s += table[i];
                }
                sum[0] += s;
                return true;
            }
        });
        return sum[0];
    }

    /** Bytes of descriptor data: table pages x page size. */
    static long tableBytes(PageTables tables) {
        return (long) tables.tablePages() * GEOMETRY.pageSize();
    }
}
