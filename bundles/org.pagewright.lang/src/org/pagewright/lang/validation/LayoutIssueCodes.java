package org.pagewright.lang.validation;

/** One public code per validation rule; quick fixes (code actions) are keyed on these. */
public final class LayoutIssueCodes {

	private static final String PREFIX = "org.pagewright.lang.";

	/** Two platforms/images/…, symbols, DRAM banks, steps or patches with the same name or number. */
	public static final String DUPLICATE_NAME = PREFIX + "duplicateName";
	/** A symbol name that the image does not define (linking). Fix: the closest symbol name. */
	public static final String UNKNOWN_SYMBOL = PREFIX + "unknownSymbol";
	/** A patch edits a step that neither the policy nor an earlier patch defines (linking). Fix: closest step. */
	public static final String UNKNOWN_STEP = PREFIX + "unknownStep";
	/** Any other unresolved name: platform, image, policy, series (linking). */
	public static final String UNKNOWN_NAME = PREFIX + "unknownName";
	/** A patch edits a step that an earlier patch removed. */
	public static final String STEP_REMOVED_EARLIER = PREFIX + "stepRemovedEarlier";
	/** `change X: prot …` on a step without a prot, or `flags` on a kernel recipe. */
	public static final String CHANGE_NOT_APPLICABLE = PREFIX + "changeNotApplicable";
	/** Checks after a patch number the series does not have (or after a patch of a plain policy; 0, the baseline, is
	 * always there). Fix: last patch. */
	public static final String UNKNOWN_PATCH_NUMBER = PREFIX + "unknownPatchNumber";
	/** Two DRAM banks share addresses. */
	public static final String OVERLAPPING_DRAM_BANKS = PREFIX + "overlappingDramBanks";
	/** (phys ^ virt) & ~PAGE_MASK != 0 on the image load or a map step. */
	public static final String MISALIGNED_PHYS_VIRT = PREFIX + "misalignedPhysVirt";
	/** A kernel VA below PAGE_OFFSET = -(1 << VA_BITS). */
	public static final String VA_OUT_OF_RANGE = PREFIX + "vaOutOfRange";
	/** A granule other than 4K, 16K, 64K. */
	public static final String UNSUPPORTED_GRANULE = PREFIX + "unsupportedGranule";
	/** A VA size the granule does not support (4K: 39/48/52; 16K: 36/47/48/52; 64K: 42/48/52). */
	public static final String UNSUPPORTED_VA_BITS = PREFIX + "unsupportedVaBits";
	/** Warning: 52-bit VA with 4K or 16K pages on a CPU without FEAT_LPA2 falls back to 48 (47) bits. Fix: add `lpa2`. */
	public static final String VA_BITS_NEED_LPA2 = PREFIX + "vaBitsNeedLpa2";
	/** A well-known image symbol whose address is below the one before it in vmlinux.lds.S order. */
	public static final String SYMBOLS_OUT_OF_ORDER = PREFIX + "symbolsOutOfOrder";
	/** A symbol outside [_text, _end]. */
	public static final String SYMBOL_OUTSIDE_IMAGE = PREFIX + "symbolOutsideImage";
	/** A number or an address sum that does not fit in 64 bits (or is negative). */
	public static final String NUMBER_OVERFLOW = PREFIX + "numberOverflow";
	/** A range whose end is not above its start. */
	public static final String EMPTY_RANGE = PREFIX + "emptyRange";
	/** PAGE_KERNEL_EXEC (writable + executable) or set_memory_x on the linear map. Fix: PAGE_KERNEL / remove. */
	public static final String WX_LINEAR_MAPPING = PREFIX + "wxLinearMapping";
	/** Flags on a step whose kernel function takes none (set_memory_*, set_direct_map_*, update_mapping_prot). */
	public static final String FLAGS_IGNORED = PREFIX + "flagsIgnored";
	/** set_memory_x/nx vmalloc_backed: change_memory_common mirrors only PTE_RDONLY changes to the linear alias. */
	public static final String VMALLOC_CHANGE_NOT_MIRRORED = PREFIX + "vmallocChangeNotMirrored";
	/** NO_BLOCK_MAPPINGS / NO_CONT_MAPPINGS on a range too small or unaligned to hold a block / contiguous run. */
	public static final String FLAG_WITHOUT_EFFECT = PREFIX + "flagWithoutEffect";
	/** A cmdline word the platform's kernel ignores: rodata=noalias before the rename, rodata=full after it (KernelConfig.rodataOnMeansFull). */
	public static final String CMDLINE_WORD_IGNORED = PREFIX + "cmdlineWordIgnored";
	/** A cmdline value the kernel does not accept for that word (rodata=maybe). */
	public static final String BAD_CMDLINE_VALUE = PREFIX + "badCmdlineValue";
	/** A `config` option the simulator does not model, or a value it does not take (KFENCE=maybe). */
	public static final String BAD_KCONFIG_OPTION = PREFIX + "badKconfigOption";
	/** A cmdline word that does not change the memory layout. */
	public static final String UNKNOWN_CMDLINE_WORD = PREFIX + "unknownCmdlineWord";
	/** bbml2_noabort on 7.3+ (called bbml3 there) or bbml3 before 7.3. Fix: the name of that version. */
	public static final String CPU_FEATURE_NAME = PREFIX + "cpuFeatureName";
	/** A kernel version whose mm behaviour the engine does not know. */
	public static final String UNKNOWN_KERNEL_VERSION = PREFIX + "unknownKernelVersion";

