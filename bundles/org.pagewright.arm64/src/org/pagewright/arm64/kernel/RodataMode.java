package org.pagewright.arm64.kernel;

/** The two booleans rodata= sets: rodata_enabled and rodata_full. */
public enum RodataMode {
    /** rodata_enabled = rodata_full = false. */
    OFF(false, false),
    /** rodata_enabled, not rodata_full: the linear map may use blocks; aliases of vmalloc RO pages stay RW. */
    NOT_FULL(true, false),
    /** rodata_enabled and rodata_full. */
    FULL(true, true);

    private final boolean enabled;
    private final boolean full;

    RodataMode(boolean enabled, boolean full) {
        this.enabled = enabled;
        this.full = full;
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean full() {
        return full;
    }
}
