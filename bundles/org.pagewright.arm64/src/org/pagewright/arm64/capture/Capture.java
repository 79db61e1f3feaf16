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
 *
 * @param midr MIDR_EL1 of the boot CPU: the first dmesg line, else composed from /proc/cpuinfo's first CPU
 * @param cpuCapabilities the "CPU features: detected: …" descriptions of the kernel log (cpufeature.c
 *        update_cpu_capabilities), or empty when the capture holds no kernel log
 * @param rawTableRuns the table descriptors of the hardware walk (kernel_page_tables_raw "T" lines)
 * @param pciIoWindows the PCI host bridges' I/O windows of the kernel log
 * @param cpuinfo the processor blocks of the cpuinfo section, each CPU's MIDR_EL1 where its block is whole
 */
public record Capture(Optional<KernelRelease> release, List<String> cmdline, Kallsyms kallsyms,
        List<PhysRange> memblockMemory, List<PhysRange> memblockReserved, Iomem iomem, PtdumpModInfo modInfo,
        Optional<KernelPageTablesText> kernelPageTables, List<RawLeafRun> rawLeafRuns, OptionalLong midr,
        Optional<List<String>> cpuCapabilities, List<RawTableRun> rawTableRuns, List<PciIoWindow> pciIoWindows,
        List<Cpus.Processor> cpuinfo) {

    public Capture {
        cpuinfo = List.copyOf(cpuinfo);
    }

    /** The form without the cpuinfo section's CPUs. */
    public Capture(Optional<KernelRelease> release, List<String> cmdline, Kallsyms kallsyms,
            List<PhysRange> memblockMemory, List<PhysRange> memblockReserved, Iomem iomem, PtdumpModInfo modInfo,
            Optional<KernelPageTablesText> kernelPageTables, List<RawLeafRun> rawLeafRuns, OptionalLong midr,
            Optional<List<String>> cpuCapabilities, List<RawTableRun> rawTableRuns, List<PciIoWindow> pciIoWindows) {
        this(release, cmdline, kallsyms, memblockMemory, memblockReserved, iomem, modInfo, kernelPageTables,
                rawLeafRuns, midr, cpuCapabilities, rawTableRuns, pciIoWindows, List.of());
    }

    /** The form without table descriptors and PCI windows. */
    public Capture(Optional<KernelRelease> release, List<String> cmdline, Kallsyms kallsyms,
            List<PhysRange> memblockMemory, List<PhysRange> memblockReserved, Iomem iomem, PtdumpModInfo modInfo,
            Optional<KernelPageTablesText> kernelPageTables, List<RawLeafRun> rawLeafRuns, OptionalLong midr,
            Optional<List<String>> cpuCapabilities) {
        this(release, cmdline, kallsyms, memblockMemory, memblockReserved, iomem, modInfo, kernelPageTables,
                rawLeafRuns, midr, cpuCapabilities, List.of(), List.of());
    }

    private static final Pattern BOOT_MIDR =
            Pattern.compile("Booting Linux on physical CPU 0x[0-9a-fA-F]+ \\[0x([0-9a-fA-F]{1,8})\\]");
    private static final Pattern CAPABILITY = Pattern.compile("CPU features: detected: (.+?)\\s*$");
    private static final Pattern CPUINFO_FIELD =
            Pattern.compile("^CPU (implementer|architecture|variant|part|revision)\\s*:\\s*(\\S+)\\s*$");

    /** The form without the kernel log's CPU capabilities (none known). */
    public Capture(Optional<KernelRelease> release, List<String> cmdline, Kallsyms kallsyms,
            List<PhysRange> memblockMemory, List<PhysRange> memblockReserved, Iomem iomem, PtdumpModInfo modInfo,
            Optional<KernelPageTablesText> kernelPageTables, List<RawLeafRun> rawLeafRuns, OptionalLong midr) {
        this(release, cmdline, kallsyms, memblockMemory, memblockReserved, iomem, modInfo, kernelPageTables,
                rawLeafRuns, midr, Optional.empty());
    }

    /** Whether the kernel log says it detected this capability (by its cpufeature.c description). */
    public Optional<Boolean> detected(String description) {
        return cpuCapabilities.map(l -> l.contains(description));
    }

    /**
     * Whether the kernel log says the kernel runs with 52-bit VAs: cpufeature.c ARM64_HAS_VA52, built only with
     * CONFIG_ARM64_VA_BITS_52 and detected only when vabits_actual is 52 ("52-bit Virtual Addressing (LVA)" with 64K
     * pages, "(LPA2)" with 4K/16K, plain in later kernels; not the "... for KVM (LPA2)" capability).
     */
    public Optional<Boolean> detectedVa52() {
        return cpuCapabilities.map(Capture::va52Among);
    }

    /** {@link #detectedVa52()} of a kernel log on its own (import's --dmesg, read before a capture text exists). */
    public static Optional<Boolean> detectedVa52(String kernelLog) {
        return capabilities(kernelLog).map(Capture::va52Among);
    }

    private static boolean va52Among(List<String> capabilities) {
        return capabilities.stream().anyMatch(d -> d.startsWith("52-bit Virtual Addressing") && !d.contains("for KVM"));
    }

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
        List<RawTableRun> rawTables = l.section("kernel_page_tables_raw")
                .map(s -> collect(RawTableRun.parse(s), problems)).orElse(List.of());
        OptionalLong midr = bootCpuMidr(text);
        if (midr.isEmpty()) {
            midr = l.section("cpuinfo").map(Capture::cpuinfoMidr).orElse(OptionalLong.empty());
        }
        List<Cpus.Processor> cpuinfo = l.section("cpuinfo").map(s -> Cpus.processors(s.lines())).orElse(List.of());
        return Parsed.of(new Capture(release, cmdline, kallsyms, memory, reserved, iomem, mod, kpt, raw,
                midr, capabilities(text), rawTables, PciIoWindow.parse(text), cpuinfo), problems);
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

    /** The "CPU features: detected:" lines, if the capture holds the kernel log at all. */
    private static Optional<List<String>> capabilities(String text) {
        if (!BOOT_MIDR.matcher(text).find()) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        text.lines().forEach(line -> {
            Matcher m = CAPABILITY.matcher(line);
            if (m.find() && !out.contains(m.group(1))) {
                out.add(m.group(1));
            }
        });
        return Optional.of(List.copyOf(out));
    }

    /** MIDR_EL1 from the first CPU of /proc/cpuinfo (arch/arm64/kernel/cpuinfo.c c_show fields). */
    static OptionalLong cpuinfoMidr(Section cpuinfo) {
        long[] f = {-1, -1, -1, -1, -1};
        List<String> names = List.of("implementer", "architecture", "variant", "part", "revision");
        for (String line : cpuinfo.lines()) {
            Matcher m = CPUINFO_FIELD.matcher(line.trim());
            if (!m.matches()) {
                continue;
            }
            int i = names.indexOf(m.group(1));
            if (f[i] >= 0) {
                break; // the second CPU begins
            }
            try {
                f[i] = Long.decode(m.group(2));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        if (f[0] < 0 || f[2] < 0 || f[3] < 0 || f[4] < 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Cpus.midr(f[0], f[2], f[3], f[4]));
    }

    /** MIDR_EL1 of the boot CPU, as the first dmesg line prints it. */
    private static OptionalLong bootCpuMidr(String text) {
        Matcher m = BOOT_MIDR.matcher(text);
        return m.find() ? Hex.parse(m.group(1)) : OptionalLong.empty();
    }
}
