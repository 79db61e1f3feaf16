package org.pagewright.arm64.query;

import org.pagewright.arm64.ptdump.AttributeColumns;

/**
 * A VA range whose ptdump view differs between two states.
 *
 * @param before ptdump prot before (0 = nothing mapped), {@code beforeLevel} its level name
 * @param after  ptdump prot after (0 = nothing mapped)
 */
public record RangeChange(Kind kind, long start, long end, String beforeLevel, long before, String afterLevel,
        long after) {

    public enum Kind { ADDED, REMOVED, CHANGED }

    private static String describe(String level, long prot) {
        if (prot == 0) {
            return "(none)";
        }
        StringBuilder b = new StringBuilder(level);
        AttributeColumns.append(b, prot);
        return b.toString();
    }

    /** ptdump-style: the range, then "before -> after". */
    @Override
    public String toString() {
        return String.format("%s 0x%016x-0x%016x %s -> %s", kind, start, end, describe(beforeLevel, before),
                describe(afterLevel, after));
    }
}
