/**
 * Parsing of ground-truth capture logs (and of the inputs of the {@code import} command): kallsyms / System.map,
 * memblock, /proc/iomem, cmdline, uname, the ptdump module's register and layout values, and the
 * kernel_page_tables text split by marker. Every parser returns a value plus located {@link Problem}s; malformed
 * input never throws.
 */
package org.pagewright.arm64.capture;
