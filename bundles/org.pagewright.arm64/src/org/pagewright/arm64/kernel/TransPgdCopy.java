package org.pagewright.arm64.kernel;

import java.util.ArrayList;
import java.util.List;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.table.PageTables;

/**
 * arch/arm64/mm/trans_pgd.c trans_pgd_create_copy as hibernation's swsusp_arch_resume uses it: a copy of the
 * linear map [PAGE_OFFSET, PAGE_END) made writable, through which the restore code writes every page back.
 * What happens to invalid leaves depends on the version (arm64-domain.md §5).
 */
public final class TransPgdCopy {

    /** One leaf of the source and what the copy holds for it (0 = not copied). */
    public record Entry(long va, int level, long source, long copy) {
        public boolean writableValid() {
            return Descriptor.isValid(copy) && (copy & Descriptor.RDONLY) == 0;
        }
    }

    private TransPgdCopy() {
    }

    public static List<Entry> copyLinearMap(PageTables state, Boot boot) {
        KernelRules rules = boot.config().rules();
        boolean debugPagealloc = boot.config().debugPagealloc();
        boolean ng = boot.config().useNgMappings();
        List<Entry> out = new ArrayList<>();
        state.visit(boot.layout().pageOffset(), boot.layout().pageEnd(), (va, level, raw) -> {
            if (Descriptor.isNone(raw) || Descriptor.isTable(raw, level)) {
                return;
            }
            out.add(new Entry(va, level, raw, level == 3 ? copyPte(raw, rules, debugPagealloc, ng)
                    : copyBlock(raw, rules, ng)));
        });
        return List.copyOf(out);
    }

    /** trans_pgd.c _copy_pte. */
    static long copyPte(long pte, KernelRules rules, boolean debugPagealloc, boolean ng) {
        if (Descriptor.isValid(pte)) {
            return mkwrite(pte);
        }
        if (rules.transPgdRevalidatesPtes() || debugPagealloc) {
            return mkvalid(mkwrite(pte), ng); // 2024 change: every non-none PTE; before only with debug_pagealloc
        }
        return 0;
    }

    /** trans_pgd.c copy_pmd/copy_pud for a block: RDONLY cleared; made valid too from the 7.0.1 fix. */
    static long copyBlock(long block, KernelRules rules, boolean ng) {
        long copy = block & ~Descriptor.RDONLY;
        return rules.transPgdRevalidatesBlocks() ? mkvalid(mkwrite(block), ng) : copy;
    }

    /** pte_mkwrite_novma on a kernel (software-dirty) entry: WRITE set, RDONLY cleared. */
    private static long mkwrite(long d) {
        return (d | Descriptor.WRITE) & ~Descriptor.RDONLY;
    }

    /** pte_mkvalid_k: the present-invalid marker replaced by PTE_PRESENT_VALID_KERNEL (VALID | PTE_MAYBE_NG). */
    private static long mkvalid(long d, boolean ng) {
        long cleared = Descriptor.isValid(d) ? d : d & ~Descriptor.PRESENT_INVALID;
        return cleared | Descriptor.VALID | (ng ? Descriptor.NG : 0);
    }
}
