package org.pagewright.arm64.kernel;

import java.util.List;

import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.op.Operation;

/**
 * arch/arm64/kernel/hibernate.c swsusp_arch_resume: the restore kernel switches TTBR1 to trans_pgd's writable
 * copy of its linear map [PAGE_OFFSET, PAGE_END) and writes every saved page back through it.
 */
public final class SwsuspArchResume implements Recipe {

    @Override
    public List<Operation> operations(Boot boot) {
        return List.of(new Operation.TransPgdCopy(new VirtualAddress(boot.layout().pageOffset()),
                new VirtualAddress(boot.layout().pageEnd()),
                boot.config().debugPagealloc(), boot.config().useNgMappings(),
                "swsusp_arch_resume: trans_pgd_create_copy(PAGE_OFFSET, PAGE_END)"));
    }
}
