package org.pagewright.arm64.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelVersion;

/** The per-version and per-CPU rules behind the capture variants, stated one by one. */
class GeneralisationRulesTest {
    private static final long CORTEX_A57 = 0x411fd070L;
    private static final long CORTEX_A72 = 0x410fd083L;
    private static final long CORTEX_A75 = 0x413fd0a1L;
    private static final long NEOVERSE_N1 = 0x414fd0c1L;
    private static final long QEMU_MAX = 0x000f0510L;

    private static KernelConfig config(KernelVersion v, Geometry g, String cmdline, CpuFeatures cpu) {
        return new KernelConfig(KernelBuild.debian(v, g), Cmdline.of(cmdline), cpu);
    }

    private static Kpti.Decision kpti(String cmdline, boolean kaslr, boolean e0pd, long midr, Boolean csv3,
            List<String> assumptions) {
        return Kpti.decide(Cmdline.of(cmdline), kaslr, e0pd, OptionalLong.of(midr), Optional.ofNullable(csv3),
                Optional.empty(), assumptions);
    }

    @Test
    void meltdownSafeListFollowsCpufeatureC() {
        assertTrue(Kpti.onSafeList(CORTEX_A57));
        assertTrue(Kpti.onSafeList(CORTEX_A72));
        assertFalse(Kpti.onSafeList(CORTEX_A75));
        assertFalse(Kpti.onSafeList(NEOVERSE_N1)); // not listed: it is safe through CSV3 instead
        assertFalse(Kpti.onSafeList(QEMU_MAX));
    }

    @Test
    void csv3OrTheSafeListAvoidKptiWithoutKaslr() {
        List<String> a = new ArrayList<>();
        assertFalse(kpti("nokaslr", false, false, NEOVERSE_N1, true, a).ngMappings());
        assertFalse(kpti("nokaslr", false, false, CORTEX_A72, false, a).ngMappings());
        assertTrue(kpti("nokaslr", false, false, CORTEX_A75, false, a).ngMappings());
        assertEquals(List.of(), a);
    }

    @Test
    void kaslrWithoutE0pdNeedsNgOnASafeCpuToo() {
        assertTrue(kpti("", true, false, CORTEX_A57, false, new ArrayList<>()).ngMappings());
        assertFalse(kpti("", true, true, CORTEX_A57, false, new ArrayList<>()).ngMappings());
    }

    @Test
    void kptiParameterAndMitigationsOffForceTheMeltdownDecision() {
        assertTrue(kpti("kpti=1", false, false, CORTEX_A72, false, new ArrayList<>()).ngMappings());
        assertTrue(kpti("kpti=on", false, false, NEOVERSE_N1, true, new ArrayList<>()).ngMappings());
        assertFalse(kpti("kpti=0", false, false, CORTEX_A75, false, new ArrayList<>()).ngMappings());
        assertFalse(kpti("mitigations=off", false, false, CORTEX_A75, false, new ArrayList<>()).ngMappings());
    }

    @Test
    void unknownCsv3OnAnUnlistedCpuIsAnExplicitAssumption() {
        List<String> a = new ArrayList<>();
        Kpti.Decision d = Kpti.decide(Cmdline.of(""), false, true, OptionalLong.of(QEMU_MAX), Optional.empty(),
                Optional.empty(), a);
        assertFalse(d.ngMappings());
        assertEquals(1, a.size());
        List<String> b = new ArrayList<>();
        assertTrue(Kpti.decide(Cmdline.of(""), false, true, OptionalLong.of(CORTEX_A75), Optional.empty(),
                Optional.of(true), b).ngMappings());
        assertTrue(b.get(0).contains("kernel log"));
    }

