package org.pagewright.arm64.ptdump;

/**
 * Prints ranges and markers exactly as arm64 ptdump.c note_page does: "---[ %s ]---\n" for markers and
 * "0x%016lx-0x%016lx   %9lu%c %s" + dump_prot (only for non-zero prot) + "\n" for ranges, the size in the largest
 * unit of KMGTPE that divides it (units climb while the KiB count is a multiple of 1024).
 */
public final class PtdumpText implements RangeSink {
    private static final String UNITS = "KMGTPE";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out;
    private final PtdumpLevels levels;

    public PtdumpText(StringBuilder out, PtdumpLevels levels) {
        this.out = out;
        this.levels = levels;
    }

    @Override
    public void marker(String name) {
        out.append("---[ ").append(name).append(" ]---\n");
    }

    @Override
    public void range(long start, long end, int level, long prot) {
        out.append("0x");
        appendHex16(start);
        out.append("-0x");
        appendHex16(end);
        out.append("   ");
        appendSize(end - start);
        out.append(' ').append(levels.name(level));
        if (prot != 0) {
            AttributeColumns.append(out, prot);
        }
        out.append('\n');
    }

    /** The size column without its padding, e.g. "2M" or "1020K". */
    public static String size(long bytes) {
        StringBuilder b = new StringBuilder(10);
        new PtdumpText(b, null).appendSize(bytes);
        return b.toString().strip();
    }

    /** "%9lu%c" of the size: delta = bytes >> 10, then divide by 1024 while the remainder is 0 and a unit is left. */
    private void appendSize(long bytes) {
        long delta = bytes >>> 10;
        int unit = 0;
        while ((delta & 1023) == 0 && unit + 1 < UNITS.length()) {
            delta >>>= 10;
            unit++;
        }
        String digits = Long.toUnsignedString(delta);
        for (int i = digits.length(); i < 9; i++) {
            out.append(' ');
        }
        out.append(digits).append(UNITS.charAt(unit));
    }

    private void appendHex16(long v) {
        for (int shift = 60; shift >= 0; shift -= 4) {
            out.append(HEX[(int) (v >>> shift) & 0xF]);
        }
    }
}
