package org.pagewright.arm64.table;

/** What the recursive walk does after a visitor has seen an entry above the last level. */
public enum Step {
    /** Go on; descend if the entry (as it is now, after the visitor) is a table. */
    CONTINUE,
    /** Go on with the next entry without descending. */
    SKIP_CHILDREN,
    /** End the whole walk (the visitor keeps the reason). */
    STOP
}
