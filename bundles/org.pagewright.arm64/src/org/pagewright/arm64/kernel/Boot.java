package org.pagewright.arm64.kernel;

import java.util.Objects;
import java.util.OptionalLong;
import org.pagewright.arm64.layout.KernelVaLayout;

/**
 * Everything the recipes read: the kernel (build, cmdline, CPU), its image, DRAM and the VA layout.
 *
 * @param kfencePoolPhys where memblock placed the early KFENCE pool (an observed input: the recipes do not model
 *        memblock's top-down allocator); empty when there is no early pool or it is unknown
 */
public record Boot(KernelConfig config, KernelImage image, PhysicalMemory memory, KernelVaLayout layout,
        OptionalLong kfencePoolPhys) {

    public Boot {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(kfencePoolPhys, "kfencePoolPhys");
    }

    /** __phys_to_virt. */
    public long linear(long pa) {
        return layout.physToVirt(pa, memory.physOffset());
    }

    /** lm_alias(sym): the linear alias of a kernel-image VA. */
    public long lmAlias(long kernelVa) {
        return linear(image.pa(kernelVa));
    }

    public long pageSize() {
        return config.runtimeGeometry().pageSize();
    }
}
