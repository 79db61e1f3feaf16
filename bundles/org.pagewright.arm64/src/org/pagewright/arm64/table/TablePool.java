package org.pagewright.arm64.table;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.pagewright.arm64.Granule;

/**
 * Simulated physical memory for table pages: each table page is one {@code long[]} of descriptors with a real
 * physical address. Pages come from a window of physical memory, handed out bottom-up or top-down (memblock
 * allocates top-down, which is why real linear-map tables sit at the end of DRAM); a few pages may be pinned
 * at fixed addresses (swapper_pg_dir, the fixmap's bm_* tables). The budget is checked before any allocation.
 *
 * <p>Memory: one array header per page plus one slot reference; PA to page is arithmetic for window pages and a
 * small map for pinned ones.
 */
public final class TablePool {
    /** Returned by {@link #allocate()} when the budget is exhausted. */
    public static final long NO_PAGE = -1L;

    private final Granule granule;
    private final int entries;
    private final long windowStart;
    private final long windowEnd;
    private final boolean topDown;
    private final int budgetPages;

    private long[][] pages = new long[64][];
    private long[] pagePa = new long[64];
    private int count;
    private int windowAllocated;
    private final Map<Long, Integer> pinned = new HashMap<>();

    private TablePool(Granule granule, long windowStart, long windowEnd, boolean topDown, int budgetPages) {
        this.granule = granule;
        this.entries = granule.entriesPerTable();
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.topDown = topDown;
        this.budgetPages = budgetPages;
    }

    /**
     * A pool allocating from [windowStart, windowEnd) downwards, as memblock does, with at most budgetPages
     * table pages in all (window and pinned).
     */
    public static TablePool topDown(Granule granule, long windowStart, long windowEnd, int budgetPages) {
        return new TablePool(granule, align(windowStart, granule, true), align(windowEnd, granule, false), true,
                budgetPages);
    }

    /** A pool allocating from [windowStart, windowEnd) upwards. */
    public static TablePool bottomUp(Granule granule, long windowStart, long windowEnd, int budgetPages) {
        return new TablePool(granule, align(windowStart, granule, true), align(windowEnd, granule, false), false,
                budgetPages);
    }

    /**
     * A default pool: a 1 TiB window ending at 2^48 (well above any simulated DRAM unless placed there), and a
     * budget from the heap this JVM may still use (90% of it), so a runaway policy ends in -ENOMEM, not an OOM.
     */
    public static TablePool withDefaults(Granule granule) {
        return topDown(granule, (1L << 48) - (1L << 40), 1L << 48, heapBudgetPages(granule));
    }

    /** Table pages that fit in 90% of the heap not yet used, capped to the window size. */
    public static int heapBudgetPages(Granule granule) {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long perPage = granule.pageSize() + 32; // array header + slot reference, generously
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE - 16, free * 9 / 10 / perPage));
    }

    private static long align(long pa, Granule g, boolean up) {
        long mask = g.pageSize() - 1;
        return up ? (pa + mask) & ~mask : pa & ~mask;
    }

    public Granule granule() {
        return granule;
    }

    public int budgetPages() {
        return budgetPages;
    }

    /** Table pages allocated so far (the figure reported as "table pages"). */
    public int pageCount() {
        return count;
    }

    public int remainingPages() {
        return budgetPages - count;
    }

    /** Bytes of descriptors held: pageCount x PAGE_SIZE. */
    public long bytes() {
        return (long) count * granule.pageSize();
    }

    /** Allocates a zeroed table page and returns its physical address, or {@link #NO_PAGE} if over budget. */
    public long allocate() {
        long windowPages = (windowEnd - windowStart) >> granule.pageShift();
        if (count >= budgetPages || windowAllocated >= windowPages) {
            return NO_PAGE;
        }
        long pa = windowPa(windowAllocated);
        if (pinned.containsKey(pa)) {
            return NO_PAGE; // the window ran into a pinned page; a real allocator would skip it, ours stays simple
        }
        windowAllocated++;
        add(pa);
        return pa;
    }

    /** Allocates the table page at a fixed physical address (outside the window), or NO_PAGE if taken/over budget. */
    public long allocateAt(long pa) {
        if (count >= budgetPages || (pa & (granule.pageSize() - 1)) != 0 || contains(pa)) {
            return NO_PAGE;
        }
        if (Long.compareUnsigned(pa, windowStart) >= 0 && Long.compareUnsigned(pa, windowEnd) < 0) {
            return NO_PAGE;
        }
        pinned.put(pa, count);
        add(pa);
        return pa;
    }

    /** Whether a table page lives at this physical address. */
    public boolean contains(long pa) {
        return slotOf(pa) >= 0;
    }

    /** The descriptors of the table page at pa, or null if no table page is there. */
    public long[] table(long pa) {
        int slot = slotOf(pa);
        return slot < 0 ? null : pages[slot];
    }

    /** Physical addresses of all table pages in allocation order. */
    public long[] pagePhysicalAddresses() {
        return Arrays.copyOf(pagePa, count);
    }

    /** A deep copy (same addresses, copied descriptors). */
    public TablePool copy() {
        TablePool c = new TablePool(granule, windowStart, windowEnd, topDown, budgetPages);
        c.pages = new long[pages.length][];
        for (int i = 0; i < count; i++) {
            c.pages[i] = pages[i].clone();
        }
        c.pagePa = pagePa.clone();
        c.count = count;
        c.windowAllocated = windowAllocated;
        c.pinned.putAll(pinned);
        c.windowSlots = windowSlots.clone();
        return c;
    }

    private long windowPa(int n) {
        long offset = (long) n << granule.pageShift();
        return topDown ? windowEnd - granule.pageSize() - offset : windowStart + offset;
    }

    private int slotOf(long pa) {
        if ((pa & (granule.pageSize() - 1)) == 0
                && Long.compareUnsigned(pa, windowStart) >= 0 && Long.compareUnsigned(pa, windowEnd) < 0) {
            long n = topDown ? (windowEnd - granule.pageSize() - pa) >> granule.pageShift()
                    : (pa - windowStart) >> granule.pageShift();
            if (n < windowAllocated) {
                return windowSlot((int) n);
            }
            return -1;
        }
        Integer s = pinned.get(pa);
        return s == null ? -1 : s;
    }

    // Window pages and pinned pages share the slot arrays; window page n is the n-th window allocation, whose slot
    // is recorded in windowSlots.
    private int[] windowSlots = new int[64];

    private int windowSlot(int n) {
        return windowSlots[n];
    }

    private void add(long pa) {
        if (count == pages.length) {
            int n = pages.length * 2;
            pages = Arrays.copyOf(pages, n);
            pagePa = Arrays.copyOf(pagePa, n);
        }
        pages[count] = new long[entries];
        pagePa[count] = pa;
        if (!pinned.containsKey(pa)) {
            int n = windowAllocated - 1;
            if (n >= windowSlots.length) {
                windowSlots = Arrays.copyOf(windowSlots, Math.max(n + 1, windowSlots.length * 2));
            }
            windowSlots[n] = count;
        }
        count++;
    }
}
