package org.pagewright.arm64;

/** Translation granule: the page size, which also fixes the size of every table (one page of 8-byte entries). */
public enum Granule {
    G4K(12), G16K(14), G64K(16);

    private final int pageShift;

    Granule(int pageShift) {
        this.pageShift = pageShift;
    }

    /** PAGE_SHIFT. */
    public int pageShift() {
        return pageShift;
    }

    /** PAGE_SIZE in bytes. */
    public long pageSize() {
        return 1L << pageShift;
    }

    /** Index bits resolved by one full table level: PAGE_SHIFT - 3 (pgtable-hwdef.h). */
    public int bitsPerLevel() {
        return pageShift - 3;
    }

    /** Descriptors in one full table page: PTRS_PER_PTE. */
    public int entriesPerTable() {
        return 1 << bitsPerLevel();
    }

    /** "4K", "16K", "64K". */
    public String label() {
        return (pageSize() >> 10) + "K";
    }

    /** Parses "4K"/"16K"/"64K" (case-insensitive, optional "B"); empty for anything else. */
    public static java.util.Optional<Granule> parse(String text) {
        String t = text.trim().toUpperCase(java.util.Locale.ROOT);
        if (t.endsWith("B")) {
            t = t.substring(0, t.length() - 1);
        }
        for (Granule g : values()) {
            if (g.label().equals(t)) {
                return java.util.Optional.of(g);
            }
        }
        return java.util.Optional.empty();
    }
}
