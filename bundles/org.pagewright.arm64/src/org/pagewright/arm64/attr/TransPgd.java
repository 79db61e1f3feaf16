package org.pagewright.arm64.attr;

import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.VaRange;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.op.Changes;
import org.pagewright.arm64.op.OpResult;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.arm64.table.RangeVisitor;
import org.pagewright.arm64.table.Step;

/**
 * arch/arm64/mm/trans_pgd.c trans_pgd_create_copy as hibernation's swsusp_arch_resume uses it: a copy of the
 * linear map [PAGE_OFFSET, PAGE_END) made writable, through which the restore code writes every page back. What
 * happens to invalid leaves depends on the version ({@link KernelRules#transPgdRevalidatesPtes},
 * {@link KernelRules#transPgdRevalidatesBlocks}).
 */
public final class TransPgd {

    private TransPgd() {
    }

    /** trans_pgd.c _copy_pte: valid PTEs made writable; invalid ones revalidated since the 2024 change (or with
     *  debug_pagealloc before it), else not copied (0). */
    public static long copyPte(long pte, KernelRules rules, boolean debugPagealloc, boolean ng) {
        if (Descriptor.isValid(pte)) {
            return mkwrite(pte);
        }
        if (rules.transPgdRevalidatesPtes() || debugPagealloc) {
            return mkvalid(mkwrite(pte), ng);
        }
        return 0;
    }

    /** trans_pgd.c copy_pmd/copy_pud for a block: RDONLY cleared; made valid too from the 7.0.1 fix. */
    public static long copyBlock(long block, KernelRules rules, boolean ng) {
        long copy = block & ~Descriptor.RDONLY;
        return rules.transPgdRevalidatesBlocks() ? mkvalid(mkwrite(block), ng) : copy;
    }

    /**
     * Turns {@code tables} into the copy, in place: leaves of [linearStart, linearEnd) as {@link #copyPte} and
     * {@link #copyBlock} make them, everything else (kernel image, vmalloc, fixmap) absent, as in tmp_pg_dir.
     */
    public static OpResult copyInPlace(PageTables tables, KernelRules rules, long linearStart, long linearEnd,
            boolean debugPagealloc, boolean ng) {
        Geometry geometry = tables.geometry();
        Changes.Log log = new Changes.Log();
        VaRange linear = new VaRange(linearStart, linearEnd);
        tables.walk(VaRange.toTop(geometry.kernelVaStart()), new RangeVisitor() {
            @Override
            public Step entry(int level, long tablePa, long[] table, int index, long addr, long next) {
                long d = table[index];
                if (d == 0) {
                    return Step.SKIP_CHILDREN;
                }
                if (!linear.overlaps(new VaRange(addr, next))) {
                    table[index] = 0;
                    log.wrote(1);
                    return Step.SKIP_CHILDREN;
                }
                if (Descriptor.isTable(d, level)) {
                    return Step.CONTINUE;
                }
                table[index] = copyBlock(d, rules, ng);
                log.wrote(1);
                return Step.SKIP_CHILDREN;
            }

            @Override
            public boolean lastLevel(long tablePa, long[] table, int from, int to, long addr) {
                for (int i = from; i < to; i++, addr += geometry.pageSize()) {
                    long d = table[i];
                    if (d != 0) {
                        table[i] = linear.contains(addr) ? copyPte(d, rules, debugPagealloc, ng) : 0;
                        log.wrote(1);
                    }
                }
                return true;
            }
        });
        return new OpResult.Ok(log.freeze());
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
