package org.pagewright.arm64.query;

import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.ptdump.AttributeColumns;

/**
 * One run of leaves mapping physical memory at [paStart, paStart + (vaEnd - vaStart)) through [vaStart, vaEnd):
 * same level, same attributes, same table attributes on the path, VA and PA advancing together.
 *
 * @param descriptor    the first leaf's raw descriptor (its attributes hold for the whole run)
 * @param pathTableBits PXNTable / UXNTable / APTable bits of the table entries above the leaves, OR-ed
 * @param region        the kernel VA region holding it ("linear map", "vmalloc/kernel image", …)
 * @param levelName     the level as ptdump names it
 */
public record Alias(long vaStart, long vaEnd, long paStart, int level, long descriptor, long pathTableBits,
        String region, String levelName) {

    public long size() {
        return vaEnd - vaStart;
    }

    /** Hardware translates it: valid leaf (a present-invalid leaf faults). */
    public boolean readable() {
        return Descriptor.isValid(descriptor);
    }

    /** EL1 may write: valid, AP[2] (RDONLY) clear and no APTable[1] above. */
    public boolean writable() {
        return readable() && (descriptor & Descriptor.RDONLY) == 0 && (pathTableBits & Descriptor.TABLE_AP_RDONLY) == 0;
    }

    /** EL1 may execute: valid, PXN clear and no PXNTable above (hierarchical, ARM ARM). */
    public boolean executable() {
        return readable() && (descriptor & Descriptor.PXN) == 0 && (pathTableBits & Descriptor.TABLE_PXN) == 0;
    }

    /** The attribute columns ptdump would print for it, e.g. "RW NX SHD AF            UXN    MEM/NORMAL-TAGGED". */
    public String ptdumpAttributes() {
        StringBuilder b = new StringBuilder();
        AttributeColumns.append(b, descriptor & AttributeColumns.mask());
        return b.substring(1).stripLeading();
    }

    @Override
    public String toString() {
        return String.format("0x%016x-0x%016x -> PA 0x%x %s %s [%s]%s", vaStart, vaEnd, paStart, levelName,
                ptdumpAttributes(), region, (pathTableBits & Descriptor.TABLE_PXN) != 0 ? " PXNTable" : "");
    }
}
