package org.pagewright.arm64.kernel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.desc.MemoryType;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.map.MapFlag;
import org.pagewright.arm64.op.Operation;
import org.pagewright.arm64.op.Operation.CreateMapping;

/**
 * drivers/pci/pci.c pci_remap_iospace: each host bridge's I/O window is mapped at PCI_IOBASE + its logical port
 * (lib/logic_pio.c hands out the ports in registration order, from 0) with vmap_page_range and
 * pgprot_device(PAGE_KERNEL); vmap uses contiguous PTEs where the kernel supports them for vmap.
 */
public final class PciRemapIospace implements Recipe {
    private final BootPlatform platform;

    public PciRemapIospace(BootPlatform platform) {
        this.platform = platform;
    }

    @Override
    public List<Operation> operations(Boot boot) {
        KernelConfig c = boot.config();
        Prot device = c.resolve(new Prot(org.pagewright.arm64.desc.Descriptor.withAttrIndex(Prot.PAGE_KERNEL.bits(),
                MemoryType.DEVICE_nGnRE.index())));
        EnumSet<MapFlag> flags = EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS);
        if (!c.rules().vmapUsesContPtes()) {
            flags.add(MapFlag.NO_CONT_MAPPINGS);
        }
        List<Operation> ops = new ArrayList<>();
        long port = 0;
        long ioSpace = boot.layout().pciIoEnd() - boot.layout().pciIoStart();
        for (BootPlatform.IoWindow w : platform.pciIoWindows()) {
            if (Long.compareUnsigned(w.size(), ioSpace - port) > 0) {
                break; // pci.c pci_remap_iospace: res->end > IO_SPACE_LIMIT (PCI_IO_SIZE - 1) is -EINVAL
            }
            VirtualAddress virt = new VirtualAddress(boot.layout().pciIoStart() + port);
            ops.add(new CreateMapping(new PhysicalAddress(w.phys()), virt, w.size(), device, flags,
                    "pci_remap_iospace: I/O window at 0x" + Long.toHexString(w.phys())));
            port += w.size();
        }
        return List.copyOf(ops);
    }
}
