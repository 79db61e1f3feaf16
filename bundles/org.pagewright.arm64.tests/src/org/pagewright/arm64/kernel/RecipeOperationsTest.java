package org.pagewright.arm64.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pagewright.arm64.Fixture.pa;
import static org.pagewright.arm64.Fixture.va;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.op.Operation;
import org.pagewright.arm64.op.Operation.ClearMapping;
import org.pagewright.arm64.op.Operation.CreateMapping;
import org.pagewright.arm64.op.Operation.MapRange;
import org.pagewright.arm64.op.Operation.SetMemoryValid;
import org.pagewright.arm64.op.Operation.UpdateMappingProt;

/** What each recipe asks of the engine, per version. */
class RecipeOperationsTest {

    @Test
    void relocatableKernelMapsTextRwThenUnmapsAndRemapsItWithTextProt() {
        List<Operation> ops = new MapKernel().operations(TestBoots.boot("6.12", ""));
        MapRange first = (MapRange) ops.get(1);
        assertEquals(Prot.PAGE_KERNEL, first.prot());
        MapRange unmap = (MapRange) ops.get(6);
        assertEquals(0L, unmap.prot().bits());
        MapRange remap = (MapRange) ops.get(7);
        assertEquals(Prot.PAGE_KERNEL_ROX, remap.prot());
        assertTrue(remap.mayUseCont());
        assertEquals(first.virt(), remap.virt());
    }

    @Test
    void textHeadIsMappedAsDataFrom612() {
        MapRange head = (MapRange) new MapKernel().operations(TestBoots.boot("7.3", "")).get(0);
        assertEquals(va(TestBoots.KIMAGE_VADDR), head.virt());
        assertEquals(0x10000L, head.size());
        assertEquals(Prot.PAGE_KERNEL, head.prot());
    }

    @Test
    void kernel61MapsTheImageWithCreatePgdMappingFromStext() {
        List<Operation> ops = new MapKernel().operations(TestBoots.boot("6.1", ""));
        assertEquals(5, ops.size());
        CreateMapping text = (CreateMapping) ops.get(0);
        assertEquals(va(TestBoots.KIMAGE_VADDR + 0x10000), text.virt());
        assertEquals(Prot.PAGE_KERNEL_ROX, text.prot());
    }

    @Test
    void lpa2KernelsDropTheShareabilityField() {
        Boot boot = TestBoots.boot(KernelBuild.debian(org.pagewright.arm64.KernelVersion.V7_3,
                org.pagewright.arm64.Geometry.G4K_52), "", org.pagewright.arm64.CpuFeatures.none().withVa52(true),
                java.util.OptionalLong.empty());
        UpdateMappingProt ro = (UpdateMappingProt) new MarkLinearTextAliasRo().operations(boot).get(0);
        assertEquals(Prot.PAGE_KERNEL_RO.clear(org.pagewright.arm64.desc.Descriptor.SHARED), ro.prot());
    }

    @Test
    void anLpa2KernelOnACpuWithoutLpa2KeepsTheShareabilityField() {
        // pi/map_kernel.c: !cpu_has_lpa2() → va_bits = VA_BITS_MIN, TCR.DS stays 0, PTE_MAYBE_SHARED = PTE_SHARED
        Boot boot = TestBoots.boot(KernelBuild.debian(org.pagewright.arm64.KernelVersion.V7_3,
                org.pagewright.arm64.Geometry.G4K_52), "", org.pagewright.arm64.CpuFeatures.none(),
                java.util.OptionalLong.empty());
        UpdateMappingProt ro = (UpdateMappingProt) new MarkLinearTextAliasRo().operations(boot).get(0);
        assertEquals(Prot.PAGE_KERNEL_RO, ro.prot());
    }

    @Test
    void markLinearTextAliasRoCoversTextToInitBegin() {
        UpdateMappingProt ro = (UpdateMappingProt) new MarkLinearTextAliasRo()
                .operations(TestBoots.boot("7.3", "")).get(0);
        assertEquals(pa(0x40200000L), ro.phys());
        assertEquals(va(0xffff000000200000L), ro.virt());
        assertEquals(0x1c00000L, ro.size());
        assertEquals(Prot.PAGE_KERNEL_RO, ro.prot());
    }

    @Test
    void freeInitmemUnmapsTheInitSegmentsFromTheImage() {
        ClearMapping c = (ClearMapping) new FreeInitmem().operations(TestBoots.boot("6.1", "")).get(0);
        assertEquals(va(TestBoots.KIMAGE_VADDR + 0x1c00000), c.virt());
        assertEquals(0x570000L, c.size());
    }

    @Test
    void markRodataRoInvalidatesTheDataBssAliasIn73Only() {
        List<Operation> ops73 = new MarkRodataRo().operations(TestBoots.boot("7.3", ""));
        SetMemoryValid unmap = (SetMemoryValid) ops73.get(ops73.size() - 1);
        assertEquals(va(0xffff000002370000L), unmap.virt());
        assertEquals((0x2b17000L - 0x2170000L) / 4096, unmap.numPages());
        assertTrue(!unmap.valid());
        assertTrue(new MarkRodataRo().operations(TestBoots.boot("7.0.1", "")).stream()
                .noneMatch(o -> o instanceof SetMemoryValid));
    }

    @Test
    void rodataOffSkipsMarkRodataRo() {
        assertEquals(List.of(), new MarkRodataRo().operations(TestBoots.boot("7.3", "rodata=off")));
    }

