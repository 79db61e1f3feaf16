package org.pagewright.arm64;

import java.util.Arrays;
import java.util.Optional;

/**
 * The CPU models the engine's MIDR rules name (kpti_safe_list, the BBML2/BBML3 allow-lists) and the CLI accepts:
 * each constant is cputype.h's MIDR_ name without the prefix, with its implementer and part number and a lowercase
 * spelling for users. MIDR_EL1: implementer [31:24], variant [23:20], architecture [19:16] = 0xf, part [15:4],
 * revision [3:0].
 */
public enum CpuModel {
    CORTEX_A35(Implementer.ARM, 0xd04, "cortex-a35"),
    CORTEX_A53(Implementer.ARM, 0xd03, "cortex-a53"),
    CORTEX_A55(Implementer.ARM, 0xd05, "cortex-a55"),
    CORTEX_A57(Implementer.ARM, 0xd07, "cortex-a57"),
    CORTEX_A72(Implementer.ARM, 0xd08, "cortex-a72"),
    CORTEX_A73(Implementer.ARM, 0xd09, "cortex-a73"),
    CORTEX_A75(Implementer.ARM, 0xd0a, "cortex-a75"),
    CORTEX_A76(Implementer.ARM, 0xd0b, "cortex-a76"),
    CORTEX_A77(Implementer.ARM, 0xd0d, "cortex-a77"),
    CORTEX_A78(Implementer.ARM, 0xd41, "cortex-a78"),
    CORTEX_A510(Implementer.ARM, 0xd46, "cortex-a510"),
    CORTEX_A520(Implementer.ARM, 0xd80, "cortex-a520"),
    CORTEX_A710(Implementer.ARM, 0xd47, "cortex-a710"),
    CORTEX_A715(Implementer.ARM, 0xd4d, "cortex-a715"),
    CORTEX_A720(Implementer.ARM, 0xd81, "cortex-a720"),
    CORTEX_A725(Implementer.ARM, 0xd87, "cortex-a725"),
    CORTEX_X1(Implementer.ARM, 0xd44, "cortex-x1"),
    CORTEX_X2(Implementer.ARM, 0xd48, "cortex-x2"),
    CORTEX_X3(Implementer.ARM, 0xd4e, "cortex-x3"),
    CORTEX_X4(Implementer.ARM, 0xd82, "cortex-x4"),
    CORTEX_X925(Implementer.ARM, 0xd85, "cortex-x925"),
    NEOVERSE_N1(Implementer.ARM, 0xd0c, "neoverse-n1"),
    NEOVERSE_N2(Implementer.ARM, 0xd49, "neoverse-n2"),
    NEOVERSE_N3(Implementer.ARM, 0xd8e, "neoverse-n3"),
    NEOVERSE_V1(Implementer.ARM, 0xd40, "neoverse-v1"),
    NEOVERSE_V2(Implementer.ARM, 0xd4f, "neoverse-v2"),
    NEOVERSE_V3(Implementer.ARM, 0xd84, "neoverse-v3"),
    NEOVERSE_V3AE(Implementer.ARM, 0xd83, "neoverse-v3ae"),
    AMPERE1(Implementer.AMPERE, 0xac3, "ampereone"),
    AMPERE1A(Implementer.AMPERE, 0xac4, "ampereone-ac04"),
    /** Not in cputype.h: QEMU's {@code -cpu max} reports implementer 0, part 0x051. */
    QEMU_MAX(Implementer.NONE, 0x051, "qemu-max"),
    CORTEX_A520AE(Implementer.ARM, 0xd88, "cortex-a520ae"),
    CORTEX_A720AE(Implementer.ARM, 0xd89, "cortex-a720ae"),
    C1_NANO(Implementer.ARM, 0xd8a, "c1-nano"),
    C1_PRO(Implementer.ARM, 0xd8b, "c1-pro"),
    C1_ULTRA(Implementer.ARM, 0xd8c, "c1-ultra"),
    C1_PREMIUM(Implementer.ARM, 0xd90, "c1-premium"),
    NVIDIA_OLYMPUS(Implementer.NVIDIA, 0x010, "nvidia-olympus"),
    NVIDIA_CARMEL(Implementer.NVIDIA, 0x004, "nvidia-carmel"),
    CAVIUM_THUNDERX2(Implementer.CAVIUM, 0x0af, "thunderx2"),
    BRCM_VULCAN(Implementer.BROADCOM, 0x516, "vulcan"),
    BRAHMA_B53(Implementer.BROADCOM, 0x100, "brahma-b53"),
    HISI_TSV110(Implementer.HISILICON, 0xd01, "tsv110"),
    QCOM_KRYO_2XX_GOLD(Implementer.QUALCOMM, 0x800, "kryo-2xx-gold"),
    QCOM_KRYO_2XX_SILVER(Implementer.QUALCOMM, 0x801, "kryo-2xx-silver"),
    QCOM_KRYO_3XX_SILVER(Implementer.QUALCOMM, 0x803, "kryo-3xx-silver"),
    QCOM_KRYO_4XX_SILVER(Implementer.QUALCOMM, 0x805, "kryo-4xx-silver");

    /** cputype.h ARM_CPU_IMP_*: the MIDR's implementer byte. */
    private static final class Implementer {
        static final int NONE = 0x00;
        static final int ARM = 0x41;
        static final int BROADCOM = 0x42;
        static final int CAVIUM = 0x43;
        static final int HISILICON = 0x48;
        static final int NVIDIA = 0x4e;
        static final int QUALCOMM = 0x51;
        static final int AMPERE = 0xc0;
    }

    private final int implementer;
    private final int part;
    private final String spelling;

    CpuModel(int implementer, int part, String spelling) {
        this.implementer = implementer;
        this.part = part;
        this.spelling = spelling;
    }

    public int implementer() {
        return implementer;
    }

    public int part() {
        return part;
    }

    /** The lowercase name users type ("cortex-a715"). */
    public String spelling() {
        return spelling;
    }

    /** cputype.h MIDR_CPU_MODEL: this model at any variant and revision (MIDR_ALL_VERSIONS). */
    public boolean matches(long midr) {
        return ((midr >>> 24) & 0xff) == implementer && ((midr >>> 4) & 0xfff) == part;
    }

    /** MIDR_EL1 of this model at variant rV, revision pR (architecture field 0xf). */
    public long midr(int variant, int revision) {
        return (long) implementer << 24 | (variant & 0xfL) << 20 | 0xfL << 16 | (long) part << 4 | (revision & 0xf);
    }

    /** The model with this lowercase spelling. */
    public static Optional<CpuModel> bySpelling(String spelling) {
        return Arrays.stream(values()).filter(m -> m.spelling.equals(spelling)).findFirst();
    }

    /** The model whose implementer and part this MIDR carries. */
    public static Optional<CpuModel> of(long midr) {
        return Arrays.stream(values()).filter(m -> m.matches(midr)).findFirst();
    }
}
