package org.pagewright.arm64.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pagewright.arm64.capture.CaptureVariant.hole;
import static org.pagewright.arm64.capture.CaptureVariant.leaf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pagewright.arm64.VaRange;
import org.pagewright.arm64.capture.CaptureVariant.Attrs;
import org.pagewright.arm64.kernel.ReadOnlyVmallocPages;

/**
 * Variants of the real captures (other cmdlines, memory, CPUs) whose expected linear map follows from the kernel's
 * rule and the real dump, written here by hand: the engine must reproduce them from the edited INPUTS alone.
 */
class CaptureVariantsTest {
    private static final long LM61 = 0xffff000000000000L;  // 6.1 PAGE_OFFSET
    private static final long LM52 = 0xfff0000000000000L;  // 6.12/7.3 PAGE_OFFSET (VA_BITS 52)
    private static final List<ReadOnlyVmallocPages> K61_DECLARED = List.of(
            new ReadOnlyVmallocPages(0x4803b000L, 0x2000L, "declared: module pages left read-only"));

    private static List<String> realLinear(String capture) {
        return CaptureVariant.linear(Captures.capture(capture).kernelPageTables().orElseThrow());
    }

    private static void assertLines(List<String> expected, List<String> actual) {
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }

    @Test
    void theExpectedLineFormatterReproducesRealLines() {
        List<String> real = realLinear(Captures.K61);
        assertEquals(real.get(0), leaf(LM61, LM61 + 0x210000, "PTE", Attrs.rwTagged(true)));
        assertEquals(real.get(2), leaf(LM61 + 0x400000, LM61 + 0x1800000, "PMD", Attrs.roNormal(true).asBlock()));
        assertEquals(real.get(real.size() - 1), hole(LM61 + 0x8000000000L, 0xffff800000000000L, "PGD"));
    }

    // ---- rodata= ----

    /** 6.1 rodata=off: rodata_full false, no KFENCE, no debug_pagealloc → can_set_direct_map() false → map_mem
     *  passes only NO_EXEC_MAPPINGS: 2M blocks, CONT PTE/PMD runs, 1G PUD blocks where aligned; no run-time
     *  read-only islands (change_memory_common mirrors to the linear alias only with rodata_full). */
    @Test
    void rodataOffIn61UsesBlocksAndContiguousRunsAroundTheTextAlias() {
        KernelPageTablesText sim = CaptureVariant.of(Captures.K61).cmdline("console=ttyAMA0 nokaslr rodata=off")
                .simulate(K61_DECLARED);
        Attrs rw = Attrs.rwTagged(true);
        Attrs ro = Attrs.roNormal(true);
        assertLines(List.of(
                leaf(LM61, LM61 + 0x200000, "PMD", rw.asBlock()),                 // [PA 0x40000000, 2M) block
                leaf(LM61 + 0x200000, LM61 + 0x210000, "PTE", rw.asCont()),        // 64K up to _stext: one CONT group
                leaf(LM61 + 0x210000, LM61 + 0x400000, "PTE", ro),               // text alias: NO_CONT, blocks ok
                leaf(LM61 + 0x400000, LM61 + 0x1800000, "PMD", ro.asBlock()),
                leaf(LM61 + 0x1800000, LM61 + 0x1860000, "PTE", ro),
                leaf(LM61 + 0x1860000, LM61 + 0x1a00000, "PTE", rw.asCont()),      // to the next 2M: CONT PTEs
                leaf(LM61 + 0x1a00000, LM61 + 0x2000000, "PMD", rw.asBlock()),     // to the next 32M: plain blocks
                leaf(LM61 + 0x2000000, LM61 + 0x40000000, "PMD", rw.asCont().asBlock()), // 32M-aligned: CONT PMDs
                hole(LM61 + 0x40000000, LM61 + 0x8000000000L, "PUD"),
                hole(LM61 + 0x8000000000L, 0xffff800000000000L, "PGD")),
                CaptureVariant.linear(sim));
    }

