package org.pagewright.arm64.desc;

/**
 * VMSAv8-64 stage-1 descriptor bits with their Linux names (pgtable-hwdef.h, pgtable-prot.h) and the predicates
 * Linux applies to raw values. Descriptors stay plain {@code long}s so tables can be {@code long[]}.
 */
public final class Descriptor {
    private Descriptor() {
    }

    public static final long VALID = 1L;                 // PTE_VALID
    public static final long TABLE_BIT = 1L << 1;        // PTE_TABLE_BIT: table (L0-2) or page (L3); 0 = block
    public static final long TYPE_MASK = 3L;
    public static final long TYPE_TABLE = 3L;            // PMD_TYPE_TABLE
    public static final long TYPE_SECT = 1L;             // PMD_TYPE_SECT (block)
    public static final long TYPE_PAGE = 3L;             // PTE_TYPE_PAGE
    public static final int ATTRINDX_SHIFT = 2;
    public static final long ATTRINDX_MASK = 7L << ATTRINDX_SHIFT; // PTE_ATTRINDX_MASK
    public static final long USER = 1L << 6;             // PTE_USER, AP[1]
    public static final long RDONLY = 1L << 7;           // PTE_RDONLY, AP[2]
    public static final long SHARED = 3L << 8;           // PTE_SHARED (inner shareable); OA[51:50] under LPA2
    public static final long AF = 1L << 10;              // PTE_AF
    public static final long NG = 1L << 11;              // PTE_NG
    public static final long PRESENT_INVALID = NG;       // PTE_PRESENT_INVALID: software meaning when VALID=0
    public static final long GP = 1L << 50;              // PTE_GP (BTI guarded)
    public static final long DBM = 1L << 51;             // PTE_DBM
    public static final long WRITE = DBM;                // PTE_WRITE: Linux's software writable bit is DBM
    public static final long CONT = 1L << 52;            // PTE_CONT / PMD_SECT_CONT
    public static final long PXN = 1L << 53;             // PTE_PXN
    public static final long UXN = 1L << 54;             // PTE_UXN
    public static final long DIRTY = 1L << 55;           // PTE_DIRTY (software)
    public static final long SPECIAL = 1L << 56;         // PTE_SPECIAL (software)
    public static final long SW_BITS = (0xFL << 55) | (1L << 63); // PTE_SWBITS_MASK: GENMASK(58,55) | BIT(63)

    // Table descriptor attributes (L0-L2 table entries only).
    public static final long TABLE_AF = 1L << 10;        // P?D_TABLE_AF (ignored without FEAT_HAFT)
    public static final long TABLE_PXN = 1L << 59;       // PXNTable
    public static final long TABLE_UXN = 1L << 60;       // UXNTable
    public static final long TABLE_AP_NO_EL0 = 1L << 61; // APTable[0]: no EL0 access below
    public static final long TABLE_AP_RDONLY = 1L << 62; // APTable[1]: read-only below
    /** The hierarchical attributes a table entry passes down to everything below it (PXN/UXN/APTable). */
    public static final long TABLE_ATTRS = TABLE_PXN | TABLE_UXN | TABLE_AP_NO_EL0 | TABLE_AP_RDONLY;

    public static boolean isValid(long d) {
        return (d & VALID) != 0;
    }

    public static boolean isNone(long d) {
        return d == 0;
    }

    /** p?d_table: type 0b11 at a level above the last (a page at level 3 is not a table). */
    public static boolean isTable(long d, int level) {
        return level < 3 && (d & TYPE_MASK) == TYPE_TABLE;
    }

    /** p?d_sect: a valid block (type 0b01). False once bit 0 is cleared. */
    public static boolean isSect(long d, int level) {
        return level < 3 && (d & TYPE_MASK) == TYPE_SECT;
    }

    /** pte_present / p?d_present: valid, or present-invalid (VALID=0, nG=1) in the 7.0.1+ encoding. */
    public static boolean isPresent(long d) {
        return isValid(d) || (d & PRESENT_INVALID) != 0;
    }

    /** Present and not a table: a block, a page, or a present-invalid leaf (p?d_leaf from 7.0.1). */
    public static boolean isPresentLeaf(long d, int level) {
        return isPresent(d) && !isTable(d, level);
    }

    /** What hardware treats as a mapping: a valid block (levels above 3) or a valid page (level 3). */
    public static boolean isValidLeaf(long d, int level) {
        return level == 3 ? (d & TYPE_MASK) == TYPE_PAGE : (d & TYPE_MASK) == TYPE_SECT;
    }

    public static int attrIndex(long d) {
        return (int) ((d & ATTRINDX_MASK) >>> ATTRINDX_SHIFT);
    }

    public static long withAttrIndex(long d, int index) {
        return (d & ~ATTRINDX_MASK) | ((long) index << ATTRINDX_SHIFT);
    }

    /** EL1 writable as Linux sees it: RDONLY clear. */
    public static boolean isWritableAtEl1(long d) {
        return (d & RDONLY) == 0;
    }

    public static boolean has(long d, long bits) {
        return (d & bits) == bits;
    }

    /** Short human form of the attribute bits, e.g. "V PAGE RW AF PXN UXN idx=1". */
    public static String describe(long d, int level) {
        StringBuilder b = new StringBuilder();
        b.append(isValid(d) ? "V" : (d == 0 ? "none" : "INVALID"));
        if (d == 0) {
            return b.toString();
        }
        if (isTable(d, level)) {
            b.append(" TABLE");
            if ((d & TABLE_PXN) != 0) b.append(" PXNTable");
            if ((d & TABLE_UXN) != 0) b.append(" UXNTable");
            if ((d & TABLE_AP_NO_EL0) != 0) b.append(" APTable0");
            if ((d & TABLE_AP_RDONLY) != 0) b.append(" APTable1");
            return b.toString();
        }
        b.append(level == 3 ? " PAGE" : " BLOCK");
        b.append((d & RDONLY) != 0 ? " RO" : " RW");
        if ((d & USER) != 0) b.append(" USER");
        if ((d & AF) != 0) b.append(" AF");
        if ((d & NG) != 0) b.append(" nG");
        if ((d & DBM) != 0) b.append(" DBM");
        if ((d & CONT) != 0) b.append(" CONT");
        if ((d & PXN) != 0) b.append(" PXN");
        if ((d & UXN) != 0) b.append(" UXN");
        if ((d & GP) != 0) b.append(" GP");
        b.append(" idx=").append(attrIndex(d));
        return b.toString();
    }
}
