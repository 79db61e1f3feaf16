package org.pagewright.arm64.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.kernel.Bbml2AllowList;

/**
 * Which CPUs may keep a block-mapped linear map under rodata=full: the per-version allow-lists of cpufeature.c,
 * the kernel log's "detected" line over the list, and a boot CPU whose secondaries differ.
 */
class BlockSplitCapabilityTest {
    private static final KernelRules K612 = KernelRules.of(KernelVersion.V6_12);
    private static final KernelRules K618 = KernelRules.of(KernelVersion.V6_18);
    private static final KernelRules K73 = KernelRules.of(KernelVersion.V7_3);
    private static final long CORTEX_A715 = 0x410fd4d0L;
    private static final long CORTEX_X4_R0P3 = 0x410fd823L;
    private static final long CORTEX_A57 = 0x411fd070L;
    private static final long QEMU_MAX = 0x000f0510L;
    private static final OptionalLong NO_MMFR2 = OptionalLong.empty();

    // cpufeature.c (7.3) supports_bbml3_list: MIDR_ALL_VERSIONS(MIDR_CORTEX_A715); 6.18's list has no A715
    @Test
    void cortexA715IsOnTheBbml3ListOf73ButNotOnTheBbml2ListOf618() {
        assertTrue(Bbml2AllowList.supports(K73, CORTEX_A715, NO_MMFR2));
        assertFalse(Bbml2AllowList.supports(K618, CORTEX_A715, NO_MMFR2));
    }

    // cpufeature.c (6.18) has_bbml2_noabort: MIDR_REV_RANGE(MIDR_CORTEX_X4, 0, 3, 0xf)
    @Test
    void cortexX4FromR0p3IsOnTheListOf618And73() {
        assertTrue(Bbml2AllowList.supports(K618, CORTEX_X4_R0P3, NO_MMFR2));
        assertTrue(Bbml2AllowList.supports(K73, CORTEX_X4_R0P3, NO_MMFR2));
        assertFalse(Bbml2AllowList.supports(K618, CORTEX_X4_R0P3 - 1, NO_MMFR2));
    }

    // cpufeature.c (7.3): MIDR_RANGE(MIDR_C1_ULTRA, 1, 1, 0xf, 0xf), erratum 3683289 fixed in r1p1
    @Test
    void c1UltraBeforeR1p1IsLeftOffTheListForErratum3683289() {
        assertFalse(Bbml2AllowList.supports(K73, 0x410fd8c0L, NO_MMFR2));  // r0p0
        assertFalse(Bbml2AllowList.supports(K73, 0x411fd8c0L, NO_MMFR2));  // r1p0
        assertTrue(Bbml2AllowList.supports(K73, 0x411fd8c1L, NO_MMFR2));   // r1p1
        assertTrue(Bbml2AllowList.supports(K73, 0x412fd8c0L, NO_MMFR2));   // r2p0
    }

    // cpufeature.c (7.3) cpu_supports_bbml3: ID_AA64MMFR2_EL1.BBM >= BBM_3 is enough; 6.18 ignores the field
    @Test
    void idAa64Mmfr2BbmLevel3IsEnoughIn73Only() {
        OptionalLong bbm3 = OptionalLong.of(3L << 52);
        OptionalLong bbm2 = OptionalLong.of(2L << 52);
        assertTrue(Bbml2AllowList.supports(K73, QEMU_MAX, bbm3));
        assertFalse(Bbml2AllowList.supports(K73, QEMU_MAX, bbm2));
        assertFalse(Bbml2AllowList.supports(K618, QEMU_MAX, bbm3));
    }

    // cpufeature.c: the capability arrived with the BBML2 series (6.18)
    @Test
    void thereIsNoBlockSplitCapabilityBeforeTheBbml2Series() {
        assertFalse(Bbml2AllowList.supports(K612, CORTEX_X4_R0P3, OptionalLong.of(3L << 52)));
    }

    // cpufeature.c arm64_features[].desc of ARM64_HAS_BBML2_NOABORT (6.18) / ARM64_HAS_BBML3 (7.3)
    @Test
    void theDetectedLineNamesTheCapabilityAsEachVersionDescribesIt() {
        assertEquals("BBM Level 2 without conflict abort", K618.blockSplitCapabilityDescription());
        assertEquals("BBM Level 3", K73.blockSplitCapabilityDescription());
    }

    // ---- replays of the 7.3 capture on other CPUs ----

    private static CaptureVariant withDetectedBbml3() {
        return CaptureVariant.of(Captures.K73).lines(l -> l.contains("CPU features: detected: Spectre-BHB")
                ? l + "\n[    0.000000] CPU features: detected: BBM Level 3" : l);
    }

    private static CaptureReplay.Result replay(CaptureVariant v, Cpus cpus) {
        Parsed<Optional<CaptureReplay.Result>> r = CaptureReplay.replay(Capture.parse(v.text()).value(), List.of(),
                Optional.of(cpus));
        return r.value().orElseThrow(() -> new AssertionError(r.problems()));
    }

