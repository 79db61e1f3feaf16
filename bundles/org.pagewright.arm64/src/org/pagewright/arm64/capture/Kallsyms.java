package org.pagewright.arm64.capture;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Symbol addresses from /proc/kallsyms or System.map ({@code <hex address> <type> <name> [module]}). The first
 * occurrence of a name wins (static symbols may repeat).
 */
public final class Kallsyms {
    private final Map<String, Long> addresses;

    private Kallsyms(Map<String, Long> addresses) {
        this.addresses = Collections.unmodifiableMap(addresses);
    }

    public static Parsed<Kallsyms> parse(Section section) {
        Map<String, Long> addresses = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < section.lines().size(); i++) {
            String line = section.lines().get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            int lineNo = section.lineNumber(i);
            if (f.length < 3) {
                problems.add(new Problem(lineNo, "expected '<address> <type> <name>', got '" + line + "'"));
                continue;
            }
            OptionalLong address = Hex.parse(f[0]);
            if (address.isEmpty()) {
                problems.add(new Problem(lineNo, "not a hexadecimal address: '" + f[0] + "'"));
                continue;
            }
            if (f[1].length() != 1) {
                problems.add(new Problem(lineNo, "symbol type must be one letter, got '" + f[1] + "'"));
                continue;
            }
            addresses.putIfAbsent(f[2], address.getAsLong());
        }
        return Parsed.of(new Kallsyms(addresses), problems);
    }

    public OptionalLong address(String name) {
        Long a = addresses.get(name);
        return a == null ? OptionalLong.empty() : OptionalLong.of(a);
    }

    public Map<String, Long> all() {
        return addresses;
    }
}
