package org.pagewright.lang.ide.contentassist;

import java.util.Map;

import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;

/**
 * One line per step and check keyword, shown beside its completion proposal: the kernel function a step stands for,
 * or what a check judges. Keyed by the grammar rule too, since `set_memory_valid` is a step and a check.
 */
final class KeywordDescriptions {

	private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
			Map.entry("RecipeKind map_kernel", "map_kernel(): the kernel image's segments (mmu.c)"),
			Map.entry("RecipeKind map_mem", "map_mem(): the linear map of memblock memory (mmu.c)"),
			Map.entry("RecipeKind mark_rodata_ro", "mark_rodata_ro(): .rodata and its alias read-only (mmu.c)"),
			Map.entry("RecipeKind mark_linear_text_alias_ro",
					"mark_linear_text_alias_ro(): the linear alias of the text read-only (mmu.c)"),
			Map.entry("RecipeKind kfence_pool", "the KFENCE pool page-mapped in the linear map (mmu.c: map_mem)"),
			Map.entry("RecipeKind free_initmem", "free_initmem(): the init sections' linear alias given back (init.c)"),
			Map.entry("RecipeKind swsusp_save", "swsusp_save(): the hibernation snapshot (kernel/power/snapshot.c)"),
			Map.entry("RecipeKind swsusp_arch_resume",
					"swsusp_arch_resume(): restore through a trans_pgd copy (arm64 hibernate.c)"),
			Map.entry("RecipeKind early_fixmap_init",
					"early_fixmap_init(): the fixmap's tables, bm_pud/bm_pmd/bm_pte of the image (mmu.c)"),
			Map.entry("RecipeKind fixmap_remap_fdt", "fixmap_remap_fdt(): the platform's fdt at FIX_FDT, read-only (mmu.c)"),
			Map.entry("RecipeKind map_entry_trampoline",
					"map_entry_trampoline(): the KPTI trampoline text in the fixmap (mmu.c, 6.1)"),
			Map.entry("RecipeKind vmemmap_populate",
					"vmemmap_populate(): the struct pages of every DRAM section, PMD blocks with 4K (mmu.c)"),
			Map.entry("RecipeKind pci_remap_iospace",
					"pci_remap_iospace(): each pci_io window of the platform in PCI I/O space (drivers/pci/pci.c)"),
			Map.entry("CpuMidrSetting cpu", "one CPU by its MIDR_EL1: its own block-split answer (cpufeature.c)"),
			Map.entry("CpuMidrSetting cpus", "CPUs a-b by their MIDR_EL1: their own block-split answer (cpufeature.c)"),
			Map.entry("ObservedStep observed",
					"content only run time makes, as a real kernel's hardware walk showed it (import writes it)"),
			Map.entry("FdtSetting fdt", "where the bootloader put the FDT, and its size (read by fixmap_remap_fdt)"),
			Map.entry("PciIoSetting pci_io", "a PCI host bridge's I/O window, in probe order (read by pci_remap_iospace)"),
			Map.entry("KfencePoolSetting kfence_pool",
					"where memblock put the early KFENCE pool (mmu.c arm64_kfence_alloc_pool; read by map_mem)"),
			Map.entry("MapStep map", "__create_pgd_mapping(): map a range with a prot and flags (mmu.c)"),
			Map.entry("UpdateProtStep update_mapping_prot", "update_mapping_prot(): new prot for a mapped range (mmu.c)"),
			Map.entry("SetValidStep set_memory_valid", "set_memory_valid(): linear-map pages valid or invalid (pageattr.c)"),
			Map.entry("SetMemoryKind set_memory_ro", "set_memory_ro(): read-only (pageattr.c change_memory_common)"),
			Map.entry("SetMemoryKind set_memory_rw", "set_memory_rw(): writable (pageattr.c change_memory_common)"),
			Map.entry("SetMemoryKind set_memory_x", "set_memory_x(): executable (pageattr.c change_memory_common)"),
			Map.entry("SetMemoryKind set_memory_nx", "set_memory_nx(): not executable (pageattr.c change_memory_common)"),
			Map.entry("DirectMapKind set_direct_map_invalid",
					"set_direct_map_invalid_noflush(): one linear-map page invalid (pageattr.c)"),
			Map.entry("DirectMapKind set_direct_map_default",
					"set_direct_map_default_noflush(): one linear-map page valid again (pageattr.c)"),
			Map.entry("Access read", "a kernel read of an address: ok, a fault, or what it lands on"),
			Map.entry("Access write", "a kernel write of an address: ok, a fault, or what it lands on"),
			Map.entry("Access exec", "an instruction fetch at an address: ok, a fault, or what it lands on"),
			Map.entry("PtdumpCheck ptdump", "walk kernel_page_tables as ptdump does (ptdump.c): ok, or a fault"),
			Map.entry("PtdumpContentCheck ptdump", "a row or a section's line count of the kernel_page_tables dump"),
			Map.entry("NoLeakCheck no_leak", "no mapping of the range stays valid, through any alias"),
			Map.entry("NoLeakCheck leaks", "some mapping of the range stays valid (the expected leak)"),
			Map.entry("AliasRight no_writable_alias", "no page of the range is writable through any alias"),
			Map.entry("AliasRight no_executable_alias", "no page of the range is executable through any alias"),
			Map.entry("WxCleanCheck wx_clean", "ptdump_check_wx(): no leaf both writable and executable"),
			Map.entry("SplitCheck set_memory_valid",
					"run set_memory_valid on a copy: no_split, split (and how) or -EINVAL (pageattr.c)"),
			Map.entry("HibernationCheck hibernation", "saveable_page(): whether hibernation saves the range's pages"),
			Map.entry("TablePagesCheck table_pages", "the page-table pages in use, absolute or against the previous state"),
			Map.entry("ContGroupsCheck cont_groups_consistent",
					"every CONT group alike: all valid or all invalid, one prot (pgtable.h CONT_PTES/CONT_PMDS)"));

	private KeywordDescriptions() {
	}

	/** The description of a keyword where it starts a step or a check, else null. */
	static String of(Keyword keyword) {
		AbstractRule rule = GrammarUtil.containingRule(keyword);
		return rule == null ? null : DESCRIPTIONS.get(rule.getName() + " " + keyword.getValue());
	}
}
