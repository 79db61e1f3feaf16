package org.pagewright.arm64.table;

import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.VirtualAddress;

/**
 * The entry that ends a lookup of one VA: a leaf (block/page, valid or not) or the first empty/invalid entry.
 *
 * @param level level of the entry
 * @param descriptor raw value (0 if empty)
 * @param va first VA covered by the entry
 * @param size bytes the entry covers
 * @param tablePa physical address of the table holding the entry
 * @param index index of the entry in that table
 */
public record Leaf(int level, long descriptor, VirtualAddress va, long size, PhysicalAddress tablePa, int index) {
}
