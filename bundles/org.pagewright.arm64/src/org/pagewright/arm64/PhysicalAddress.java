package org.pagewright.arm64;

/**
 * A physical (output) address, as aarch64-paging's PhysicalAddress: one 64-bit value that orders unsigned. It knows
 * nothing of virtual addresses: turning one into the other needs a mapping (the linear map's PHYS_OFFSET, a walk),
 * never a cast. The walk's loops keep raw longs; this type is for what the engine's APIs take and return.
 */
public record PhysicalAddress(long value) implements Comparable<PhysicalAddress> {

    @Override
    public int compareTo(PhysicalAddress other) {
        return Long.compareUnsigned(value, other.value);
    }

    public boolean isBelow(PhysicalAddress other) {
        return compareTo(other) < 0;
    }

    /** This address moved by offset bytes. */
    public PhysicalAddress plus(long offset) {
        return new PhysicalAddress(value + offset);
    }

    /** The distance in bytes from other up to this address. */
    public long minus(PhysicalAddress other) {
        return value - other.value;
    }

    /** Whether the address is a multiple of size (a power of two). */
    public boolean isAlignedTo(long size) {
        return (value & (size - 1)) == 0;
    }

    /** The address rounded down to a multiple of size (a power of two). */
    public PhysicalAddress alignDown(long size) {
        return new PhysicalAddress(value & -size);
    }

    @Override
    public String toString() {
        return String.format("0x%016x", value);
    }
}
