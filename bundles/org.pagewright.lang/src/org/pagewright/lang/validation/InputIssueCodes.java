package org.pagewright.lang.validation;

/** Public codes of the rules on imports and on what the engine cannot take (kept apart from {@link LayoutIssueCodes}, same prefix). */
public final class InputIssueCodes {

	private static final String PREFIX = "org.pagewright.lang.";

	/** `import` of "", a missing file, a directory, a device or an unreadable file. */
	public static final String UNREADABLE_IMPORT = PREFIX + "unreadableImport";
	/** An imported file (or one it imports) has errors; they are listed with their own file and line. */
	public static final String IMPORTED_FILE_HAS_ERRORS = PREFIX + "importedFileHasErrors";
	/** A DRAM bank at or beyond the platform's physical address size (PARange), or wrapping past 2^64. */
	public static final String DRAM_BEYOND_PA = PREFIX + "dramBeyondPhysicalAddressSize";
	/** A DRAM bank of size 0 or smaller than one page. */
	public static final String EMPTY_DRAM_BANK = PREFIX + "emptyDramBank";
	/** swapper_pg_dir not at a page boundary (it is a page table: vmlinux.lds.S aligns it to PAGE_SIZE). */
	public static final String MISALIGNED_SWAPPER_PG_DIR = PREFIX + "misalignedSwapperPgDir";
	/** A platform setting given twice (granule, va_bits, kernel): the validator and the compiler would differ. */
	public static final String DUPLICATE_SETTING = PREFIX + "duplicateSetting";

	/** `patch 1/0` or `patch 16/15`: the number is not one of 1..total. */
	public static final String PATCH_BEYOND_TOTAL = PREFIX + "patchBeyondTotal";

	private InputIssueCodes() {
	}
}
