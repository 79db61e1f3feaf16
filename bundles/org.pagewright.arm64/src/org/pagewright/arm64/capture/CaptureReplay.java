package org.pagewright.arm64.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pagewright.arm64.VaRange;
import org.pagewright.arm64.kernel.Boot;
import org.pagewright.arm64.kernel.BootReplay;
import org.pagewright.arm64.kernel.BootSequence;
import org.pagewright.arm64.kernel.KernelBuild;
import org.pagewright.arm64.kernel.ReadOnlyVmallocPages;
import org.pagewright.arm64.ptdump.Ptdump;

/**
 * Replays a real kernel's boot from a capture's inputs alone (uname, cmdline, kallsyms, iomem, memblock, ID
 * registers, PHYS_OFFSET/kimage_voffset, the kernel log's CPU features and PCI windows, the FDT's place, run-time
 * read-only vmalloc pages) and compares the simulated kernel_page_tables with the captured one: the Linear
 * Mapping section, the kernel-image lines, and the whole dump except the Modules/vmalloc lines outside the image,
 * which hold run-time allocations (the groundtruth README) and are copied from the capture's hardware walk as
 * observed input.
 */
public final class CaptureReplay {

    /**
     * The simulated dump and, for the judged parts, the captured and the simulated lines: the Linear Mapping
     * section, the kernel-image lines, and the whole dump less the lines it declares run-time observations (the
     * Modules and vmalloc areas outside the image, copied from the capture's hardware walk).
     *
     * @param expectedDump the captured dump's lines (markers included) that are judged
     * @param actualDump the simulated dump's lines that are judged, by the same rule
     * @param observedLines how many captured lines are run-time observations, not judged
     */
    public record Result(String simulatedDump, List<String> expectedLinear, List<String> actualLinear,
            List<String> expectedImage, List<String> actualImage, List<String> assumptions,
            List<String> expectedDump, List<String> actualDump, int observedLines) {

        /** Without the whole-dump comparison (nothing beyond linear map and image judged). */
        public Result(String simulatedDump, List<String> expectedLinear, List<String> actualLinear,
                List<String> expectedImage, List<String> actualImage, List<String> assumptions) {
            this(simulatedDump, expectedLinear, actualLinear, expectedImage, actualImage, assumptions, List.of(),
                    List.of(), 0);
        }

        /** Whether every judged line is reproduced byte for byte, in order: linear map, image, whole dump. */
        public boolean reproduced() {
            return expectedLinear.equals(actualLinear) && expectedImage.equals(actualImage)
                    && expectedDump.equals(actualDump);
        }

        /** "linear 15/15, image 11/11": captured lines that the simulation prints too. */
        public String summary() {
            return String.format("linear %d/%d, image %d/%d", matched(expectedLinear, actualLinear),
                    expectedLinear.size(), matched(expectedImage, actualImage), expectedImage.size());
        }

        /** "whole dump 187/187, 47 run-time lines observed": the judged lines of the whole dump that the
         *  simulation prints too, and how many were declared run-time observations instead. */
        public String dumpSummary() {
            return String.format("whole dump %d/%d, %d run-time lines observed", matched(expectedDump, actualDump),
                    expectedDump.size(), observedLines);
        }

        private static long matched(List<String> expected, List<String> actual) {
            java.util.Set<String> seen = new java.util.HashSet<>(actual);
            return expected.stream().filter(seen::contains).count();
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
        BootReplay replay = BootReplay.run(boot, BootSequence.operations(boot, runtime, in.platform()),
                in.staticTables());
        long imageStart = RuntimeObservations.imageStart(boot);
        RuntimeObservations observations = RuntimeObservations.of(boot);
        problems.addAll(observations.apply(replay.tables(), capture));
        String dump = Ptdump.render(replay.tables(), boot.layout());
        KernelPageTablesText actual = KernelPageTablesText.parse(Section.of("simulated", dump)).value();
        List<String> expectedDump = judged(expected.get(), observations);
        int observed = expected.get().rangeLines().size() + markers(expected.get()) - expectedDump.size();
        return Parsed.of(Optional.of(new Result(dump, linear(expected.get()), linear(actual),
                expected.get().linesWithin(new VaRange(imageStart, boot.image().end())),
                actual.linesWithin(new VaRange(imageStart, boot.image().end())), in.assumptions(), expectedDump,
                judged(actual, observations), observed)), problems);
    }

    /** The dump's markers and range lines in order, less the range lines in run-time areas. */
    private static List<String> judged(KernelPageTablesText t, RuntimeObservations observations) {
        List<String> out = new ArrayList<>();
        for (KernelPageTablesText.Block b : t.blocks()) {
            if (!b.marker().isEmpty()) {
                out.add("---[ " + b.marker() + " ]---");
            }
            b.lines().stream().filter(l -> !observations.observed(l.start())).forEach(l -> out.add(l.text()));
        }
        return out;
    }

    private static int markers(KernelPageTablesText t) {
        return (int) t.blocks().stream().filter(b -> !b.marker().isEmpty()).count();
    }

    private static List<String> linear(KernelPageTablesText t) {
        return t.block("Linear Mapping start").map(b -> b.lines().stream()
                .map(KernelPageTablesText.RangeLine::text).toList()).orElse(List.of());
    }
}
