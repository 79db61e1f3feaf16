package org.pagewright.arm64.kernel;

import java.util.List;
import java.util.OptionalLong;

import org.pagewright.arm64.KernelRules;

/**
 * Whether one CPU has the capability that allows live block splits: cpufeature.c has_bbml2_noabort (6.18, a MIDR
 * allow-list; ID_AA64MMFR2.BBM deliberately ignored) and cpu_supports_bbml3 (7.3: ID_AA64MMFR2.BBM &gt;= 3, or the
 * widened supports_bbml3_list for CPUs that do not advertise it). Part numbers from cputype.h. MIDR: implementer
 * [31:24], variant [23:20], part [15:4], revision [3:0].
 */
public final class Bbml2AllowList {
    private Bbml2AllowList() {
    }

    /** One midr_range: a model, all versions or from variant/revision (minVariant, minRevision) on. */
    private record Entry(int implementer, int part, int minVariant, int minRevision, String name) {
        static Entry all(int implementer, int part, String name) {
            return new Entry(implementer, part, -1, 0, name);
        }

        boolean matches(long midr) {
            int impl = (int) ((midr >>> 24) & 0xff);
            int var = (int) ((midr >>> 20) & 0xf);
            int prt = (int) ((midr >>> 4) & 0xfff);
            int rev = (int) (midr & 0xf);
            if (impl != implementer || prt != part) {
                return false;
            }
            return minVariant < 0 || var > minVariant || (var == minVariant && rev >= minRevision);
        }
    }

    /** cpufeature.c (6.18) supports_bbml2_noabort_list; MIDR_REV_RANGE(…, 0, r, 0xf) = variant 0 from rev r. */
    private static final List<Entry> V6_18 = List.of(
            new Entry(0x41, 0xd82, 0, 3, "Cortex-X4 r0p3+"),
            new Entry(0x41, 0xd84, 0, 2, "Neoverse V3 r0p2+"),
            new Entry(0x41, 0xd83, 0, 2, "Neoverse V3AE r0p2+"),
            Entry.all(0xc0, 0xac3, "AmpereOne"),
            Entry.all(0xc0, 0xac4, "AmpereOne AC04"));

    /** cpufeature.c (7.3, f8d0751426dd "widen the list") supports_bbml3_list: 6.18's plus these. */
    private static final List<Entry> V7_3_ADDED = List.of(
            Entry.all(0x4e, 0x010, "NVIDIA Olympus"),
            Entry.all(0x41, 0xd88, "Cortex-A520AE"),
            Entry.all(0x41, 0xd4d, "Cortex-A715"),
            Entry.all(0x41, 0xd89, "Cortex-A720AE"),
            Entry.all(0x41, 0xd87, "Cortex-A725"),
            Entry.all(0x41, 0xd8e, "Neoverse N3"),
            Entry.all(0x41, 0xd8a, "C1-Nano"),
            Entry.all(0x41, 0xd8b, "C1-Pro"),
            new Entry(0x41, 0xd8c, 1, 1, "C1-Ultra r1p1+ (erratum 3683289)"),
            new Entry(0x41, 0xd90, 1, 1, "C1-Premium r1p1+ (erratum 3683289)"));

    /** True when this CPU is on the 6.18 BBML2-noabort allow-list. */
    public static boolean contains(long midr) {
        return V6_18.stream().anyMatch(e -> e.matches(midr));
    }

    /**
     * The capability as this kernel decides it for one CPU: none before the BBML2 series; the 6.18 list; in 7.3
     * ID_AA64MMFR2_EL1.BBM [55:52] &gt;= 3 (read raw) or the widened list.
     */
    public static boolean supports(KernelRules rules, long midr, OptionalLong mmfr2) {
        if (!rules.hasBlockSplitCapability()) {
            return false;
        }
        if (rules.blockSplitCapabilityFromIdRegister() && mmfr2.isPresent() && ((mmfr2.getAsLong() >>> 52) & 0xf) >= 3) {
            return true;
        }
        return contains(midr) || rules.blockSplitListWidened() && V7_3_ADDED.stream().anyMatch(e -> e.matches(midr));
    }
}