    private static boolean hasBlocks(List<String> lines) {
        return lines.stream().anyMatch(l -> l.contains(" BLK ") || l.contains(" CON "));
    }

    // mmu.c force_pte_mapping: !bbml2 && rodata_full; with BBML3 the linear map keeps blocks under rodata=full
    @Test
    void aCortexA715On73KeepsBlockMappingsUnderRodataFull() {
        CaptureReplay.Result r = replay(withDetectedBbml3(), Cpus.of(CORTEX_A715));

        assertTrue(hasBlocks(r.actualLinear()), r.actualLinear()::toString);
        assertFalse(hasBlocks(r.expectedLinear()), "the real capture (QEMU max) is page-mapped");
    }

    // cpufeature.c update_cpu_capabilities prints "detected" for the boot CPU: the log is followed over the list
    @Test
    void theKernelLogWithoutTheDetectedLineWinsOverTheList() {
        CaptureReplay.Result r = replay(CaptureVariant.of(Captures.K73), Cpus.of(CORTEX_A715));

        assertEquals(r.expectedLinear(), r.actualLinear());
        assertTrue(r.assumptions().stream().anyMatch(a -> a.contains("does not say 'CPU features: detected: BBM"
                + " Level 3'") && a.contains("the log is followed")), r.assumptions()::toString);
    }

    @Test
    void theKernelLogsDetectedLineWinsOverAMidrOffTheList() {
        CaptureReplay.Result r = replay(withDetectedBbml3(), Cpus.of(QEMU_MAX));

        assertTrue(hasBlocks(r.actualLinear()), r.actualLinear()::toString);
        assertTrue(r.assumptions().stream().anyMatch(a -> a.contains("the log is followed")),
                r.assumptions()::toString);
    }

    // mmu.c linear_map_maybe_split_to_ptes / linear_map_split_to_ptes: a secondary without the capability gets
    // the linear map split to PTEs after boot, all but [lm_alias(_stext), lm_alias(__init_begin))
    @Test
    void aSecondaryOffTheListSplitsTheLinearMapToPtesButTheTextAlias() {
        CaptureReplay.Result both = replay(withDetectedBbml3(), Cpus.of(CORTEX_A715));
        CaptureReplay.Result mixed = replay(withDetectedBbml3(), Cpus.of(CORTEX_A715, List.of(CORTEX_A57)));

        Kallsyms k = Captures.capture(Captures.K73).kallsyms();
        long kimageVoffset = 0xffff80003fe00000L; // k73 ptdump_mod: kimage_voffset, PHYS_OFFSET=0x40000000
        long textAlias = 0xfff0000000000000L + (k.address("_text").getAsLong() - kimageVoffset - 0x40000000L);
        long initAlias = textAlias + (k.address("__init_begin").getAsLong() - k.address("_text").getAsLong());
        for (String line : mixed.actualLinear()) {
            long start = Long.parseUnsignedLong(line.substring(2, 18), 16);
            boolean inTextAlias = Long.compareUnsigned(start, textAlias) >= 0
                    && Long.compareUnsigned(start, initAlias) < 0;
            assertTrue(inTextAlias || !hasBlocks(List.of(line)), line);
        }
        assertTrue(hasBlocks(both.actualLinear().subList(0, 1)), "all CPUs on the list: the first 2M is a block");
        assertTrue(hasBlocks(mixed.actualLinear()), "the text alias keeps its blocks");
        // the 2M block across lm_alias(_stext) straddles the kept range's start: split to PTEs, without CONT
        assertTrue(mixed.actualLinear().contains(CaptureVariant.leaf(textAlias, textAlias + 0x200000, "PTE",
                CaptureVariant.Attrs.roNormal(false))), mixed.actualLinear()::toString);
        assertTrue(mixed.assumptions().stream().anyMatch(a -> a.contains("on the boot CPU only")));
    }

    // cpuinfo.c c_show: one block per CPU; MIDR = implementer, variant, part, revision
    @Test
    void cpuinfoGivesTheBootCpuAndTheSecondaries() {
        String text = """
                processor	: 0
                CPU implementer	: 0x41
                CPU architecture: 8
                CPU variant	: 0x0
                CPU part	: 0xd4d
                CPU revision	: 0

                processor	: 1
                CPU implementer	: 0x41
                CPU architecture: 8
                CPU variant	: 0x1
                CPU part	: 0xd07
                CPU revision	: 0
                """;
        Parsed<Optional<Cpus>> p = Cpus.parseCpuinfo(text);

        assertEquals(Optional.of(Cpus.of(CORTEX_A715, List.of(CORTEX_A57 & ~0xfL))), p.value());
        assertTrue(p.problems().isEmpty(), p.problems()::toString);
        assertTrue(Cpus.parseCpuinfo("processor : 0\nBogoMIPS : 1\n").value().isEmpty());
    }
}
