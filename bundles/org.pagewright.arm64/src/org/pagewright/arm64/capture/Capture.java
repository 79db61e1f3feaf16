package org.pagewright.arm64.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The typed inputs of one capture log. Sections that are missing stay empty (with a problem); sections that are
 * present but partly malformed keep their good lines.
 */
public record Capture(Optional<KernelRelease> release, List<String> cmdline, Kallsyms kallsyms,
        List<PhysRange> memblockMemory, List<PhysRange> memblockReserved, Iomem iomem, PtdumpModInfo modInfo,
        Optional<KernelPageTablesText> kernelPageTables, List<RawLeafRun> rawLeafRuns, OptionalLong midr) {

    private static final Pattern BOOT_MIDR =
            Pattern.compile("Booting Linux on physical CPU 0x[0-9a-fA-F]+ \\[0x([0-9a-fA-F]{1,8})\\]");

    public static Parsed<Capture> parse(String text) {
        Parsed<CaptureLog> log = CaptureLog.parse(text);
        List<Problem> problems = new ArrayList<>(log.problems());
        CaptureLog l = log.value();

        Optional<KernelRelease> release = Optional.empty();
        Optional<Section> uname = required(l, "uname", problems);
        if (uname.isPresent()) {
            Parsed<Optional<KernelRelease>> r = KernelRelease.parse(uname.get());
            problems.addAll(r.problems());
            release = r.value();
        }
        List<String> cmdline = required(l, "cmdline", problems)
                .map(s -> s.lines().stream().flatMap(x -> Arrays.stream(x.trim().split("\\s+")))
                        .filter(w -> !w.isEmpty()).toList())
                .orElse(List.of());
        Kallsyms kallsyms = required(l, "kallsyms", problems).map(s -> collect(Kallsyms.parse(s), problems))
                .orElseGet(() -> Kallsyms.parse(Section.of("kallsyms", "")).value());
        List<PhysRange> memory = required(l, "memblock_memory", problems)
                .map(s -> collect(Memblock.parse(s), problems)).orElse(List.of());
        List<PhysRange> reserved = required(l, "memblock_reserved", problems)
                .map(s -> collect(Memblock.parse(s), problems)).orElse(List.of());
        Iomem iomem = required(l, "iomem", problems).map(s -> collect(Iomem.parse(s), problems))
                .orElseGet(() -> Iomem.parse(Section.of("iomem", "")).value());
        PtdumpModInfo mod = required(l, "ptdump_mod_insmod", problems)
                .map(s -> collect(PtdumpModInfo.parse(s), problems))
                .orElseGet(() -> PtdumpModInfo.parse(Section.of("ptdump_mod_insmod", "")).value());
        Optional<KernelPageTablesText> kpt = l.section("kernel_page_tables")
                .map(s -> collect(KernelPageTablesText.parse(s), problems));
        List<RawLeafRun> raw = l.section("kernel_page_tables_raw").map(s -> collect(RawLeafRun.parse(s), problems))
                .orElse(List.of());
        return Parsed.of(new Capture(release, cmdline, kallsyms, memory, reserved, iomem, mod, kpt, raw,
                bootCpuMidr(text)), problems);
    }

    private static Optional<Section> required(CaptureLog log, String name, List<Problem> problems) {
        Optional<Section> s = log.section(name);
        if (s.isEmpty()) {
            problems.add(new Problem(0, "missing section '" + name + "'"));
        }
        return s;
    }

    private static <T> T collect(Parsed<T> parsed, List<Problem> problems) {
        problems.addAll(parsed.problems());
        return parsed.value();
    }

    /** MIDR_EL1 of the boot CPU, as the first dmesg line prints it. */
    private static OptionalLong bootCpuMidr(String text) {
        Matcher m = BOOT_MIDR.matcher(text);
        return m.find() ? Hex.parse(m.group(1)) : OptionalLong.empty();
    }
}
