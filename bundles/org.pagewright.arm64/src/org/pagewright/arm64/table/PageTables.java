package org.pagewright.arm64.table;

import static org.pagewright.arm64.Geometry.LAST_LEVEL;

import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.VaRange;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.desc.Descriptor;

/**
 * One translation regime (the kernel's TTBR1, i.e. swapper_pg_dir): a root table page and the pool holding every
 * table page reachable from it. Table descriptors hold the physical address of the next table; walks go
 * PA -> table page through the pool, as the hardware does. The API takes and returns typed addresses; the walk
 * and its visitors work on raw longs (one per entry), which is why {@link RangeVisitor} has no typed variant.
 */
public final class PageTables {
    private final Geometry geometry;
    private final TablePool pool;
    private final long rootPa;
    private final VmAreas vmAreas;

    /** Static table pages by (level, first VA covered): where the table of that level is when first needed. */
    private final java.util.Map<Long, Long> placed;
    private final java.util.Map<Long, Integer> placedLevel;

    private PageTables(Geometry geometry, TablePool pool, long rootPa, VmAreas vmAreas) {
        this(geometry, pool, rootPa, vmAreas, new java.util.HashMap<>(), new java.util.HashMap<>());
    }

    private PageTables(Geometry geometry, TablePool pool, long rootPa, VmAreas vmAreas,
            java.util.Map<Long, Long> placed, java.util.Map<Long, Integer> placedLevel) {
        this.geometry = geometry;
        this.pool = pool;
        this.rootPa = rootPa;
        this.vmAreas = vmAreas;
        this.placed = placed;
        this.placedLevel = placedLevel;
    }

    /**
     * Declares a statically allocated table page (mmu.c/fixmap.c bm_pud, bm_pmd, bm_pte in the image): the table
     * of {@code level} that covers {@code va} will be the page at {@code pa} when it is first needed. Only levels
     * below the root can be placed.
     */
    public void placeTable(int level, VirtualAddress va, PhysicalAddress pa) {
        if (level <= geometry.startLevel() || level > Geometry.LAST_LEVEL) {
            throw new IllegalArgumentException("no table of level " + level + " below the root of " + geometry);
        }
        long first = va.alignDown(geometry.levelSize(level - 1)).value();
        placed.put(first ^ level, pa.value());
        placedLevel.put(first ^ level, level);
    }

    /**
     * A new zeroed table page for the table of {@code level} covering {@code va}: the placed static page if one
     * was declared (and is free), else the pool's next page; null when none is left.
     */
    public PhysicalAddress allocateTable(int level, VirtualAddress va) {
        long page = allocatePage(level, va.value());
        return page == TablePool.NO_PAGE ? null : new PhysicalAddress(page);
    }

    private long allocatePage(int level, long va) {
        if (level > geometry.startLevel() && level <= Geometry.LAST_LEVEL && !placed.isEmpty()) {
            long key = (va & -geometry.levelSize(level - 1)) ^ level;
            Long pa = placed.get(key);
            if (pa != null && placedLevel.get(key) == level && !pool.contains(pa)) {
                return pool.allocateAt(pa);
            }
        }
        return pool.allocate();
    }

    /** The vmalloc areas registered with this state (change_memory_common consults them). */
    public VmAreas vmAreas() {
        return vmAreas;
    }

    /** New empty tables whose root comes from the pool; null if the pool has no page left. */
    public static PageTables create(Geometry geometry, TablePool pool) {
        checkGranule(geometry, pool);
        long root = pool.allocate();
        return root == TablePool.NO_PAGE ? null : new PageTables(geometry, pool, root, new VmAreas());
    }

    /** New empty tables with the root pinned at a physical address (e.g. __pa_symbol(swapper_pg_dir)). */
    public static PageTables createWithRootAt(Geometry geometry, TablePool pool, PhysicalAddress rootPa) {
        checkGranule(geometry, pool);
        long root = pool.allocateAt(rootPa.value());
        return root == TablePool.NO_PAGE ? null : new PageTables(geometry, pool, root, new VmAreas());
    }

    /** New empty tables with a default pool (see {@link TablePool#withDefaults}). */
    public static PageTables create(Geometry geometry) {
        return create(geometry, TablePool.withDefaults(geometry.granule()));
    }

    private static void checkGranule(Geometry geometry, TablePool pool) {
        if (geometry.granule() != pool.granule()) {
            throw new IllegalArgumentException("pool granule " + pool.granule() + " differs from " + geometry);
        }
    }

    public Geometry geometry() {
        return geometry;
    }

    public TablePool pool() {
        return pool;
    }

    public PhysicalAddress rootPa() {
        return new PhysicalAddress(rootPa);
    }

    /** Table pages in use (root included). */
    public int tablePages() {
        return pool.pageCount();
    }

    /** Entry {@code index} of the table page at physical address {@code pa}. */
    public long entry(PhysicalAddress pa, int index) {
        return pool.read(pa.value(), index);
    }

    /** Writes entry {@code index} of the table page at {@code pa} (for tests and crafted states). */
    public void setEntry(PhysicalAddress pa, int index, long descriptor) {
        pool.write(pa.value(), index, descriptor);
    }

    /** A copy of the descriptors of the table page at pa, or null if no table page is there. */
    public long[] tableCopy(PhysicalAddress pa) {
        return pool.tableCopy(pa.value());
    }

