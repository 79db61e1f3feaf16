package org.pagewright.arm64.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.pagewright.arm64.VaRange;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.op.Operation;
import org.pagewright.arm64.op.Operation.SetMemoryValid;

/**
 * mm/kfence/core.c kfence_init_pool on the early pool: the first two pages are guards, then each object page is
 * followed by its right-hand guard page; guards are made invalid with set_memory_valid (kfence_protect_page).
 * Object pages stay valid until an object is freed — that happens at run time and is not modelled here.
 */
public final class KfencePool implements Recipe {

    /** The early pool's PA when this kernel allocates one (mmu.c arm64_kfence_alloc_pool) and it is known. */
    public static OptionalLong earlyPool(Boot boot) {
        return boot.config().kfenceEarlyPool() ? boot.kfencePoolPhys() : OptionalLong.empty();
    }

    /** The early pool's linear-map range (what split_kernel_leaf_mapping and map_mem treat apart), if any. */
    public static Optional<VaRange> earlyPoolLinearRange(Boot boot) {
        OptionalLong pool = earlyPool(boot);
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        long va = boot.linear(pool.getAsLong());
        return Optional.of(new VaRange(va, va + boot.config().kfencePoolSize()));
    }

    @Override
    public List<Operation> operations(Boot boot) {
        OptionalLong pool = earlyPool(boot);
        if (pool.isEmpty()) {
            return List.of();
        }
        long page = boot.pageSize();
        VirtualAddress va = new VirtualAddress(boot.linear(pool.getAsLong()));
        List<Operation> ops = new ArrayList<>();
        ops.add(new SetMemoryValid(va, 2, false, "kfence_init_pool: leading guard pages"));
        int objects = boot.config().build().kfenceNumObjects();
        for (int i = 0; i < objects; i++) {
            ops.add(new SetMemoryValid(va.plus((3L + 2L * i) * page), 1, false,
                    "kfence_init_pool: guard page of object " + i));
        }
        return List.copyOf(ops);
    }
}
