package org.pagewright.arm64.kernel;

import java.util.List;
import org.pagewright.arm64.op.Operation;

/**
 * The data/bss series' PM notifier at PM_HIBERNATION_PREPARE: revalidate the data/bss linear alias, because
 * saveable_page() skips PageReserved pages whose alias is not present — the image would miss the kernel's data.
 * Kernels without the series have nothing to do. (PM_RESTORE_PREPARE is not handled by the notifier.)
 */
public final class PmHibernationPrepare implements Recipe {

    @Override
    public List<Operation> operations(Boot boot) {
        if (!boot.config().unmapsDataBssAlias() || !boot.config().rodata().enabled()) {
            return List.of();
        }
        return List.of(DataBssAlias.validity(boot, true, "PM_HIBERNATION_PREPARE: revalidate data/bss alias"));
    }
}
