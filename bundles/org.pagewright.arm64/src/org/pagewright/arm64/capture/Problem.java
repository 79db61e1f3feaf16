package org.pagewright.arm64.capture;

/** A located parse problem: 1-based line number in the parsed text (0 when not tied to a line) and the reason. */
public record Problem(int line, String reason) {

    @Override
    public String toString() {
        return line > 0 ? "line " + line + ": " + reason : reason;
    }
}
