package org.pagewright.arm64.kernel;

import java.util.List;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.op.Operation;
import org.pagewright.arm64.op.Operation.MirrorToLinearAlias;
import org.pagewright.arm64.op.Permission;

/**
 * pageattr.c change_memory_common, the rodata_full branch: when a module or the BPF JIT makes vmalloc pages
 * read-only, the same change is applied to the linear alias of every backing page. The vmalloc areas are not
 * simulated; which pages were made read-only is an observed input ({@link ReadOnlyVmallocPages}).
 */
public final class MirrorReadOnlyToLinearAlias implements Recipe {
    private final List<ReadOnlyVmallocPages> pages;

    public MirrorReadOnlyToLinearAlias(List<ReadOnlyVmallocPages> pages) {
        this.pages = List.copyOf(pages);
    }

    @Override
    public List<Operation> operations(Boot boot) {
        if (!boot.config().mirrorsReadOnlyToLinearAlias()) {
            return List.of();
        }
        return pages.stream().<Operation>map(p -> new MirrorToLinearAlias(new VirtualAddress(boot.linear(p.phys())),
                p.size() / boot.pageSize(), Permission.RO, "set_memory_ro mirror: " + p.origin())).toList();
    }
}
