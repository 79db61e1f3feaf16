package org.pagewright.arm64.capture;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagewright.arm64.kernel.KernelBuild;

/** Missing or garbled capture sections give located problems and explicit assumptions, never an exception. */
class CaptureRobustnessTest {
    private static final List<String> SECTIONS = List.of("uname", "cmdline", "cpuinfo", "kallsyms",
            "ptdump_mod_insmod", "kernel_page_tables", "kernel_page_tables_raw", "iomem", "memblock_memory",
            "memblock_reserved", "dmesg_full");
    /** The sections Capture.parse requires: each one absent is a "missing section" problem. */
    private static final List<String> REQUIRED = List.of("uname", "cmdline", "kallsyms", "ptdump_mod_insmod",
            "iomem", "memblock_memory", "memblock_reserved");
    /** The sections CaptureInputs reads (the MIDR and CPU features also come from the console's boot log). */
    private static final List<String> INPUTS = List.of("uname", "cmdline", "kallsyms", "ptdump_mod_insmod",
            "iomem", "memblock_memory", "kernel_page_tables_raw");
    private static final Pattern BEGIN = Pattern.compile("(?m)^===== BEGIN (\\S+) =====$");

    static Stream<Arguments> withoutOneSection() {
        return Stream.of(Captures.K61, Captures.K612, Captures.K73)
                .flatMap(c -> SECTIONS.stream().map(s -> Arguments.of(c, s)));
    }

    private static Parsed<Capture> parse(String text) {
        return assertDoesNotThrow(() -> Capture.parse(text));
    }

    private static Parsed<Optional<CaptureInputs>> importOf(String text) {
        Parsed<Capture> c = parse(text);
        return assertDoesNotThrow(() -> CaptureInputs.from(c.value(), KernelBuild::debian));
    }

    /** 1-based line number, in {@code text}, of the character at {@code index}. */
    private static int lineAt(String text, int index) {
        assertTrue(index >= 0, "fragment not in the text");
        return (int) text.substring(0, index).chars().filter(ch -> ch == '\n').count() + 1;
    }

    private static int lineOf(String text, String fragment) {
        return lineAt(text, text.indexOf(fragment));
    }

    private static boolean hasProblem(List<Problem> problems, int line, String... fragments) {
        return problems.stream().anyMatch(p -> p.line() == line
                && Stream.of(fragments).allMatch(f -> p.reason().contains(f)));
    }

    private static boolean missing(List<Problem> problems, String section) {
        return hasProblem(problems, 0, "missing section '" + section + "'");
    }

    @ParameterizedTest
    @MethodSource("withoutOneSection")
    void aMissingSectionIsNamedUnlessTheImportDoesNotNeedIt(String capture, String section) {
        String whole = CaptureVariant.of(capture).text();
        String text = CaptureVariant.of(capture).without(section).text();
        Parsed<Capture> parsed = parse(text);
        Parsed<Optional<CaptureInputs>> in = importOf(text);
        Parsed<Optional<CaptureInputs>> wholeIn = importOf(whole);
        String what = "without " + section + ": " + parsed.problems() + " / " + in.problems() + " / "
                + in.value().map(CaptureInputs::assumptions);
        switch (section) {
            // required by Capture.parse: no line holds what is absent, so the problem is unlocated (line 0)
            case "uname", "cmdline", "kallsyms", "ptdump_mod_insmod", "iomem", "memblock_reserved" ->
                assertTrue(missing(parsed.problems(), section), what);
            // the banks are then taken from iomem, and the import says so
            case "memblock_memory" -> {
                assertTrue(missing(parsed.problems(), section), what);
                assertTrue(in.value().orElseThrow().assumptions()
                        .contains("no memblock_memory: banks taken from iomem System RAM"), what);
            }
            // optional: the import names the hardware walk the section would have provided
            case "kernel_page_tables_raw" -> {
                assertTrue(parsed.value().rawLeafRuns().isEmpty() && parsed.value().rawTableRuns().isEmpty());
                assertTrue(in.value().orElseThrow().assumptions().stream()
                        .anyMatch(a -> a.contains("hardware walk")), what);
            }
            // the dump the recipes are judged against, never an input: the import is the whole log's
            case "kernel_page_tables" -> {
                assertTrue(parsed.value().kernelPageTables().isEmpty());
                assertTrue(parsed.problems().isEmpty(), what);
                assertEquals(wholeIn, in);
            }
            // cpuinfo backs the boot MIDR only, dmesg_full repeats the console's boot log: nothing is lost
            case "cpuinfo", "dmesg_full" -> {
                Capture w = parse(whole).value();
                assertEquals(w.midr(), parsed.value().midr());
                assertEquals(w.cpuCapabilities(), parsed.value().cpuCapabilities());
                assertEquals(w.pciIoWindows(), parsed.value().pciIoWindows());
                assertTrue(parsed.problems().isEmpty(), what);
                assertEquals(wholeIn, in);
            }
            default -> throw new AssertionError(section);
        }
        // never a problem that blames a section that is there
        parsed.problems().stream().filter(p -> p.reason().startsWith("missing section"))
                .forEach(p -> assertEquals("missing section '" + section + "'", p.reason()));
    }

