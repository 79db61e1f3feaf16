package org.pagewright.arm64.kernel;

import java.util.List;
import java.util.OptionalLong;

import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.KernelRules;

/**
 * The block-split capability (BBML2-noabort, BBML3 in 7.3) of the boot CPU and of the whole system. cpufeature.c
 * makes it an ARM64_CPUCAP_EARLY_LOCAL_CPU_FEATURE: each CPU answers for itself; map_mem acts on the boot CPU's
 * answer (mmu.c force_pte_mapping before system_capabilities_finalized) and, once the secondaries are up, a
 * system without it splits a block-mapped linear map to PTEs (mmu.c linear_map_maybe_split_to_ptes).
 *
 * @param bootCpu the boot CPU has the capability
 * @param everyCpu the boot CPU and every secondary have it
 */
public record BlockSplitCapability(boolean bootCpu, boolean everyCpu) {

    public BlockSplitCapability {
        if (everyCpu && !bootCpu) {
            throw new IllegalArgumentException("every CPU has the capability but the boot CPU does not");
        }
    }

    /** From each CPU's own answer (a CPU given by its features rather than its MIDR). */
    public static BlockSplitCapability of(boolean bootCpu, List<Boolean> secondaries) {
        return new BlockSplitCapability(bootCpu, bootCpu && secondaries.stream().allMatch(Boolean::booleanValue));
    }

    /**
     * From MIDRs, as this kernel decides for each CPU ({@link Bbml2AllowList#supports}).
     *
     * @param bootMmfr2 the boot CPU's ID_AA64MMFR2_EL1 if known (7.3 reads its BBM field first)
     * @param secondaryMmfr2 the secondaries' ID_AA64MMFR2_EL1 if known (one value for all)
     */
    public static BlockSplitCapability byMidr(KernelRules rules, long bootMidr, OptionalLong bootMmfr2,
            List<Long> secondaryMidrs, OptionalLong secondaryMmfr2) {
        return of(Bbml2AllowList.supports(rules, bootMidr, bootMmfr2), secondaryMidrs.stream()
                .map(midr -> Bbml2AllowList.supports(rules, midr, secondaryMmfr2)).toList());
    }

    /** Only the boot CPU has it: the case linear_map_maybe_split_to_ptes handles. */
    public boolean bootCpuOnly() {
        return bootCpu && !everyCpu;
    }

    /** {@code cpu} with its block-split fields set from this answer (the other features unchanged). */
    public CpuFeatures applyTo(CpuFeatures cpu) {
        CpuFeatures system = cpu.withBbml2Noabort(everyCpu);
        return bootCpuOnly() ? system.withBbml2NoabortOnBootCpuOnly() : system;
    }
}
