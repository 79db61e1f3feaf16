package org.pagewright.arm64.ptdump;

import org.pagewright.arm64.Geometry;

/** The ptdump level numbering and names for one geometry (mm/ptdump.c levels, arm64 ptdump.c pg_level[]). */
public final class PtdumpLevels {
    public static final int PGD = 0;
    public static final int P4D = 1;
    public static final int PUD = 2;
    public static final int PMD = 3;
    public static final int PTE = 4;

    private final Geometry geometry;

    public PtdumpLevels(Geometry geometry) {
        this.geometry = geometry;
    }

    /**
     * The ptdump level of an entry at an architectural level. The root is PGD (0): for folded configurations
     * pagewalk.c real_depth() reports holes there at depth 0 and ptdump.c folds leaf levels into 0; every other
     * level keeps its fixed number (level + 1).
     */
    public int of(int archLevel) {
        return archLevel == geometry.startLevel() ? PGD : archLevel + 1;
    }

    /** ptdump.c pg_level[].name: folded PUD/PMD print as "PGD" (CONFIG_PGTABLE_LEVELS > 3 / > 2). */
    public String name(int ptdumpLevel) {
        int levels = geometry.levels();
        return switch (ptdumpLevel) {
            case PGD -> "PGD";
            case P4D -> "P4D";
            case PUD -> levels > 3 ? "PUD" : "PGD";
            case PMD -> levels > 2 ? "PMD" : "PGD";
            case PTE -> "PTE";
            default -> throw new IllegalArgumentException("no ptdump level " + ptdumpLevel);
        };
    }
}
