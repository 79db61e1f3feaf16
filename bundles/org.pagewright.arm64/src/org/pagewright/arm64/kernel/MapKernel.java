package org.pagewright.arm64.kernel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.map.MapFlag;
import org.pagewright.arm64.op.Operation;
import org.pagewright.arm64.op.Operation.CreateMapping;
import org.pagewright.arm64.op.Operation.MapRange;

/**
 * map_kernel: the kernel-image segments in the vmalloc space. 6.1 does it in mmu.c with __create_pgd_mapping;
 * later kernels in pi/map_kernel.c with map_range, in two passes for a relocatable kernel (code mapped RW first,
 * then unmapped and remapped with text_prot so that contiguous descriptors are never created over live ones).
 */
public final class MapKernel implements Recipe {
    @Override
    public List<Operation> operations(Boot boot) {
        return boot.config().mapsKernelInPi() ? earlyMapKernel(boot) : mmuMapKernel(boot);
    }

    /** mmu.c map_kernel (≤ 6.8): only rodata avoids CONT, because it is remapped later. */
    private static List<Operation> mmuMapKernel(Boot boot) {
        KernelConfig c = boot.config();
        KernelImage i = boot.image();
        Prot text = c.resolve(c.textProt());
        Prot data = c.resolve(Prot.PAGE_KERNEL);
        Set<MapFlag> none = Set.of();
        return List.of(
                segment(boot, i.stext(), i.etext(), text, none, "map_kernel: [_stext, _etext)"),
                segment(boot, i.startRodata(), i.initBegin(), data, EnumSet.of(MapFlag.NO_CONT_MAPPINGS),
                        "map_kernel: [__start_rodata, __inittext_begin)"),
                segment(boot, i.initBegin(), i.inittextEnd(), text, none,
                        "map_kernel: [__inittext_begin, __inittext_end)"),
                segment(boot, i.initdataBegin(), i.initEnd(), data, none,
                        "map_kernel: [__initdata_begin, __initdata_end)"),
                segment(boot, i.data(), i.end(), data, none, "map_kernel: [_data, _end)"));
    }

    private static Operation segment(Boot boot, long start, long end, Prot prot, Set<MapFlag> flags, String origin) {
        return new CreateMapping(new PhysicalAddress(boot.image().pa(start)), new VirtualAddress(start), end - start,
                prot, flags, origin);
    }

    /** pi/map_kernel.c map_kernel (6.9+). */
    private static List<Operation> earlyMapKernel(Boot boot) {
        KernelConfig c = boot.config();
        KernelImage i = boot.image();
        Prot text = c.resolve(c.textProt());
        Prot data = c.resolve(Prot.PAGE_KERNEL);
        boolean twopass = c.build().randomizeBase(); // CONFIG_RELOCATABLE, which KASLR selects
        Prot firstPass = twopass ? data : text;
        List<Operation> ops = new ArrayList<>();
        if (c.textHeadMapped()) {
            ops.add(range(boot, i.text(), i.stext(), data, false, "map_kernel: [_text, _stext)"));
        }
        ops.add(range(boot, i.stext(), i.etext(), firstPass, !twopass, "map_kernel: [_stext, _etext)"));
        ops.add(range(boot, i.startRodata(), i.initBegin(), data, false,
                "map_kernel: [__start_rodata, __inittext_begin)"));
        ops.add(range(boot, i.initBegin(), i.inittextEnd(), firstPass, false,
                "map_kernel: [__inittext_begin, __inittext_end)"));
        ops.add(range(boot, i.initdataBegin(), i.initEnd(), data, false,
                "map_kernel: [__initdata_begin, __initdata_end)"));
        ops.add(range(boot, i.data(), i.end(), data, true, "map_kernel: [_data, _end)"));
        if (twopass) {
            ops.add(range(boot, i.stext(), i.etext(), new Prot(0), false, "map_kernel: unmap [_stext, _etext)"));
            ops.add(range(boot, i.stext(), i.etext(), text, true, "map_kernel: remap [_stext, _etext) text_prot"));
            ops.add(range(boot, i.initBegin(), i.inittextEnd(), text, false,
                    "map_kernel: remap [__inittext_begin, __inittext_end) text_prot"));
        }
        return List.copyOf(ops);
    }

    private static Operation range(Boot boot, long start, long end, Prot prot, boolean cont, String origin) {
        return new MapRange(new PhysicalAddress(boot.image().pa(start)), new VirtualAddress(start), end - start, prot,
                cont, origin);
    }
}