    @Test
    void kaslrDisplacementIsDecidedBySeedFrom69AndByAnyOffsetBefore() {
        assertFalse(KernelConfig.imageDisplacedByKaslr(KernelVersion.V6_12, 0));
        assertFalse(KernelConfig.imageDisplacedByKaslr(KernelVersion.V6_12, 0x10000)); // pa_base % 2M only
        assertTrue(KernelConfig.imageDisplacedByKaslr(KernelVersion.V6_12, 0x200000));
        assertTrue(KernelConfig.imageDisplacedByKaslr(KernelVersion.V6_1, 0x10000));
        assertFalse(KernelConfig.imageDisplacedByKaslr(KernelVersion.V6_1, 0));
    }

    @Test
    void anLpa2BuildFallsBackToVaBitsMinWithoutLpa2OrWithNolva() {
        KernelConfig lpa2 = config(KernelVersion.V7_3, Geometry.G4K_52, "", CpuFeatures.none().withVa52(true));
        KernelConfig noLpa2 = config(KernelVersion.V7_3, Geometry.G4K_52, "", CpuFeatures.none());
        KernelConfig nolva = config(KernelVersion.V6_12, Geometry.G4K_52, "arm64.nolva",
                CpuFeatures.none().withVa52(true));
        assertEquals(Geometry.G4K_52, lpa2.runtimeGeometry());
        assertEquals(Geometry.G4K_48, noLpa2.runtimeGeometry());
        assertEquals(Geometry.G4K_48, nolva.runtimeGeometry());
        assertEquals(48, nolva.vabitsActual());
        assertEquals(Geometry.G4K_48, config(KernelVersion.V6_1, Geometry.G4K_48, "", CpuFeatures.none())
                .runtimeGeometry());
    }

    @Test
    void rodataOffIn73WithKfenceIntervalZeroStillForcesPages() {
        // mmu.c force_pte_mapping: rodata_full || arm64_kfence_can_set_direct_map() (= !kfence_early_init)
        KernelConfig c = config(KernelVersion.V7_3, Geometry.G4K_52, "rodata=off", CpuFeatures.none());
        assertFalse(c.rodataFull());
        assertTrue(c.forcePteMapping());
        KernelConfig sampled = config(KernelVersion.V7_3, Geometry.G4K_52, "rodata=off kfence.sample_interval=100",
                CpuFeatures.none());
        assertFalse(sampled.forcePteMapping());
        assertTrue(sampled.kfenceEarlyPool());
        KernelConfig bbml3 = config(KernelVersion.V7_3, Geometry.G4K_52, "", CpuFeatures.none()
                .withBbml2Noabort(true));
        assertFalse(bbml3.forcePteMapping()); // BBML3 CPU: blocks even under rodata=full
    }

    @Test
    void rodataWordsFollowEachVersionsParser() {
        assertEquals(RodataMode.NOT_FULL, config(KernelVersion.V6_1, Geometry.G4K_48, "rodata=on",
                CpuFeatures.none()).rodata());
        assertEquals(RodataMode.FULL, config(KernelVersion.V6_12, Geometry.G4K_52, "rodata=full",
                CpuFeatures.none()).rodata());
        assertEquals(RodataMode.FULL, config(KernelVersion.V7_3, Geometry.G4K_52, "rodata=on",
                CpuFeatures.none()).rodata());
        assertEquals(RodataMode.NOT_FULL, config(KernelVersion.V7_3, Geometry.G4K_52, "rodata=noalias",
                CpuFeatures.none()).rodata());
        assertFalse(config(KernelVersion.V6_1, Geometry.G4K_48, "rodata=off", CpuFeatures.none())
                .forcePteMapping());
    }

    @Test
    void kernel61HasNoKfenceAndDebianHasNoDebugPagealloc() {
        KernelConfig c = config(KernelVersion.V6_1, Geometry.G4K_48, "kfence.sample_interval=100 debug_pagealloc=on"
                + " rodata=on", CpuFeatures.none());
        assertFalse(c.kfenceEarlyPool());
        assertFalse(c.debugPagealloc());
        assertFalse(c.forcePteMapping());
    }
}
