package org.pagewright.arm64.capture;

/** A physical range [start, end) with the label or flags the source printed for it. */
public record PhysRange(long start, long end, String label) {

    public long size() {
        return end - start;
    }

    public boolean contains(long pa) {
        return Long.compareUnsigned(pa, start) >= 0 && Long.compareUnsigned(pa, end) < 0;
    }
}
