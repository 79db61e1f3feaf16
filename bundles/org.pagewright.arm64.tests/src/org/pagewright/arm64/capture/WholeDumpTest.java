package org.pagewright.arm64.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pagewright.arm64.capture.CaptureVariant.hole;
import static org.pagewright.arm64.capture.CaptureVariant.leaf;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pagewright.arm64.capture.CaptureVariant.Attrs;

/**
 * The sections beyond the linear map and the image: vmemmap, Fixmap and PCI I/O are simulated from the boot's
 * inputs; the Modules and vmalloc areas outside the image are copied from the hardware walk and declared
 * run-time observations.
 */
class WholeDumpTest {
    private static final Attrs RW_NORMAL_BLOCK = new Attrs(true, false, true, false, false, true, "MEM/NORMAL");

    private static CaptureReplay.Result replay(CaptureVariant v) {
        Parsed<Optional<CaptureReplay.Result>> r = CaptureReplay.replay(Capture.parse(v.text()).value(), List.of());
        return r.value().orElseThrow(() -> new AssertionError(r.problems()));
    }

    private static List<String> section(CaptureReplay.Result r, String marker) {
        KernelPageTablesText t = KernelPageTablesText.parse(Section.of("sim", r.simulatedDump())).value();
        return CaptureVariant.linear(t).isEmpty() ? List.of() : t.block(marker).orElseThrow().lines().stream()
                .map(KernelPageTablesText.RangeLine::text).toList();
    }

    // mmu.c vmemmap_populate (4K: vmemmap_populate_hugepages) for each present section (sparse.c
    // memblocks_present), at vmemmap + pfn: a 128M section's 2M of struct pages is one PMD block
    @Test
    void vmemmapPopulateMapsTheMemmapOfEachSectionWithMemoryAsPmdBlocks() {
        CaptureVariant v = CaptureVariant.of(Captures.K612_A57).section("memblock_memory",
                "   0: 0x0000000040000000..0x000000005fffffff    0 NONE\n"
                        + "   1: 0x0000000070000000..0x000000007fffffff    0 NONE");
        long base = 0xfffffdffc0000000L; // page of PA 0x40000000: VMEMMAP_START + (pfn - memstart_pfn) * 64
        assertEquals(List.of(
                leaf(base, base + 0x800000, "PMD", RW_NORMAL_BLOCK),         // 4 sections of bank 0
                hole(base + 0x800000, base + 0xc00000, "PMD"),               // [0x60000000, 0x70000000): none
                leaf(base + 0xc00000, base + 0x1000000, "PMD", RW_NORMAL_BLOCK), // 2 sections of bank 1
                hole(base + 0x1000000, 0xfffffe0000000000L, "PMD"),
                hole(0xfffffe0000000000L, 0xffffff8000000000L, "PGD"),
                hole(0xffffff8000000000L, 0xffffffffc0000000L, "PUD")),
                section(replay(v), "vmemmap start"));
    }

    // mmu.c early_fixmap_init_pte (after the fixmap rework): a bm_pte for every PMD of the fixmap, even unused
    @Test
    void earlyFixmapInitLinksABmPteForEveryFixmapPmd() {
        CaptureReplay.Result r = replay(CaptureVariant.of(Captures.K73));
        List<String> dump = r.simulatedDump().lines().toList();
        int fixmap = dump.indexOf("---[ Fixmap start ]---");
        assertEquals("0xffffffffff200000-0xffffffffff226000         152K PTE", dump.get(fixmap - 1));
    }

    // mmu.c early_fixmap_init (6.1): one bm_pte, for FIXADDR_START's PMD; fixmap_remap_fdt maps the FDT with a
    // SWAPPER_BLOCK_SIZE (2M) block at FIX_FDT; map_entry_trampoline maps 3 text pages ROX and the data page RO
    @Test
    void the61FixmapHoldsTheTrampolineAndAnFdtBlock() {
        List<String> fixmap = section(replay(CaptureVariant.of(Captures.K61)), "Fixmap start");
        Attrs ro = Attrs.roNormal(true);
        assertEquals(List.of(
                hole(0xfffffbfffdbf5000L, 0xfffffbfffdbf6000L, "PTE"),
                leaf(0xfffffbfffdbf6000L, 0xfffffbfffdbf9000L, "PTE", ro).replace("ro NX", "ro x "),
                leaf(0xfffffbfffdbf9000L, 0xfffffbfffdbfa000L, "PTE", ro),
                hole(0xfffffbfffdbfa000L, 0xfffffbfffdc00000L, "PTE"),
                leaf(0xfffffbfffdc00000L, 0xfffffbfffde00000L, "PMD", ro.asBlock()),
                hole(0xfffffbfffde00000L, 0xfffffbfffe000000L, "PMD")), fixmap);
    }

