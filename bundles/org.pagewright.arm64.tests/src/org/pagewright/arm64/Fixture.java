package org.pagewright.arm64;

import java.util.ArrayList;
import java.util.List;

import org.pagewright.arm64.table.PageTables;
import org.pagewright.arm64.table.TablePool;

/** Small helpers shared by the engine tests. */
public final class Fixture {
    public static final long LINEAR_4K_48 = 0xffff000000000000L; // PAGE_OFFSET for 48-bit VA
    public static final long LINEAR_4K_52 = 0xfff0000000000000L; // PAGE_OFFSET for 52-bit VA
    public static final long DRAM = 0x40000000L;                  // QEMU virt PHYS_OFFSET
    public static final long SZ_4K = 1L << 12;
    public static final long SZ_64K = 1L << 16;
    public static final long SZ_2M = 1L << 21;
    public static final long SZ_32M = 1L << 25;
    public static final long SZ_1G = 1L << 30;

    private Fixture() {
    }

    /** A VA literal for the typed APIs (lookup, translate, the operations). */
    public static VirtualAddress va(long value) {
        return new VirtualAddress(value);
    }

    /** A PA literal for the typed APIs. */
    public static PhysicalAddress pa(long value) {
        return new PhysicalAddress(value);
    }

    /** Empty tables whose pages come top-down from a window at 1 TiB, budget pages at most. */
    public static PageTables tables(Geometry g, int budget) {
        return PageTables.create(g, TablePool.topDown(g.granule(), 1L << 40, 1L << 41, budget));
    }

    public static PageTables tables(Geometry g) {
        return tables(g, 1 << 20);
    }

    /** One leaf or run as the visit reports it. */
    public record Entry(long va, int level, long descriptor) {
    }

    /** Every non-empty leaf (not table) entry, in VA order. */
    public static List<Entry> leaves(PageTables t) {
        List<Entry> out = new ArrayList<>();
        t.visit((va, level, d) -> {
            if (d != 0 && !org.pagewright.arm64.desc.Descriptor.isTable(d, level)) {
                out.add(new Entry(va, level, d));
            }
        });
        return out;
    }
}
