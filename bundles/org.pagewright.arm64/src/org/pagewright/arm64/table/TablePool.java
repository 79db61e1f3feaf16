package org.pagewright.arm64.table;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import org.pagewright.arm64.Granule;

/**
 * Simulated physical memory for table pages: each table page is one page of {@code long} descriptors with a real
 * physical address. Pages come from a window of physical memory, handed out bottom-up or top-down (memblock
 * allocates top-down, which is why real linear-map tables sit at the end of DRAM); a few pages may be pinned
 * at fixed addresses (swapper_pg_dir, the fixmap's bm_* tables). The budget is checked before any allocation.
 *
 * <p>Memory: table pages are packed into {@code long[]} chunks that grow geometrically up to just under 4 MiB (large
 * enough for G1 to allocate them once as humongous objects and never copy them); the only per-page bookkeeping
 * is a chunk reference, an offset and the physical address. PA to page is arithmetic for window pages and a
 * small map for pinned ones.
 */
public final class TablePool {
    /** Returned by {@link #allocate()} when the budget is exhausted. */
    public static final long NO_PAGE = -1L;

    private static final int MIN_CHUNK_PAGES = 8;
    private static final long MAX_CHUNK_BYTES = 4L << 20;

    private final Granule granule;
    private final int entries;
    private final long windowStart;
    private final long windowEnd;
    private final boolean topDown;
    private final int budgetPages;

    private long[][] slotChunk = new long[64][];
    private int[] slotBase = new int[64];
    private long[] pagePa = new long[64];
    private int[] windowSlots = new int[64];
    private int count;
    private int windowAllocated;
    private long[] chunk;
    private int chunkUsed;
    private int chunkPages;
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
     * budget of 3/4 of the JVM's maximum heap, so a runaway policy ends in -ENOMEM rather than an OutOfMemoryError.
     * The budget does not depend on the heap in use at the moment (garbage not yet collected must not shrink it).
     */
    public static TablePool withDefaults(Granule granule) {
        return topDown(granule, (1L << 48) - (1L << 40), 1L << 48, heapBudgetPages(granule));
    }

