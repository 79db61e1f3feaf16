package org.pagewright.arm64.op;

import static org.junit.jupiter.api.Assertions.*;
import static org.pagewright.arm64.Fixture.*;
import static org.pagewright.arm64.desc.Descriptor.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.Fixture;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.attr.DirectMapPolicy;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.map.MapFlag;
import org.pagewright.arm64.table.PageTables;

class ExecutorTest {
    private static final Set<MapFlag> LINEAR = EnumSet.of(MapFlag.NO_EXEC_MAPPINGS);
    private static final Set<MapFlag> FORCE_PTE =
            EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS, MapFlag.NO_CONT_MAPPINGS, MapFlag.NO_EXEC_MAPPINGS);
    private static final long VA = LINEAR_4K_48;

    private static Executor executor(KernelVersion v, CpuFeatures cpu) {
        return Executor.of(Geometry.G4K_48, KernelRules.of(v), cpu);
    }

    @Test
    void aMapThenInvalidateSequenceLeavesThePresentInvalidAlias() {
        Executor ex = executor(KernelVersion.V7_3, CpuFeatures.none());
        PageTables t = Fixture.tables(Geometry.G4K_48);
        List<OpResult> results = ex.applyAll(t, List.of(
                new Operation.CreateMapping(pa(DRAM), va(VA), SZ_2M, Prot.PAGE_KERNEL.tagged(), FORCE_PTE,
                        "map_mem: bank 0"),
                new Operation.SetMemoryValid(va(VA + SZ_64K), 16, false, "mark_linear_data_alias_valid(false)")));
        assertTrue(results.stream().allMatch(OpResult::isOk), results::toString);
        long d = t.lookup(va(VA + SZ_64K)).descriptor();
        assertFalse(isValid(d));
        assertTrue(has(d, PRESENT_INVALID));
    }

    private static final long PAGE_END_48 = 0xffff800000000000L;
    private static final long IMAGE = 0xffff800080000000L;

    private static PageTables bootedWithAnInvalidDataAlias(Executor ex) {
        PageTables t = Fixture.tables(Geometry.G4K_48);
        List<OpResult> results = ex.applyAll(t, List.of(
                new Operation.CreateMapping(pa(DRAM), va(VA), SZ_2M, Prot.PAGE_KERNEL.tagged(), FORCE_PTE, "map_mem"),
                new Operation.UpdateMappingProt(pa(DRAM), va(VA), SZ_64K, Prot.PAGE_KERNEL_RO,
                        "mark_linear_text_alias_ro"),
                new Operation.SetMemoryValid(va(VA + SZ_64K), 16, false, "data/bss alias"),
                new Operation.CreateMapping(pa(DRAM + SZ_2M), va(IMAGE), SZ_2M, Prot.PAGE_KERNEL, Set.of(),
                        "map_kernel")));
        assertTrue(results.stream().allMatch(OpResult::isOk), results::toString);
        return t;
    }

    @Test
    void theRestoreCopyOf73WriteEnablesAndRevalidatesTheLinearMapAndDropsEverythingElse() {
        Executor ex = executor(KernelVersion.V7_3, CpuFeatures.none());
        PageTables t = bootedWithAnInvalidDataAlias(ex);

        OpResult r = ex.apply(t, new Operation.TransPgdCopy(va(VA), va(PAGE_END_48), false, false,
                "swsusp_arch_resume"));

        assertTrue(r.isOk(), r::toString);
        long readOnlyBefore = t.lookup(va(VA)).descriptor();
        assertTrue(isValid(readOnlyBefore) && !has(readOnlyBefore, RDONLY) && has(readOnlyBefore, WRITE));
        long invalidBefore = t.lookup(va(VA + SZ_64K)).descriptor();
        assertTrue(isValid(invalidBefore) && has(invalidBefore, WRITE), Long.toHexString(invalidBefore));
        assertEquals(0, t.lookup(va(IMAGE)).descriptor(), "the kernel image is not in the copy");
    }

    @Test
    void theRestoreCopyOf61LeavesInvalidPtesOut() {
        Executor ex = executor(KernelVersion.V6_1, CpuFeatures.none());
        PageTables t = bootedWithAnInvalidDataAlias(ex);

        ex.apply(t, new Operation.TransPgdCopy(va(VA), va(PAGE_END_48), false, false, "swsusp_arch_resume"));

        assertEquals(0, t.lookup(va(VA + SZ_64K)).descriptor()); // trans_pgd.c _copy_pte before the 2024 change
        assertTrue(isValid(t.lookup(va(VA + 2 * SZ_64K)).descriptor()));
    }

    @Test
    void kptiTurnsEveryMappingNonGlobal() {
        Executor ex = executor(KernelVersion.V6_12, CpuFeatures.none().withKptiNeeded(true));
        PageTables t = Fixture.tables(Geometry.G4K_48);
        ex.apply(t, new Operation.CreateMapping(pa(DRAM), va(VA), SZ_4K, Prot.PAGE_KERNEL, LINEAR, "test"));
        assertTrue(has(t.lookup(va(VA)).descriptor(), NG));
    }

    @Test
    void aStateOfAnotherGeometryIsRefused() {
        Executor ex = executor(KernelVersion.V6_12, CpuFeatures.none());
        PageTables t = Fixture.tables(Geometry.G16K_48);
        assertInstanceOf(OpResult.Refused.class,
                ex.apply(t, new Operation.ClearMapping(va(VA), SZ_4K, "test")));
    }

    @Test
    void clearMappingEmptiesLeavesButKeepsTables() {
        Executor ex = executor(KernelVersion.V6_12, CpuFeatures.none());
        PageTables t = Fixture.tables(Geometry.G4K_48);
        ex.apply(t, new Operation.CreateMapping(pa(DRAM), va(VA), SZ_2M + SZ_4K, Prot.PAGE_KERNEL, Set.of(), "test"));
        int pages = t.tablePages();
        OpResult r = ex.apply(t, new Operation.ClearMapping(va(VA), SZ_2M + SZ_4K, "free_initmem"));
        assertTrue(r.isOk());
        assertFalse(r.changes().warned());
        assertEquals(0, t.lookup(va(VA)).descriptor());
        assertEquals(3, t.lookup(va(VA + SZ_2M)).level());
        assertEquals(pages, t.tablePages());
    }

    @Test
    void clearingPartOfABlockClearsItWholeWithAWarning() {
        Executor ex = executor(KernelVersion.V6_12, CpuFeatures.none());
        PageTables t = Fixture.tables(Geometry.G4K_48);
        ex.apply(t, new Operation.CreateMapping(pa(DRAM), va(VA), SZ_2M, Prot.PAGE_KERNEL, Set.of(), "test"));
        OpResult r = ex.apply(t, new Operation.ClearMapping(va(VA), SZ_4K, "test"));
        assertTrue(r.changes().warned());
        assertEquals(0, t.lookup(va(VA + SZ_64K)).descriptor());
    }

    @Test
    void changeMemoryCommonSeesRegisteredVmAreas() {
        Executor ex = executor(KernelVersion.V7_0_1, CpuFeatures.none())
                .withDirectMap(DirectMapPolicy.defaults().withRodataFull(false));
        PageTables t = Fixture.tables(Geometry.G4K_48);
        long vmalloc = 0xffff800090000000L;
        ex.apply(t, new Operation.CreateMapping(pa(DRAM), va(vmalloc), SZ_4K, Prot.PAGE_KERNEL, EnumSet.of(
                MapFlag.NO_BLOCK_MAPPINGS), "vmalloc"));
        Operation ro = new Operation.ChangeMemoryCommon(va(vmalloc), 1, Permission.RO, "set_memory_ro");
        assertInstanceOf(OpResult.Refused.class, ex.apply(t, ro));
        ex.apply(t, new Operation.RegisterVmArea(va(vmalloc), SZ_4K, true, false, "module"));
        assertTrue(ex.apply(t, ro).isOk());
        assertTrue(has(t.lookup(va(vmalloc)).descriptor(), RDONLY));
    }

    @Test
    void aMappingsFlagsReadInDeclarationOrderWhateverOrderTheyWereGivenIn() {
        Set<MapFlag> given = new java.util.LinkedHashSet<>(List.of(MapFlag.NO_EXEC_MAPPINGS, MapFlag.NO_BLOCK_MAPPINGS));
        Operation.CreateMapping op = new Operation.CreateMapping(pa(DRAM), va(VA), SZ_2M, Prot.PAGE_KERNEL, given,
                "map_mem");
        assertEquals("[NO_BLOCK_MAPPINGS, NO_EXEC_MAPPINGS]", op.flags().toString());
        assertThrows(UnsupportedOperationException.class, () -> op.flags().add(MapFlag.NO_CONT_MAPPINGS));
    }

    @Test
    void mirrorToLinearAliasChangesTheAliasOnly() {
        Executor ex = executor(KernelVersion.V7_3, CpuFeatures.none());
        PageTables t = Fixture.tables(Geometry.G4K_48);
        ex.apply(t, new Operation.CreateMapping(pa(DRAM), va(VA), SZ_2M, Prot.PAGE_KERNEL.tagged(),
                EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS, MapFlag.NO_CONT_MAPPINGS, MapFlag.NO_EXEC_MAPPINGS), "map_mem"));
        assertTrue(ex.apply(t, new Operation.MirrorToLinearAlias(va(VA + SZ_4K), 1, Permission.RO, "bpf")).isOk());
        assertEquals(DRAM + SZ_4K | (Prot.PAGE_KERNEL.tagged().bits() & ~WRITE) | RDONLY,
                t.lookup(va(VA + SZ_4K)).descriptor());
    }

    @Test
    void mapRangeAndUpdateMappingProtRunThroughTheExecutor() {
        Executor ex = executor(KernelVersion.V7_3, CpuFeatures.none());
        PageTables t = Fixture.tables(Geometry.G4K_48);
        long image = 0xffff800080000000L;
        assertTrue(ex.apply(t, new Operation.MapRange(pa(DRAM), va(image), SZ_2M, Prot.PAGE_KERNEL, false,
                "map_kernel")).isOk());
        assertTrue(ex.apply(t, new Operation.UpdateMappingProt(pa(DRAM), va(image), SZ_2M, Prot.PAGE_KERNEL_RO,
                "mark_rodata_ro")).isOk());
        assertTrue(has(t.lookup(va(image)).descriptor(), RDONLY));
    }

    // mmu.c map_entry_trampoline clears PTE_NG ("always mapped and can therefore be global"); every other kernel
    // mapping takes nG from PTE_MAYBE_NG under KPTI
    @Test
    void underKptiOnlyAProtWhosePteNgWasClearedStaysGlobal() {
        Executor ex = executor(KernelVersion.V7_3, CpuFeatures.none().withKptiNeeded(true));
        PageTables t = Fixture.tables(Geometry.G4K_48);
        List<OpResult> results = ex.applyAll(t, List.of(
                new Operation.CreateMapping(pa(DRAM), va(IMAGE), SZ_4K, Prot.PAGE_KERNEL_ROX.withNgCleared(),
                        FORCE_PTE, "map_entry_trampoline"),
                new Operation.CreateMapping(pa(DRAM + SZ_4K), va(IMAGE + SZ_4K), SZ_4K, Prot.PAGE_KERNEL_RO,
                        FORCE_PTE, "map_entry_trampoline: data page")));
        assertTrue(results.stream().allMatch(OpResult::isOk), results::toString);
        assertFalse(has(t.lookup(va(IMAGE)).descriptor(), NG));
        assertTrue(has(t.lookup(va(IMAGE + SZ_4K)).descriptor(), NG));
    }
}
