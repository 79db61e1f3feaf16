package org.pagewright.arm64.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pagewright.arm64.kernel.Boot;
import org.pagewright.arm64.kernel.BootReplay;
import org.pagewright.arm64.kernel.BootSequence;
import org.pagewright.arm64.kernel.KernelBuild;
import org.pagewright.arm64.kernel.ReadOnlyVmallocPages;
import org.pagewright.arm64.ptdump.Ptdump;

/**
 * A synthetic capture derived from a real one by editing its INPUT sections only (cmdline, memblock, module values,
 * MIDR, image placement), plus the expected ptdump lines written from the kernel's rule — never from the engine.
 */
final class CaptureVariant {
    private String text;

    private CaptureVariant(String text) {
        this.text = text;
    }

    static CaptureVariant of(String captureName) {
        return new CaptureVariant(Captures.text(captureName).replace("\r\n", "\n").replace("\r", "\n"));
    }

    String text() {
        return text;
    }

    /** Replaces the body of a section. */
    CaptureVariant section(String name, String body) {
        Pattern p = Pattern.compile("(===== BEGIN " + Pattern.quote(name) + " =====\n)(.*?)(===== END "
                + Pattern.quote(name) + " =====)", Pattern.DOTALL);
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no section " + name);
        }
        text = text.substring(0, m.start(2)) + body + (body.endsWith("\n") ? "" : "\n") + text.substring(m.end(2));
        return this;
    }

    /** Removes a section entirely. */
    CaptureVariant without(String name) {
        text = text.replaceAll("(?s)===== BEGIN " + Pattern.quote(name) + " =====\n.*?===== END "
                + Pattern.quote(name) + " =====\n?", "");
        return this;
    }

    CaptureVariant cmdline(String line) {
        return section("cmdline", line);
    }

    /** Sets (or adds) KEY=value on the ptdump_mod line that already carries {@code anchorKey}. */
    CaptureVariant modValue(String key, String value) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(key) + "=[0-9a-fA-Fx]+").matcher(text);
        if (m.find()) {
            text = m.replaceAll(key + "=" + value);
        } else {
            text = text.replaceFirst("(ptdump_mod: PAGE_OFFSET=)", "ptdump_mod: " + key + "=" + value + " $1");
        }
        return this;
    }

    /** The boot CPU's MIDR as the first dmesg line prints it. */
    CaptureVariant midr(long midr) {
        text = text.replaceAll("(Booting Linux on physical CPU 0x[0-9a-fA-F]+ )\\[0x[0-9a-fA-F]+\\]",
                "$1[0x" + String.format("%08x", midr) + "]");
        return this;
    }

    /** Rewrites every line with a function (e.g. to move the image). */
    CaptureVariant lines(UnaryOperator<String> f) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\n", -1)) {
            out.add(f.apply(l));
        }
        text = String.join("\n", out);
        return this;
    }

    CaptureInputs inputs() {
        Parsed<java.util.Optional<CaptureInputs>> p = CaptureInputs.from(Capture.parse(text).value(),
                KernelBuild::debian);
        return p.value().orElseThrow(() -> new AssertionError("no inputs: " + p.problems()));
    }

    /** The simulated dump of this variant. */
    KernelPageTablesText simulate(List<ReadOnlyVmallocPages> declared) {
        CaptureInputs in = inputs();
        Boot boot = in.boot();
        List<ReadOnlyVmallocPages> runtime = new ArrayList<>(in.readOnlyVmallocPages());
        runtime.addAll(declared);
        BootReplay replay = BootReplay.run(boot, BootSequence.operations(boot, runtime));
        return KernelPageTablesText.parse(Section.of("sim", Ptdump.render(replay.tables(), boot.layout()))).value();
    }

    static List<String> linear(KernelPageTablesText t) {
        return t.block("Linear Mapping start").orElseThrow().lines().stream()
                .map(KernelPageTablesText.RangeLine::text).toList();
    }

    // ---- expected lines, written from ptdump.c's format (note_page / dump_prot), independent of the engine ----

    /** ptdump.c note_page: "0x%016lx-0x%016lx   %9lu%c %s" with the unit climbing while divisible by 1024. */
    static String range(long start, long end, String level) {
        String units = "KMGTPE";
        long delta = (end - start) >>> 10;
        int u = 0;
        while ((delta & 1023) == 0 && u < units.length() - 1) {
            delta >>>= 10;
            u++;
        }
        return String.format("0x%016x-0x%016x   %9d%c %s", start, end, delta, units.charAt(u), level);
    }

    /** Attribute columns of arm64 ptdump.c pte_bits[] for a kernel leaf (AF, UXN always set). */
    record Attrs(boolean valid, boolean ro, boolean shd, boolean ng, boolean cont, boolean block, String memType) {
        static Attrs rwTagged(boolean shd) {
            return new Attrs(true, false, shd, false, false, false, "MEM/NORMAL-TAGGED");
        }

        static Attrs roNormal(boolean shd) {
            return new Attrs(true, true, shd, false, false, false, "MEM/NORMAL");
        }

        Attrs withNg(boolean v) {
            return new Attrs(valid, ro, shd, v, cont, block, memType);
        }

        Attrs asCont() {
            return new Attrs(valid, ro, shd, ng, true, block, memType);
        }

        Attrs asBlock() {
            return new Attrs(valid, ro, shd, ng, cont, true, memType);
        }

        Attrs invalid() {
            return new Attrs(false, ro, shd, ng, cont, block, memType);
        }

        Attrs tagged() {
            return new Attrs(valid, ro, shd, ng, cont, block, "MEM/NORMAL-TAGGED");
        }

        String text() {
            return " " + (valid ? " " : "F") + " " + "   " + " " + (ro ? "ro" : "RW") + " " + "NX" + " "
                    + (shd ? "SHD" : "   ") + " " + "AF" + " " + (ng ? "NG" : "  ") + " " + (cont ? "CON" : "   ")
                    + " " + (block ? "BLK" : "   ") + " " + "UXN" + " " + "  " + " " + memType;
        }
    }

    static String leaf(long start, long end, String level, Attrs a) {
        return range(start, end, level) + a.text();
    }

    static String hole(long start, long end, String level) {
        return range(start, end, level);
    }
}
