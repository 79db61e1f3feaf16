package org.pagewright.lang.ide.highlighting;

/** Style ids reported by {@link LayoutSemanticHighlighter}; the workbench maps them to colours. */
public final class LayoutHighlightingStyles {

	/** A System.map symbol, where defined and where referred to. */
	public static final String SYMBOL = "symbol";
	/** A prot value: PAGE_KERNEL, PAGE_KERNEL_RO, … and pgprot_tagged. */
	public static final String PROT = "prot";
	/** A mapping flag: NO_BLOCK_MAPPINGS, NO_CONT_MAPPINGS, NO_EXEC_MAPPINGS. */
	public static final String FLAG = "flag";
	/** A patch number, in a series or after `checks … after`. */
	public static final String PATCH_NUMBER = "patchNumber";
	/** A step label or a reference to a step. */
	public static final String STEP = "step";

	private LayoutHighlightingStyles() {
	}
}