	/** A word in `expect mapped as "…"` that ptdump never prints (pte_bits[]). Fix: the closest printed word. */
	public static final String UNKNOWN_PTDUMP_WORD = PREFIX + "unknownPtdumpWord";
	/** Words in `expect mapped as "…"` that one leaf cannot print together (`RW ro`, two memory types). */
	public static final String CONTRADICTORY_PTDUMP_WORDS = PREFIX + "contradictoryPtdumpWords";
	/** `ok at level 3 block`, `ok at level 2 page`, `is unmapped at level 2`. Fix: the shape that level has. */
	public static final String LEAF_SHAPE_MISMATCH = PREFIX + "leafShapeMismatch";
	/** A leaf level where Linux maps no leaf for the granule (pud_sect_supported(), level 0). Fix: level 2. */
	public static final String NO_LEAF_AT_LEVEL = PREFIX + "noLeafAtLevel";
	/** `expect fault level N` with N outside the walk's levels (start level to 3). Fix: level 3. */
	public static final String FAULT_LEVEL_OUT_OF_RANGE = PREFIX + "faultLevelOutOfRange";
	/** `ptdump section "…"` naming no address_markers[] region. Fix: the closest section name. */
	public static final String UNKNOWN_PTDUMP_SECTION = PREFIX + "unknownPtdumpSection";
	/** `ptdump contains ""`: an empty row is in every dump. */
	public static final String EMPTY_PTDUMP_ROW = PREFIX + "emptyPtdumpRow";

	/** `expect no_split|einval at level N` or `… to cont`: only a split has a level and a result. Fix: `split`. */
	public static final String SPLIT_DETAIL_WITHOUT_SPLIT = PREFIX + "splitDetailWithoutSplit";
	/** `observed … level N` at a level this platform's walk does not have, or `observed table` at the last level. */
	public static final String OBSERVED_LEVEL_OUT_OF_RANGE = PREFIX + "observedLevelOutOfRange";
	/** `cpu N midr` lines without one for CPU 0, the boot CPU that map_mem's decision is made on. */
	public static final String NO_BOOT_CPU_MIDR = PREFIX + "noBootCpuMidr";

	/** Two `cpu … midr` lines for one CPU, a range `cpus a-b` with b < a, or bbml2_noabort/bbml3 besides MIDRs. */
	public static final String CPU_MIDR_CONFLICT = PREFIX + "cpuMidrConflict";

	private LayoutIssueCodes() {
	}
}
