package org.pagewright.arm64;

/**
 * A half-open range of virtual addresses [start, end). Addresses compare unsigned, and an end of 0 means 2^64, so
 * that a range can reach the top of the address space (as the kernel's p?d_addr_end and ptdump's {base, ~0UL}
 * walk do); this type is the one place that rule lives.
 */
public record VaRange(long start, long end) {
    /** The range [start, 2^64). */
    public static VaRange toTop(long start) {
        return new VaRange(start, 0);
    }

    /** [start, start + size); a sum that wraps to exactly 0 is the top of the address space. */
    public static VaRange of(long start, long size) {
        return new VaRange(start, start + size);
    }

    /** The one address va: [va, va + 1). */
    public static VaRange at(long va) {
        return new VaRange(va, va + 1);
    }

    /** The smallest run of whole size-aligned blocks (size a power of two) that covers this range; 2^64 stays 2^64. */
    public VaRange widenedTo(long size) {
        return new VaRange(start & -size, (end + size - 1) & -size);
    }

    /** Whether end 0 stands for 2^64 here (end wrapped to the top), rather than for an empty or inverted range. */
    public boolean reachesTop() {
        return end == 0;
    }

    /** Empty or inverted: no address is inside (a range ending at 2^64 is never empty unless it starts there). */
    public boolean isEmpty() {
        return end != 0 && Long.compareUnsigned(end, start) <= 0;
    }

    public boolean contains(long va) {
        return Long.compareUnsigned(va, start) >= 0 && (end == 0 || Long.compareUnsigned(va, end) < 0);
    }

    /** Whether [first, first + size) lies wholly inside (first + size may wrap to 0 = 2^64). */
    public boolean containsWhole(long first, long size) {
        long last = first + size;
        return Long.compareUnsigned(first, start) >= 0
                && (end == 0 || (last != 0 && Long.compareUnsigned(last, end) <= 0));
    }

    /** Whether some address lies in both ranges. */
    public boolean overlaps(VaRange other) {
        return !isEmpty() && !other.isEmpty() && lessThanEnd(other.start, end) && lessThanEnd(start, other.end);
    }

    /** p?d_addr_end: the next boundary of size (a power of two) after addr, or end if that comes first. */
    public long boundaryAfter(long addr, long size) {
        return boundaryAfter(addr, end, size);
    }

    /** {@link #boundaryAfter(long, long)} on primitives, for the walk's loop (end 0 = 2^64 as everywhere here). */
    public static long boundaryAfter(long addr, long end, long size) {
        long boundary = (addr + size) & -size;
        return Long.compareUnsigned(boundary - 1, end - 1) < 0 ? boundary : end; // 0 - 1: the top is never passed
    }

    private static boolean lessThanEnd(long va, long end) {
        return end == 0 || Long.compareUnsigned(va, end) < 0;
    }

    @Override
    public String toString() {
        return String.format("[0x%016x, %s)", start, end == 0 ? "2^64" : String.format("0x%016x", end));
    }
}
