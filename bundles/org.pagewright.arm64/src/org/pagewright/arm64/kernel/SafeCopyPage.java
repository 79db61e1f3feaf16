package org.pagewright.arm64.kernel;

import java.util.List;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.op.Operation;
import org.pagewright.arm64.op.Operation.SetDirectMap;
import org.pagewright.arm64.table.PageTables;

/**
 * kernel/power/snapshot.c safe_copy_page: copy through the linear alias when kernel_page_present, otherwise map
 * the page with hibernate_map_page (set_direct_map_default_noflush: valid and RW), copy, and unmap it with
 * hibernate_unmap_page (set_direct_map_invalid_noflush + TLB flush). Both helpers do nothing when
 * !can_set_direct_map(), which the engine's direct-map policy models.
 */
public final class SafeCopyPage {

    /** Operations before the copy, the linear VA read by do_copy_page, and operations after it. */
    public record Plan(List<Operation> before, long readVa, List<Operation> after) {
    }

    private SafeCopyPage() {
    }

    public static Plan plan(PageTables state, Boot boot, long pa) {
        long va = boot.linear(pa);
        if (KernelPagePresent.of(state, boot.config().rules(), va) == KernelPagePresent.Answer.PRESENT) {
            return new Plan(List.of(), va, List.of());
        }
        VirtualAddress page = new VirtualAddress(va);
        return new Plan(List.of(new SetDirectMap(page, 1, true, "hibernate_map_page")), va,
                List.of(new SetDirectMap(page, 1, false, "hibernate_unmap_page")));
    }
}
