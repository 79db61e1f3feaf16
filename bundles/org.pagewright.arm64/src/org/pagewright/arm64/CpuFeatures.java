package org.pagewright.arm64;

/**
 * What the CPUs offer that changes the mm rules.
 *
 * @param bbml2Noabort every CPU is on the BBML2-noabort allow-list (named BBML3 in 7.3): live block splits allowed
 * @param va52 the CPU translates the build's 52-bit VAs: FEAT_LPA2 with 4K/16K pages, FEAT_LVA with 64K pages
 *        (pi/map_kernel.c early_map_kernel: cpu_has_lpa2() / cpu_has_lva()); without it a 52-bit build runs at 48
 *        (47 with 16K) bits
 * @param mte FEAT_MTE2 present (Normal-Tagged is really tagged; the dump prints NORMAL-TAGGED either way)
 * @param kptiNeeded the kernel unmaps itself at EL0 (KPTI), so arm64_use_ng_mappings: PTE_MAYBE_NG is nG
 * @param bti FEAT_BTI present: kernel text gets PTE_GP
 * @param hardwareAccessFlag TCR.HA in effect: a leaf with AF=0 is updated by hardware instead of faulting
 * @param hardwareDirtyBit TCR.HD in effect: a write to a DBM=1, RDONLY=1 leaf clears RDONLY instead of faulting
 * @param bbml2NoabortBootCpuOnly the boot CPU has the capability but a secondary does not (never together with
 *        {@code bbml2Noabort}): map_mem decides by the boot CPU, then linear_map_maybe_split_to_ptes (mmu.c)
 *        splits the linear map once the system's answer is known
 */
public record CpuFeatures(boolean bbml2Noabort, boolean va52, boolean mte, boolean kptiNeeded, boolean bti,
        boolean hardwareAccessFlag, boolean hardwareDirtyBit, boolean bbml2NoabortBootCpuOnly) {

    public CpuFeatures {
        if (bbml2Noabort && bbml2NoabortBootCpuOnly) {
            throw new IllegalArgumentException("bbml2Noabort (every CPU) and bbml2NoabortBootCpuOnly exclude each"
                    + " other");
        }
    }

    /** Without the boot-CPU-only case: every CPU answers the same. */
    public CpuFeatures(boolean bbml2Noabort, boolean va52, boolean mte, boolean kptiNeeded, boolean bti,
            boolean hardwareAccessFlag, boolean hardwareDirtyBit) {
        this(bbml2Noabort, va52, mte, kptiNeeded, bti, hardwareAccessFlag, hardwareDirtyBit, false);
    }

    /** Whether the boot CPU has the block-split capability (the answer map_mem acts on). */
    public boolean bootCpuBbml2Noabort() {
        return bbml2Noabort || bbml2NoabortBootCpuOnly;
    }

    /** The boot CPU on the allow-list, a secondary not (linear_map_maybe_split_to_ptes's case). */
    public CpuFeatures withBbml2NoabortOnBootCpuOnly() {
        return new CpuFeatures(false, va52, mte, kptiNeeded, bti, hardwareAccessFlag, hardwareDirtyBit, true);
    }

    /** A CPU with none of the features (the conservative baseline: every fault the architecture allows). */
    public static CpuFeatures none() {
        return new CpuFeatures(false, false, false, false, false, false, false);
    }

    /** The five features the contract names; hardware AF/DBM off. */
    public static CpuFeatures of(boolean bbml2Noabort, boolean va52, boolean mte, boolean kptiNeeded, boolean bti) {
        return new CpuFeatures(bbml2Noabort, va52, mte, kptiNeeded, bti, false, false);
    }

    public CpuFeatures withBbml2Noabort(boolean v) {
        return new CpuFeatures(v, va52, mte, kptiNeeded, bti, hardwareAccessFlag, hardwareDirtyBit);
    }

    public CpuFeatures withVa52(boolean v) {
        return new CpuFeatures(bbml2Noabort, v, mte, kptiNeeded, bti, hardwareAccessFlag, hardwareDirtyBit);
    }

    public CpuFeatures withMte(boolean v) {
        return new CpuFeatures(bbml2Noabort, va52, v, kptiNeeded, bti, hardwareAccessFlag, hardwareDirtyBit);
    }

    public CpuFeatures withKptiNeeded(boolean v) {
        return new CpuFeatures(bbml2Noabort, va52, mte, v, bti, hardwareAccessFlag, hardwareDirtyBit);
    }

    public CpuFeatures withBti(boolean v) {
        return new CpuFeatures(bbml2Noabort, va52, mte, kptiNeeded, v, hardwareAccessFlag, hardwareDirtyBit);
    }

    public CpuFeatures withHardwareAccessFlag(boolean v) {
        return new CpuFeatures(bbml2Noabort, va52, mte, kptiNeeded, bti, v, hardwareDirtyBit);
    }

    public CpuFeatures withHardwareDirtyBit(boolean v) {
        return new CpuFeatures(bbml2Noabort, va52, mte, kptiNeeded, bti, hardwareAccessFlag, v);
    }
}
