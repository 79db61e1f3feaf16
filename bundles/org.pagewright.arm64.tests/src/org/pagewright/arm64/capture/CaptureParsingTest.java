package org.pagewright.arm64.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureParsingTest {

    @Test
    void realCapturesParseWithoutProblems() {
        for (String name : List.of(Captures.K61, Captures.K612, Captures.K73)) {
            Parsed<Capture> parsed = Capture.parse(Captures.text(name));
            assertEquals(List.of(), parsed.problems(), name);
        }
    }

    @Test
    void upstreamVersionComesFromTheDistributionBuildString() {
        assertEquals("6.1.192", Captures.capture(Captures.K61).release().orElseThrow().version());
        assertEquals("6.12.117", Captures.capture(Captures.K612).release().orElseThrow().version());
        assertEquals("7.3.4", Captures.capture(Captures.K73).release().orElseThrow().version());
    }

    @Test
    void cmdlineIsSplitIntoWords() {
        assertEquals(List.of("console=ttyAMA0", "nokaslr"), Captures.capture(Captures.K73).cmdline());
    }

    @Test
    void kallsymsGivesImageSymbolAddresses() {
        Kallsyms k = Captures.capture(Captures.K73).kallsyms();
        assertEquals(0xffff80008321e000L, k.address("__bss_stop").orElseThrow());
        assertEquals(0xffff80008132f000L, k.address("empty_zero_page").orElseThrow());
        assertTrue(k.address("init_pg_dir").isEmpty());
    }

    @Test
    void memblockEndsArePrintedInclusive() {
        Capture c = Captures.capture(Captures.K61);
        assertEquals(List.of(new PhysRange(0x40000000L, 0x80000000L, "NONE")), c.memblockMemory());
        assertEquals(new PhysRange(0x40210000L, 0x4220b000L, "NONE"), c.memblockReserved().get(0));
    }

    @Test
    void iomemNamesTheKernelCodeAndDataResources() {
        Iomem io = Captures.capture(Captures.K61).iomem();
        assertEquals(List.of(new PhysRange(0x40000000L, 0x80000000L, "System RAM")), io.systemRam());
        assertEquals(0x41eb0000L, io.named("Kernel data").orElseThrow().start());
        assertEquals(0x42210000L, io.named("Kernel data").orElseThrow().end());
    }

    @Test
    void ptdumpModuleValuesAndMarkers() {
        PtdumpModInfo mod = Captures.capture(Captures.K612).modInfo();
        assertEquals(52, mod.value("vabits_actual").orElseThrow());
        assertEquals(0xfff0000000000000L, mod.value("PAGE_OFFSET").orElseThrow());
        assertEquals(0x40000000L, mod.value("PHYS_OFFSET").orElseThrow());
        assertEquals(0xffff80003fe00000L, mod.value("kimage_voffset").orElseThrow());
        assertEquals(12, mod.markers().size());
        assertEquals("Fixmap start", mod.markers().get(10).name());
    }

    @Test
    void idRegistersOfQemuMaxAdvertiseLpa2AndE0pd() {
        IdRegisters id = Captures.capture(Captures.K73).modInfo().idRegisters().orElseThrow();
        assertTrue(id.lpa2With4k());
        assertEquals(52, id.paBits());
        assertEquals(2, id.bbmLevel());
        assertTrue(id.e0pd());
    }

    @Test
    void bootCpuMidrIsReadFromTheBootBanner() {
        assertEquals(0x000f0510L, Captures.capture(Captures.K61).midr().orElseThrow());
    }

    @Test
    void kernelPageTablesAreSplitByMarker() {
        KernelPageTablesText kpt = Captures.capture(Captures.K73).kernelPageTables().orElseThrow();
        assertEquals(15, kpt.block("Linear Mapping start").orElseThrow().lines().size());
        assertEquals(0, kpt.block("Linear Mapping end").orElseThrow().lines().size());
        assertTrue(kpt.block("vmalloc() area").orElseThrow().lines().get(0).text().startsWith("0xffff800080000000"));
    }

    @Test
    void rawWalkLeafRunsCarryOutputAddresses() {
        RawLeafRun first = Captures.capture(Captures.K73).rawLeafRuns().get(0);
        assertEquals(3, first.level());
        assertEquals(0x40000000L, first.oaStart());
        assertTrue(first.valid());
        assertFalse(first.readOnly());
    }

    @Test
    void malformedKallsymsLineIsALocatedProblemNotAnException() {
        String log = "===== BEGIN kallsyms =====\nffff800080000000 T _text\nzzzz T broken\n"
                + "ffff800080010000 _stext\n===== END kallsyms =====\n";
        Parsed<Capture> parsed = Capture.parse(log);
        assertTrue(parsed.problems().contains(new Problem(3, "not a hexadecimal address: 'zzzz'")));
        assertTrue(parsed.problems().stream().anyMatch(p -> p.line() == 4));
        assertEquals(0xffff800080000000L, parsed.value().kallsyms().address("_text").orElseThrow());
    }

    @Test
    void unterminatedSectionIsReportedWhereItBegins() {
        Parsed<CaptureLog> parsed = CaptureLog.parse("x\n===== BEGIN iomem =====\n40000000-7fffffff : System RAM\n");
        assertEquals(List.of(new Problem(2, "section 'iomem' is never closed")), parsed.problems());
        assertEquals(1, parsed.value().section("iomem").orElseThrow().lines().size());
    }

    @Test
    void badMemblockAndIomemLinesAreLocated() {
        Parsed<List<PhysRange>> mb = Memblock.parse(new Section("memblock_memory", 10,
                List.of("   0: 0x0000000040000000..0x000000007fffffff    0 NONE", "   1: 0x80000000..0x1")));
        assertEquals(1, mb.value().size());
        assertEquals(11, mb.problems().get(0).line());
        Parsed<Iomem> io = Iomem.parse(new Section("iomem", 5, List.of("40000000-7fffffff System RAM")));
        assertEquals(5, io.problems().get(0).line());
    }
}
