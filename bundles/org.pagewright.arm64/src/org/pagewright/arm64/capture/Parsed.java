package org.pagewright.arm64.capture;

import java.util.ArrayList;
import java.util.List;

/** A parse result: the value built from every well-formed line, and the problems of the others. */
public record Parsed<T>(T value, List<Problem> problems) {

    public Parsed {
        problems = List.copyOf(problems);
    }

    public static <T> Parsed<T> of(T value, List<Problem> problems) {
        return new Parsed<>(value, problems);
    }

    public boolean clean() {
        return problems.isEmpty();
    }

    /** Collects problems from several parses. */
    static List<Problem> all(List<Problem> into, Parsed<?>... parts) {
        List<Problem> out = new ArrayList<>(into);
        for (Parsed<?> p : parts) {
            out.addAll(p.problems());
        }
        return out;
    }
}