    /** 0.66 falls in or after iomem, before memblock: 6.12 and 7.3 then import with banks from iomem. */
    static Stream<Arguments> cuts() {
        return Stream.of(Captures.K61, Captures.K612, Captures.K73).flatMap(c -> Stream.of(0.05, 0.2, 0.22, 0.25,
                0.3, 0.5, 0.66, 0.7, 0.9).map(f -> Arguments.of(c, f)));
    }

    /** How much of each section a prefix of the log holds. */
    private enum Kept { NONE, OPEN, WHOLE }

    /** Per section of {@code text} (in log order) and its BEGIN line: what {@code text[0, cut)} keeps of it. */
    private static Map<String, Kept> kept(String text, int cut, Map<String, Integer> beginLines) {
        Map<String, Kept> out = new LinkedHashMap<>();
        Matcher m = BEGIN.matcher(text);
        while (m.find()) {
            String end = "===== END " + m.group(1) + " =====";
            int endsAt = text.indexOf(end, m.end()) + end.length();
            out.put(m.group(1), cut < m.end() ? Kept.NONE : cut < endsAt ? Kept.OPEN : Kept.WHOLE);
            beginLines.put(m.group(1), lineAt(text, m.start()));
        }
        return out;
    }

    /** What Capture keeps of each section it reads (the module's values by the names the import reads). */
    private static final Map<String, Function<Capture, Object>> VALUES = Map.of(
            "uname", Capture::release,
            "cmdline", Capture::cmdline,
            "kallsyms", c -> c.kallsyms().all(),
            "ptdump_mod_insmod", c -> Stream.of("PAGE_OFFSET", "kimage_voffset", "PHYS_OFFSET", "memstart_addr",
                    "TCR_EL1", "vabits_actual", "ID_AA64MMFR0", "ID_AA64MMFR1", "ID_AA64MMFR2")
                    .map(k -> k + "=" + c.modInfo().value(k)).toList() + " " + c.modInfo().markers(),
            "iomem", c -> c.iomem().entries(),
            "memblock_memory", Capture::memblockMemory,
            "memblock_reserved", Capture::memblockReserved,
            "kernel_page_tables", c -> c.kernelPageTables().map(KernelPageTablesText::text),
            "kernel_page_tables_raw", c -> List.of(c.rawLeafRuns(), c.rawTableRuns()));

    @ParameterizedTest
    @MethodSource("cuts")
    void aTruncatedLogReportsWhatItLacks(String capture, double fraction) {
        String whole = CaptureVariant.of(capture).text();
        int cut = (int) (whole.length() * fraction);
        String text = whole.substring(0, cut);
        Parsed<Capture> parsed = parse(text);
        Parsed<Optional<CaptureInputs>> in = importOf(text);
        List<Problem> problems = parsed.problems();
        long lines = text.lines().count();
        assertTrue(problems.stream().allMatch(p -> p.line() >= 0 && p.line() <= lines), problems::toString);

        Map<String, Integer> beginLines = new LinkedHashMap<>();
        Map<String, Kept> kept = kept(whole, cut, beginLines);
        Capture w = parse(whole).value();
        for (Map.Entry<String, Kept> e : kept.entrySet()) {
            String s = e.getKey();
            // a required section cut away is named, one cut through is located at its BEGIN line
            assertEquals(e.getValue() == Kept.NONE && REQUIRED.contains(s), missing(problems, s), s + ": " + problems);
            assertEquals(e.getValue() == Kept.OPEN, hasProblem(problems, beginLines.get(s),
                    "section '" + s + "' is never closed"), s + ": " + problems);
            // what a whole section gives is what the whole log gives (the last line of an open one may be cut)
            if (e.getValue() == Kept.WHOLE && VALUES.containsKey(s)) {
                assertEquals(VALUES.get(s).apply(w), VALUES.get(s).apply(parsed.value()), s);
            }
        }

        Optional<CaptureInputs> wholeIn = importOf(whole).value();
        if (INPUTS.stream().allMatch(s -> kept.get(s) == Kept.WHOLE)) {
            // cut after every input: the import is the whole log's
            assertEquals(wholeIn, in.value(), in.problems()::toString);
        } else if (in.value().isEmpty()) {
            assertFalse(in.problems().isEmpty(), "an import refused without a reason");
        } else {
            // imported without an input: a guess the whole log's import does not make stands in for it
            assertTrue(in.value().get().assumptions().stream()
                    .anyMatch(a -> !wholeIn.orElseThrow().assumptions().contains(a)), in.value().get()::toString);
        }
    }

