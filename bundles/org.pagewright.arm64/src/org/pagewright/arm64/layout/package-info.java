/**
 * The arm64 kernel virtual address layout as arch/arm64/include/asm/memory.h (and pgtable.h, fixmap.h) compute it
 * for one geometry and kernel version, with KASAN off: linear map, modules, vmalloc, vmemmap, PCI I/O, fixmap, the
 * ptdump section markers, and the linear-map address conversions.
 */
package org.pagewright.arm64.layout;
