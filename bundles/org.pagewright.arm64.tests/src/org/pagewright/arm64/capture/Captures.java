package org.pagewright.arm64.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the ground-truth captures copied into the test resources. */
public final class Captures {
    public static final String K61 = "k61-max-1G-nokaslr";
    public static final String K612 = "k612-max-1G-nokaslr";
    public static final String K73 = "k73-max-1G-nokaslr";
    /** 6.12 on a Cortex-A57: a 52-bit (LPA2) build running at 48 bits. */
    public static final String K612_A57 = "k612-a57-1G-nokaslr";

    private Captures() {
    }

    public static String text(String name) {
        try (InputStream in = Captures.class.getResourceAsStream("/captures/" + name + ".log")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /captures/" + name + ".log");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Capture capture(String name) {
        return Capture.parse(text(name)).value();
    }
}
