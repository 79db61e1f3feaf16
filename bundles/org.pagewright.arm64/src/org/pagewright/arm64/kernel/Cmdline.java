package org.pagewright.arm64.kernel;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Kernel command-line words. As with early_param handlers, a later word overrides an earlier one. */
public record Cmdline(List<String> words) {

    public Cmdline {
        words = List.copyOf(words);
    }

    public static Cmdline of(String line) {
        return new Cmdline(Arrays.stream(line.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList());
    }

    /** The value of the last {@code key=value} word. */
    public Optional<String> value(String key) {
        String prefix = key + "=";
        Optional<String> found = Optional.empty();
        for (String w : words) {
            if (w.startsWith(prefix)) {
                found = Optional.of(w.substring(prefix.length()));
            }
        }
        return found;
    }

    /** True when the bare flag (e.g. {@code nokaslr}) is present. */
    public boolean has(String flag) {
        return words.contains(flag);
    }
}