    /** pud_sect_supported() (4K): a 1G-aligned GiB of a bank becomes one PUD block. */
    @Test
    void rodataOffIn61UsesPudBlocksForAligned1GRanges() {
        KernelPageTablesText sim = CaptureVariant.of(Captures.K61).cmdline("console=ttyAMA0 nokaslr rodata=off")
                .section("memblock_memory", "   0: 0x0000000040000000..0x00000000bfffffff")
                .simulate(K61_DECLARED);
        List<String> lines = CaptureVariant.linear(sim);
        assertEquals(leaf(LM61 + 0x40000000, LM61 + 0x80000000L, "PUD", Attrs.rwTagged(true).asBlock()),
                lines.get(lines.size() - 3));
        assertEquals(hole(LM61 + 0x80000000L, LM61 + 0x8000000000L, "PUD"), lines.get(lines.size() - 2));
    }

    /** 6.1 rodata=on means "enabled, not full" (mmu.c parse_rodata: strtobool; only "full" sets rodata_full). */
    @Test
    void rodataOnIn61IsNotFullAndAlsoUsesBlocks() {
        List<String> off = CaptureVariant.linear(CaptureVariant.of(Captures.K61)
                .cmdline("console=ttyAMA0 nokaslr rodata=off").simulate(K61_DECLARED));
        List<String> on = CaptureVariant.linear(CaptureVariant.of(Captures.K61)
                .cmdline("console=ttyAMA0 nokaslr rodata=on").simulate(K61_DECLARED));
        assertEquals(off, on);
    }

    /** 6.12: KFENCE compiled in with sample interval 0 → arm64_kfence_can_set_direct_map() → can_set_direct_map()
     *  → pages everywhere even with rodata=off; only the read-only islands (rodata_full) disappear. */
    @Test
    void kfenceCompiledInForcesPagesIn612EvenWithRodataOff() {
        KernelPageTablesText sim = CaptureVariant.of(Captures.K612).cmdline("console=ttyAMA0 nokaslr rodata=off")
                .simulate(List.of());
        List<String> real = realLinear(Captures.K612);
        List<String> expected = new ArrayList<>(real.subList(0, 3));
        expected.add(leaf(LM52 + 0x1f00000, LM52 + 0x40000000, "PTE", Attrs.rwTagged(false)));
        expected.addAll(real.subList(real.size() - 4, real.size()));
        assertLines(expected, CaptureVariant.linear(sim));
    }

    /** Debian builds have no CONFIG_DEBUG_PAGEALLOC: debug_pagealloc=on is an unknown parameter, nothing changes. */
    @Test
    void debugPageallocOnIsIgnoredByDebianKernels() {
        KernelPageTablesText sim = CaptureVariant.of(Captures.K61)
                .cmdline("console=ttyAMA0 nokaslr rodata=off debug_pagealloc=on").simulate(K61_DECLARED);
        assertEquals(CaptureVariant.linear(CaptureVariant.of(Captures.K61)
                .cmdline("console=ttyAMA0 nokaslr rodata=off").simulate(K61_DECLARED)), CaptureVariant.linear(sim));
    }

    // ---- memory ----

    /** map_mem maps each memblock region; nothing is created between them (the hole is empty PMD entries). */
    @Test
    void twoBanksWithAHoleMapEachBankAndNothingBetween() {
        KernelPageTablesText sim = CaptureVariant.of(Captures.K612).section("memblock_memory",
                "   0: 0x0000000040000000..0x000000005fffffff    0 NONE\n"
                        + "   1: 0x0000000070000000..0x000000007fffffff    0 NONE")
                .simulate(List.of());
        List<String> real = realLinear(Captures.K612);
        List<String> expected = new ArrayList<>(real.subList(0, real.size() - 5));
        Attrs rw = Attrs.rwTagged(false);
        expected.add(leaf(LM52 + 0x8373000, LM52 + 0x20000000, "PTE", rw));
        expected.add(hole(LM52 + 0x20000000, LM52 + 0x30000000, "PMD"));
        expected.add(leaf(LM52 + 0x30000000, LM52 + 0x40000000, "PTE", rw));
        expected.addAll(real.subList(real.size() - 4, real.size()));
        assertLines(expected, CaptureVariant.linear(sim));
    }

