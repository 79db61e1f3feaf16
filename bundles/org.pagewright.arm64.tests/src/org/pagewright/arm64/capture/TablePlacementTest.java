package org.pagewright.arm64.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pagewright.arm64.Fixture.pa;
import static org.pagewright.arm64.Fixture.va;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.kernel.Boot;
import org.pagewright.arm64.kernel.BootReplay;
import org.pagewright.arm64.kernel.BootSequence;
import org.pagewright.arm64.kernel.KernelBuild;
import org.pagewright.arm64.query.TablePageReads;
import org.pagewright.arm64.table.PageTables;

/**
 * Where the kernel's table pages are: swapper_pg_dir and the fixmap's bm_pud/bm_pmd/bm_pte in the image, the rest
 * from memblock top-down; and what that means for ptdump, which reads every table below the root through its
 * linear alias.
 */
class TablePlacementTest {

    private record Replayed(Boot boot, PageTables tables, Capture capture) {
        long pa(String symbol) {
            return boot.image().pa(capture.kallsyms().address(symbol).getAsLong());
        }

        Optional<TablePageReads.Unreadable> ptdumpFault() {
            return TablePageReads.firstUnreadable(tables, boot.layout(), boot.memory().physOffset(),
                    boot.config().cpu());
        }
    }

    private static Replayed replay(CaptureVariant v) {
        Capture c = Capture.parse(v.text()).value();
        CaptureInputs in = CaptureInputs.from(c, KernelBuild::debian).value().orElseThrow();
        Boot boot = in.boot();
        BootReplay r = BootReplay.run(boot, BootSequence.operations(boot, in.readOnlyVmallocPages(), in.platform()),
                in.staticTables());
        assertTrue(r.failures().isEmpty(), r.failures()::toString);
        return new Replayed(boot, r.tables(), c);
    }

    /** The table pages the walk of one VA goes through, below the root. */
    private static List<Long> tablesOnTheWayTo(PageTables t, long va) {
        Geometry g = t.geometry();
        List<Long> out = new ArrayList<>();
        PhysicalAddress pa = t.rootPa();
        for (int level = g.startLevel(); level < Geometry.LAST_LEVEL; level++) {
            pa = t.nextTablePa(t.entry(pa, g.index(level, va)));
            out.add(pa.value());
        }
        return out;
    }

    // mmu.c early_fixmap_init: __p4d_populate(bm_pud), __pud_populate(bm_pmd), __pmd_populate(bm_pte[i]);
    // the root is swapper_pg_dir (vmlinux.lds.S)
    @Test
    void theFixmapIsMappedThroughTheImagesBmPudBmPmdAndBmPte() {
        Replayed r = replay(CaptureVariant.of(Captures.K73));
        long fdt = 0xffffffffff5fe000L; // FIX_FDT: in the second bm_pte
        assertEquals(pa(r.pa("swapper_pg_dir")), r.tables().rootPa());
        assertEquals(List.of(r.pa("bm_pud"), r.pa("bm_pmd"), r.pa("bm_pte") + 0x1000),
                tablesOnTheWayTo(r.tables(), fdt).subList(1, 4));
    }

    // mm/memblock.c: early tables come top-down from the end of DRAM
    @Test
    void theOtherEarlyTablesComeFromTheTopOfDram() {
        Replayed r = replay(CaptureVariant.of(Captures.K612_A57));
        long linearTable = tablesOnTheWayTo(r.tables(), 0xffff000000000000L).get(0);
        assertTrue(linearTable >= 0x7f000000L && linearTable < 0x80000000L, Long.toHexString(linearTable));
    }

    // ptdump.c ptdump_walk_pgd: every table below init_mm.pgd is read at __va(table PA)
    @Test
    void ptdumpReadsEveryTablePageOfEachRealKernel() {
        for (String name : List.of(Captures.K612, Captures.K612_A57, Captures.K73, Captures.K61)) {
            Optional<TablePageReads.Unreadable> fault = replay(CaptureVariant.of(name)).ptdumpFault();
            assertTrue(fault.isEmpty(), () -> name + ": " + fault.get().message());
        }
    }

    // fixmap.c bm_* __page_aligned_bss + the series' mark_rodata_ro (data/bss alias present-invalid): with the
    // fixmap tables left inside [__init_end, __bss_stop) ptdump dereferences __va(bm_pud) and faults
    @Test
    void withTheFixmapTablesInBssAndTheDataBssAliasInvalidPtdumpFaultsAtBmPud() {
        CaptureVariant inBss = CaptureVariant.of(Captures.K73).lines(l -> switch (l) {
            case "ffff80008321e000 b bm_pud" -> "ffff800083140000 b bm_pud";
            case "ffff80008321f000 b bm_pmd" -> "ffff800083141000 b bm_pmd";
            case "ffff800083220000 b bm_pte" -> "ffff800083142000 b bm_pte";
            default -> l;
        });
        Replayed r = replay(inBss);

        TablePageReads.Unreadable fault = r.ptdumpFault().orElseThrow();
        assertEquals(pa(r.pa("bm_pud")), fault.tablePa());
        assertEquals(va(r.boot().linear(r.pa("bm_pud"))), fault.linearVa());
        assertTrue(fault.message().contains("not readable at its linear alias"), fault.message());
    }

    // before the series (6.12) the data/bss alias stays valid: bm_* in .bss are readable
    @Test
    void beforeTheSeriesTheFixmapTablesInBssAreReadable() {
        Replayed r = replay(CaptureVariant.of(Captures.K612));
        long bssStart = r.pa("__bss_start");
        assertTrue(r.pa("bm_pud") > bssStart, "k612's bm_pud lies in .bss");
        assertTrue(r.ptdumpFault().isEmpty());
    }
}
