package org.pagewright.arm64.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pagewright.arm64.Fixture.va;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.desc.MemoryType;
import org.pagewright.arm64.table.Leaf;

/** The state the boot recipes leave behind, per kernel version (engine applied through the Executor). */
class BootStateTest {
    static final CpuFeatures BBML3 = CpuFeatures.none().withBbml2Noabort(true);

    static BootReplay booted(Boot boot) {
        BootReplay r = BootReplay.run(boot, BootSequence.operations(boot, List.of()));
        assertEquals(List.of(), r.failures(), "every boot operation is accepted");
        return r;
    }

    static Leaf leaf(BootReplay r, long va) {
        return r.tables().lookup(va(va));
    }

    static long linear(long pa) {
        return TestBoots.boot("7.3", "").linear(pa);
    }

    static final long DATA_BSS_PA = 0x42370000L;   // __init_end in TestBoots
    static final long TEXT_ALIAS_PA = 0x40400000L; // inside [_text, __init_begin), 2M aligned

    @Test
    void dataBssAliasIsPresentInvalidAfterMarkRodataRoIn73() {
        Leaf l = leaf(booted(TestBoots.boot("7.3", "")), linear(DATA_BSS_PA));
        assertFalse(Descriptor.isValid(l.descriptor()));
        assertTrue(Descriptor.has(l.descriptor(), Descriptor.NG));         // present-invalid marker
        assertFalse(Descriptor.has(l.descriptor(), Descriptor.RDONLY));    // stays RW: no read-only step
        assertEquals(MemoryType.NORMAL_TAGGED, MemoryType.ofIndex(Descriptor.attrIndex(l.descriptor())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.1", "6.12", "6.18", "7.0.1"})
    void dataBssAliasStaysMappedRwBeforeTheSeries(String version) {
        Leaf l = leaf(booted(TestBoots.boot(version, "")), linear(DATA_BSS_PA));
        assertTrue(Descriptor.isValid(l.descriptor()));
        assertFalse(Descriptor.has(l.descriptor(), Descriptor.RDONLY));
    }

    @Test
    void hibernationPrepareRevalidatesTheDataBssAlias() {
        Boot boot = TestBoots.boot("7.3", "");
        BootReplay r = booted(boot).then(boot, new PmHibernationPrepare().operations(boot));
        assertTrue(Descriptor.isValid(leaf(r, linear(DATA_BSS_PA)).descriptor()));
        r = r.then(boot, new PmPostHibernation().operations(boot));
        assertFalse(Descriptor.isValid(leaf(r, linear(DATA_BSS_PA)).descriptor()));
        assertEquals(List.of(), r.failures());
    }

    @Test
    void withoutTheNotifierHibernationWouldNotSaveKernelDataIn73() {
        Boot boot = TestBoots.boot("7.3", "");
        BootReplay r = booted(boot);
        assertTrue(SaveablePage.reservedImagePage(boot, DATA_BSS_PA));
        assertEquals(SaveablePage.Verdict.SKIPPED_RESERVED_NOT_PRESENT,
                SaveablePage.of(r.tables(), boot, DATA_BSS_PA, true, false));
        r = r.then(boot, new PmHibernationPrepare().operations(boot));
        assertEquals(SaveablePage.Verdict.SAVED, SaveablePage.of(r.tables(), boot, DATA_BSS_PA, true, false));
    }

    @Test
    void safeCopyPageMapsAnInvalidAliasPageAroundTheCopy() {
        Boot boot = TestBoots.boot("7.3", "");
        BootReplay r = booted(boot);
        SafeCopyPage.Plan plan = SafeCopyPage.plan(r.tables(), boot, DATA_BSS_PA);
        assertEquals(1, plan.before().size());
        r = r.then(boot, plan.before());
        Leaf during = leaf(r, plan.readVa());
        assertTrue(Descriptor.isValid(during.descriptor()));
        r = r.then(boot, plan.after());
        assertFalse(Descriptor.isValid(leaf(r, plan.readVa()).descriptor()));
        assertEquals(List.of(), SafeCopyPage.plan(r.tables(), boot, TEXT_ALIAS_PA).before());
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.12", "6.18", "7.0.1", "7.3"})
    void restoreCopyMakesEveryNonEmptyPteValidAndWritableFrom612(String version) {
        Boot boot = TestBoots.boot(version, "");
        BootReplay r = booted(boot);
        if (!boot.config().unmapsDataBssAlias()) {
            r = r.then(boot, List.of(DataBssAlias.validity(boot, false, "test: invalidate data/bss alias")));
        }
        TransPgdCopy.Entry e = TransPgdCopy.copyLinearMap(r.tables(), boot).stream()
                .filter(x -> x.va() == linear(DATA_BSS_PA)).findFirst().orElseThrow();
        assertFalse(Descriptor.isValid(e.source()));
        assertTrue(e.writableValid());
    }

    @Test
    void restoreCopyDropsInvalidPtesIn61WithoutDebugPagealloc() {
        Boot boot = TestBoots.boot("6.1", "");
        BootReplay r = booted(boot).then(boot, List.of(DataBssAlias.validity(boot, false, "test: invalidate")));
        TransPgdCopy.Entry e = TransPgdCopy.copyLinearMap(r.tables(), boot).stream()
                .filter(x -> x.va() == linear(DATA_BSS_PA)).findFirst().orElseThrow();
        assertEquals(0L, e.copy());
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.12", "6.18", "7.0.1", "7.3"})
    void kfenceWithZeroIntervalForcesPteMappings(String version) {
        String notFull = version.equals("6.12") ? "rodata=on" : "rodata=noalias";
        BootReplay r = booted(TestBoots.boot(version, notFull));
        assertEquals(3, leaf(r, linear(0x60000000L)).level());
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.12", "7.3"})
    void kfenceEarlyPoolIsPageMappedWithGuardPagesAndTheRestKeepsBlocks(String version) {
        String notFull = version.equals("6.12") ? "rodata=on" : "rodata=noalias";
        long pool = 0x7f000000L;
        BootReplay r = booted(TestBoots.withKfencePool(version, notFull, pool));
        assertFalse(Descriptor.isValid(leaf(r, linear(pool)).descriptor()));
        assertFalse(Descriptor.isValid(leaf(r, linear(pool + 0x1000)).descriptor()));
        assertTrue(Descriptor.isValid(leaf(r, linear(pool + 0x2000)).descriptor()));
        assertFalse(Descriptor.isValid(leaf(r, linear(pool + 0x3000)).descriptor()));
        assertEquals(3, leaf(r, linear(pool + 0x2000)).level());
        assertTrue(leaf(r, linear(0x60000000L)).level() < 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.1", "6.12", "6.18", "7.0.1"})
    void textAliasKeepsBlocksUnderRodataFullBefore73(String version) {
        Leaf l = leaf(booted(TestBoots.boot(version, "")), linear(TEXT_ALIAS_PA));
        assertEquals(2, l.level());
        assertTrue(Descriptor.has(l.descriptor(), Descriptor.RDONLY));
        assertEquals(MemoryType.NORMAL, MemoryType.ofIndex(Descriptor.attrIndex(l.descriptor())));
        assertEquals(3, leaf(booted(TestBoots.boot(version, "")), linear(0x60000000L)).level());
    }

    @Test
    void textAliasIsPageMappedUnderRodataFullIn73WithoutBbml3() {
        Leaf l = leaf(booted(TestBoots.boot("7.3", "")), linear(TEXT_ALIAS_PA));
        assertEquals(3, l.level());
        assertTrue(Descriptor.has(l.descriptor(), Descriptor.RDONLY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.18", "7.0.1", "7.3"})
    void bbml2CpuKeepsBlocksInTheLinearMapUnderRodataFull(String version) {
        BootReplay r = booted(TestBoots.boot(version, "", BBML3));
        assertEquals(2, leaf(r, linear(TEXT_ALIAS_PA)).level());
        assertTrue(leaf(r, linear(0x60000000L)).level() < 3);
    }

    @Test
    void dataBssAliasMappedWithExactBoundsIsInvalidatedWithoutSplittingIn73() {
        BootReplay r = booted(TestBoots.boot("7.3", "", BBML3));
        Leaf block = leaf(r, linear(0x42400000L)); // a 2M block wholly inside [__init_end, __bss_stop)
        assertEquals(2, block.level());
        assertFalse(Descriptor.isValid(block.descriptor()));
        assertTrue(Descriptor.isValid(leaf(r, linear(0x42d17000L)).descriptor())); // __bss_stop: still mapped
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.1", "6.12", "6.18", "7.0.1", "7.3"})
    void freeInitmemLeavesNoImageMappingOfInitButKeepsItsLinearAlias(String version) {
        BootReplay r = booted(TestBoots.boot(version, ""));
        assertEquals(0L, leaf(r, TestBoots.KIMAGE_VADDR + 0x1c00000).descriptor());
        assertTrue(Descriptor.isValid(leaf(r, linear(0x41e00000L)).descriptor()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.12", "6.18", "7.0.1", "7.3"})
    void markRodataRoMakesTextHeadReadOnlyFrom612(String version) {
        Leaf l = leaf(booted(TestBoots.boot(version, "")), TestBoots.KIMAGE_VADDR);
        assertTrue(Descriptor.isValid(l.descriptor()));
        assertTrue(Descriptor.has(l.descriptor(), Descriptor.RDONLY | Descriptor.PXN));
    }

    @Test
    void textHeadIsNotMappedIn61() {
        assertEquals(0L, leaf(booted(TestBoots.boot("6.1", "")), TestBoots.KIMAGE_VADDR).descriptor());
    }
}