    // ---- KFENCE ----

    /** kfence.sample_interval≠0 (6.12): the early pool (memblock top-down: top of DRAM here) is mapped page by
     *  page, kfence_init_pool invalidates the 2 leading pages and every object's right guard page; the rest of
     *  the linear map is unchanged (still pages under rodata=full). */
    @Test
    void kfenceIntervalNonZeroMapsOnlyThePoolByPagesWithGuardPages() {
        CaptureVariant v = CaptureVariant.of(Captures.K612).cmdline("console=ttyAMA0 nokaslr kfence.sample_interval=100");
        assertTrue(v.inputs().assumptions().stream().anyMatch(a -> a.contains("KFENCE pool")));
        List<String> real = realLinear(Captures.K612);
        List<String> expected = new ArrayList<>(real.subList(0, real.size() - 5));
        Attrs rw = Attrs.rwTagged(false);
        long pool = LM52 + 0x3fe00000L;
        expected.add(leaf(LM52 + 0x8373000, pool, "PTE", rw));
        expected.add(leaf(pool, pool + 0x2000, "PTE", rw.invalid()));
        for (int page = 2; page < 512; page++) {
            expected.add(leaf(pool + page * 0x1000L, pool + (page + 1) * 0x1000L, "PTE",
                    page % 2 == 0 ? rw : rw.invalid()));
        }
        expected.addAll(real.subList(real.size() - 4, real.size()));
        assertLines(expected, CaptureVariant.linear(v.simulate(List.of())));
    }

    // ---- VA size ----

    /** A 52-bit (LPA2) build with arm64.nolva runs with vabits_actual=48: 4 levels without LPA2, so SH is back in
     *  the descriptors (SHD column), the linear map starts at _PAGE_OFFSET(48) (memstart_addr lowered by
     *  _PAGE_OFFSET(48) - _PAGE_OFFSET(52), arm64_memblock_init), and the unused level-0 entries, walked as the
     *  P4D level (pgd_none() is false without pgtable_l5_enabled()), print as PGD: ptdump.c note_page counts a
     *  dynamically folded P4D as level 0 (the k612-a57 capture shows "130560G PGD" there). */
    @Test
    void a52BitKernelOnACpuWithoutLpa2WalksFourLevelsAndPrintsShd() {
        String lowered = Long.toHexString(0x40000000L - (0xffff000000000000L - LM52));
        CaptureVariant v = CaptureVariant.of(Captures.K612).cmdline("console=ttyAMA0 nokaslr arm64.nolva")
                .modValue("vabits_actual", "48").modValue("PHYS_OFFSET", lowered)
                .modValue("memstart_addr", lowered);
        assertEquals(48, v.inputs().boot().layout().geometry().vaBits());
        assertFalse(v.inputs().boot().layout().geometry().lpa2());
        KernelPageTablesText sim = v.simulate(List.of());

        List<String> real = realLinear(Captures.K612);
        List<String> expected = new ArrayList<>();
        for (String line : real.subList(0, real.size() - 4)) {
            expected.add(withShd(line.replace("0xfff0", "0xffff")));
        }
        expected.add(hole(LM61 + 0x40000000, LM61 + 0x8000000000L, "PUD"));
        expected.add(hole(LM61 + 0x8000000000L, 0xffff800000000000L, "PGD"));
        assertLines(expected, CaptureVariant.linear(sim));

        KernelPageTablesText realDump = Captures.capture(Captures.K612).kernelPageTables().orElseThrow();
        var image = v.inputs().boot().image();
        VaRange imageRange = new VaRange(image.text(), image.end());
        assertEquals(realDump.linesWithin(imageRange).stream().map(CaptureVariantsTest::withShd).toList(),
                sim.linesWithin(imageRange));
    }

    private static String withShd(String line) {
        return line.replaceAll("(NX|x ) {5}AF", "$1 SHD AF");
    }

