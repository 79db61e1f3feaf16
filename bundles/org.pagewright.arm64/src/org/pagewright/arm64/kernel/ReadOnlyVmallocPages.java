package org.pagewright.arm64.kernel;

/**
 * An observed run-time input: physical pages that a vmalloc-space user (module loader, BPF JIT, …) made read-only
 * with set_memory_ro/rox. Which pages these are depends on the boot, not on the layout, so recipes take them as
 * given rather than derive them.
 */
public record ReadOnlyVmallocPages(long phys, long size, String origin) {
}
