/** pageattr.c: set_memory_valid, set_memory_ro/rw/x/nx, set_direct_map_*, with the per-version split rules. */
package org.pagewright.arm64.attr;