    @ParameterizedTest
    @MethodSource("cuts")
    void garbledValuesGiveProblemsAtTheirLines(String capture, double fraction) {
        CaptureVariant v = CaptureVariant.of(capture).modValue("vabits_actual", "zz").modValue("ID_AA64MMFR0", "0x")
                .section("memblock_memory", "   0: 0x00000000zz..0x1\n   1: nonsense")
                .section("uname", "Linux 7.x.q garbage");
        String text = v.text();
        // modValue edits the console's copies too: only the module section's line is parsed
        int module = text.indexOf("===== BEGIN ptdump_mod_insmod =====");
        int mmfr0 = text.indexOf("ID_AA64MMFR0=0x ", module);
        int memblock = text.indexOf("===== BEGIN memblock_memory =====");
        int memblock0 = text.indexOf("   0: 0x00000000zz..0x1", memblock);
        int memblock1 = text.indexOf("   1: nonsense", memblock);
        int uname = text.indexOf("Linux 7.x.q garbage");
        record Garbled(int at, String... says) {
        }
        List<Garbled> garbled = List.of(
                new Garbled(uname, "kernel release 'garbage'", "<major>.<minor>"),
                new Garbled(mmfr0, "value of ID_AA64MMFR0 is not a number: '0x'"),
                // Memblock's reason quotes the line; the line number says it is memblock_memory's
                new Garbled(memblock0, "got '0: 0x00000000zz..0x1'"),
                new Garbled(memblock1, "got '1: nonsense'"));

        Parsed<Capture> parsed = parse(text);
        for (Garbled g : garbled) {
            assertTrue(hasProblem(parsed.problems(), lineAt(text, g.at()), g.says()), parsed.problems()::toString);
        }
        // a garbled value is dropped, never read as a number
        int vabits = text.indexOf("vabits_actual=zz ", module);
        assertTrue(hasProblem(parsed.problems(), lineAt(text, vabits), "value of vabits_actual is not a number: 'zz'"),
                parsed.problems()::toString);
        assertTrue(parsed.value().modInfo().value("vabits_actual").isEmpty());
        assertTrue(parsed.value().modInfo().value("ID_AA64MMFR0").isEmpty());
        assertTrue(parsed.value().memblockMemory().isEmpty());
        assertTrue(parsed.value().release().isEmpty());
        Parsed<Optional<CaptureInputs>> in = importOf(text);
        assertTrue(in.value().isEmpty());
        assertTrue(in.problems().stream().anyMatch(p -> p.reason().contains("uname")), in.problems()::toString);

        // a prefix reports each garbled line it holds whole at the same line, and no line beyond its end
        int cut = (int) (text.length() * fraction);
        String prefix = text.substring(0, cut);
        Parsed<Capture> cutParsed = parse(prefix);
        long lines = prefix.lines().count();
        assertTrue(cutParsed.problems().stream().allMatch(p -> p.line() >= 0 && p.line() <= lines),
                cutParsed.problems()::toString);
        for (Garbled g : garbled) {
            // a line without its newline may be cut short: only one the prefix holds with its newline is whole
            if (text.indexOf('\n', g.at()) < cut) {
                assertTrue(hasProblem(cutParsed.problems(), lineAt(text, g.at()), g.says()),
                        cutParsed.problems()::toString);
            }
        }
    }

