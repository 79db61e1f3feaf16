package org.pagewright.arm64.kernel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.map.MapFlag;
import org.pagewright.arm64.op.Operation;
import org.pagewright.arm64.op.Operation.CreateMapping;

/**
 * mmu.c map_mem: the linear map. Before the data/bss series the kernel's text/rodata alias is hidden from the bank
 * loop with memblock NOMAP (as is the early KFENCE pool), then mapped on its own with blocks allowed; the series
 * (7.3) maps the pool, the text/rodata alias and the data/bss alias first, with the banks' flags, and lets the
 * bank loop run over all of DRAM.
 */
public final class MapMem implements Recipe {

    @Override
    public List<Operation> operations(Boot boot) {
        return boot.config().mapsKernelAliasBeforeBanks() ? aliasFirst(boot) : nomapTrick(boot);
    }

    /** mmu.c map_mem: NO_EXEC_MAPPINGS always; NO_BLOCK|NO_CONT when force_pte_mapping(). */
    static Set<MapFlag> flags(KernelConfig c) {
        return flags(c.forcePteMapping());
    }

    /**
     * The banks' and the data/bss alias's flags after boot. mmu.c linear_map_split_to_ptes: when a secondary CPU
     * lacks the boot CPU's BBML2-noabort, everything but the text/rodata alias ends up page-mapped; that end
     * state is mapped here directly.
     */
    public static Set<MapFlag> bankFlags(KernelConfig c) {
        return flags(c.forcePteMapping() || c.linearMapSplitToPtes());
    }

    private static Set<MapFlag> flags(boolean pteOnly) {
        EnumSet<MapFlag> f = EnumSet.of(MapFlag.NO_EXEC_MAPPINGS);
        if (pteOnly) {
            f.add(MapFlag.NO_BLOCK_MAPPINGS);
            f.add(MapFlag.NO_CONT_MAPPINGS);
        }
        return f;
    }

    /** mmu.c map_mem: the alias starts at _text since 5973a62efa34, at _stext before. */
    static long textAliasStart(Boot boot) {
        KernelImage i = boot.image();
        return i.pa(boot.config().imageMappedFrom(i.text(), i.stext()));
    }

