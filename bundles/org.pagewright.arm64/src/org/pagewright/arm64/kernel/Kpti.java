package org.pagewright.arm64.kernel;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.pagewright.arm64.CpuModel;

/**
 * Whether the kernel maps itself non-global (PTE_MAYBE_NG = nG), i.e. arm64_use_ng_mappings ends up true. Two
 * routes lead there, with the same rules in 6.1, 6.12 and 7.3:
 * <ul>
 * <li>KASLR: kaslr_requires_kpti() (asm/mmu.h; 6.1 cpufeature.c) — the image was displaced by a seed and the CPU
 * lacks E0PD (ID_AA64MMFR2_EL1.E0PD, read raw). 6.1 sets arm64_use_ng_mappings in setup_arch before paging_init,
 * 6.9+ in pi/map_kernel.c early_map_kernel ({@code kaslr_seed && kaslr_requires_kpti()}); either way every kernel
 * mapping is created nG.</li>
 * <li>Meltdown: cpufeature.c unmap_kernel_at_el0 — a CPU neither on kpti_safe_list nor with ID_AA64PFR0_EL1.CSV3
 * gets KPTI, and kpti_install_ng_mappings rewrites every valid kernel leaf with nG (later mappings take nG from
 * PTE_MAYBE_NG).</li>
 * </ul>
 * {@code kpti=} (early_param parse_kpti, kstrtobool) forces either way; {@code mitigations=off} forces off unless
 * forced on. CONFIG_UNMAP_KERNEL_AT_EL0=y is assumed (Debian, defconfig).
 */
public final class Kpti {
    private Kpti() {
    }

    /** The outcome and the rule that decided it. */
    public record Decision(boolean ngMappings, String reason) {
    }

    /** cpufeature.c unmap_kernel_at_el0 kpti_safe_list (MIDR_ALL_VERSIONS of each). */
    private static final Set<CpuModel> KPTI_SAFE_LIST = EnumSet.of(
            CpuModel.CAVIUM_THUNDERX2, CpuModel.BRCM_VULCAN, CpuModel.BRAHMA_B53, CpuModel.CORTEX_A35,
            CpuModel.CORTEX_A53, CpuModel.CORTEX_A55, CpuModel.CORTEX_A57, CpuModel.CORTEX_A72, CpuModel.CORTEX_A73,
            CpuModel.HISI_TSV110, CpuModel.NVIDIA_CARMEL, CpuModel.QCOM_KRYO_2XX_GOLD, CpuModel.QCOM_KRYO_2XX_SILVER,
            CpuModel.QCOM_KRYO_3XX_SILVER, CpuModel.QCOM_KRYO_4XX_SILVER);

    /** True when the MIDR is on kpti_safe_list (not vulnerable to Meltdown whatever CSV3 says). */
    public static boolean onSafeList(long midr) {
        return KPTI_SAFE_LIST.stream().anyMatch(m -> m.matches(midr));
    }

    /** asm/mmu.h kaslr_requires_kpti: a displaced image needs nG unless E0PD does the job. */
    public static boolean kaslrRequiresKpti(boolean kaslrDisplaced, boolean e0pd) {
        return kaslrDisplaced && !e0pd;
    }

    /**
     * Decides arm64_use_ng_mappings.
     *
     * @param kaslrDisplaced the image sits at a seed-randomised offset (6.9+: kaslr_seed != 0; 6.1: kaslr_offset()
     *        &gt; 0)
     * @param e0pd ID_AA64MMFR2_EL1.E0PD != 0
     * @param midr MIDR_EL1 of the boot CPU, if known
     * @param csv3 ID_AA64PFR0_EL1.CSV3 != 0, if known
     * @param kptiDetected whether the kernel log says it detected "Kernel page table isolation (KPTI)", if the log
     *        was captured — used only when the MIDR and CSV3 cannot decide
     * @param assumptions receives a line for every guess
     */
    public static Decision decide(Cmdline cmdline, boolean kaslrDisplaced, boolean e0pd, OptionalLong midr,
            Optional<Boolean> csv3, Optional<Boolean> kptiDetected, List<String> assumptions) {
        Optional<Boolean> forced = cmdline.value("kpti").flatMap(Kpti::kstrtobool); // cpufeature.c parse_kpti
        if (kaslrRequiresKpti(kaslrDisplaced, e0pd)) {
            // set before the capability code runs (6.1 setup_arch, 6.9+ early_map_kernel), so kpti= does not undo it
            if (forced.isPresent() && !forced.get()) {
                assumptions.add("kpti=0 with KASLR: the mappings are taken as still created nG (arm64_use_ng_mappings"
                        + " is set before parse_kpti is consulted)");
            }
            return new Decision(true, "KASLR without E0PD (kaslr_requires_kpti)");
        }
        if (forced.isPresent()) {
            return new Decision(forced.get(), "kpti=" + cmdline.value("kpti").get() + " on the command line");
        }
        if (cmdline.value("mitigations").filter(v -> v.equals("off")).isPresent()) {
            return new Decision(false, "mitigations=off");
        }
        if (csv3.orElse(false)) {
            return new Decision(false, "ID_AA64PFR0_EL1.CSV3: not vulnerable to Meltdown");
        }
        if (midr.isPresent() && onSafeList(midr.getAsLong())) {
            return new Decision(false, "MIDR on kpti_safe_list");
        }
        if (midr.isPresent() && csv3.isPresent()) {
            return new Decision(true, "Meltdown: MIDR not on kpti_safe_list and no CSV3");
        }
        if (kptiDetected.isPresent()) {
            assumptions.add("ID_AA64PFR0_EL1.CSV3 not captured: KPTI taken from the kernel log's CPU features ("
                    + (kptiDetected.get() ? "detected" : "not detected") + ")");
            return new Decision(kptiDetected.get(), "kernel log CPU features");
        }
        assumptions.add("ID_AA64PFR0_EL1.CSV3 not captured and no kernel log: CPU taken as not Meltdown-affected");
        return new Decision(false, "assumed CSV3");
    }

    /** lib/kstrtox.c kstrtobool: y/Y/1/on → true, n/N/0/off → false, anything else rejected. */
    static Optional<Boolean> kstrtobool(String s) {
        if (s.isEmpty()) {
            return Optional.empty();
        }
        switch (s.charAt(0)) {
            case 'y', 'Y', 't', 'T', '1':
                return Optional.of(true);
            case 'n', 'N', 'f', 'F', '0':
                return Optional.of(false);
            case 'o', 'O':
                if (s.length() > 1) {
                    char c = s.charAt(1);
                    if (c == 'n' || c == 'N') {
                        return Optional.of(true);
                    }
                    if (c == 'f' || c == 'F') {
                        return Optional.of(false);
                    }
                }
                return Optional.empty();
            default:
                return Optional.empty();
        }
    }
}
