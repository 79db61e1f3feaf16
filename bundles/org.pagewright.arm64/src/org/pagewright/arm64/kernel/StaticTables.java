package org.pagewright.arm64.kernel;

import java.util.OptionalLong;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.layout.KernelVaLayout;
import org.pagewright.arm64.table.PageTables;

/**
 * The page tables the kernel image carries, by physical address: swapper_pg_dir (the root; vmlinux.lds.S) and the
 * fixmap's bm_pud, bm_pmd and bm_pte[] (fixmap.c, __page_aligned_bss; the data/bss series moves them past
 * __bss_stop). early_fixmap_init links exactly these into the fixmap's slots, so their linear aliases are what
 * ptdump reads there. Empty values leave the table to the allocator.
 */
public record StaticTables(OptionalLong swapperPgDir, OptionalLong bmPud, OptionalLong bmPmd, OptionalLong bmPte) {

    public static StaticTables none() {
        return new StaticTables(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty());
    }

    /** Declares bm_pud/bm_pmd/bm_pte as the fixmap's tables (mmu.c early_fixmap_init_pud/_pmd/_pte). */
    public void place(PageTables tables, Boot boot) {
        place(tables, boot.layout(), boot.config());
    }

    /** As {@link #place(PageTables, Boot)} for a kernel of this layout and configuration. */
    public void place(PageTables tables, KernelVaLayout layout, KernelConfig config) {
        Geometry g = tables.geometry();
        VirtualAddress fixmap = new VirtualAddress(layout.fixmapStart());
        if (bmPud.isPresent() && 1 > g.startLevel()) {
            tables.placeTable(1, fixmap, new PhysicalAddress(bmPud.getAsLong()));
        }
        if (bmPmd.isPresent() && 2 > g.startLevel()) {
            tables.placeTable(2, fixmap, new PhysicalAddress(bmPmd.getAsLong()));
        }
        if (bmPte.isPresent()) {
            long[] span = EarlyFixmapInit.pteTableSpan(layout, config);
            long pmd = g.levelSize(2);
            for (long va = span[0]; Long.compareUnsigned(va, span[1]) < 0 && va != 0; va += pmd) {
                tables.placeTable(Geometry.LAST_LEVEL, new VirtualAddress(va),
                        new PhysicalAddress(bmPte.getAsLong() + (va - span[0]) / pmd * g.pageSize()));
            }
        }
    }
}