    @Test
    void hibernationNotifiersToggleTheDataBssAliasOnlyWithTheSeries() {
        SetMemoryValid prepare = (SetMemoryValid) new PmHibernationPrepare().operations(TestBoots.boot("7.3", ""))
                .get(0);
        SetMemoryValid post = (SetMemoryValid) new PmPostHibernation().operations(TestBoots.boot("7.3", "")).get(0);
        assertTrue(prepare.valid());
        assertTrue(!post.valid());
        assertEquals(prepare.virt(), post.virt());
        assertEquals(List.of(), new PmHibernationPrepare().operations(TestBoots.boot("7.0.1", "")));
    }

    @Test
    void kfenceGuardPagesAlternateWithObjectPages() {
        List<Operation> ops = new KfencePool().operations(TestBoots.withKfencePool("6.12", "", 0x7f000000L));
        assertEquals(256, ops.size());
        SetMemoryValid leading = (SetMemoryValid) ops.get(0);
        assertEquals(va(0xffff00003f000000L), leading.virt());
        assertEquals(2, leading.numPages());
        assertEquals(va(0xffff00003f003000L), ((SetMemoryValid) ops.get(1)).virt());
        assertEquals(va(0xffff00003f005000L), ((SetMemoryValid) ops.get(2)).virt());
    }

    @Test
    void noEarlyPoolWhenSamplingIsOff() {
        assertEquals(List.of(), new KfencePool().operations(TestBoots.boot("7.3", "")));
    }

    @Test
    void readOnlyVmallocPagesAreMirroredOnlyUnderRodataFull() {
        List<ReadOnlyVmallocPages> pages = List.of(new ReadOnlyVmallocPages(0x44200000L, 0x200000L, "bpf pack"));
        Operation.MirrorToLinearAlias m = (Operation.MirrorToLinearAlias) new MirrorReadOnlyToLinearAlias(pages)
                .operations(TestBoots.boot("7.3", "")).get(0);
        assertEquals(va(0xffff000004200000L), m.linearVirt());
        assertEquals(512, m.numPages());
        assertEquals(List.of(), new MirrorReadOnlyToLinearAlias(pages).operations(TestBoots.boot("7.3",
                "rodata=noalias")));
    }

    private static List<Operation> trampoline(String version, CpuFeatures cpu) {
        BootPlatform firmware = new BootPlatform(OptionalLong.empty(), 0, List.of(), OptionalInt.of(3));
        return new MapEntryTrampoline(firmware).operations(TestBoots.boot(version, "", cpu));
    }

    // mmu.c map_entry_trampoline; fixmap.h: FIX_ENTRY_TRAMP_TEXT1 = FIX_FDT (1024) + 10 on 6.1, the k61 capture's
    // "Fixmap start" + 4K
    @Test
    void kernel61MapsTheTrampolineTextGlobalAndItsDataPageAboveItWithoutKpti() {
        Boot boot = TestBoots.boot("6.1", "");
        List<Operation> ops = trampoline("6.1", CpuFeatures.none());
        assertEquals(4, ops.size());
        CreateMapping text1 = (CreateMapping) ops.get(0);
        assertEquals(va(boot.layout().fixaddrTop() - 1034 * 4096L), text1.virt());
        assertEquals(Prot.PAGE_KERNEL_ROX.withNgCleared(), text1.prot());
        CreateMapping data = (CreateMapping) ops.get(3);
        assertEquals(va(boot.layout().fixaddrTop() - 1031 * 4096L), data.virt());
        assertEquals(Prot.PAGE_KERNEL_RO, data.prot());
    }

    // mmu.c map_entry_trampoline returns early without arm64_kernel_unmapped_at_el0() after 6.1; with KPTI the text
    // stays global (PTE_NG cleared) while the data page's PAGE_KERNEL_RO is nG. FIX_FDT is 514 after the fixmap
    // rework, so FIX_ENTRY_TRAMP_TEXT1 is 524
    @Test
    void from612OnlyAKptiBootMapsTheTrampolineAndOnlyItsDataPageIsNotGlobal() {
        assertEquals(List.of(), trampoline("6.12", CpuFeatures.none()));
        Boot boot = TestBoots.boot("6.12", "", CpuFeatures.none().withKptiNeeded(true));
        List<Operation> ops = trampoline("6.12", CpuFeatures.none().withKptiNeeded(true));
        assertEquals(4, ops.size());
        CreateMapping text1 = (CreateMapping) ops.get(0);
        assertEquals(va(boot.layout().fixaddrTop() - 524 * 4096L), text1.virt());
        assertEquals(0, text1.prot().bits() & Descriptor.NG);
        assertEquals(Prot.PAGE_KERNEL_ROX.withNgCleared(), text1.prot());
        assertEquals(Prot.PAGE_KERNEL_RO.withNg(), ((CreateMapping) ops.get(3)).prot());
    }

    // mmu.c kernel_exec_prot: rodata=off maps the trampoline text read-write and executable
    @Test
    void withRodataOffTheTrampolineTextIsPageKernelExec() {
        BootPlatform firmware = new BootPlatform(OptionalLong.empty(), 0, List.of(), OptionalInt.of(1));
        CreateMapping text1 = (CreateMapping) new MapEntryTrampoline(firmware)
                .operations(TestBoots.boot("6.1", "rodata=off")).get(0);
        assertEquals(Prot.PAGE_KERNEL_EXEC.withNgCleared(), text1.prot());
    }
}
