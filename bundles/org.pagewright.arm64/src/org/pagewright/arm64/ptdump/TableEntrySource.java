package org.pagewright.arm64.ptdump;

/** Something whose translation tables can be visited as {@link TableEntryVisitor} describes (a PageTables state). */
@FunctionalInterface
public interface TableEntrySource {
    void visitEntries(TableEntryVisitor visitor);
}
