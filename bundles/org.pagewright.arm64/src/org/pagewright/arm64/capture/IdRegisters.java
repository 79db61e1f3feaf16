package org.pagewright.arm64.capture;

/** The memory-model ID registers and the fields Linux reads from them (field positions: sysreg definitions). */
public record IdRegisters(long mmfr0, long mmfr1, long mmfr2) {

    private static int field(long reg, int shift) {
        return (int) ((reg >>> shift) & 0xf);
    }

    /** ID_AA64MMFR0.PARange as a number of physical-address bits. */
    public int paBits() {
        return switch (field(mmfr0, 0)) {
            case 0 -> 32;
            case 1 -> 36;
            case 2 -> 40;
            case 3 -> 42;
            case 4 -> 44;
            case 5 -> 48;
            default -> 52;
        };
    }

    /** TGran4 == 1: 4K granule with 52-bit addresses (FEAT_LPA2); cpu_has_lpa2() for 4K kernels. */
    public boolean lpa2With4k() {
        return field(mmfr0, 28) == 1;
    }

    /** TGran16 == 2: 16K granule with 52-bit addresses (FEAT_LPA2). */
    public boolean lpa2With16k() {
        return field(mmfr0, 20) == 2;
    }

    /** ID_AA64MMFR2.VARange == 1: 52-bit VA with 64K pages (FEAT_LVA). */
    public boolean lva() {
        return field(mmfr2, 16) == 1;
    }

    /**
     * ID_AA64MMFR2.BBM level. Linux's BBML2-noabort capability deliberately ignores this field and uses a MIDR
     * allow-list instead (cpufeature.c: has_bbml2_noabort), so this is informative only.
     */
    public int bbmLevel() {
        return field(mmfr2, 52);
    }

    /** ID_AA64MMFR2.E0PD: with it, KASLR does not require KPTI (kaslr_requires_kpti). */
    public boolean e0pd() {
        return field(mmfr2, 60) != 0;
    }

    /** ID_AA64MMFR1.HAFDBS: hardware access flag / dirty state. */
    public int hafdbs() {
        return field(mmfr1, 0);
    }
}
