package org.pagewright.arm64.kernel;

import java.util.List;
import java.util.OptionalLong;

import org.pagewright.arm64.CpuModel;
import org.pagewright.arm64.KernelRules;

/**
 * Whether one CPU has the capability that allows live block splits: cpufeature.c has_bbml2_noabort (6.18, a MIDR
 * allow-list; ID_AA64MMFR2.BBM deliberately ignored) and cpu_supports_bbml3 (7.3: ID_AA64MMFR2.BBM &gt;= 3, or the
 * widened supports_bbml3_list for CPUs that do not advertise it). Models from {@link CpuModel}. MIDR: implementer
 * [31:24], variant [23:20], part [15:4], revision [3:0].
 */
public final class Bbml2AllowList {
    private Bbml2AllowList() {
    }

    /** One midr_range: a model, all versions or from variant/revision (minVariant, minRevision) on. */
    private record Entry(CpuModel model, int minVariant, int minRevision) {
        static Entry all(CpuModel model) {
            return new Entry(model, -1, 0);
        }

        boolean matches(long midr) {
            int var = (int) ((midr >>> 20) & 0xf);
            int rev = (int) (midr & 0xf);
            if (!model.matches(midr)) {
                return false;
            }
            return minVariant < 0 || var > minVariant || (var == minVariant && rev >= minRevision);
        }
    }

    /** cpufeature.c (6.18) supports_bbml2_noabort_list; MIDR_REV_RANGE(…, 0, r, 0xf) = variant 0 from rev r. */
    private static final List<Entry> V6_18 = List.of(
            new Entry(CpuModel.CORTEX_X4, 0, 3),
            new Entry(CpuModel.NEOVERSE_V3, 0, 2),
            new Entry(CpuModel.NEOVERSE_V3AE, 0, 2),
            Entry.all(CpuModel.AMPERE1),
            Entry.all(CpuModel.AMPERE1A));

    /** cpufeature.c (7.3, f8d0751426dd "widen the list") supports_bbml3_list: 6.18's plus these; C1-Ultra and
     *  C1-Premium from r1p1 (MIDR_RANGE(…, 1, 1, 0xf, 0xf): erratum 3683289). */
    private static final List<Entry> V7_3_ADDED = List.of(
            Entry.all(CpuModel.NVIDIA_OLYMPUS),
            Entry.all(CpuModel.CORTEX_A520AE),
            Entry.all(CpuModel.CORTEX_A715),
            Entry.all(CpuModel.CORTEX_A720AE),
            Entry.all(CpuModel.CORTEX_A725),
            Entry.all(CpuModel.NEOVERSE_N3),
            Entry.all(CpuModel.C1_NANO),
            Entry.all(CpuModel.C1_PRO),
            new Entry(CpuModel.C1_ULTRA, 1, 1),
            new Entry(CpuModel.C1_PREMIUM, 1, 1));

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
