package org.pagewright.arm64.desc;

/** MAIR indices of mainline memory.h (older kernels had MT_NORMAL_WT at 3, shifting the device types). */
public enum MemoryType {
    NORMAL(0, "MEM/NORMAL"),
    NORMAL_TAGGED(1, "MEM/NORMAL-TAGGED"),
    NORMAL_NC(2, "MEM/NORMAL-NC"),
    DEVICE_nGnRnE(3, "DEVICE/nGnRnE"),
    DEVICE_nGnRE(4, "DEVICE/nGnRE");

    private final int index;
    private final String ptdumpName;

    MemoryType(int index, String ptdumpName) {
        this.index = index;
        this.ptdumpName = ptdumpName;
    }

    /** AttrIndx value. */
    public int index() {
        return index;
    }

    /** The name arm64 ptdump prints for this AttrIndx. */
    public String ptdumpName() {
        return ptdumpName;
    }

    public boolean isNormalOrTagged() {
        return this == NORMAL || this == NORMAL_TAGGED;
    }

    /** The type of an AttrIndx value, or null for an index mainline does not define (5-7). */
    public static MemoryType ofIndex(int index) {
        for (MemoryType t : values()) {
            if (t.index == index) {
                return t;
            }
        }
        return null;
    }
}