    /** A module value is read only when its whole token is a number: digits of its base, 0x-hex, 64 bits. */
    @ParameterizedTest
    @CsvSource({"vabits_actual, zz", "vabits_actual, 5z", "vabits_actual, -1",
        "vabits_actual, 123456789012345678901234567890", "vabits_actual, +52", "vabits_actual, 0x",
        "TCR_EL1, zz", "TCR_EL1, 5z", "TCR_EL1, -1", "TCR_EL1, +5", "TCR_EL1, 123456789012345678901234567890",
        "TCR_EL1, 0x123456789012345678901234567890"})
    void aModuleValueThatIsNotAWholeNumberIsALocatedProblemAndNotRead(String key, String value) {
        String text = CaptureVariant.of(Captures.K73).modValue(key, value).text();
        // modValue edits the console's copies too: only the module section's line is parsed
        int at = text.indexOf(key + "=" + value + " ", text.indexOf("===== BEGIN ptdump_mod_insmod ====="));
        Parsed<Capture> parsed = parse(text);
        assertEquals(1, parsed.problems().size(), parsed.problems()::toString);
        assertTrue(hasProblem(parsed.problems(), lineAt(text, at), "value of " + key + " is not a number: '" + value
                + "'"), parsed.problems()::toString);
        assertTrue(parsed.value().modInfo().value(key).isEmpty());
        // the line's other values are read
        assertEquals(Captures.capture(Captures.K73).modInfo().value("PAGE_OFFSET"),
                parsed.value().modInfo().value("PAGE_OFFSET"));
        assertEquals(Captures.capture(Captures.K73).modInfo().value("TTBR1_EL1"),
                parsed.value().modInfo().value("TTBR1_EL1"));
    }

    /** vabits_actual is printed in decimal, the registers in hexadecimal without 0x; 0x-hex is read for either. */
    @ParameterizedTest
    @CsvSource({"vabits_actual, 48, 48", "vabits_actual, 0x30, 48", "vabits_actual, 0052, 52",
        "TCR_EL1, 0d5001f6b54c350c, 0x0d5001f6b54c350c", "TCR_EL1, 0X0D5001F6B54C350C, 0x0d5001f6b54c350c",
        "TCR_EL1, ffffffffffffffff, 0xffffffffffffffff"})
    void aWellFormedModuleValueIsReadAsBefore(String key, String value, String expected) {
        Parsed<Capture> parsed = parse(CaptureVariant.of(Captures.K73).modValue(key, value).text());
        assertEquals(List.of(), parsed.problems());
        long want = expected.startsWith("0x") ? Long.parseUnsignedLong(expected.substring(2), 16)
                : Long.parseLong(expected);
        assertEquals(want, parsed.value().modInfo().value(key).getAsLong());
    }

    /** A log cut off mid-line: the open section's last line is reported as partial and not read. */
    @ParameterizedTest
    @ValueSource(strings = {"kallsyms", "memblock_reserved", "kernel_page_tables_raw"})
    void theLastLineOfALogCutMidLineIsPartialAndNotRead(String section) {
        String whole = CaptureVariant.of(Captures.K73).text();
        int body = whole.indexOf('\n', whole.indexOf("===== BEGIN " + section + " =====")) + 1;
        int second = whole.indexOf('\n', body) + 1;
        String text = whole.substring(0, second + 5); // five characters of the section's second line
        Parsed<Capture> parsed = parse(text);
        int line = lineAt(text, second);
        // the one problem at that line: the section's own parser never sees the fragment
        assertEquals(List.of(new Problem(line, "section '" + section + "' ends in a partial line")),
                parsed.problems().stream().filter(p -> p.line() == line).toList());
        // the section holds its first line only: what a log cut after that line's newline gives
        Parsed<Capture> cutAtLine = parse(whole.substring(0, second));
        assertTrue(cutAtLine.problems().stream().noneMatch(p -> p.reason().contains("partial")),
                cutAtLine.problems()::toString);
        assertEquals(VALUES.get(section).apply(cutAtLine.value()), VALUES.get(section).apply(parsed.value()));
    }

    @ParameterizedTest
    @MethodSource("withoutOneSection")
    void anUnterminatedSectionIsLocatedAndKeepsItsLines(String capture, String section) {
        String whole = CaptureVariant.of(capture).text();
        // the END line is blanked, not removed: the line numbers stay those of the whole log
        String text = whole.replace("===== END " + section + " =====", "");
        int begin = lineOf(text, "===== BEGIN " + section + " =====\n");
        Matcher next = BEGIN.matcher(text);
        boolean last = !next.find(text.indexOf("===== BEGIN " + section + " =====\n") + 1);
        Parsed<Capture> parsed = parse(text);
        if (last) {
            assertTrue(hasProblem(parsed.problems(), begin, "section '" + section + "' is never closed"),
                    parsed.problems()::toString);
        } else {
            // reported where the next section begins, naming the open one and where it opened
            assertTrue(hasProblem(parsed.problems(), lineAt(text, next.start()), "section '" + next.group(1)
                    + "' begins inside unterminated section '" + section + "' (opened at line " + begin + ")"),
                    parsed.problems()::toString);
        }
        // its lines up to the next section are kept: the import is the whole log's
        assertEquals(importOf(whole), importOf(text));
    }

