package org.pagewright.arm64.kernel;

import java.util.EnumSet;
import java.util.List;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.layout.KernelVaLayout;
import org.pagewright.arm64.map.MapFlag;
import org.pagewright.arm64.op.Operation;
import org.pagewright.arm64.op.Operation.ClearMapping;
import org.pagewright.arm64.op.Operation.CreateMapping;

/**
 * mmu.c early_fixmap_init: links the image's bm_pud/bm_pmd/bm_pte into swapper_pg_dir for the fixmap, with no
 * leaf yet. 6.1 populates one bm_pte, for the PMD holding FIXADDR_START (the early_ioremap slots); the rework
 * gives every PMD of [FIXADDR_TOT_START, FIXADDR_TOP) its own (early_fixmap_init_pte). Expressed with the
 * engine's primitives as a page mapping of that span cleared again: the tables stay, as the kernel's do.
 */
public final class EarlyFixmapInit implements Recipe {

    /** [first, end) of the PMDs that get a bm_pte: bm_pte[i] serves the i-th. */
    static long[] pteTableSpan(KernelVaLayout layout, KernelConfig config) {
        long pmd = config.runtimeGeometry().levelSize(2);
        long start = layout.fixmapStart() & -pmd;
        long end = config.fixmapPteTablesCoverWholeFixmap() ? layout.fixaddrTop() : start + pmd;
        return new long[] {start, end};
    }

    @Override
    public List<Operation> operations(Boot boot) {
        long[] span = pteTableSpan(boot.layout(), boot.config());
        long start = span[0];
        long end = span[1];
        PhysicalAddress anyPhys = new PhysicalAddress(boot.memory().banks().get(0).start());
        return List.of(
                new CreateMapping(anyPhys, new VirtualAddress(start), end - start, Prot.PAGE_KERNEL,
                        EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS, MapFlag.NO_CONT_MAPPINGS),
                        "early_fixmap_init: bm_pud/bm_pmd/bm_pte"),
                new ClearMapping(new VirtualAddress(start), end - start,
                        "early_fixmap_init: no fixmap slot in use yet"));
    }
}