    private static List<Operation> nomapTrick(Boot boot) {
        KernelConfig c = boot.config();
        Set<MapFlag> flags = bankFlags(c);
        Prot tagged = c.resolve(Prot.PAGE_KERNEL.tagged());
        long aliasStart = textAliasStart(boot);
        long aliasEnd = boot.image().pa(boot.image().initBegin());
        List<long[]> nomap = new ArrayList<>();
        nomap.add(new long[] {aliasStart, aliasEnd});
        KfencePool.earlyPool(boot).ifPresent(p -> nomap.add(new long[] {p, p + c.kfencePoolSize()}));

        List<Operation> ops = new ArrayList<>();
        int bankNo = 0;
        for (PhysicalMemory.Bank bank : boot.memory().banks()) {
            for (long[] r : subtract(bank.start(), bank.end(), nomap)) {
                ops.add(linear(boot, r[0], r[1], tagged, flags, "map_mem: memblock bank " + bankNo));
            }
            bankNo++;
        }
        textAlias(boot, aliasStart, aliasEnd, EnumSet.of(MapFlag.NO_CONT_MAPPINGS), ops);
        KfencePool.earlyPool(boot).ifPresent(p -> ops.add(linear(boot, p, p + c.kfencePoolSize(), tagged,
                EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS, MapFlag.NO_CONT_MAPPINGS), "map_mem: early KFENCE pool")));
        return List.copyOf(ops);
    }

    private static List<Operation> aliasFirst(Boot boot) {
        KernelConfig c = boot.config();
        KernelImage i = boot.image();
        Set<MapFlag> flags = flags(c);
        Prot tagged = c.resolve(Prot.PAGE_KERNEL.tagged());
        List<Operation> ops = new ArrayList<>();
        KfencePool.earlyPool(boot).ifPresent(p -> ops.add(linear(boot, p, p + c.kfencePoolSize(), tagged,
                EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS, MapFlag.NO_CONT_MAPPINGS, MapFlag.NO_EXEC_MAPPINGS),
                "map_mem: early KFENCE pool")));
        long aliasStart = textAliasStart(boot);
        long aliasEnd = i.pa(i.initBegin());
        textAlias(boot, aliasStart, aliasEnd, flags, ops);
        flags = bankFlags(c);
        ops.add(linear(boot, i.pa(i.initEnd()), i.pa(i.bssStop()), tagged, flags, "map_mem: kernel data/bss alias"));
        // after a split the text alias keeps its own leaves: the banks are mapped around it
        List<long[]> skip = c.linearMapSplitToPtes() ? List.<long[]>of(new long[] {aliasStart, aliasEnd}) : List.of();
        int bankNo = 0;
        for (PhysicalMemory.Bank bank : boot.memory().banks()) {
            for (long[] r : subtract(bank.start(), bank.end(), skip)) {
                ops.add(linear(boot, r[0], r[1], tagged, flags, "map_mem: memblock bank " + bankNo));
            }
            bankNo++;
        }
        return List.copyOf(ops);
    }

    /**
     * map_mem's text/rodata alias [start, end) with {@code flags}. After linear_map_split_to_ptes (mmu.c) only
     * [lm_alias(_stext), lm_alias(__init_begin)) keeps its leaves, less a leaf straddling lm_alias(_stext)
     * (range_split_to_ptes splits every leaf it meets outside the kept range, to PTEs without CONT); the alias
     * ends at __init_begin, so no leaf straddles the other end.
     */
    private static void textAlias(Boot boot, long start, long end, Set<MapFlag> flags, List<Operation> ops) {
        KernelConfig c = boot.config();
        Prot prot = c.resolve(Prot.PAGE_KERNEL);
        String origin = "map_mem: kernel text/rodata alias";
        long kept = c.linearMapSplitToPtes() ? keptFrom(boot, Math.max(start, boot.image().pa(boot.image().stext())),
                start, end, !flags.contains(MapFlag.NO_CONT_MAPPINGS)) : start;
        if (Long.compareUnsigned(kept, start) > 0) {
            ops.add(linear(boot, start, Math.min(kept, end), prot, flags(true), origin + " (split to PTEs)"));
        }
        if (Long.compareUnsigned(kept, end) < 0) {
            ops.add(linear(boot, kept, end, prot, flags, origin));
        }
    }

    /** The end of the largest leaf alloc_init_* made in [start, end) across {@code at}, else {@code at}. */
    private static long keptFrom(Boot boot, long at, long start, long end, boolean cont) {
        org.pagewright.arm64.Geometry g = boot.config().runtimeGeometry();
        for (int level = g.startLevel(); level <= org.pagewright.arm64.Geometry.LAST_LEVEL; level++) {
            long block = level < org.pagewright.arm64.Geometry.LAST_LEVEL && g.linuxBlockLevel(level)
                    ? g.levelSize(level) : 0;
            long group = cont && g.contEntries(level) > 0 ? g.contSize(level) : 0;
            for (long unit : new long[] {group, block}) {
                long leafStart = at & -unit;
                if (unit != 0 && leafStart != at && Long.compareUnsigned(leafStart, start) >= 0
                        && Long.compareUnsigned(leafStart + unit, end) <= 0) {
                    return leafStart + unit;
                }
            }
        }
        return at;
    }


    private static Operation linear(Boot boot, long start, long end, Prot prot, Set<MapFlag> flags, String origin) {
        return new CreateMapping(new PhysicalAddress(start), new VirtualAddress(boot.linear(start)), end - start, prot,
                flags, origin);
    }

    /** [start, end) minus the holes, in ascending order (for_each_mem_range skipping MEMBLOCK_NOMAP). */
    static List<long[]> subtract(long start, long end, List<long[]> holes) {
        List<long[]> parts = new ArrayList<>();
        parts.add(new long[] {start, end});
        for (long[] h : holes) {
            List<long[]> next = new ArrayList<>();
            for (long[] p : parts) {
                if (h[1] <= p[0] || h[0] >= p[1]) {
                    next.add(p);
                    continue;
                }
                if (h[0] > p[0]) {
                    next.add(new long[] {p[0], h[0]});
                }
                if (h[1] < p[1]) {
                    next.add(new long[] {h[1], p[1]});
                }
            }
            parts = next;
        }
        parts.sort((a, b) -> Long.compareUnsigned(a[0], b[0]));
        return parts;
    }
}