    private static Parsed<Optional<CaptureReplay.Result>> replayOf(String text) {
        Parsed<Capture> c = parse(text);
        return assertDoesNotThrow(() -> CaptureReplay.replay(c.value(), List.of()));
    }

    /** A raw walk with an empty run, a run that spans the whole vmalloc area, or a level the geometry lacks. */
    @ParameterizedTest
    @ValueSource(strings = {
        "L3 0xffff800082b31000-0xffff800082b32000 n=0       oa=0x0008020000-0x0008021000 desc0=0x1 attrs=0x1",
        "L3 0xffff800000000000-0xfffffd8000000000 n=33822867456 oa=0x0-0x1 desc0=0x1 attrs=0x1",
        "L-1 0xffff800000000000-0xffff808000000000 n=1 oa=0x0-0x1 desc0=0x1 attrs=0x1",
        "T3 0xffff800000000000-0xffff800000001000 n=1       desc0=0x3 attrs=0x3"})
    void aHostileRawWalkIsAProblemNotAHangOrAnException(String line) {
        String text = CaptureVariant.of(Captures.K612_A57).text().replace("===== END kernel_page_tables_raw =====",
                line + "\n===== END kernel_page_tables_raw =====");
        // the line is well-formed: it is the replay that finds it does not fit the geometry
        assertTrue(parse(text).problems().isEmpty(), parse(text).problems()::toString);
        Parsed<Optional<CaptureReplay.Result>> r = replayOf(text);
        assertTrue(r.value().isPresent());
        String run = (line.startsWith("T") ? "table descriptor run at level " : "leaf run at level ")
                + line.substring(1, line.indexOf(' '));
        assertTrue(r.problems().stream().anyMatch(p -> p.reason().contains(run)
                && p.reason().contains("does not fit this kernel's page-table geometry: run-time areas not copied")),
                r.problems()::toString);
    }

    /** pci.c pci_remap_iospace: an I/O window beyond IO_SPACE_LIMIT is refused (-EINVAL), not mapped. */
    @Test
    void anIoWindowBeyondThePciIoSpaceIsNotMapped() {
        String text = CaptureVariant.of(Captures.K612).lines(l -> l.replace("IO 0x003eff0000..0x003effffff",
                "IO 0x0000000000..0xffffffffff")).text();
        // the replay is given the 1 TiB window, so what is not mapped was refused
        assertEquals(List.of(new PciIoWindow(0, 1L << 40)), parse(text).value().pciIoWindows());
        Parsed<Optional<CaptureReplay.Result>> r = replayOf(text);
        assertTrue(r.value().orElseThrow().simulatedDump().contains(
                "---[ PCI I/O start ]---\n0xffffffffc0800000-0xffffffffc1800000          16M PMD\n"));
    }

    @Test
    void aRawLeafRunWithATwentyDigitCountIsALocatedProblem() {
        String text = CaptureVariant.of(Captures.K73).text().replaceFirst("(\\nL\\d [^\\n]*?) n=\\d+", "$1 n=99999999999999999999");
        assertTrue(text.contains("n=99999999999999999999"), "the capture has no raw leaf run to garble");
        Parsed<Capture> parsed = parse(text);
        assertTrue(hasProblem(parsed.problems(), lineOf(text, "n=99999999999999999999"),
                "number out of range in leaf run"), parsed.problems()::toString);
        // the run is dropped, the others kept
        assertEquals(Captures.capture(Captures.K73).rawLeafRuns().size() - 1, parsed.value().rawLeafRuns().size());
    }

    @Test
    void aKernelReleaseWithAnOversizedNumberIsALocatedProblem() {
        // the uname section's own line: the console's "Linux version 7.3…" (line 5) would be edited first
        String text = CaptureVariant.of(Captures.K73).text()
                .replaceFirst("(===== BEGIN uname =====\nLinux \\S+ )7\\.3", "$199999999999.3");
        assertTrue(text.contains("\nLinux (none) 99999999999.3."), "the uname line was not edited");
        Parsed<Capture> parsed = parse(text);
        assertTrue(hasProblem(parsed.problems(), lineOf(text, "Linux (none) 99999999999.3."),
                "kernel release '99999999999.3.", "has a number too large for a version"),
                parsed.problems()::toString);
        assertTrue(parsed.value().release().isEmpty());
        Parsed<Optional<CaptureInputs>> in = importOf(text);
        assertTrue(in.value().isEmpty());
        assertTrue(in.problems().stream().anyMatch(p -> p.reason().contains("uname (with a kernel version)")),
                in.problems()::toString);
    }
}
