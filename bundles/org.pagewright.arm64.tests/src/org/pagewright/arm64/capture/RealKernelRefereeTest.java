package org.pagewright.arm64.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagewright.arm64.kernel.Boot;
import org.pagewright.arm64.kernel.BootReplay;
import org.pagewright.arm64.kernel.BootSequence;
import org.pagewright.arm64.kernel.KernelBuild;
import org.pagewright.arm64.kernel.ReadOnlyVmallocPages;
import org.pagewright.arm64.ptdump.Ptdump;

/**
 * The real kernels are the referee: from a capture's inputs only (uname, cmdline, kallsyms, iomem, memblock,
 * ID registers, PHYS_OFFSET/kimage_voffset and the run-time read-only vmalloc pages) the recipes must reproduce
 * the capture's "Linear Mapping" section and the kernel-image lines byte for byte.
 */
class RealKernelRefereeTest {

    /** Lines of one capture: expected vs simulated, for the linear map and for the image window. */
    record Comparison(List<String> expectedLinear, List<String> actualLinear, List<String> expectedImage,
            List<String> actualImage) {
        long matched(List<String> expected, List<String> actual) {
            return expected.stream().filter(actual::contains).count();
        }

        String report(String name) {
            return String.format("%s: linear %d/%d, image %d/%d", name, matched(expectedLinear, actualLinear),
                    expectedLinear.size(), matched(expectedImage, actualImage), expectedImage.size());
        }
    }

    static Comparison simulate(String name, List<ReadOnlyVmallocPages> declared) {
        Capture capture = Captures.capture(name);
        CaptureInputs in = CaptureInputs.from(capture, KernelBuild::debian).value().orElseThrow();
        Boot boot = in.boot();
        List<ReadOnlyVmallocPages> runtime = new ArrayList<>(in.readOnlyVmallocPages());
        runtime.addAll(declared);
        BootReplay replay = BootReplay.run(boot, BootSequence.operations(boot, runtime));
        KernelPageTablesText actual = KernelPageTablesText.parse(Section.of("sim",
                Ptdump.render(replay.tables(), boot.layout()))).value();
        KernelPageTablesText expected = capture.kernelPageTables().orElseThrow();
        long imageStart = boot.config().textHeadMapped() ? boot.image().text() : boot.image().stext();
        return new Comparison(linear(expected), linear(actual),
                expected.linesWithin(imageStart, boot.image().end()),
                actual.linesWithin(imageStart, boot.image().end()));
    }

    private static List<String> linear(KernelPageTablesText t) {
        return t.block("Linear Mapping start").orElseThrow().lines().stream()
                .map(KernelPageTablesText.RangeLine::text).toList();
    }

    private static void assertReproduced(String name, Comparison c) {
        System.out.println(c.report(name));
        assertEquals(String.join("\n", c.expectedLinear()), String.join("\n", c.actualLinear()), name + " linear");
        assertEquals(String.join("\n", c.expectedImage()), String.join("\n", c.actualImage()), name + " image");
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
}
