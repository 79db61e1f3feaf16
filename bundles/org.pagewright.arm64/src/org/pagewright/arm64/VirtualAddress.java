package org.pagewright.arm64;

/**
 * A virtual address, as aarch64-paging's VirtualAddress: one 64-bit value that orders unsigned, so that kernel
 * (TTBR1) addresses, "negative" as Java longs, come after the user half. A VA and a {@link PhysicalAddress} are
 * different types on purpose: passing one for the other does not compile. The walk's loops keep raw longs; this
 * type is for what the engine's APIs take and return.
 */
public record VirtualAddress(long value) implements Comparable<VirtualAddress> {

    @Override
    public int compareTo(VirtualAddress other) {
        return Long.compareUnsigned(value, other.value);
    }

    public boolean isBelow(VirtualAddress other) {
        return compareTo(other) < 0;
    }

    /** This address moved by offset bytes (wrapping at 2^64 as the kernel's unsigned long does). */
    public VirtualAddress plus(long offset) {
        return new VirtualAddress(value + offset);
    }

    /** The distance in bytes from other up to this address. */
    public long minus(VirtualAddress other) {
        return value - other.value;
    }

    /** Whether the address is a multiple of size (a power of two). */
    public boolean isAlignedTo(long size) {
        return (value & (size - 1)) == 0;
    }

    /** The address rounded down to a multiple of size (a power of two). */
    public VirtualAddress alignDown(long size) {
        return new VirtualAddress(value & -size);
    }

    @Override
    public String toString() {
        return String.format("0x%016x", value);
    }
}
