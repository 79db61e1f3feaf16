package org.pagewright.arm64.ptdump;

import org.pagewright.arm64.table.EntryVisitor;

/** Something whose translation tables can be visited as {@link EntryVisitor} describes (a PageTables state). */
@FunctionalInterface
public interface TableEntrySource {
    void visitEntries(EntryVisitor visitor);
}
