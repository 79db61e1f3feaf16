package org.pagewright.arm64.kernel;

/**
 * cpufeature.c has_bbml2_noabort: a MIDR allow-list (ID_AA64MMFR2.BBM is deliberately ignored). Part numbers from
 * cputype.h. MIDR: implementer [31:24], variant [23:20], part [15:4], revision [3:0].
 */
public final class Bbml2AllowList {
    private Bbml2AllowList() {
    }

    private record Entry(int implementer, int part, int variant, int minRevision) {
        boolean matches(long midr) {
            int impl = (int) ((midr >>> 24) & 0xff);
            int var = (int) ((midr >>> 20) & 0xf);
            int prt = (int) ((midr >>> 4) & 0xfff);
            int rev = (int) (midr & 0xf);
            return impl == implementer && prt == part && (variant < 0 || (var == variant && rev >= minRevision));
        }
    }

    private static final Entry[] ENTRIES = {
        new Entry(0x41, 0xd82, 0, 3),   // Cortex-X4 r0p3+
        new Entry(0x41, 0xd84, 0, 2),   // Neoverse V3 r0p2+
        new Entry(0x41, 0xd83, 0, 2),   // Neoverse V3AE r0p2+
        new Entry(0xc0, 0xac3, -1, 0),  // AmpereOne, all versions
        new Entry(0xc0, 0xac4, -1, 0),  // AmpereOne AC04, all versions
    };

    /** True when this CPU is trusted never to raise TLB conflict aborts on BBML2 size changes. */
    public static boolean contains(long midr) {
        for (Entry e : ENTRIES) {
            if (e.matches(midr)) {
                return true;
            }
        }
        return false;
    }
}
