package org.pagewright.arm64.kernel;

import java.util.EnumSet;
import java.util.List;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.map.MapFlag;
import org.pagewright.arm64.op.Operation;
import org.pagewright.arm64.op.Operation.CreateMapping;

/**
 * mmu.c fixmap_remap_fdt(dt_phys, &amp;size, PAGE_KERNEL_RO): create_mapping_noalloc (NO_CONT) of the FDT at
 * __fix_to_virt(FIX_FDT), from round_down(dt_phys, granule) to round_up(offset + fdt_totalsize, granule); the
 * granule is SWAPPER_BLOCK_SIZE in 6.1 (a 2M block with 4K pages) and PAGE_SIZE after the fixmap rework. The
 * mapping stays for the kernel's life (unflatten_device_tree keeps using the blob).
 */
public final class FixmapRemapFdt implements Recipe {
    private final BootPlatform platform;

    public FixmapRemapFdt(BootPlatform platform) {
        this.platform = platform;
    }

    @Override
    public List<Operation> operations(Boot boot) {
        if (platform.fdtPhys().isEmpty() || platform.fdtSize() == 0
                || Long.compareUnsigned(platform.fdtSize(), KernelConfig.MAX_FDT_SIZE) > 0) {
            return List.of(); // fixmap_remap_fdt: no blob, or *size > MAX_FDT_SIZE returns NULL (boot panics)
        }
        KernelConfig c = boot.config();
        long granule = c.fdtMappingGranule();
        long phys = platform.fdtPhys().getAsLong();
        long base = phys & -granule;
        long size = (phys - base + platform.fdtSize() + granule - 1) & -granule;
        long virt = boot.layout().fixaddrTop() - c.fixFdtSlot() * boot.pageSize(); // fixmap.h __fix_to_virt
        return List.of(new CreateMapping(new PhysicalAddress(base), new VirtualAddress(virt), size,
                c.resolve(Prot.PAGE_KERNEL_RO), EnumSet.of(MapFlag.NO_CONT_MAPPINGS), "fixmap_remap_fdt: FIX_FDT"));
    }
}
