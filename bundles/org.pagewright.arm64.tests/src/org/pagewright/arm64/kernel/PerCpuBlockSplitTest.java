package org.pagewright.arm64.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.CpuModel;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.KernelVersion;

class PerCpuBlockSplitTest {
    private static final KernelRules K618 = KernelRules.of(KernelVersion.V6_18);
    private static final long X4_R0P3 = CpuModel.CORTEX_X4.midr(0, 3);
    private static final long A57 = CpuModel.CORTEX_A57.midr(1, 3);

    private static KernelConfig config618(BlockSplitCapability cpus) {
        return KernelConfigTest.config("6.18", "", cpus.applyTo(CpuFeatures.none()));
    }

    private static BlockSplitCapability byMidr(long boot, List<Long> secondaries) {
        return BlockSplitCapability.byMidr(K618, boot, OptionalLong.empty(), secondaries, OptionalLong.empty());
    }

    @Test
    void aSecondaryOffTheListSplitsTheBlockMappedLinearMapToPtes() {
        // mmu.c map_mem uses the boot CPU's answer; linear_map_maybe_split_to_ptes once the system's is known
        KernelConfig c = config618(byMidr(X4_R0P3, List.of(X4_R0P3, A57)));
        assertFalse(c.forcePteMapping());
        assertTrue(c.linearMapRequiresBbml2());
        assertTrue(c.linearMapSplitToPtes());
        assertFalse(c.bbml2());
    }

    @Test
    void aBootCpuOffTheListPageMapsTheLinearMapWhateverTheSecondaries() {
        // mmu.c force_pte_mapping: !cpu_supports_bbml2_noabort() of the boot CPU and rodata_full
        KernelConfig c = config618(byMidr(A57, List.of(X4_R0P3)));
        assertTrue(c.forcePteMapping());
        assertFalse(c.linearMapSplitToPtes());
    }

    @Test
    void everyCpuOnTheListKeepsBlocksWithoutASplit() {
        // cpufeature.c has_bbml2_noabort on every CPU: the system has the capability
        KernelConfig c = config618(byMidr(X4_R0P3, List.of(X4_R0P3, X4_R0P3)));
        assertTrue(c.bbml2());
        assertFalse(c.forcePteMapping());
        assertFalse(c.linearMapSplitToPtes());
    }

    @Test
    void aCpuGivenByItsFeaturesCountsAsAnyOther() {
        // cpufeature.c ARM64_CPUCAP_EARLY_LOCAL_CPU_FEATURE: each CPU answers for itself
        assertTrue(BlockSplitCapability.of(true, List.of(true, false)).bootCpuOnly());
        assertTrue(BlockSplitCapability.of(true, List.of()).everyCpu());
        assertFalse(BlockSplitCapability.of(false, List.of(true)).bootCpu());
    }
}
