package org.pagewright.config.run;

import java.util.List;
import java.util.Optional;

import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.kernel.KernelBuild;

/**
 * A machine's {@code kconfig} lines ("KFENCE=n", "DEBUG_PAGEALLOC=y") applied to the build the language assumes
 * (KernelBuild.debian): the CONFIG_ options the engine's recipes read, and nothing else. Public so that the
 * compiler builds its KernelConfig from the same lines.
 */
public final class KernelBuildOptions {
    /** The options KernelBuild models, as written without CONFIG_. */
    public static final List<String> NAMES = List.of("RODATA_FULL_DEFAULT_ENABLED", "KFENCE", "KFENCE_SAMPLE_INTERVAL",
            "KFENCE_NUM_OBJECTS", "DEBUG_PAGEALLOC", "DEBUG_PAGEALLOC_ENABLE_DEFAULT", "ARM64_BTI_KERNEL",
            "RANDOMIZE_BASE", "HIBERNATION");

    private KernelBuildOptions() {
    }

    /** The build with every line applied, or empty with a problem per line that names no modelled option. */
    public static Optional<KernelBuild> of(KernelVersion version, Geometry geometry, List<String> lines,
            List<String> problems) {
        KernelBuild d = KernelBuild.debian(version, geometry);
        boolean rodataFullDefault = d.rodataFullDefault();
        boolean kfence = d.kfence();
        long kfenceSampleInterval = d.kfenceSampleInterval();
        int kfenceNumObjects = d.kfenceNumObjects();
        boolean debugPagealloc = d.debugPagealloc();
        boolean debugPageallocDefault = d.debugPageallocDefault();
        boolean btiKernel = d.btiKernel();
        boolean randomizeBase = d.randomizeBase();
        boolean hibernation = d.hibernation();
        int before = problems.size();
        for (String line : lines) {
            Optional<String> problem = problem(line);
            if (problem.isPresent()) {
                problems.add("machine: kconfig '" + line + "': " + problem.get());
                continue;
            }
            String name = name(line);
            String value = value(line);
            Long number = takesNumber(name) ? number(value) : null;
            boolean y = value.equals("y");
            switch (name) {
                case "RODATA_FULL_DEFAULT_ENABLED" -> rodataFullDefault = y;
                case "KFENCE" -> kfence = y;
                case "KFENCE_SAMPLE_INTERVAL" -> kfenceSampleInterval = number;
                case "KFENCE_NUM_OBJECTS" -> kfenceNumObjects = (int) Math.min(Integer.MAX_VALUE, number);
                case "DEBUG_PAGEALLOC" -> debugPagealloc = y;
                case "DEBUG_PAGEALLOC_ENABLE_DEFAULT" -> debugPageallocDefault = y;
                case "ARM64_BTI_KERNEL" -> btiKernel = y;
                case "RANDOMIZE_BASE" -> randomizeBase = y;
                default -> hibernation = y;
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new KernelBuild(version, geometry, rodataFullDefault, kfence, kfenceSampleInterval,
                kfenceNumObjects, debugPagealloc, debugPageallocDefault, btiKernel, randomizeBase, hibernation));
    }

    /** Why a {@code NAME=VALUE} line cannot be applied (an option not modelled, a value it does not take), if so. */
    public static Optional<String> problem(String line) {
        String name = name(line);
        if (!NAMES.contains(name)) {
            return Optional.of(name + " is not an option the simulator models (" + String.join(", ", NAMES) + ")");
        }
        String value = value(line);
        boolean numeric = takesNumber(name);
        if (numeric ? number(value) == null : !value.equals("y") && !value.equals("n")) {
            return Optional.of(name + " takes " + (numeric ? "a decimal number" : "y or n"));
        }
        return Optional.empty();
    }

    /** The option's name without CONFIG_. */
    private static String name(String line) {
        int eq = line.indexOf('=');
        String name = (eq < 0 ? line : line.substring(0, eq)).strip();
        return name.startsWith("CONFIG_") ? name.substring("CONFIG_".length()) : name;
    }

    private static String value(String line) {
        int eq = line.indexOf('=');
        return eq < 0 ? "" : line.substring(eq + 1).strip();
    }

    /** The option takes a decimal number rather than y or n. */
    public static boolean takesNumber(String name) {
        return name.equals("KFENCE_SAMPLE_INTERVAL") || name.equals("KFENCE_NUM_OBJECTS");
    }

    private static Long number(String text) {
        try {
            long n = Long.parseLong(text);
            return n < 0 ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
