package org.pagewright.arm64.kernel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
        EnumSet<MapFlag> f = EnumSet.of(MapFlag.NO_EXEC_MAPPINGS);
        if (c.forcePteMapping()) {
            f.add(MapFlag.NO_BLOCK_MAPPINGS);
            f.add(MapFlag.NO_CONT_MAPPINGS);
        }
        return f;
    }

    /** mmu.c map_mem: the alias starts at _text since 5973a62efa34, at _stext before. */
    static long textAliasStart(Boot boot) {
        KernelImage i = boot.image();
        return i.pa(boot.config().textHeadMapped() ? i.text() : i.stext());
    }

    private static List<Operation> nomapTrick(Boot boot) {
        KernelConfig c = boot.config();
        Set<MapFlag> flags = flags(c);
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
        ops.add(linear(boot, aliasStart, aliasEnd, c.resolve(Prot.PAGE_KERNEL),
                EnumSet.of(MapFlag.NO_CONT_MAPPINGS), "map_mem: kernel text/rodata alias"));
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
        ops.add(linear(boot, textAliasStart(boot), i.pa(i.initBegin()), c.resolve(Prot.PAGE_KERNEL), flags,
                "map_mem: kernel text/rodata alias"));
        ops.add(linear(boot, i.pa(i.initEnd()), i.pa(i.bssStop()), tagged, flags, "map_mem: kernel data/bss alias"));
        int bankNo = 0;
        for (PhysicalMemory.Bank bank : boot.memory().banks()) {
            ops.add(linear(boot, bank.start(), bank.end(), tagged, flags, "map_mem: memblock bank " + bankNo++));
        }
        return List.copyOf(ops);
    }

    private static Operation linear(Boot boot, long start, long end, Prot prot, Set<MapFlag> flags, String origin) {
        return new CreateMapping(start, boot.linear(start), end - start, prot, flags, origin);
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
