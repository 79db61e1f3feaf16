package org.pagewright.arm64.kernel;

import java.util.ArrayList;
import java.util.List;
import org.pagewright.arm64.op.Operation;

/**
 * The boot order of the recipes (setup_arch → early_fixmap_init, setup_machine_fdt, paging_init, bootmem_init →
 * sparse_init; mm_init → kfence_init; smp_cpus_done; device probe → pci_remap_iospace; kernel_init → free_initmem,
 * mark_readonly), followed by the observed run-time changes. Steps touching disjoint VA ranges keep the order
 * of the kernel only where it matters.
 */
public final class BootSequence {

    /** One named step of the sequence. */
    public record Step(String name, Recipe recipe) {
    }

    private BootSequence() {
    }

    public static List<Step> steps(List<ReadOnlyVmallocPages> runtimeReadOnly) {
        return steps(runtimeReadOnly, BootPlatform.none());
    }

    /** The sequence with the firmware's and devices' inputs: FDT, PCI I/O windows, trampoline size. */
    public static List<Step> steps(List<ReadOnlyVmallocPages> runtimeReadOnly, BootPlatform platform) {
        return List.of(
                new Step("early_fixmap_init", new EarlyFixmapInit()),
                new Step("fixmap_remap_fdt", new FixmapRemapFdt(platform)),
                new Step("map_kernel", new MapKernel()),
                new Step("map_mem", new MapMem()),
                new Step("map_entry_trampoline", new MapEntryTrampoline(platform)),
                new Step("vmemmap_populate", new VmemmapPopulate()),
                new Step("pci_remap_iospace", new PciRemapIospace(platform)),
                new Step("kfence_init_pool", new KfencePool()),
                new Step("mark_linear_text_alias_ro", new MarkLinearTextAliasRo()),
                new Step("free_initmem", new FreeInitmem()),
                new Step("mark_rodata_ro", new MarkRodataRo()),
                new Step("run-time set_memory_ro", new MirrorReadOnlyToLinearAlias(runtimeReadOnly)));
    }

    public static List<Operation> operations(Boot boot, List<ReadOnlyVmallocPages> runtimeReadOnly) {
        return operations(boot, runtimeReadOnly, BootPlatform.none());
    }

    public static List<Operation> operations(Boot boot, List<ReadOnlyVmallocPages> runtimeReadOnly,
            BootPlatform platform) {
        List<Operation> ops = new ArrayList<>();
        for (Step s : steps(runtimeReadOnly, platform)) {
            ops.addAll(s.recipe().operations(boot));
        }
        return List.copyOf(ops);
    }
}
