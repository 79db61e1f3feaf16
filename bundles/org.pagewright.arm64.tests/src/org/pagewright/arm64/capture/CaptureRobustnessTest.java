package org.pagewright.arm64.capture;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pagewright.arm64.kernel.KernelBuild;

/** Missing or garbled capture sections give located problems and explicit assumptions, never an exception. */
class CaptureRobustnessTest {
    private static final List<String> SECTIONS = List.of("uname", "cmdline", "cpuinfo", "kallsyms",
            "ptdump_mod_insmod", "kernel_page_tables", "kernel_page_tables_raw", "iomem", "memblock_memory",
            "memblock_reserved", "dmesg_full");

    static Stream<Arguments> withoutOneSection() {
        return Stream.of(Captures.K61, Captures.K612, Captures.K73)
                .flatMap(c -> SECTIONS.stream().map(s -> Arguments.of(c, s)));
    }

    private static Parsed<Optional<CaptureInputs>> importOf(String text) {
        Parsed<Capture> c = assertDoesNotThrow(() -> Capture.parse(text));
        return assertDoesNotThrow(() -> CaptureInputs.from(c.value(), KernelBuild::debian));
    }

    @ParameterizedTest
    @MethodSource("withoutOneSection")
    void aMissingSectionIsAProblemOrAnAssumption(String capture, String section) {
        String text = CaptureVariant.of(capture).without(section).text();
        Parsed<Capture> parsed = Capture.parse(text);
        Parsed<Optional<CaptureInputs>> in = importOf(text);
        boolean reported = !parsed.problems().isEmpty() || !in.problems().isEmpty()
                || in.value().map(v -> !v.assumptions().isEmpty()).orElse(false);
        assertTrue(reported, "dropping " + section + " went unnoticed");
        if (in.value().isPresent() && !section.equals("kernel_page_tables") && !section.equals("dmesg_full")
                && !section.equals("cpuinfo") && !section.equals("kernel_page_tables_raw")) {
            assertFalse(in.value().get().assumptions().isEmpty() && parsed.problems().isEmpty());
        }
    }

    static Stream<Arguments> cuts() {
        return Stream.of(Captures.K61, Captures.K612, Captures.K73)
                .flatMap(c -> Stream.of(0.05, 0.2, 0.22, 0.25, 0.3, 0.5, 0.7, 0.9).map(f -> Arguments.of(c, f)));
    }

    @ParameterizedTest
    @MethodSource("cuts")
    void aTruncatedLogNeverThrows(String capture, double fraction) {
        String text = CaptureVariant.of(capture).text();
        importOf(text.substring(0, (int) (text.length() * fraction)));
    }

    @ParameterizedTest
    @MethodSource("cuts")
    void garbledValuesGiveLocatedProblems(String capture, double fraction) {
        CaptureVariant v = CaptureVariant.of(capture).modValue("vabits_actual", "zz").modValue("ID_AA64MMFR0", "0x")
                .section("memblock_memory", "   0: 0x00000000zz..0x1\n   1: nonsense")
                .section("uname", "Linux 7.x.q garbage");
        String text = v.text();
        Parsed<Capture> parsed = Capture.parse(text.substring(0, (int) (text.length() * fraction)));
        assertTrue(parsed.problems().stream().allMatch(p -> p.line() >= 0));
        importOf(text);
        assertFalse(Capture.parse(text).problems().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("withoutOneSection")
    void unterminatedSectionsNeverThrow(String capture, String section) {
        String text = CaptureVariant.of(capture).text().replace("===== END " + section + " =====", "");
        importOf(text);
    }

    private static Parsed<Optional<CaptureReplay.Result>> replayOf(String text) {
        Parsed<Capture> c = assertDoesNotThrow(() -> Capture.parse(text));
        return assertDoesNotThrow(() -> CaptureReplay.replay(c.value(), List.of()));
    }

    /** A raw walk with an empty run, a run that spans the whole vmalloc area, or a level the geometry lacks. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "L3 0xffff800082b31000-0xffff800082b32000 n=0       oa=0x0008020000-0x0008021000 desc0=0x1 attrs=0x1",
        "L3 0xffff800000000000-0xfffffd8000000000 n=33822867456 oa=0x0-0x1 desc0=0x1 attrs=0x1",
        "L-1 0xffff800000000000-0xffff808000000000 n=1 oa=0x0-0x1 desc0=0x1 attrs=0x1",
        "T3 0xffff800000000000-0xffff800000001000 n=1       desc0=0x3 attrs=0x3"})
    void aHostileRawWalkIsAProblemNotAHangOrAnException(String line) {
        String text = CaptureVariant.of(Captures.K612_A57).text().replace("===== END kernel_page_tables_raw =====",
                line + "\n===== END kernel_page_tables_raw =====");
        Parsed<Optional<CaptureReplay.Result>> r = replayOf(text);
        assertTrue(r.value().isPresent());
        assertFalse(r.problems().isEmpty());
    }

    /** pci.c pci_remap_iospace: an I/O window beyond IO_SPACE_LIMIT is refused (-EINVAL), not mapped. */
    @org.junit.jupiter.api.Test
    void anIoWindowBeyondThePciIoSpaceIsNotMapped() {
        String text = CaptureVariant.of(Captures.K612).lines(l -> l.replace("IO 0x003eff0000..0x003effffff",
                "IO 0x0000000000..0xffffffffff")).text();
        Parsed<Optional<CaptureReplay.Result>> r = replayOf(text);
        assertTrue(r.value().orElseThrow().simulatedDump().contains(
                "---[ PCI I/O start ]---\n0xffffffffc0800000-0xffffffffc1800000          16M PMD\n"));
    }
}
