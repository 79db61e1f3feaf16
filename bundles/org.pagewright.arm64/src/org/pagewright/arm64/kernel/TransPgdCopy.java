package org.pagewright.arm64.kernel;

import java.util.ArrayList;
import java.util.List;

import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.attr.TransPgd;
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

    static long copyPte(long pte, KernelRules rules, boolean debugPagealloc, boolean ng) {
        return TransPgd.copyPte(pte, rules, debugPagealloc, ng);
    }

    static long copyBlock(long block, KernelRules rules, boolean ng) {
        return TransPgd.copyBlock(block, rules, ng);
    }
}
