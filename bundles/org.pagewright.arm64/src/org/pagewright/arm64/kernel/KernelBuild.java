package org.pagewright.arm64.kernel;

import java.util.Objects;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelVersion;

/**
 * The compile-time side of a kernel: version, page-table geometry and the CONFIG_ options the recipes read.
 *
 * @param rodataFullDefault CONFIG_RODATA_FULL_DEFAULT_ENABLED (ignored by kernels that dropped the option)
 * @param kfence CONFIG_KFENCE
 * @param kfenceSampleInterval CONFIG_KFENCE_SAMPLE_INTERVAL (ms; 0 = KFENCE off until enabled at run time)
 * @param kfenceNumObjects CONFIG_KFENCE_NUM_OBJECTS
 * @param debugPagealloc CONFIG_DEBUG_PAGEALLOC (still needs debug_pagealloc=on unless enabled by default)
 * @param debugPageallocDefault CONFIG_DEBUG_PAGEALLOC_ENABLE_DEFAULT
 * @param btiKernel CONFIG_ARM64_BTI_KERNEL
 * @param randomizeBase CONFIG_RANDOMIZE_BASE (KASLR)
 * @param hibernation CONFIG_HIBERNATION
 */
public record KernelBuild(KernelVersion version, Geometry geometry, boolean rodataFullDefault, boolean kfence,
        long kfenceSampleInterval, int kfenceNumObjects, boolean debugPagealloc, boolean debugPageallocDefault,
        boolean btiKernel, boolean randomizeBase, boolean hibernation) {

    public KernelBuild {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(geometry, "geometry");
    }

    /** Chooses the build of a kernel once its version and geometry are known (e.g. from a capture). */
    @FunctionalInterface
    public interface Builder {
        KernelBuild build(KernelVersion version, Geometry geometry);
    }

    /**
     * A Debian arm64 kernel as the captures show it: KFENCE from 6.12 ({@link KernelConfig#debianBuildsKfence}) with
     * interval 0, RODATA_FULL_DEFAULT_ENABLED. No PTE_GP appears on the captured text although the CPU reports bti,
     * so the build is taken as without CONFIG_ARM64_BTI_KERNEL.
     */
    public static KernelBuild debian(KernelVersion version, Geometry geometry) {
        return new KernelBuild(version, geometry, true, KernelConfig.debianBuildsKfence(version), 0, 255, false, false,
                false, true, true);
    }

    public KernelBuild withKfence(boolean compiled, long sampleInterval) {
        return new KernelBuild(version, geometry, rodataFullDefault, compiled, sampleInterval, kfenceNumObjects,
                debugPagealloc, debugPageallocDefault, btiKernel, randomizeBase, hibernation);
    }

    public KernelBuild withRodataFullDefault(boolean v) {
        return new KernelBuild(version, geometry, v, kfence, kfenceSampleInterval, kfenceNumObjects, debugPagealloc,
                debugPageallocDefault, btiKernel, randomizeBase, hibernation);
    }

    public KernelBuild withDebugPagealloc(boolean compiled, boolean enabledByDefault) {
        return new KernelBuild(version, geometry, rodataFullDefault, kfence, kfenceSampleInterval, kfenceNumObjects,
                compiled, enabledByDefault, btiKernel, randomizeBase, hibernation);
    }
}