    // mmu.c fixmap_remap_fdt (after the rework): page granularity, round_up(offset + fdt_totalsize, PAGE_SIZE)
    @Test
    void afterTheFixmapReworkTheFdtIsMappedPageByPage() {
        List<String> fixmap = section(replay(CaptureVariant.of(Captures.K612)), "Fixmap start");
        assertEquals(leaf(0xffffffffff5fe000L, 0xffffffffff6fe000L, "PTE", Attrs.roNormal(false)), fixmap.get(1));
    }

    // drivers/pci/pci.c pci_remap_iospace: the host's I/O window at PCI_IOBASE + port, pgprot_device(PAGE_KERNEL)
    @Test
    void pciRemapIospaceMapsTheHostsIoWindowAtPciIobase() {
        CaptureVariant v = CaptureVariant.of(Captures.K612_A57).lines(l -> l.replace(
                "IO 0x003eff0000..0x003effffff", "IO 0x003efe0000..0x003effffff"));
        Attrs device = new Attrs(true, false, true, false, false, false, "DEVICE/nGnRE");
        assertEquals(List.of(
                leaf(0xffffffffc0800000L, 0xffffffffc0820000L, "PTE", device),
                hole(0xffffffffc0820000L, 0xffffffffc0a00000L, "PTE"),
                hole(0xffffffffc0a00000L, 0xffffffffc1800000L, "PMD")), section(replay(v), "PCI I/O start"));
    }

    // vmalloc.c vmap_pte_range + arch_vmap_pte_range_map_size: CONT PTEs in vmap in 7.3, not in 6.12
    @Test
    void vmapUsesContiguousPtesIn73ButNotIn612() {
        assertTrue(section(replay(CaptureVariant.of(Captures.K73)), "PCI I/O start").get(0).contains(" CON "));
        assertFalse(section(replay(CaptureVariant.of(Captures.K612)), "PCI I/O start").get(0).contains(" CON "));
    }

    @Test
    void withoutAPciHostThereIsNoIoMapping() {
        CaptureVariant v = CaptureVariant.of(Captures.K612).lines(l -> l.contains(" IO 0x") ? "" : l);
        assertEquals(List.of(hole(0xffffffffc0800000L, 0xffffffffc1800000L, "PMD")),
                section(replay(v), "PCI I/O start"));
    }

    // the groundtruth README: modules, vmalloc and fixmap-adjacent run-time allocations vary from boot to boot;
    // they are copied from the hardware walk, printed, and not judged
    @Test
    void runTimeAllocationsAreCopiedFromTheHardwareWalkAndDeclaredObserved() {
        String module = "0xffff80007ab30000-0xffff80007ab31000           4K PTE       ro x      AF            UXN"
                + "    MEM/NORMAL";
        CaptureReplay.Result real = replay(CaptureVariant.of(Captures.K612));
        assertTrue(real.simulatedDump().contains(module + "\n"));
        assertFalse(real.expectedDump().contains(module), "a run-time line is not judged");
        assertTrue(real.observedLines() > 0);

        // the module page made non-executable in the walk only: the replay shows what the walk holds, and the
        // line is still not judged
        CaptureVariant edited = CaptureVariant.of(Captures.K612).lines(l -> l.startsWith("L3 0xffff80007ab30000")
                ? l.replace("attrs=0x00c0000000000483", "attrs=0x00e0000000000483") : l);
        CaptureReplay.Result r = replay(edited);
        assertTrue(r.simulatedDump().contains(module.replace("ro x ", "ro NX") + "\n"), r.simulatedDump());
        assertTrue(r.reproduced(), r.dumpSummary());
    }

    @Test
    void theKernelLogsPciIoWindowsAreParsedOnce() {
        assertEquals(List.of(new PciIoWindow(0x3eff0000L, 0x10000L)), PciIoWindow.parse(
                "[    0.39] pci-host-generic 4010000000.pcie:       IO 0x003eff0000..0x003effffff -> 0x0000000000\n"
                        + "[    0.39] pci-host-generic 4010000000.pcie:       IO 0x003eff0000..0x003effffff -> 0x0\n"
                        + "[    0.39] pci-host-generic 4010000000.pcie:      MEM 0x0010000000..0x003efeffff -> 0x1"));
    }

    @Test
    void tableDescriptorRunsOfTheRawWalkAreParsedAndBadOnesLocated() {
        Parsed<List<RawTableRun>> p = RawTableRun.parse(Section.of("kernel_page_tables_raw",
                "T1 0xffff800040000000-0xffff8000c0000000 n=2       desc0=0x1000000044c2e003 attrs=0x1000000000000003"
                        + " UXNTable\nT2 0xffff80007aa00000-oops\n"));
        assertEquals(List.of(new RawTableRun(1, 0xffff800040000000L, 0xffff8000c0000000L, 2, 0x1000000000000003L)),
                p.value());
        assertEquals(1, p.problems().size());
        assertEquals(2, p.problems().get(0).line());
    }
}