    /**
     * A copy of the state (phase snapshots, before/after diffs) that shares the table pages copy-on-write: cheap to
     * make, and neither side ever sees the other's writes.
     */
    public PageTables copy() {
        return new PageTables(geometry, pool.copy(), rootPa, vmAreas.copy(), new java.util.HashMap<>(placed),
                new java.util.HashMap<>(placedLevel));
    }

    /** Physical address of the table a table descriptor points to. */
    public PhysicalAddress nextTablePa(long tableDescriptor) {
        return new PhysicalAddress(tablePaOf(tableDescriptor));
    }

    /** {@link #nextTablePa} unboxed, for the walk's loop. */
    private long tablePaOf(long tableDescriptor) {
        return geometry.outputAddress(tableDescriptor) & -geometry.pageSize();
    }

    // ---- the one recursive walk ----

    /**
     * Walks the range over the TTBR1 regime, calling the visitor per entry above the last level and per run at the
     * last level; the visitor may write the entries it is shown (each table it enters is first made this state's
     * own, if a copy shared it). Only TTBR1 (kernel) addresses are walked.
     *
     * @return false if the visitor stopped the walk
     */
    public boolean walk(VaRange range, RangeVisitor visitor) {
        return walk(range, visitor, true);
    }

    /**
     * The same walk for a visitor that only reads: it must not write the arrays it is shown, and tables shared with
     * a copy stay shared.
     */
    public boolean read(VaRange range, RangeVisitor visitor) {
        return walk(range, visitor, false);
    }

    private boolean walk(VaRange range, RangeVisitor visitor, boolean writes) {
        if (!geometry.isKernelVa(range.start()) || range.isEmpty()) {
            return true;
        }
        return walkTable(geometry.startLevel(), rootPa, range.start(), range.end(), visitor, writes);
    }

    private boolean walkTable(int level, long tablePa, long addr, long end, RangeVisitor visitor, boolean writes) {
        int page = pool.pageOf(tablePa);
        if (page == TablePool.NONE) {
            return true; // a descriptor pointing at memory that holds no table page: nothing to walk
        }
        long[] table = writes ? pool.writable(page) : pool.readable(page);
        int index = pool.base(page) + geometry.index(level, addr);
        if (level == LAST_LEVEL) {
            long span = end - addr; // fits: at most one table's reach
            int to = index + (int) ((span + geometry.pageSize() - 1) >>> geometry.pageShift());
            return visitor.lastLevel(tablePa, table, index, to, addr);
        }
        long size = geometry.levelSize(level);
        long next;
        do {
            next = VaRange.boundaryAfter(addr, end, size);
            Step step = visitor.entry(level, tablePa, table, index, addr, next);
            if (step == Step.STOP) {
                return false;
            }
            long d = table[index];
            if (step == Step.CONTINUE && Descriptor.isTable(d, level)
                    && !walkTable(level + 1, tablePaOf(d), addr, next, visitor, writes)) {
                return false;
            }
            index++;
            addr = next;
        } while (addr != end);
        return true;
    }

    // ---- read side ----

    /** Visits every entry of every reachable table over the whole kernel VA range. */
    public void visit(EntryVisitor visitor) {
        visit(VaRange.toTop(geometry.kernelVaStart()), visitor);
    }

    /** Visits every entry covering the range, entries reported with their own first VA. */
    public void visit(VaRange range, EntryVisitor visitor) {
        read(range, new RangeVisitor() {
            @Override
            public Step entry(int level, long tablePa, long[] table, int index, long addr, long next) {
                visitor.entry(addr & -geometry.levelSize(level), level, table[index]);
                return Step.CONTINUE;
            }

            @Override
            public boolean lastLevel(long tablePa, long[] table, int from, int to, long addr) {
                visitor.lastLevel(table, from, to, addr & -geometry.pageSize(), geometry.pageSize());
                return true;
            }
        });
    }

    /** The entry that ends the lookup of va: a leaf (valid or not), or the first empty or invalid entry. */
    public Leaf lookup(VirtualAddress va) {
        Leaf[] found = new Leaf[1];
        read(VaRange.at(va.value()), new RangeVisitor() {
            @Override
            public Step entry(int level, long tablePa, long[] table, int index, long addr, long next) {
                long d = table[index];
                if (!Descriptor.isTable(d, level)) {
                    found[0] = leaf(level, d, addr, tablePa, index);
                    return Step.STOP;
                }
                return Step.CONTINUE;
            }

            @Override
            public boolean lastLevel(long tablePa, long[] table, int from, int to, long addr) {
                found[0] = leaf(LAST_LEVEL, table[from], addr, tablePa, from);
                return false;
            }
        });
        return found[0];
    }

    private Leaf leaf(int level, long descriptor, long addr, long tablePa, int index) {
        long size = geometry.levelSize(level);
        return new Leaf(level, descriptor, new VirtualAddress(addr & -size), size, new PhysicalAddress(tablePa),
                index % geometry.granule().entriesPerTable());
    }

    /** Physical addresses of the table pages reachable from the root, root first, in walk order. */
    public java.util.List<PhysicalAddress> reachableTablePages() {
        java.util.List<PhysicalAddress> out = new java.util.ArrayList<>();
        out.add(rootPa());
        read(VaRange.toTop(geometry.kernelVaStart()), new RangeVisitor() {
            @Override
            public Step entry(int level, long tablePa, long[] table, int index, long addr, long next) {
                if (Descriptor.isTable(table[index], level)) {
                    out.add(nextTablePa(table[index]));
                }
                return Step.CONTINUE;
            }

            @Override
            public boolean lastLevel(long tablePa, long[] table, int from, int to, long addr) {
                return true;
            }
        });
        return out;
    }
}
