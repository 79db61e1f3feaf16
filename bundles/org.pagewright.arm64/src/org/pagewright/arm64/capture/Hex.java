package org.pagewright.arm64.capture;

import java.util.OptionalLong;

/** Unsigned 64-bit hexadecimal numbers as the kernel prints them (with or without 0x). */
final class Hex {
    private Hex() {
    }

    static OptionalLong parse(String text) {
        String t = text.trim();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        if (t.length() > 16 || !digitsOnly(t)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseUnsignedLong(t, 16));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Non-empty and ASCII hexadecimal digits only (Long.parseUnsignedLong would also take a '+' and non-ASCII
     *  digits). */
    static boolean digitsOnly(String t) {
        return !t.isEmpty() && t.chars().allMatch(c -> c < 128 && Character.digit(c, 16) >= 0);
    }
}