    // ---- nG ----

    private static String withNg(String line) {
        return line.replace(" AF    ", " AF NG ");
    }

    /** cpufeature.c unmap_kernel_at_el0: a CPU neither on kpti_safe_list nor with CSV3 (Cortex-A75) gets KPTI,
     *  and kpti_install_ng_mappings leaves every kernel leaf nG — even with nokaslr. */
    @Test
    void meltdownAffectedCpuGetsNgEvenWithNokaslr() {
        CaptureVariant v = CaptureVariant.of(Captures.K61).midr(0x413fd0a1L).modValue("ID_AA64PFR0",
                "0000000000000011");
        assertTrue(v.inputs().boot().config().cpu().kptiNeeded());
        List<String> expected = realLinear(Captures.K61).stream().map(CaptureVariantsTest::withNg).toList();
        assertLines(expected, CaptureVariant.linear(v.simulate(K61_DECLARED)));
    }

    /** Cortex-A57 is on kpti_safe_list: no KPTI with nokaslr although CSV3 is 0. */
    @Test
    void cortexA57WithNokaslrKeepsGlobalMappings() {
        CaptureVariant v = CaptureVariant.of(Captures.K61).midr(0x411fd070L).modValue("ID_AA64PFR0",
                "0000000000002222");
        assertFalse(v.inputs().boot().config().cpu().kptiNeeded());
        assertLines(realLinear(Captures.K61), CaptureVariant.linear(v.simulate(K61_DECLARED)));
    }

    /** KASLR displaced the image (kallsyms _text 64M above KIMAGE_VADDR) on a CPU without E0PD:
     *  kaslr_requires_kpti() → arm64_use_ng_mappings before paging_init → nG on every kernel mapping. The cmdline
     *  still says nokaslr: the import follows where the image is, not the words. */
    @Test
    void kaslrWithoutE0pdSetsNgOnEveryKernelMapping() {
        CaptureVariant v = movedK61Image(0x4000000L).modValue("ID_AA64MMFR2", "0021011010011011");
        assertTrue(v.inputs().boot().config().cpu().kptiNeeded());
        List<String> expected = realLinear(Captures.K61).stream().map(CaptureVariantsTest::withNg).toList();
        assertLines(expected, CaptureVariant.linear(v.simulate(K61_DECLARED)));
    }

    /** With E0PD (the max CPU) KASLR does not need KPTI: the linear map stays global. */
    @Test
    void kaslrWithE0pdKeepsGlobalMappings() {
        CaptureVariant v = movedK61Image(0x4000000L);
        assertFalse(v.inputs().boot().config().cpu().kptiNeeded());
        assertLines(realLinear(Captures.K61), CaptureVariant.linear(v.simulate(K61_DECLARED)));
    }

    /** The k61 capture with its image moved up by {@code offset} (kallsyms, kimage_voffset, hardware walk). */
    private static CaptureVariant movedK61Image(long offset) {
        long lo = 0xffff800008000000L;
        long hi = 0xffff80000c000000L;
        Pattern va = Pattern.compile("(?<![0-9a-fA-Fx])(0x)?(ffff80000[89ab][0-9a-f]{6})(?![0-9a-f])");
        CaptureVariant v = CaptureVariant.of(Captures.K61).cmdline("console=ttyAMA0").lines(line -> {
            if (!(line.startsWith("L") || line.matches("^ffff8000[0-9a-f]{8} .*"))) {
                return line;
            }
            Matcher m = va.matcher(line);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                long a = Long.parseUnsignedLong(m.group(2), 16);
                String g1 = m.group(1) == null ? "" : m.group(1);
                String moved = Long.compareUnsigned(a, lo) >= 0 && Long.compareUnsigned(a, hi) < 0
                        ? Long.toHexString(a + offset) : m.group(2);
                m.appendReplacement(sb, g1 + moved);
            }
            m.appendTail(sb);
            return sb.toString();
        });
        return v.modValue("kimage_voffset", Long.toHexString(0xffff7fffc7e00000L + offset));
    }
}
