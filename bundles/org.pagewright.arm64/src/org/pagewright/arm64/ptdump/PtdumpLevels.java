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
    private final int configLevels;

    /** For a kernel whose run-time regime has as many levels as its build (CONFIG_PGTABLE_LEVELS). */
    public PtdumpLevels(Geometry geometry) {
        this(geometry, geometry.levels());
    }

    /**
     * For a build with {@code configLevels} (CONFIG_PGTABLE_LEVELS) walking {@code geometry} at run time, e.g. a
     * 5-level LPA2 build on a CPU without LPA2 walking 4 levels.
     */
    public PtdumpLevels(Geometry geometry, int configLevels) {
        this.geometry = geometry;
        this.configLevels = configLevels;
    }

    /** The levels ptdump uses for this layout: run-time regime, compile-time names and folding. */
    public static PtdumpLevels of(org.pagewright.arm64.layout.KernelVaLayout layout) {
        return new PtdumpLevels(layout.geometry(), layout.configLevels());
    }

    /**
     * The ptdump level of an entry at an architectural level. The compile-time root is PGD (0): for folded
     * configurations pagewalk.c real_depth() reports holes there at depth 0 and ptdump.c folds leaf levels into 0;
     * every other level keeps its fixed number (level + 1). A 5-level build walking 4 levels at run time has
     * pgd_none() false (pgtable.h: pgtable_l5_enabled()) and PTRS_PER_P4D = 512, so the real root (level 0) is
     * walked as the P4D level (depth 1).
     */
    public int of(int archLevel) {
        int level = archLevel == 4 - configLevels ? PGD : archLevel + 1;
        // ptdump.c note_page: "check if the current level has been folded dynamically" (st->mm is init_mm):
        // level 1 with mm_p4d_folded, level 2 with mm_pud_folded count as level 0
        int runtimeFolded = configLevels - geometry.levels();
        if (runtimeFolded > 0 && (level == P4D && configLevels == 5 || level == PUD && configLevels == 4)) {
            return PGD;
        }
        return level;
    }

    /** ptdump.c pg_level[].name: folded PUD/PMD print as "PGD" (CONFIG_PGTABLE_LEVELS > 3 / > 2). */
    public String name(int ptdumpLevel) {
        int levels = configLevels;
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
