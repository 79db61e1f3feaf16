package org.pagewright.arm64.op;

/**
 * The change a set_memory_ro/rw/x/nx call makes (pageattr.c): set/clear masks. X and NX also set/clear
 * PTE_MAYBE_GP, which depends on the CPU (BTI) and is added by PageAttr.
 */
public enum Permission {
    /** set_memory_ro: set PTE_RDONLY, clear PTE_WRITE. */
    RO(org.pagewright.arm64.desc.Descriptor.RDONLY, org.pagewright.arm64.desc.Descriptor.WRITE),
    /** set_memory_rw: set PTE_WRITE, clear PTE_RDONLY. */
    RW(org.pagewright.arm64.desc.Descriptor.WRITE, org.pagewright.arm64.desc.Descriptor.RDONLY),
    /** set_memory_x: clear PTE_PXN. */
    X(0, org.pagewright.arm64.desc.Descriptor.PXN),
    /** set_memory_nx: set PTE_PXN. */
    NX(org.pagewright.arm64.desc.Descriptor.PXN, 0);

    private final long setMask;
    private final long clearMask;

    Permission(long setMask, long clearMask) {
        this.setMask = setMask;
        this.clearMask = clearMask;
    }

    public long setMask() {
        return setMask;
    }

    public long clearMask() {
        return clearMask;
    }

    /** Whether the change touches PTE_RDONLY (then rodata_full mirrors it to the linear alias). */
    public boolean changesRdonly() {
        return ((setMask | clearMask) & org.pagewright.arm64.desc.Descriptor.RDONLY) != 0;
    }
}
