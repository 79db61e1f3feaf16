package org.pagewright.arm64.kernel;

import java.util.List;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.op.Operation;
import org.pagewright.arm64.op.Operation.ClearMapping;

/**
 * arch/arm64/mm/init.c free_initmem: vunmap_range(__init_begin, __init_end) unmaps the init segments from the
 * kernel image mapping (tables stay); their linear alias stays mapped, the pages go back to the allocator.
 */
public final class FreeInitmem implements Recipe {

    @Override
    public List<Operation> operations(Boot boot) {
        KernelImage i = boot.image();
        return List.of(new ClearMapping(new VirtualAddress(i.initBegin()), i.initEnd() - i.initBegin(),
                "free_initmem: vunmap_range(__init_begin, __init_end)"));
    }
}
