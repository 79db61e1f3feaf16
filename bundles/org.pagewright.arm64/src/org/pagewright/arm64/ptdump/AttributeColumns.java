package org.pagewright.arm64.ptdump;

import java.util.List;

import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.desc.MemoryType;

/**
 * arm64 ptdump.c pte_bits[]: one column per entry, printed as " " + (set or clear). A column matches when
 * (prot &amp; mask) == val. The memory-type columns have no clear text, so only the matching one prints. The same
 * table serves 6.1, 6.12 and 7.3 (the captures confirm the MAIR indices of memory.h in all three). Under LPA2 the
 * SHD column still exists but bits 9:8 hold OA[51:50], so it prints blanks for PAs below 2^50.
 */
public final class AttributeColumns {
    /** One pte_bits[] entry. */
    public record Column(long mask, long val, String set, String clear) {
    }

    private static final List<Column> COLUMNS = build();
    private static final long MASK = COLUMNS.stream().mapToLong(Column::mask).reduce(0, (a, b) -> a | b);

    private AttributeColumns() {
    }

    private static List<Column> build() {
        long attr = Descriptor.ATTRINDX_MASK;
        return List.of(
                new Column(Descriptor.VALID, Descriptor.VALID, " ", "F"),
                new Column(Descriptor.USER, Descriptor.USER, "USR", "   "),
                new Column(Descriptor.RDONLY, Descriptor.RDONLY, "ro", "RW"),
                new Column(Descriptor.PXN, Descriptor.PXN, "NX", "x "),
                new Column(Descriptor.SHARED, Descriptor.SHARED, "SHD", "   "),
                new Column(Descriptor.AF, Descriptor.AF, "AF", "  "),
                new Column(Descriptor.NG, Descriptor.NG, "NG", "  "),
                new Column(Descriptor.CONT, Descriptor.CONT, "CON", "   "),
                new Column(Descriptor.TABLE_BIT, Descriptor.TABLE_BIT, "   ", "BLK"),
                new Column(Descriptor.UXN, Descriptor.UXN, "UXN", "   "),
                new Column(Descriptor.GP, Descriptor.GP, "GP", "  "),
                memoryType(attr, MemoryType.DEVICE_nGnRnE),
                memoryType(attr, MemoryType.DEVICE_nGnRE),
                memoryType(attr, MemoryType.NORMAL_NC),
                memoryType(attr, MemoryType.NORMAL),
                memoryType(attr, MemoryType.NORMAL_TAGGED));
    }

    private static Column memoryType(long mask, MemoryType type) {
        return new Column(mask, (long) type.index() << Descriptor.ATTRINDX_SHIFT, type.ptdumpName(), null);
    }

    public static List<Column> columns() {
        return COLUMNS;
    }

    /** pg_level[].mask: the union of all column masks (ptdump.c ptdump_initialize); prot = value &amp; mask. */
    public static long mask() {
        return MASK;
    }

    /** ptdump.c dump_prot. */
    public static void append(StringBuilder out, long prot) {
        for (Column c : COLUMNS) {
            String s = (prot & c.mask()) == c.val() ? c.set() : c.clear();
            if (s != null) {
                out.append(' ').append(s);
            }
        }
    }
}
