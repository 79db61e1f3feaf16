package org.pagewright.arm64.kernel;

import java.util.ArrayList;
import java.util.List;
import org.pagewright.arm64.op.Operation;

/**
 * The boot order of the recipes (setup_arch → paging_init, mm_init → kfence_init, smp_cpus_done, kernel_init →
 * free_initmem, mark_readonly), followed by the observed run-time changes.
 */
public final class BootSequence {

    /** One named step of the sequence. */
    public record Step(String name, Recipe recipe) {
    }

    private BootSequence() {
    }

    public static List<Step> steps(List<ReadOnlyVmallocPages> runtimeReadOnly) {
        return List.of(
                new Step("map_kernel", new MapKernel()),
                new Step("map_mem", new MapMem()),
                new Step("kfence_init_pool", new KfencePool()),
                new Step("mark_linear_text_alias_ro", new MarkLinearTextAliasRo()),
                new Step("free_initmem", new FreeInitmem()),
                new Step("mark_rodata_ro", new MarkRodataRo()),
                new Step("run-time set_memory_ro", new MirrorReadOnlyToLinearAlias(runtimeReadOnly)));
    }

    public static List<Operation> operations(Boot boot, List<ReadOnlyVmallocPages> runtimeReadOnly) {
        List<Operation> ops = new ArrayList<>();
        for (Step s : steps(runtimeReadOnly)) {
            ops.addAll(s.recipe().operations(boot));
        }
        return List.copyOf(ops);
    }
}
