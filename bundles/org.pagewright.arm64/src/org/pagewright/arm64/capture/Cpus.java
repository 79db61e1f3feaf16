package org.pagewright.arm64.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CPUs a replay assumes, by MIDR_EL1: the boot CPU's and the secondaries'. They decide the capabilities the
 * kernel takes from MIDR allow-lists (BBML2-noabort/BBML3, kpti_safe_list). When the boot CPU and a secondary
 * answer differently, the kernel decides map_mem by the boot CPU and the system later (cpufeature.c
 * EARLY_LOCAL_CPU_FEATURE; mmu.c linear_map_maybe_split_to_ptes).
 *
 * @param bootMidr the boot CPU's MIDR_EL1
 * @param secondaryMidrs the other CPUs' MIDR_EL1, in CPU order; empty for a uniprocessor (or unknown secondaries)
 */
public record Cpus(long bootMidr, List<Long> secondaryMidrs) {

    private static final Pattern FIELD =
            Pattern.compile("^CPU (implementer|architecture|variant|part|revision)\\s*:\\s*(\\S+)\\s*$");
    private static final List<String> FIELDS = List.of("implementer", "architecture", "variant", "part", "revision");
    private static final Pattern PROCESSOR = Pattern.compile("^processor\\s*:\\s*(\\d{1,4})$");

    /** One processor block of /proc/cpuinfo: the CPU's number and its MIDR_EL1, empty when the block lacks a field. */
    public record Processor(int cpu, OptionalLong midr) {
    }

    public Cpus {
        secondaryMidrs = List.copyOf(secondaryMidrs);
    }

    /** Every CPU of this one model. */
    public static Cpus of(long midr) {
        return new Cpus(midr, List.of());
    }

    /** A boot CPU and secondaries of other models (big.LITTLE, or a CPU added to a list in a later kernel). */
    public static Cpus of(long bootMidr, List<Long> secondaryMidrs) {
        return new Cpus(bootMidr, secondaryMidrs);
    }

    /** As /proc/cpuinfo numbers them: the boot CPU is CPU 0, the secondaries follow in order. */
    public List<Processor> processors() {
        List<Processor> out = new ArrayList<>();
        List<Long> all = all();
        for (int cpu = 0; cpu < all.size(); cpu++) {
            out.add(new Processor(cpu, OptionalLong.of(all.get(cpu))));
        }
        return out;
    }

    /** Boot CPU first, then the secondaries. */
    public List<Long> all() {
        List<Long> out = new ArrayList<>();
        out.add(bootMidr);
        out.addAll(secondaryMidrs);
        return out;
    }

    /**
     * The CPUs of a /proc/cpuinfo text (cpuinfo.c c_show: one block per CPU with CPU implementer, variant, part
     * and revision; the first block is taken as the boot CPU). Blocks lacking a field are reported and skipped;
     * the value is empty when no block is complete.
     */
    public static Parsed<Optional<Cpus>> parseCpuinfo(String text) {
        List<Problem> problems = new ArrayList<>();
        List<Long> midrs = new ArrayList<>();
        long[] f = blank();
        int blockLine = 0;
        String[] lines = text.split("\r?\n", -1);
        for (int n = 0; n <= lines.length; n++) {
            String line = n < lines.length ? lines[n].trim() : "";
            boolean newBlock = line.startsWith("processor") || n == lines.length;
            if (newBlock) {
                if (blockLine > 0 || f[0] >= 0) {
                    finish(f, blockLine, midrs, problems);
                }
                f = blank();
                blockLine = n + 1;
                continue;
            }
            Matcher m = FIELD.matcher(line);
            if (m.matches()) {
                try {
                    f[FIELDS.indexOf(m.group(1))] = Long.decode(m.group(2));
                } catch (NumberFormatException e) {
                    problems.add(new Problem(n + 1, "not a number: '" + m.group(2) + "'"));
                }
            }
        }
        if (midrs.isEmpty()) {
            problems.add(new Problem(0, "no CPU with implementer, variant, part and revision in the cpuinfo text"));
            return Parsed.of(Optional.empty(), problems);
        }
        return Parsed.of(Optional.of(new Cpus(midrs.get(0), midrs.subList(1, midrs.size()))), problems);
    }

    /**
     * Every processor block of a /proc/cpuinfo text, in order, by its "processor : N" number (cpuinfo.c c_show:
     * one block per online CPU). Unlike {@link #parseCpuinfo}, a block cut short is kept, without a MIDR.
     */
    public static List<Processor> processors(List<String> lines) {
        List<Processor> out = new ArrayList<>();
        int cpu = -1;
        long[] f = blank();
        for (String raw : lines) {
            String line = raw.trim();
            Matcher p = PROCESSOR.matcher(line);
            Matcher m = FIELD.matcher(line);
            if (p.matches()) {
                add(out, cpu, f);
                cpu = Integer.parseInt(p.group(1));
                f = blank();
            } else if (m.matches()) {
                try {
                    f[FIELDS.indexOf(m.group(1))] = Long.decode(m.group(2));
                } catch (NumberFormatException e) {
                    // a garbled field leaves the block without a MIDR
                }
            }
        }
        add(out, cpu, f);
        return List.copyOf(out);
    }

    private static void add(List<Processor> out, int cpu, long[] f) {
        if (cpu >= 0) {
            boolean whole = f[0] >= 0 && f[2] >= 0 && f[3] >= 0 && f[4] >= 0;
            out.add(new Processor(cpu, whole ? OptionalLong.of(midr(f[0], f[2], f[3], f[4])) : OptionalLong.empty()));
        }
    }

    private static long[] blank() {
        return new long[] {-1, -1, -1, -1, -1};
    }

    private static void finish(long[] f, int line, List<Long> midrs, List<Problem> problems) {
        if (f[0] < 0 || f[2] < 0 || f[3] < 0 || f[4] < 0) {
            if (f[0] >= 0 || f[3] >= 0) {
                problems.add(new Problem(line, "CPU block without implementer, variant, part or revision: skipped"));
            }
            return;
        }
        midrs.add(midr(f[0], f[2], f[3], f[4]));
    }

    /** MIDR_EL1: implementer [31:24], variant [23:20], architecture [19:16] (0xf: by ID registers), part [15:4],
     *  revision [3:0]. */
    public static long midr(long implementer, long variant, long part, long revision) {
        return (implementer & 0xff) << 24 | (variant & 0xf) << 20 | 0xfL << 16 | (part & 0xfff) << 4
                | (revision & 0xf);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format("boot CPU MIDR 0x%08x", bootMidr));
        if (!secondaryMidrs.isEmpty()) {
            s.append(", secondaries");
            secondaryMidrs.forEach(m -> s.append(String.format(" 0x%08x", m)));
        }
        return s.toString();
    }
}
