package org.pagewright.arm64.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pagewright.arm64.kernel.ReadOnlyVmallocPages;

/**
 * The real kernels are the referee: from a capture's inputs only (uname, cmdline, kallsyms, iomem, memblock,
 * ID registers, PHYS_OFFSET/kimage_voffset and the run-time read-only vmalloc pages) the recipes must reproduce
 * the capture's "Linear Mapping" section and the kernel-image lines byte for byte.
 */
class RealKernelRefereeTest {

    static CaptureReplay.Result simulate(String name, List<ReadOnlyVmallocPages> declared) {
        Parsed<Optional<CaptureReplay.Result>> replay = CaptureReplay.replay(Captures.capture(name), declared);
        return replay.value().orElseThrow(() -> new AssertionError(name + ": " + replay.problems()));
    }

    private static void assertReproduced(String name, CaptureReplay.Result r) {
        System.out.println(name + ": " + r.summary());
        assertEquals(String.join("\n", r.expectedLinear()), String.join("\n", r.actualLinear()), name + " linear");
        assertEquals(String.join("\n", r.expectedImage()), String.join("\n", r.actualImage()), name + " image");
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
