package org.pagewright.config.run;

/**
 * Zero-padded lower-case hex as {@code String.format("%0Nx")} prints it, without parsing a format per call: an
 * access check's reason names its address, and a run of 100,000 checks spent a tenth of its time in the Formatter.
 */
final class Hex {

    private Hex() {
    }

    /** {@code String.format("%0" + digits + "x", value)}: two's complement for negative values, as %x prints them. */
    static String padded(long value, int digits) {
        String hex = Long.toHexString(value);
        return hex.length() >= digits ? hex : "0".repeat(digits - hex.length()) + hex;
    }

    /** {@code String.format("%0" + digits + "x", value)} of an int (32-bit two's complement). */
    static String padded(int value, int digits) {
        String hex = Integer.toHexString(value);
        return hex.length() >= digits ? hex : "0".repeat(digits - hex.length()) + hex;
    }
}
