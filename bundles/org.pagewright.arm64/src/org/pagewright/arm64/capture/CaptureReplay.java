package org.pagewright.arm64.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pagewright.arm64.kernel.Boot;
import org.pagewright.arm64.kernel.BootReplay;
import org.pagewright.arm64.kernel.BootSequence;
import org.pagewright.arm64.kernel.KernelBuild;
import org.pagewright.arm64.kernel.ReadOnlyVmallocPages;
import org.pagewright.arm64.ptdump.Ptdump;

/**
 * Replays a real kernel's boot from a capture's inputs alone (uname, cmdline, kallsyms, iomem, memblock, ID
 * registers, PHYS_OFFSET/kimage_voffset, run-time read-only vmalloc pages) and compares the simulated
 * kernel_page_tables with the captured one: the Linear Mapping section and the kernel-image lines, which follow
 * from the layout (the groundtruth README: the rest holds run-time allocations).
 */
public final class CaptureReplay {

    /** The simulated dump and, for the two judged parts, the captured and the simulated lines. */
    public record Result(String simulatedDump, List<String> expectedLinear, List<String> actualLinear,
            List<String> expectedImage, List<String> actualImage, List<String> assumptions) {

        /** Whether both judged parts are reproduced byte for byte. */
        public boolean reproduced() {
            return expectedLinear.equals(actualLinear) && expectedImage.equals(actualImage);
        }

        /** "linear 15/15, image 11/11": captured lines that the simulation prints too. */
        public String summary() {
            return String.format("linear %d/%d, image %d/%d", matched(expectedLinear, actualLinear),
                    expectedLinear.size(), matched(expectedImage, actualImage), expectedImage.size());
        }

        private static long matched(List<String> expected, List<String> actual) {
            return expected.stream().filter(actual::contains).count();
        }
    }

    private CaptureReplay() {
    }

    /**
     * Replays a parsed capture of a Debian kernel, with run-time read-only islands the capture cannot show
     * ({@code declared}, observed inputs) next to the ones derived from its hardware walk. Problems of the
     * capture (missing sections, unusable values) come back located; nothing is thrown for bad input.
     */
    public static Parsed<Optional<Result>> replay(Capture capture, List<ReadOnlyVmallocPages> declared) {
        return replay(capture, declared, Optional.empty());
    }

    /**
     * As {@link #replay(Capture, List)} on the CPUs stated here rather than the capture's boot MIDR: they decide
     * BBML2-noabort/BBML3 (per CPU: a boot CPU on the list with a secondary off it page-maps the linear map after
     * boot) and kpti_safe_list. A "CPU features: detected:" line of the capture's kernel log still wins for the
     * boot CPU; the result's assumptions say which was followed.
     */
    public static Parsed<Optional<Result>> replay(Capture capture, List<ReadOnlyVmallocPages> declared,
            Optional<Cpus> cpus) {
        Parsed<Optional<CaptureInputs>> inputs = CaptureInputs.from(capture, KernelBuild::debian, cpus);
        Optional<KernelPageTablesText> expected = capture.kernelPageTables();
        List<Problem> problems = new ArrayList<>(inputs.problems());
        if (inputs.value().isEmpty() || expected.isEmpty()) {
            if (expected.isEmpty()) {
                problems.add(new Problem(0, "the capture has no kernel_page_tables section to compare with"));
            }
            return Parsed.of(Optional.empty(), problems);
        }
        CaptureInputs in = inputs.value().get();
        Boot boot = in.boot();
        List<ReadOnlyVmallocPages> runtime = new ArrayList<>(in.readOnlyVmallocPages());
        runtime.addAll(declared);
        BootReplay replay = BootReplay.run(boot, BootSequence.operations(boot, runtime));
        String dump = Ptdump.render(replay.tables(), boot.layout());
        KernelPageTablesText actual = KernelPageTablesText.parse(Section.of("simulated", dump)).value();
        long imageStart = boot.config().textHeadMapped() ? boot.image().text() : boot.image().stext();
        return Parsed.of(Optional.of(new Result(dump, linear(expected.get()), linear(actual),
                expected.get().linesWithin(imageStart, boot.image().end()),
                actual.linesWithin(imageStart, boot.image().end()), in.assumptions())), problems);
    }

    private static List<String> linear(KernelPageTablesText t) {
        return t.block("Linear Mapping start").map(b -> b.lines().stream()
                .map(KernelPageTablesText.RangeLine::text).toList()).orElse(List.of());
    }
}
