package org.pagewright.arm64.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Where vmlinux sits: the kernel VAs of the section symbols (vmlinux.lds.S order) and kimage_voffset, which turns
 * them into physical addresses (__pa_symbol).
 */
public record KernelImage(long text, long stext, long etext, long startRodata, long initBegin, long inittextEnd,
        long initdataBegin, long initEnd, long data, long bssStop, long end, long kimageVoffset) {

    /** The symbols, in link order, that a KernelImage needs. */
    public static final List<String> REQUIRED = List.of("_text", "_stext", "_etext", "__start_rodata",
            "__init_begin", "__inittext_end", "__initdata_begin", "__init_end", "_data", "__bss_stop", "_end");

    /** A KernelImage, or the names that were missing or out of link order. */
    public record Result(java.util.Optional<KernelImage> image, List<String> problems) {
    }

    /** Builds the image from a symbol lookup; never throws. */
    public static Result of(Function<String, OptionalLong> symbols, long kimageVoffset) {
        List<String> problems = new ArrayList<>();
        long[] v = new long[REQUIRED.size()];
        for (int i = 0; i < v.length; i++) {
            OptionalLong a = symbols.apply(REQUIRED.get(i));
            if (a.isEmpty()) {
                problems.add("missing symbol " + REQUIRED.get(i));
            } else {
                v[i] = a.getAsLong();
                if (i > 0 && problems.isEmpty() && Long.compareUnsigned(v[i], v[i - 1]) < 0) {
                    problems.add(REQUIRED.get(i) + " lies below " + REQUIRED.get(i - 1));
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Result(java.util.Optional.empty(), problems);
        }
        return new Result(java.util.Optional.of(new KernelImage(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7],
                v[8], v[9], v[10], kimageVoffset)), List.of());
    }

    /** Convenience for tests and the language: symbols given as a map. */
    public static Result of(Map<String, Long> symbols, long kimageVoffset) {
        return of(n -> symbols.containsKey(n) ? OptionalLong.of(symbols.get(n)) : OptionalLong.empty(),
                kimageVoffset);
    }

    /** __pa_symbol: kernel VA → PA. */
    public long pa(long va) {
        return va - kimageVoffset;
    }
}
