package org.pagewright.arm64.map;

/** The flags of __create_pgd_mapping (mmu.c). */
public enum MapFlag {
    /** BIT(0): never write blocks; every leaf is a page. */
    NO_BLOCK_MAPPINGS,
    /** BIT(1): never set the contiguous hint. */
    NO_CONT_MAPPINGS,
    /** BIT(2): every newly created table entry gets PXNTable (assumes FEAT_HPDS is not used). */
    NO_EXEC_MAPPINGS
}
