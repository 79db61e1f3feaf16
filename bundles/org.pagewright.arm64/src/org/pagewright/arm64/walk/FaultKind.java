package org.pagewright.arm64.walk;

/** Stage-1 fault kinds a kernel access can raise, with their FSC bases (fault.c fault_info[]). */
public enum FaultKind {
    /** 0x04 + level ("level n translation fault"); 0x2B for level -1 under LPA2. */
    TRANSLATION(0x04),
    /** 0x08 + level ("level n access flag fault"). */
    ACCESS_FLAG(0x08),
    /** 0x0C + level ("level n permission fault"). */
    PERMISSION(0x0C);

    private final int base;

    FaultKind(int base) {
        this.base = base;
    }

    /** The DFSC/IFSC value for a fault of this kind at this level. */
    public int fsc(int level) {
        if (level == -1) {
            // fault.c: 0x2B "level -1 translation fault"; level -1 holds only tables, so only that kind occurs
            return 0x2B;
        }
        return base + level;
    }
}
