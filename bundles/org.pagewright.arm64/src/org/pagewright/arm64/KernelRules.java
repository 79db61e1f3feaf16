package org.pagewright.arm64;

import java.util.Objects;

import org.pagewright.arm64.desc.Descriptor;

/**
 * THE version switch: every mm rule that differs between the kernels Pagewright models (6.1, 6.12, 6.18, 7.0.1,
 * 7.3) is one method here, each naming the kernel source that introduced it. Code elsewhere asks these methods
 * and never compares versions itself.
 *
 * <p>"The series" is Ard Biesheuvel's "arm64: Unmap linear alias of kernel data/bss" (v7, 2026), which 7.3 ships.
 * "BBML2 series" is Yang Shi/Dev Jain/Ryan Roberts' block-split work merged for 6.18. "Present-invalid fix" is
 * Ryan Roberts' "arm64: mm: Handle invalid large leaf mappings correctly", in the 7.0.1 stable diff.
 */
public final class KernelRules {
    private static final KernelVersion BBML2_SERIES = KernelVersion.V6_18;
    private static final KernelVersion PRESENT_INVALID_FIX = KernelVersion.V7_0_1;
    private static final KernelVersion DATA_BSS_SERIES = KernelVersion.V7_3;

    private final KernelVersion version;

    private KernelRules(KernelVersion version) {
        this.version = Objects.requireNonNull(version, "version");
    }

    public static KernelRules of(KernelVersion version) {
        return new KernelRules(version);
    }

    public KernelVersion version() {
        return version;
    }

    // ---- pageattr.c ----

    /** pageattr.c (6.18, BBML2 series): update_range_prot walks blocks and toggles whole ones in place; before,
     *  apply_to_page_range met any block with WARN_ON_ONCE(p?d_leaf) + -EINVAL (mm/memory.c apply_to_pmd_range). */
    public boolean pageattrHandlesBlocks() {
        return version.atLeast(BBML2_SERIES);
    }

    /** pageattr.c (6.18): split_kernel_leaf_mapping() splits a partially covered leaf when BBML2-noabort. */
    public boolean pageattrCanSplitLeaves() {
        return version.atLeast(BBML2_SERIES);
    }

    /** pageattr.c pageattr_p?d_entry: p?d_leaf from the 7.0.1 present-invalid fix, p?d_sect (valid only) in 6.18. */
    public boolean pageattrRecognisesInvalidBlocks() {
        return version.atLeast(PRESENT_INVALID_FIX);
    }

    /** pgtable.h (7.0.1 fix): invalidate = clear PTE_VALID|PTE_MAYBE_NG, set PTE_PRESENT_INVALID (= nG); before,
     *  set_memory_valid(…, 0) cleared PTE_VALID only. */
    public boolean presentInvalidEncoding() {
        return version.atLeast(PRESENT_INVALID_FIX);
    }

    /** mmu.c split_pmd/split_pud (7.0.1 fix): splitting an invalid block yields invalid entries. */
    public boolean splitKeepsInvalidity() {
        return version.atLeast(PRESENT_INVALID_FIX);
    }

    /** pageattr.c kernel_page_present (7.0.1 fix): p?d_leaf + valid bit; before, p?d_sect misread invalid blocks. */
    public boolean kernelPagePresentUsesLeaf() {
        return version.atLeast(PRESENT_INVALID_FIX);
    }

    // ---- mmu.c __create_pgd_mapping ----

    /** mmu.c alloc_init_* (FEAT_HAFT support, 6.13): new table entries get P?D_TABLE_AF; the 6.12 capture's
     *  linear-map tables have none, the 7.3 capture's have it. */
    public boolean tableEntriesGetTableAf() {
        return version.atLeast(6, 13);
    }

    /** The attribute bits of a table entry the kernel writes (mmu.c alloc_init_* and split_p?d, pgalloc.h
     *  p?d_populate_kernel): P?D_TYPE_TABLE | P?D_TABLE_UXN, P?D_TABLE_AF where {@link #tableEntriesGetTableAf},
     *  and P?D_TABLE_PXN when nothing below may execute (NO_EXEC_MAPPINGS, or a split block that had PXN). */
    public long newTableEntryBits(boolean pxn) {
        return Descriptor.TYPE_TABLE | Descriptor.TABLE_UXN | (tableEntriesGetTableAf() ? Descriptor.TABLE_AF : 0)
                | (pxn ? Descriptor.TABLE_PXN : 0);
    }

    /** mmu.c pgattr_change_is_safe ("arm64/mm: Permit PTE SW bits to change in live mappings", ~6.10):
     *  PTE_SWBITS_MASK may differ on a live entry. [version unverified] */
    public boolean liveSoftwareBitsMayChange() {
        return version.atLeast(6, 10);
    }

    /** mmu.c pgattr_change_is_safe (the series, patch 6): a live CONT entry may be updated if CONT itself does not
     *  change; before, any live entry with CONT in old or new was unsafe. */
    public boolean liveContEntriesMayChange() {
        return version.atLeast(DATA_BSS_SERIES);
    }

    /** mmu.c alloc_init_pud/init_pmd (the series, patch 4): never write a block over an existing table. */
    public boolean neverBlockOverTable() {
        return version.atLeast(DATA_BSS_SERIES);
    }

    /** mmu.c alloc_init_cont_p?d (the series, patch 5): no CONT on a group holding a valid non-CONT entry. */
    public boolean noContOverValidNonCont() {
        return version.atLeast(DATA_BSS_SERIES);
    }