    /** Table pages that fit in 3/4 of the maximum heap. */
    public static int heapBudgetPages(Granule granule) {
        long perPage = granule.pageSize() + 32; // descriptors + bookkeeping, generously
        long pages = Runtime.getRuntime().maxMemory() / 4 * 3 / perPage;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE - 16, pages));
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

    /**
     * Heap bytes this pool keeps, counted from its arrays (the chunks once each, the per-page index arrays and the
     * pinned map at a typical 64 bytes an entry): a measure that does not depend on when the collector last ran.
     */
    public long retainedBytes() {
        Map<long[], Boolean> chunks = new IdentityHashMap<>();
        for (int i = 0; i < count; i++) {
            chunks.put(slotChunk[i], Boolean.TRUE);
        }
        long bytes = 0;
        for (long[] c : chunks.keySet()) {
            bytes += 8L * c.length;
        }
        bytes += 8L * slotChunk.length + 4L * slotBase.length + 8L * pagePa.length + 4L * windowSlots.length;
        return bytes + 64L * pinned.size();
    }

    /** Allocates a zeroed table page and returns its physical address, or {@link #NO_PAGE} if over budget. */
    public long allocate() {
        long windowPages = (windowEnd - windowStart) >> granule.pageShift();
        if (count >= budgetPages || windowAllocated >= windowPages) {
            return NO_PAGE;
        }
        long pa = windowPa(windowAllocated);
        if (!pinned.isEmpty() && pinned.containsKey(pa)) {
            return NO_PAGE; // the window ran into a pinned page; a real allocator would skip it, ours stays simple
        }
        if (windowAllocated == windowSlots.length) {
            windowSlots = Arrays.copyOf(windowSlots, windowSlots.length * 2);
        }
        windowSlots[windowAllocated++] = count;
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

    /** Entry index of the table page at pa (throws IllegalArgumentException if no table page is there). */
    public long read(long pa, int index) {
        int slot = requireSlot(pa);
        return slotChunk[slot][slotBase[slot] + checkIndex(index)];
    }

    /** Writes entry index of the table page at pa. */
    public void write(long pa, int index, long descriptor) {
        int slot = requireSlot(pa);
        slotChunk[slot][slotBase[slot] + checkIndex(index)] = descriptor;
    }

    /** A copy of the descriptors of the table page at pa, or null if no table page is there. */
    public long[] tableCopy(long pa) {
        int slot = slotOf(pa);
        return slot < 0 ? null : Arrays.copyOfRange(slotChunk[slot], slotBase[slot], slotBase[slot] + entries);
    }

    /** Physical addresses of all table pages in allocation order. */
    public long[] pagePhysicalAddresses() {
        return Arrays.copyOf(pagePa, count);
    }

    /** A deep copy (same addresses, copied descriptors). */
    public TablePool copy() {
        TablePool c = new TablePool(granule, windowStart, windowEnd, topDown, budgetPages);
        Map<long[], long[]> clones = new IdentityHashMap<>();
        c.slotChunk = new long[slotChunk.length][];
        for (int i = 0; i < count; i++) {
            c.slotChunk[i] = clones.computeIfAbsent(slotChunk[i], long[]::clone);
        }
        c.slotBase = slotBase.clone();
        c.pagePa = pagePa.clone();
        c.windowSlots = windowSlots.clone();
        c.count = count;
        c.windowAllocated = windowAllocated;
        c.chunk = chunk == null ? null : clones.get(chunk);
        c.chunkUsed = chunkUsed;
        c.chunkPages = chunkPages;
        c.pinned.putAll(pinned);
        return c;
    }

    // ---- for the walk in this package: a table page is entries [base, base + entries) of a backing array ----

    int slotOf(long pa) {
        if ((pa & (granule.pageSize() - 1)) == 0
                && Long.compareUnsigned(pa, windowStart) >= 0 && Long.compareUnsigned(pa, windowEnd) < 0) {
            long n = topDown ? (windowEnd - granule.pageSize() - pa) >> granule.pageShift()
                    : (pa - windowStart) >> granule.pageShift();
            return n < windowAllocated ? windowSlots[(int) n] : -1;
        }
        Integer s = pinned.isEmpty() ? null : pinned.get(pa);
        return s == null ? -1 : s;
    }

    long[] backing(int slot) {
        return slotChunk[slot];
    }

    int base(int slot) {
        return slotBase[slot];
    }

    int entriesPerTable() {
        return entries;
    }

    private int requireSlot(long pa) {
        int slot = slotOf(pa);
        if (slot < 0) {
            throw new IllegalArgumentException(String.format("no table page at PA 0x%x", pa));
        }
        return slot;
    }

    private int checkIndex(int index) {
        if (index < 0 || index >= entries) {
            throw new IndexOutOfBoundsException("table index " + index + " of " + entries);
        }
        return index;
    }

    private long windowPa(int n) {
        long offset = (long) n << granule.pageShift();
        return topDown ? windowEnd - granule.pageSize() - offset : windowStart + offset;
    }

    private void add(long pa) {
        if (count == slotChunk.length) {
            int n = slotChunk.length * 2;
            slotChunk = Arrays.copyOf(slotChunk, n);
            slotBase = Arrays.copyOf(slotBase, n);
            pagePa = Arrays.copyOf(pagePa, n);
        }
        if (chunk == null || chunkUsed == chunkPages) {
            // grow geometrically (waste stays below half of a small pool) up to one page under 4 MiB, so that with
            // the array header a chunk still fits whole G1 regions of up to 4 MiB; never past the budget
            int cap = (int) Math.max(1, MAX_CHUNK_BYTES / granule.pageSize() - 1);
            int grow = Integer.highestOneBit(Math.max(MIN_CHUNK_PAGES, count)) - 1; // 2^k - 1 pages: header fits
            chunkPages = Math.max(1, Math.min(Math.min(cap, grow), budgetPages - count));
            chunk = new long[chunkPages * entries];
            chunkUsed = 0;
        }
        slotChunk[count] = chunk;
        slotBase[count] = chunkUsed++ * entries;
        pagePa[count] = pa;
        count++;
    }
}
