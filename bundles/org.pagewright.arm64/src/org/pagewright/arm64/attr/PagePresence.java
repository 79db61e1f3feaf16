package org.pagewright.arm64.attr;

/** What pageattr.c kernel_page_present() answers for a linear-map page (hibernation's saveable_page asks it). */
public enum PagePresence {
    /** Returns true. */
    PRESENT,
    /** Returns false. */
    NOT_PRESENT,
    /**
     * Before 7.0.1 an invalid block is neither none nor p?d_sect, so the walk reads the block's output address as
     * if it were a table: the answer depends on whatever data lies there.
     */
    MISREAD
}
