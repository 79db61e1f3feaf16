/**
 * The kernel's {@code /sys/kernel/debug/kernel_page_tables} rendering, byte for byte: the generic walk
 * (mm/pagewalk.c + mm/ptdump.c) turns table entries into note_page calls; {@link NotePageMerger} is arm64
 * ptdump.c note_page (range merging, markers); {@link PtdumpText} prints the ranges; {@link AttributeColumns} is
 * ptdump.c pte_bits[].
 */
package org.pagewright.arm64.ptdump;
