package org.pagewright.arm64.ptdump;

/**
 * Receives every entry of every table reached from the root, pre-order and in VA order: table entries, leaves and
 * empty entries alike. {@code level} is the architectural level (-1..3, 3 = PTE).
 */
@FunctionalInterface
public interface TableEntryVisitor {
    void entry(long va, int level, long raw);
}
