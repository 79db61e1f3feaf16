package org.pagewright.arm64.layout;

import java.util.Optional;

import org.pagewright.arm64.KernelVersion;

/**
 * How many pages the ptdump "Fixmap start" marker lies below FIXADDR_TOP. fixmap.h derives it from enum
 * fixed_addresses, whose members depend on the config (FDT window, ACPI APEI GHES, SDEI, KPTI trampoline, early
 * ioremap slots), so it is an input. The known values are those of the Debian kernels in the ground-truth captures
 * (ptdump_mod_insmod "Fixmap start" marker), for callers that model those kernels.
 */
public final class FixmapSize {
    private FixmapSize() {
    }

    /** Debian 6.1.0-56: FIXADDR_START = 0xfffffbfffdbf5000, FIXADDR_TOP = 0xfffffbfffe000000 (k61 capture). */
    public static final long DEBIAN_6_1 = 1035;
    /** Debian 6.12.117: FIXADDR_TOT_START = 0xffffffffff427000, FIXADDR_TOP = -8M (k612 capture). */
    public static final long DEBIAN_6_12 = 985;
    /** Debian 7.3.4: FIXADDR_TOT_START = 0xffffffffff226000, FIXADDR_TOP = -8M (k73 capture). */
    public static final long DEBIAN_7_3 = 1498;

    /** The Debian value observed for exactly this major.minor, if any. */
    public static Optional<Long> observedDebian(KernelVersion version) {
        if (version.major() == 6 && version.minor() == 1) {
            return Optional.of(DEBIAN_6_1);
        }
        if (version.major() == 6 && version.minor() == 12) {
            return Optional.of(DEBIAN_6_12);
        }
        if (version.major() == 7 && version.minor() == 3) {
            return Optional.of(DEBIAN_7_3);
        }
        return Optional.empty();
    }

    /**
     * The observed value for this major.minor, else the one of the closest observed layout: 7.3's from 6.12 on
     * (FIXADDR_TOT_START below FIXADDR_TOP = -8M), 6.1's before.
     */
    public static long debianOrClosest(KernelVersion version) {
        return observedDebian(version).orElse(version.atLeast(6, 12) ? DEBIAN_7_3 : DEBIAN_6_1);
    }
}
