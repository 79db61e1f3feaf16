package org.pagewright.arm64.kernel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.map.MapFlag;
import org.pagewright.arm64.op.Operation;
import org.pagewright.arm64.op.Operation.CreateMapping;

/**
 * mmu.c map_entry_trampoline (CONFIG_UNMAP_KERNEL_AT_EL0): __set_fixmap(FIX_ENTRY_TRAMP_TEXT1 - i) of each page of
 * the trampoline text with kernel_exec_prot() made global ("the trampoline is always mapped and can therefore be
 * global": PTE_NG cleared), and with CONFIG_RELOCATABLE the trampoline data page at the next slot with
 * PAGE_KERNEL_RO (nG under KPTI). 6.1 does it on every boot, later kernels only under KPTI
 * ({@link KernelConfig#mapsEntryTrampolineInFixmap}).
 */
public final class MapEntryTrampoline implements Recipe {
    private final BootPlatform platform;

    public MapEntryTrampoline(BootPlatform platform) {
        this.platform = platform;
    }

    /** Pages of [__entry_tramp_text_start, __entry_tramp_text_end); empty when the end lies before the start. */
    public static OptionalInt textPages(long start, long end, long page) {
        return Long.compareUnsigned(end, start) < 0 ? OptionalInt.empty()
                : OptionalInt.of((int) Math.min(Integer.MAX_VALUE, (end - start + page - 1) / page));
    }

    /** TRAMP_VALIAS = __fix_to_virt(FIX_ENTRY_TRAMP_TEXT1); the text's later pages and the data page lie above. */
    public static long textOneVa(Boot boot) {
        return boot.layout().fixaddrTop() - boot.config().fixEntryTrampText1Slot() * boot.pageSize();
    }

    @Override
    public List<Operation> operations(Boot boot) {
        KernelConfig c = boot.config();
        if (!c.mapsEntryTrampolineInFixmap() || platform.trampTextPages().isEmpty()) {
            return List.of();
        }
        long page = boot.pageSize();
        long text1 = textOneVa(boot);
        // __pa_symbol(__entry_tramp_text_start): not among the captured symbols; ptdump does not print the PA,
        // so the image's first page stands in
        long textPa = boot.image().pa(boot.image().text());
        EnumSet<MapFlag> flags = EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS, MapFlag.NO_CONT_MAPPINGS);
        Prot text = c.kernelExecProt().withNgCleared().forGeometry(c.runtimeGeometry());
        List<Operation> ops = new ArrayList<>();
        int pages = platform.trampTextPages().getAsInt();
        for (int i = 0; i < pages; i++) {
            ops.add(new CreateMapping(new PhysicalAddress(textPa + i * page), new VirtualAddress(text1 + i * page),
                    page, text, flags, "map_entry_trampoline: FIX_ENTRY_TRAMP_TEXT" + (i + 1)));
        }
        if (c.build().randomizeBase()) {
            ops.add(new CreateMapping(new PhysicalAddress(textPa), new VirtualAddress(text1 + pages * page), page,
                    c.resolve(Prot.PAGE_KERNEL_RO), flags, "map_entry_trampoline: trampoline data page"));
        }
        return List.copyOf(ops);
    }
}
