package org.pagewright.arm64.kernel;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What the firmware and devices hand the kernel at boot, beyond DRAM and the image: where the bootloader put the
 * FDT, the PCI host bridges' I/O windows, and the size of the KPTI trampoline text. All are observed inputs.
 *
 * @param fdtPhys the FDT's physical address, if known
 * @param fdtSize fdt_totalsize() of the blob (0 when unknown)
 * @param pciIoWindows the CPU physical address and size of each host's I/O window, in probe order
 * @param trampTextPages pages of [__entry_tramp_text_start, __entry_tramp_text_end), if known
 */
public record BootPlatform(OptionalLong fdtPhys, long fdtSize, List<IoWindow> pciIoWindows,
        OptionalInt trampTextPages) {

    /** One PCI I/O window (drivers/pci/of.c: "IO 0x…..0x… -> 0x…"). */
    public record IoWindow(long phys, long size) {
    }

    public BootPlatform {
        pciIoWindows = List.copyOf(pciIoWindows);
    }

    /** No FDT, no PCI host, trampoline size unknown. */
    public static BootPlatform none() {
        return new BootPlatform(OptionalLong.empty(), 0, List.of(), OptionalInt.empty());
    }
}
