package org.pagewright.arm64.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.layout.FixmapSize;
import org.pagewright.arm64.layout.KernelVaLayout;

class KernelConfigTest {

    static KernelConfig config(String version, String cmdline, CpuFeatures cpu) {
        return new KernelConfig(KernelBuild.debian(KernelVersion.parse(version), Geometry.G4K_48),
                Cmdline.of(cmdline), cpu);
    }

    static KernelConfig config(String version, String cmdline) {
        return config(version, cmdline, CpuFeatures.none());
    }

    static final CpuFeatures BBML2 = CpuFeatures.none().withBbml2Noabort(true);

    @ParameterizedTest
    @ValueSource(strings = {"6.1", "6.12", "6.18", "7.0.1", "7.3"})
    void rodataFullIsTheDefault(String version) {
        assertEquals(RodataMode.FULL, config(version, "console=ttyAMA0").rodata());
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.1", "6.12"})
    void rodataOnMeansEnabledButNotFullBeforeTheRename(String version) {
        assertEquals(RodataMode.NOT_FULL, config(version, "rodata=on").rodata());
        assertEquals(RodataMode.FULL, config(version, "rodata=on rodata=full").rodata());
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.18", "7.0.1", "7.3"})
    void rodataOnMeansFullFrom618And73(String version) {
        assertEquals(RodataMode.FULL, config(version, "rodata=on").rodata());
        assertEquals(RodataMode.NOT_FULL, config(version, "rodata=noalias").rodata());
    }

    @Test
    void rodataFullIsAnUnknownWordAfterTheRenameAndLeavesTheDefault() {
        assertEquals(RodataMode.FULL, config("7.3", "rodata=noalias rodata=full").rodata());
    }

    @Test
    void rodataDefaultFollowsTheKconfigOptionBeforeTheRename() {
        KernelBuild b = KernelBuild.debian(KernelVersion.V6_12, Geometry.G4K_48).withRodataFullDefault(false);
        assertEquals(RodataMode.NOT_FULL, new KernelConfig(b, Cmdline.of(""), CpuFeatures.none()).rodata());
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.1", "6.12", "6.18", "7.0.1", "7.3"})
    void rodataOffDisablesBothAndMakesTextWritableExecutable(String version) {
        KernelConfig c = config(version, "rodata=off");
        assertEquals(RodataMode.OFF, c.rodata());
        assertEquals(Prot.PAGE_KERNEL_EXEC, c.textProt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.12", "6.18", "7.0.1", "7.3"})
    void kfenceWithZeroIntervalForcesPteMappings(String version) {
        KernelConfig c = config(version, "rodata=" + (version.equals("6.12") ? "on" : "noalias"));
        assertFalse(c.rodataFull());
        assertFalse(c.kfenceEarlyPool());
        assertTrue(c.forcePteMapping());
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.12", "6.18", "7.3"})
    void kfenceWithNonZeroIntervalUsesAnEarlyPoolAndLeavesBlocksToRodata(String version) {
        String notFull = version.equals("6.12") ? "rodata=on" : "rodata=noalias";
        KernelConfig c = config(version, notFull + " kfence.sample_interval=100");
        assertTrue(c.kfenceEarlyPool());
        assertFalse(c.forcePteMapping());
        assertTrue(config(version, "kfence.sample_interval=100").forcePteMapping());
    }

    @Test
    void kfenceCompiledInto61ForcesPagesWhateverTheInterval() {
        KernelBuild b = KernelBuild.debian(KernelVersion.V6_1, Geometry.G4K_48).withKfence(true, 100);
        KernelConfig c = new KernelConfig(b, Cmdline.of("rodata=on"), CpuFeatures.none());
        assertFalse(c.kfenceEarlyPool());
        assertTrue(c.forcePteMapping());
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.18", "7.0.1", "7.3"})
    void bbml2CpuKeepsBlocksUnderRodataFullFrom618(String version) {
        KernelConfig c = config(version, "", BBML2);
        assertTrue(c.rodataFull());
        assertFalse(c.forcePteMapping());
        assertTrue(c.linearMapRequiresBbml2());
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.1", "6.12"})
    void bbml2CpuChangesNothingBefore618(String version) {
        KernelConfig c = config(version, "", BBML2);
        assertTrue(c.forcePteMapping());
        assertFalse(c.linearMapRequiresBbml2());
    }

    @Test
    void debugPageallocForcesPtesEvenOnABbml2Cpu() {
        KernelBuild b = KernelBuild.debian(KernelVersion.V7_3, Geometry.G4K_48).withDebugPagealloc(true, false);
        assertTrue(new KernelConfig(b, Cmdline.of("debug_pagealloc=on"), BBML2).forcePteMapping());
        assertFalse(new KernelConfig(b, Cmdline.of(""), BBML2).forcePteMapping());
    }

    @Test
    void debugPageallocNeedsTheKconfigOption() {
        assertFalse(config("7.3", "debug_pagealloc=on").debugPagealloc());
    }

    @Test
    void textHeadIsMappedFrom612But61StartsAtStext() {
        assertFalse(config("6.1", "").textHeadMapped());
        assertTrue(config("6.12", "").textHeadMapped());
        assertTrue(config("7.3", "").textHeadMapped());
    }

    @Test
    void onlyTheSeriesUnmapsTheDataBssAlias() {
        assertFalse(config("7.0.1", "").unmapsDataBssAlias());
        assertTrue(config("7.3", "").unmapsDataBssAlias());
    }

    @Test
    void btiCpuGuardsTextOnlyWithABtiKernel() {
        KernelBuild b = KernelBuild.debian(KernelVersion.V7_3, Geometry.G4K_48);
        KernelBuild bti = new KernelBuild(b.version(), b.geometry(), true, true, 0, 255, false, false, true, true,
                true);
        CpuFeatures cpu = CpuFeatures.none().withBti(true);
        assertEquals(Prot.PAGE_KERNEL_ROX, new KernelConfig(b, Cmdline.of(""), cpu).textProt());
        assertEquals(Prot.PAGE_KERNEL_ROX.withGp(), new KernelConfig(bti, Cmdline.of(""), cpu).textProt());
    }

    @Test
    void kaslrNeedsNgOnlyWithoutE0pd() {
        assertTrue(KernelConfig.kaslrRequiresNg(true, false));
        assertFalse(KernelConfig.kaslrRequiresNg(true, true));
        assertFalse(KernelConfig.kaslrRequiresNg(false, false));
        assertFalse(config("7.3", "nokaslr").kaslr());
    }

    @Test
    void kfencePoolHoldsTwoPagesPerObjectPlusTwoGuardPages() {
        assertEquals(256L * 2 * 4096, config("7.3", "").kfencePoolSize());
    }

    // fixmap.h enum fixed_addresses: FIX_FDT = FIX_FDT_END + (MAX_FDT_SIZE + SZ_2M) / PAGE_SIZE - 1 in 6.1,
    // FIX_FDT_END + DIV_ROUND_UP(MAX_FDT_SIZE, PAGE_SIZE) + 1 after the rework
    @Test
    void fixFdtSlotFollowsEachVersionsFixedAddresses() {
        assertEquals(1024, config("6.1", "").fixFdtSlot());
        assertEquals(514, config("6.12", "").fixFdtSlot());
        assertEquals(514, config("7.3", "").fixFdtSlot());
    }

    // mmu.c fixmap_remap_fdt: SWAPPER_BLOCK_SIZE (PMD_SIZE with 4K) in 6.1, PAGE_SIZE after the rework
    @Test
    void theFdtMappingGranuleIsABlockIn61AndAPageLater() {
        assertEquals(2L << 20, config("6.1", "").fdtMappingGranule());
        assertEquals(4096, config("7.3", "").fdtMappingGranule());
    }

    @Test
    void bbml2AllowListIsByMidr() {
        assertTrue(Bbml2AllowList.contains(0x410fd840L | 2));   // Neoverse V3 r0p2
        assertFalse(Bbml2AllowList.contains(0x410fd840L | 1));  // Neoverse V3 r0p1
        assertFalse(Bbml2AllowList.contains(0x000f0510L));      // QEMU -cpu max
    }

    @Test
    void memstartIsDramRoundedDownToAGigabyteWith4kPages() {
        assertEquals(0x40000000L, KernelConfig.memstartAddr(Geometry.G4K_48, 48, 0x40000000L));
        assertEquals(0x80000000L, KernelConfig.memstartAddr(Geometry.G4K_48, 48, 0xa0000000L));
    }

    @Test
    void a52BitBuildOnA48BitCpuLowersMemstartSoDramStartsTheLinearMapAt48BitPageOffset() {
        int actual = KernelConfig.vabitsActual(Geometry.G4K_52, false, false);
        long memstart = KernelConfig.memstartAddr(Geometry.G4K_52, actual, 0x40000000L);
        KernelVaLayout layout = KernelVaLayout.of(Geometry.G4K_52, KernelVersion.V6_12, actual, FixmapSize.DEBIAN_6_12);

        assertEquals(48, actual);
        assertEquals(0xffff000000000000L, layout.physToVirt(0x40000000L, memstart));
        assertEquals(0x40001000L, layout.linearToPhys(0xffff000000001000L, memstart));
    }

    @Test
    void a52BitBuildWithLpa2KeepsMemstartAsTheCaptureShows() {
        // k612: memstart_addr=40000000, PAGE_OFFSET=fff0000000000000 (ptdump_mod_insmod)
        int actual = KernelConfig.vabitsActual(Geometry.G4K_52, true, false);
        assertEquals(52, actual);
        assertEquals(0x40000000L, KernelConfig.memstartAddr(Geometry.G4K_52, actual, 0x40000000L));
        assertEquals(48, KernelConfig.vabitsActual(Geometry.G4K_52, true, true)); // arm64.nolva
    }

    private static KernelConfig build64k52(String cmdline, CpuFeatures cpu) {
        return new KernelConfig(KernelBuild.debian(KernelVersion.V6_12, Geometry.G64K_52), Cmdline.of(cmdline), cpu);
    }

    @Test
    void a64k52BitKernelWithoutLvaRunsWith48BitVasAndTheSameThreeLevels() {
        // pi/map_kernel.c early_map_kernel: 64K && !cpu_has_lva() -> va_bits = VA_BITS_MIN, root_level unchanged
        KernelConfig noLva = build64k52("", CpuFeatures.none());
        assertEquals(48, noLva.vabitsActual());
        assertEquals(Geometry.G64K_48, noLva.runtimeGeometry());
        assertEquals(3, noLva.runtimeGeometry().levels());
        assertEquals(Geometry.G64K_52.startLevel(), noLva.runtimeGeometry().startLevel());
    }

    @Test
    void a64k52BitKernelWithLvaRunsWith52BitVasUnlessArm64NolvaClearsIt() {
        // pi/map_kernel.c early_map_kernel; idreg-override.c: arm64.nolva clears ID_AA64MMFR2.VARange
        CpuFeatures lva = CpuFeatures.none().withVa52(true);
        assertEquals(52, build64k52("", lva).vabitsActual());
        assertEquals(Geometry.G64K_52, build64k52("", lva).runtimeGeometry());
        assertEquals(48, build64k52("arm64.nolva", lva).vabitsActual());
    }

    @Test
    void a64k52BitBuildWithoutLvaLowersMemstartSoDramStartsTheLinearMapAt48BitPageOffset() {
        // init.c arm64_memblock_init: memstart_addr -= _PAGE_OFFSET(vabits_actual) - _PAGE_OFFSET(52)
        int actual = KernelConfig.vabitsActual(Geometry.G64K_52, false, false);
        long memstart = KernelConfig.memstartAddr(Geometry.G64K_52, actual, 0x40000000L);
        KernelVaLayout layout = KernelVaLayout.of(Geometry.G64K_52, KernelVersion.V6_12, actual,
                FixmapSize.DEBIAN_6_12);
        assertEquals(0xffff000000000000L, layout.physToVirt(0x40000000L, memstart));
        assertEquals(0xffff000000000000L, layout.ptdumpWalkStart()); // ptdump.c: _PAGE_OFFSET(vabits_actual)
        assertEquals(Geometry.G64K_48, layout.geometry());
        assertEquals(52, layout.configVaBits());
    }

    // fixmap.h: __end_of_permanent_fixed_addresses is FIXADDR_START, 6.1's "Fixmap start" marker; from 6.12 the
    // marker is FIXADDR_TOT_START, the permanent slots plus 7 early_ioremap slots of 256K/PAGE_SIZE + 1 pages
    // (NR_FIX_BTMAPS with its extra page) and FIX_PTE, FIX_PMD, FIX_PUD, FIX_P4D, FIX_PGD
    @Test
    void thePermanentFixmapSlotsAddUpToTheFixmapEachCaptureShows() {
        assertEquals(FixmapSize.DEBIAN_6_1, config("6.1", "").permanentFixmapPages());
        long temporary = 7 * ((256 << 10) / 4096 + 1) + 5;
        assertEquals(FixmapSize.DEBIAN_6_12, config("6.12", "").permanentFixmapPages() + temporary);
        assertEquals(FixmapSize.DEBIAN_7_3, config("7.3", "").permanentFixmapPages() + temporary); // with 513 VNCR slots
    }

}