    /** mmu.c (the series, patch 3): WARN_ON(!p?d_set_huge()); before, a refused block update was silent. */
    public boolean warnsOnRefusedBlockUpdate() {
        return version.atLeast(DATA_BSS_SERIES);
    }

    /** mmu.c update_mapping_prot (the series, patch 8): drops NO_CONT_MAPPINGS; before it was always passed. */
    public boolean updateMappingProtForbidsCont() {
        return !version.atLeast(DATA_BSS_SERIES);
    }

    // ---- trans_pgd.c (hibernation / kexec copies of the linear map) ----

    /** trans_pgd.c _copy_pte (Fares Mehanna, 2024, merged for 6.12): every non-none PTE becomes valid+write. */
    public boolean transPgdRevalidatesPtes() {
        return version.atLeast(KernelVersion.V6_12);
    }

    /** trans_pgd.c copy_p?d (7.0.1 fix): non-none blocks are made valid+write too. */
    public boolean transPgdRevalidatesBlocks() {
        return version.atLeast(PRESENT_INVALID_FIX);
    }

    // ---- software view of raw entries (for read-side walkers such as ptdump) ----

    /** The software bit that marks an invalid entry as still present: PTE_NG (bit 11) since 6.10 ("arm64/mm:
     *  Move PTE_PRESENT_INVALID to overlay PTE_NG"); PTE_PROT_NONE (bit 58) before. */
    public long presentInvalidBit() {
        return version.atLeast(6, 10) ? Descriptor.NG : 1L << 58;
    }

    /** pte_present / p?d_present of this kernel: valid, or invalid with the present-invalid bit. */
    public boolean isPresent(long raw) {
        return (raw & Descriptor.VALID) != 0 || (raw & presentInvalidBit()) != 0;
    }

    /** p?d_leaf of this kernel for an entry above the last level: present and not a table. */
    public boolean isLeaf(long raw, int level) {
        return isPresent(raw) && !Descriptor.isTable(raw, level);
    }

    // ---- memory.h: the kernel VA layout ----

    /** memory.h (6.9, LPA2 series: 031e011d8b22, b730b0f2b1fc, 32697ff38287): vmemmap ends at -1G with PCI I/O and
     *  the fixmap above it, vmalloc ends 8M below vmemmap; before, vmemmap sat at the top with PCI I/O and the
     *  fixmap below it and vmalloc ended 256M below vmemmap. */
    public boolean vmemmapBelowFixmap() {
        return version.atLeast(6, 9);
    }

    /** memory.h (6.9, LPA2 series: "arm64: mm: Make vabits_actual a build time constant if possible"): vabits_actual
     *  is a variable only when VA_BITS > 48, else a #define of VA_BITS; before, every build had the variable. So from
     *  6.9 a vabits_actual in kallsyms says the build is 52-bit. */
    public boolean vabitsActualSymbolOnlyIn52BitBuilds() {
        return version.atLeast(6, 9);
    }

    /** memory.h MODULES_VSIZE: SZ_2G from 6.5 ("arm64: module: rework module VA range selection"), SZ_128M before. */
    public long modulesVsize() {
        return version.atLeast(6, 5) ? 2L << 30 : 128L << 20;
    }

    // ---- mm/vmalloc.c ----

    /** vmalloc.c vmap_pte_range with arch_vmap_pte_range_map_size ("arm64/mm: Support huge pte-mapped pages in
     *  vmap", Ryan Roberts; release assumed 6.16): ioremap/vmap_page_range use CONT PTEs for aligned 64K; the
     *  k612 captures' PCI I/O page has no CONT, the k73 capture's has. */
    public boolean vmapUsesContPtes() {
        return version.atLeast(6, 16);
    }

    // ---- naming ----

    /** cpufeature.c: the capability allowing live block splits is BBML2-noabort until 7.2, BBML3 in 7.3. */
    public String blockSplitCapabilityName() {
        return version.atLeast(DATA_BSS_SERIES) ? "BBML3" : "BBML2-noabort";
    }

    /** cpufeature.c arm64_features[].desc, printed as "CPU features: detected: …" when the capability is set. */
    public String blockSplitCapabilityDescription() {
        return version.atLeast(DATA_BSS_SERIES) ? "BBM Level 3" : "BBM Level 2 without conflict abort";
    }

    // ---- cpufeature.c: which CPUs have the block-split capability ----

    /** cpufeature.c has_bbml2_noabort (BBML2 series, 6.18): before it the capability does not exist. */
    public boolean hasBlockSplitCapability() {
        return version.atLeast(BBML2_SERIES);
    }

    /** cpufeature.c cpu_supports_bbml3 (7.3, 4955df16ff99): ID_AA64MMFR2_EL1.BBM &gt;= 3 is enough by itself;
     *  6.18's has_bbml2_noabort ignores the register. */
    public boolean blockSplitCapabilityFromIdRegister() {
        return version.atLeast(DATA_BSS_SERIES);
    }

    /** cpufeature.c supports_bbml3_list (7.3, f8d0751426dd): A520AE/A715/A720AE/A725/N3/C1 family and NVIDIA
     *  Olympus join 6.18's X4/V3/V3AE/AmpereOne list. [Olympus may have joined before 7.3: version unverified] */
    public boolean blockSplitListWidened() {
        return version.atLeast(DATA_BSS_SERIES);
    }

    @Override
    public String toString() {
        return "KernelRules(" + version + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KernelRules r && r.version.equals(version);
    }

    @Override
    public int hashCode() {
        return version.hashCode();
    }
}
