package org.pagewright.arm64.kernel;

import java.util.ArrayList;
import java.util.List;

import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.VaRange;
import org.pagewright.arm64.attr.TransPgd;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.table.PageTables;

/**
 * What trans_pgd_create_copy would hold for each leaf of the linear map, read off a state without changing it
 * (the rules are {@link TransPgd}'s; the Operation.TransPgdCopy applies them in place).
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
        state.visit(new VaRange(boot.layout().pageOffset(), boot.layout().pageEnd()), (va, level, raw) -> {
            if (Descriptor.isNone(raw) || Descriptor.isTable(raw, level)) {
                return;
            }
            out.add(new Entry(va, level, raw, level == 3 ? TransPgd.copyPte(raw, rules, debugPagealloc, ng)
                    : TransPgd.copyBlock(raw, rules, ng)));
        });
        return List.copyOf(out);
    }
}
