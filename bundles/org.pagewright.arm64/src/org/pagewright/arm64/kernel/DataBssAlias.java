package org.pagewright.arm64.kernel;

import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.op.Operation;
import org.pagewright.arm64.op.Operation.SetMemoryValid;

/** The linear alias of [__init_end, __bss_stop) that the data/bss series toggles with set_memory_valid. */
final class DataBssAlias {
    private DataBssAlias() {
    }

    /** mmu.c (the series): set_memory_valid(lm_alias(__init_end), (__bss_stop - __init_end) / PAGE_SIZE, valid). */
    static Operation validity(Boot boot, boolean valid, String origin) {
        KernelImage i = boot.image();
        long pages = (i.bssStop() - i.initEnd()) / boot.pageSize();
        return new SetMemoryValid(new VirtualAddress(boot.lmAlias(i.initEnd())), pages, valid, origin);
    }

    /** [start, end) of the alias in the linear map. */
    static long[] linearRange(Boot boot) {
        KernelImage i = boot.image();
        return new long[] {boot.lmAlias(i.initEnd()), boot.lmAlias(i.bssStop())};
    }
}
