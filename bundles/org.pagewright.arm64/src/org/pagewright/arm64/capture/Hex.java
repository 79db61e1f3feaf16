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
        if (t.isEmpty() || t.length() > 16) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseUnsignedLong(t, 16));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
