package org.pagewright.arm64.kernel;

import java.util.List;

/**
 * DRAM as memblock describes it when paging_init runs.
 *
 * @param banks memblock.memory regions (NOMAP regions excluded), ascending, [start, end)
 * @param physOffset memstart_addr (PHYS_OFFSET), which places PA in the linear map
 */
public record PhysicalMemory(List<Bank> banks, long physOffset) {

    /** One memblock.memory region [start, end). */
    public record Bank(long start, long end) {
    }

    public PhysicalMemory {
        banks = List.copyOf(banks);
    }

    public boolean contains(long pa) {
        return banks.stream().anyMatch(b -> Long.compareUnsigned(pa, b.start()) >= 0
                && Long.compareUnsigned(pa, b.end()) < 0);
    }
}
