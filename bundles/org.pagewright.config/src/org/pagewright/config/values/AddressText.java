package org.pagewright.config.values;

/**
 * How the configuration model writes addresses and sizes: unsigned 64-bit values as 0x-prefixed hex, so a kernel VA
 * reads as ptdump and System.map print it rather than as a negative decimal.
 */
public final class AddressText {
    private AddressText() {
    }

    /** 0x followed by the unsigned value in lower-case hex, e.g. 0xffff800080000000. */
    public static String format(long value) {
        return "0x" + Long.toHexString(value);
    }

    /**
     * Parses 0x-prefixed hex (underscores allowed as in the layout language) or unsigned decimal.
     *
     * @throws NumberFormatException naming the text, if it is neither or does not fit in 64 bits
     */
    public static long parse(String text) {
        String t = text.trim().replace("_", "");
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            return Long.parseUnsignedLong(t);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("not an unsigned 64-bit address or size: '" + text + "'");
        }
    }
}
