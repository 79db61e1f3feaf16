package org.pagewright.arm64.kernel;

import java.util.List;
import org.pagewright.arm64.op.Operation;

/** The data/bss series' PM notifier at PM_POST_HIBERNATION: invalidate the data/bss linear alias again. */
public final class PmPostHibernation implements Recipe {

    @Override
    public List<Operation> operations(Boot boot) {
        if (!boot.config().unmapsDataBssAlias() || !boot.config().rodata().enabled()) {
            return List.of();
        }
        return List.of(DataBssAlias.validity(boot, false, "PM_POST_HIBERNATION: invalidate data/bss alias"));
    }
}
