package org.pagewright.arm64.op;

/** Something an operation did or met that a reviewer may need to see, beyond the descriptors it wrote. */
public sealed interface Event {

    /** A kernel WARN that the operation would print (WARN / WARN_ON / WARN_ON_ONCE). */
    record Warning(String text) implements Event {
    }

    /** A remark of the simulator itself (an assumption or a step it could not model), not a kernel message. */
    record Note(String text) implements Event {
    }

    /** A leaf split in place (pageattr.c split_pud / split_pmd / split_contpmd / split_contpte). */
    record Split(long va, int level, String how) implements Event {
    }

    /** p?d_set_huge refused an unsafe live change: the old entry stays; warned only from the series' patch 3. */
    record RefusedBlockUpdate(long va, int level, long oldDescriptor, long refusedDescriptor, boolean warned)
            implements Event {
    }

    /** Part of a contiguous group was changed without the rest: its entries now differ (no BBML2 split). */
    record MixedContGroup(long groupVa, int level) implements Event {
    }

    /** A non-leaf, non-table invalid block the walk passed over without changing it (6.18 p?d_sect). */
    record SkippedInvalidBlock(long va, int level, long descriptor) implements Event {
    }

    /** A whole block toggled in place (pageattr.c pageattr_p?d_entry). */
    record BlockChangedInPlace(long va, int level) implements Event {
    }
}
