package org.pagewright.arm64.kernel;

import java.util.List;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.op.Operation;
import org.pagewright.arm64.op.Operation.UpdateMappingProt;

/**
 * mmu.c mark_linear_text_alias_ro (from smp_cpus_done, after alternatives are patched): the linear alias of
 * [_text or _stext, __init_begin) becomes PAGE_KERNEL_RO — read-only and no longer tagged.
 */
public final class MarkLinearTextAliasRo implements Recipe {

    @Override
    public List<Operation> operations(Boot boot) {
        long start = MapMem.textAliasStart(boot);
        long end = boot.image().pa(boot.image().initBegin());
        return List.of(new UpdateMappingProt(new PhysicalAddress(start), new VirtualAddress(boot.linear(start)),
                end - start,
                boot.config().resolve(Prot.PAGE_KERNEL_RO), "mark_linear_text_alias_ro"));
    }
}
