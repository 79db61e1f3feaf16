/**
 * Kernel recipes: what map_kernel, map_mem, the KFENCE pool, mark_linear_text_alias_ro, free_initmem,
 * mark_rodata_ro and the hibernation steps do on a given kernel version, cmdline and CPU, expressed as the
 * engine's primitive {@code op.Operation}s. One class per kernel function; every recipe-level version or
 * feature decision lives in {@link org.pagewright.arm64.kernel.KernelConfig}, every engine rule in
 * {@code KernelRules}.
 */
package org.pagewright.arm64.kernel;
