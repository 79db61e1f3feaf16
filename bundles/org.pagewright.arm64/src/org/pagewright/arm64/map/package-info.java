/** mmu.c __create_pgd_mapping and pgattr_change_is_safe, pi/map_range.c map_range, and leaf clearing. */
package org.pagewright.arm64.map;
