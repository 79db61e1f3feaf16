package org.pagewright.arm64.ptdump;

import org.pagewright.arm64.desc.Descriptor;

/**
 * One line of /sys/kernel/debug/kernel_page_tables as structured data: a section marker or a merged range. The
 * workbench's ptdump table and the command line's JSON rows are these; {@link #text()} is the line exactly as the
 * kernel prints it.
 */
public sealed interface PtdumpRow {

    /** The line as ptdump.c prints it, without the newline. */
    String text();

    /** {@code ---[ name ]---}: the walk reached an address_markers[] entry. */
    record Marker(String name, String text) implements PtdumpRow {
    }

    /**
     * A run of entries at one level with equal masked prot (note_page).
     *
     * @param section the marker printed last before this range
     * @param size the size column as printed, e.g. "2M"
     * @param level the level column ("PGD", "PUD", "PMD", "PTE" …)
     * @param attributes the attribute columns as printed (empty when prot is 0)
     * @param prot the masked descriptor bits that decided the columns
     */
    record Range(String section, long start, long end, String size, String level, String attributes, long prot,
            Kind kind, String text) implements PtdumpRow {
    }

    /** What a range is, for colouring and filtering: the decision follows the printed columns. */
    enum Kind {
        /** no entry at all (prot 0: ptdump prints the level and no attributes) */
        UNMAPPED,
        /** "F": a non-zero entry with the valid bit clear, e.g. a present-invalid alias */
        INVALID,
        /** valid, "x " (PXN clear) */
        EXECUTABLE,
        /** valid, "RW", PXN set */
        READ_WRITE,
        /** valid, "ro", PXN set */
        READ_ONLY;

        static Kind of(long prot) {
            if (prot == 0) {
                return UNMAPPED;
            }
            if ((prot & Descriptor.VALID) == 0) {
                return INVALID;
            }
            if ((prot & Descriptor.PXN) == 0) {
                return EXECUTABLE;
            }
            return (prot & Descriptor.RDONLY) == 0 ? READ_WRITE : READ_ONLY;
        }
    }
}
