package org.pagewright.arm64.table;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.pagewright.arm64.Granule;

/**
 * Simulated physical memory for table pages: each table page is one page of {@code long} descriptors with a real
 * physical address. Pages come from a window of physical memory, handed out bottom-up or top-down (memblock
 * allocates top-down, which is why real linear-map tables sit at the end of DRAM); a few pages may be pinned
 * at fixed addresses (swapper_pg_dir, the fixmap's bm_* tables). The budget is checked before any allocation.
 *
 * <p>Memory: window pages are packed into {@code long[]} chunks that grow geometrically up to just under 4 MiB
 * (large enough for G1 to allocate them once as humongous objects and never copy them); there is no per-page
 * bookkeeping: PA to page is arithmetic for window pages (then a binary search for the chunk) and a small map for
 * pinned ones. Chunks are shared copy-on-write with {@link #copy() copies}, so a phase snapshot of a large state
 * costs only the chunks written after it.
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

    /** Window page n (the n-th handed out) is entries [(n - chunkFirst[k]) x entries, ...) of chunk k. */
    private SharedChunks chunks = new SharedChunks();
    private int[] chunkFirst = new int[8];
    private int windowAllocated;
    /** Pinned pages, one array each, by physical address. */
    private SharedChunks pinnedPages = new SharedChunks();
    private Map<Long, Integer> pinned = new HashMap<>();

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
        return windowAllocated + pinned.size();
    }

    public int remainingPages() {
        return budgetPages - pageCount();
    }

    /** Bytes of descriptors held: pageCount x PAGE_SIZE. */
    public long bytes() {
        return (long) pageCount() * granule.pageSize();
    }

    /** Heap bytes this pool keeps: {@link #retainedBytes(Collection)} of this pool alone. */
    public long retainedBytes() {
        return retainedBytes(List.of(this));
    }

    /**
     * Heap bytes these pools keep together, counted from their arrays: a chunk shared by several of them counts
     * once; each pool adds its bookkeeping (chunk lists, the pinned map at a typical 64 bytes an entry). A measure
     * that does not depend on when the collector last ran.
     */
    public static long retainedBytes(Collection<TablePool> pools) {
        Map<long[], Boolean> seenChunks = new IdentityHashMap<>();
        Map<TablePool, Boolean> seenPools = new IdentityHashMap<>();
        long bytes = 0;
        for (TablePool p : pools) {
            if (seenPools.put(p, Boolean.TRUE) == null) {
                bytes += p.chunks.retainedBytes(seenChunks) + p.pinnedPages.retainedBytes(seenChunks)
                        + 4L * p.chunkFirst.length + 64L * p.pinned.size();
            }
        }
        return bytes;
    }

    /** Allocates a zeroed table page and returns its physical address, or {@link #NO_PAGE} if over budget. */
    public long allocate() {
        long windowPages = (windowEnd - windowStart) >> granule.pageShift();
        if (pageCount() >= budgetPages || windowAllocated >= windowPages) {
            return NO_PAGE;
        }
        if (windowAllocated == windowCapacity()) {
            addChunk();
        }
        // a copy may share the chunk, but the new page's entries are zero on both sides until one writes (and clones)
        return windowPa(windowAllocated++);
    }

    /** Allocates the table page at a fixed physical address (outside the window), or NO_PAGE if taken/over budget. */
    public long allocateAt(long pa) {
        if (pageCount() >= budgetPages || (pa & (granule.pageSize() - 1)) != 0 || contains(pa)) {
            return NO_PAGE;
        }
        if (Long.compareUnsigned(pa, windowStart) >= 0 && Long.compareUnsigned(pa, windowEnd) < 0) {
            return NO_PAGE;
        }
        pinned.put(pa, pinnedPages.add(new long[entries]));
        return pa;
    }

    /** Whether a table page lives at this physical address. */
    public boolean contains(long pa) {
        return pageOf(pa) != NONE;
    }

    /** Entry index of the table page at pa (throws IllegalArgumentException if no table page is there). */
    public long read(long pa, int index) {
        int page = requirePage(pa);
        return readable(page)[base(page) + checkIndex(index)];
    }

    /** Writes entry index of the table page at pa. */
    public void write(long pa, int index, long descriptor) {
        int page = requirePage(pa);
        writable(page)[base(page) + checkIndex(index)] = descriptor;
    }

    /** A copy of the descriptors of the table page at pa, or null if no table page is there. */
    public long[] tableCopy(long pa) {
        int page = pageOf(pa);
        return page == NONE ? null : Arrays.copyOfRange(readable(page), base(page), base(page) + entries);
    }

    /**
     * A copy with the same addresses and descriptors, made in time and space proportional to the number of chunks:
     * the chunks are shared, and each side clones a chunk before it first writes to it, so neither the original
     * nor the copy ever sees the other's writes.
     */
    public TablePool copy() {
        TablePool c = new TablePool(granule, windowStart, windowEnd, topDown, budgetPages);
        c.chunks = chunks.copy();
        c.chunkFirst = chunkFirst.clone();
        c.windowAllocated = windowAllocated;
        c.pinnedPages = pinnedPages.copy();
        c.pinned = new HashMap<>(pinned);
        return c;
    }

    // ---- for the walk in this package: a table page is entries [base, base + entries) of a backing array ----

    /** No table page: what {@link #pageOf} returns for an address that holds none. */
    static final int NONE = -1;

    /** The table page at pa: its window position n (>= 0), pinned page i as -2 - i, or {@link #NONE}. */
    int pageOf(long pa) {
        if ((pa & (granule.pageSize() - 1)) == 0
                && Long.compareUnsigned(pa, windowStart) >= 0 && Long.compareUnsigned(pa, windowEnd) < 0) {
            long n = topDown ? (windowEnd - granule.pageSize() - pa) >> granule.pageShift()
                    : (pa - windowStart) >> granule.pageShift();
            return n < windowAllocated ? (int) n : NONE;
        }
        Integer i = pinned.isEmpty() ? null : pinned.get(pa);
        return i == null ? NONE : -2 - i;
    }

    /** The array holding page (from {@link #pageOf}), for reading only: a copy may share it. */
    long[] readable(int page) {
        return page >= 0 ? chunks.readable(chunkOf(page)) : pinnedPages.readable(-2 - page);
    }

    /** The array holding page, this pool's own (cloned first if a copy shared it). */
    long[] writable(int page) {
        return page >= 0 ? chunks.writable(chunkOf(page)) : pinnedPages.writable(-2 - page);
    }

    /** Where page's entries start in its array. */
    int base(int page) {
        return page >= 0 ? (page - chunkFirst[chunkOf(page)]) * entries : 0;
    }

    int entriesPerTable() {
        return entries;
    }

    private int chunkOf(int n) {
        int k = Arrays.binarySearch(chunkFirst, 0, chunks.count(), n);
        return k >= 0 ? k : -k - 2; // the last chunk starting at or before n
    }

    private int windowCapacity() {
        int last = chunks.count() - 1;
        return last < 0 ? 0 : chunkFirst[last] + chunks.readable(last).length / entries;
    }

    private void addChunk() {
        // grow geometrically (waste stays below half of a small pool) up to one page under 4 MiB, so that with
        // the array header a chunk still fits whole G1 regions of up to 4 MiB; never past the budget
        int count = pageCount();
        int cap = (int) Math.max(1, MAX_CHUNK_BYTES / granule.pageSize() - 1);
        int grow = Integer.highestOneBit(Math.max(MIN_CHUNK_PAGES, count)) - 1; // 2^k - 1 pages: header fits
        int pages = Math.max(1, Math.min(Math.min(cap, grow), budgetPages - count));
        int k = chunks.count();
        if (k == chunkFirst.length) {
            chunkFirst = Arrays.copyOf(chunkFirst, k * 2);
        }
        chunkFirst[k] = windowAllocated;
        chunks.add(new long[pages * entries]);
    }

    private int requirePage(long pa) {
        int page = pageOf(pa);
        if (page == NONE) {
            throw new IllegalArgumentException(String.format("no table page at PA 0x%x", pa));
        }
        return page;
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
}
