package org.pagewright.arm64.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pagewright.arm64.kernel.ReadOnlyVmallocPages;

/**
 * The real kernels are the referee: from a capture's inputs only (uname, cmdline, kallsyms, iomem, memblock,
 * ID registers, PHYS_OFFSET/kimage_voffset, the kernel log's PCI windows, the FDT's place and the run-time
 * contents of the Modules/vmalloc areas) the recipes must reproduce the capture's whole kernel_page_tables byte
 * for byte, except the lines the replay declares run-time observations.
 */
class RealKernelRefereeTest {

    static CaptureReplay.Result simulate(String name, List<ReadOnlyVmallocPages> declared) {
        Parsed<Optional<CaptureReplay.Result>> replay = CaptureReplay.replay(Captures.capture(name), declared);
        return replay.value().orElseThrow(() -> new AssertionError(name + ": " + replay.problems()));
    }

    private static void assertReproduced(String name, CaptureReplay.Result r) {
        System.out.println(name + ": " + r.summary() + "; " + r.dumpSummary());
        assertEquals(String.join("\n", r.expectedLinear()), String.join("\n", r.actualLinear()), name + " linear");
        assertEquals(String.join("\n", r.expectedImage()), String.join("\n", r.actualImage()), name + " image");
        // the whole dump: markers, vmemmap, PCI I/O, Fixmap and the tables between them, less the Modules and
        // vmalloc lines outside the image (run-time allocations, copied from the hardware walk)
        assertEquals(String.join("\n", r.expectedDump()), String.join("\n", r.actualDump()), name + " whole dump");
        assertTrue(r.expectedDump().containsAll(List.of("---[ vmemmap start ]---", "---[ Fixmap start ]---")));
        assertTrue(r.observedLines() > 0 && r.observedLines() < r.expectedDump().size() + r.observedLines());
        assertTrue(r.reproduced());
    }

    @Test
    void k61LinearMapAndImageAreReproduced() {
        // Declared run-time island: the linear alias of these two module pages is read-only although their
        // vmalloc mapping was writable when the capture was taken (pages reused after a read-only vfree), so the
        // hardware walk cannot show where it came from. Observed input, not derived.
        List<ReadOnlyVmallocPages> declared = List.of(
                new ReadOnlyVmallocPages(0x4803b000L, 0x2000L, "declared: module pages left read-only"));
        assertReproduced(Captures.K61, simulate(Captures.K61, declared));
    }

    @Test
    void k612LinearMapAndImageAreReproduced() {
        assertReproduced(Captures.K612, simulate(Captures.K612, List.of()));
    }

    @Test
    void k73LinearMapAndImageAreReproduced() {
        assertReproduced(Captures.K73, simulate(Captures.K73, List.of()));
    }

    /** A 52-bit build at 48 bits (Cortex-A57, no LPA2): 4 levels at run time, the fallback layout's markers. */
    @Test
    void k612OnCortexA57LinearMapAndImageAreReproduced() {
        assertReproduced(Captures.K612_A57, simulate(Captures.K612_A57, List.of()));
    }

    // pgtable.h VMALLOC_END (VA_BITS > VA_BITS_MIN): VMEMMAP_START + VMEMMAP_UNUSED_NPAGES * sizeof(struct page)
    // - SZ_8M, and ptdump.c address_markers[]: every marker of each capture is where the kernel put it
    @Test
    void everyCapturesSectionMarkersAreWhereTheKernelPutThem() {
        for (String name : List.of(Captures.K61, Captures.K612, Captures.K612_A57, Captures.K73)) {
            Capture c = Captures.capture(name);
            CaptureInputs in = CaptureInputs.from(c, org.pagewright.arm64.kernel.KernelBuild::debian).value()
                    .orElseThrow();
            List<String> real = c.modInfo().markers().stream()
                    .map(m -> String.format("%016x %s", m.address(), m.name())).toList();
            List<String> simulated = in.boot().layout().ptdumpMarkers().stream()
                    .map(m -> String.format("%016x %s", m.address(), m.name())).toList();
            assertEquals(String.join("\n", real), String.join("\n", simulated), name);
        }
    }

    // memory.h/pgtable.h: the layout follows vabits_actual, however the build came to run at 48 bits —
    // arm64.nolva on a CPU with LPA2 gives the markers of the same build on a Cortex-A57 (no LPA2)
    @Test
    void arm64NolvaGivesTheMarkersOfTheSameBuildOnACpuWithoutLpa2() {
        String lowered = Long.toHexString(0xfff1000040000000L);
        CaptureVariant nolva = CaptureVariant.of(Captures.K612).cmdline("console=ttyAMA0 nokaslr arm64.nolva")
                .modValue("vabits_actual", "48").modValue("PHYS_OFFSET", lowered).modValue("memstart_addr", lowered);
        assertEquals(Captures.capture(Captures.K612_A57).modInfo().markers().stream()
                .map(m -> m.name() + " " + Long.toHexString(m.address())).toList(),
                nolva.inputs().boot().layout().ptdumpMarkers().stream()
                .map(m -> m.name() + " " + Long.toHexString(m.address())).toList());
    }

    // ptdump.c note_page: a level folded at run time (mm_p4d_folded) is printed as level 0, "PGD"
    @Test
    void aFiveLevelBuildWalkingFourLevelsNamesItsRootPgd() {
        CaptureReplay.Result r = simulate(Captures.K612_A57, List.of());
        assertEquals("0xffff008000000000-0xffff800000000000      130560G PGD",
                r.actualLinear().get(r.actualLinear().size() - 1));
    }

    @Test
    void aCaptureWithoutItsDumpIsALocatedProblemNotAnException() {
        String text = Captures.text(Captures.K73).replaceAll(
                "(?s)===== BEGIN kernel_page_tables =====.*?===== END kernel_page_tables =====\r?\n", "");

        Parsed<Optional<CaptureReplay.Result>> replay = CaptureReplay.replay(Capture.parse(text).value(), List.of());

        assertTrue(replay.value().isEmpty());
        assertTrue(replay.problems().stream().anyMatch(p -> p.reason().contains("no kernel_page_tables")),
                replay.problems()::toString);
    }
}
