package org.pagewright.arm64.capture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the capture's ptdump module printed about the running kernel: {@code KEY=value} registers and layout
 * values (hexadecimal, except {@code vabits_actual}, which is decimal) and the ptdump markers. A value whose whole
 * token is not such a number is a located problem and is not read.
 */
public final class PtdumpModInfo {
    /** KEY=token: the whole token up to the next blank is the value, so a garbled one is seen whole, not cut short. */
    private static final Pattern PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\\S*)");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+");
    private static final Pattern MARKER = Pattern.compile("marker\\s+(\\d+)\\s+([0-9a-fA-F]{1,16})\\s+(.+?)\\s*$");
    private static final String DECIMAL_KEY = "vabits_actual";

    /** A ptdump section marker, in the order the module printed them. */
    public record Marker(int index, long address, String name) {
    }

    private final Map<String, Long> values;
    private final List<Marker> markers;

    private PtdumpModInfo(Map<String, Long> values, List<Marker> markers) {
        this.values = Map.copyOf(values);
        this.markers = List.copyOf(markers);
    }

    public static Parsed<PtdumpModInfo> parse(Section section) {
        Map<String, Long> values = new LinkedHashMap<>();
        List<Marker> markers = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < section.lines().size(); i++) {
            String line = section.lines().get(i);
            int lineNo = section.lineNumber(i);
            if (!line.contains("ptdump_mod:")) {
                continue;
            }
            Matcher mk = MARKER.matcher(line);
            if (mk.find()) {
                OptionalLong a = Hex.parse(mk.group(2));
                markers.add(new Marker(Integer.parseInt(mk.group(1)), a.getAsLong(), mk.group(3)));
                continue;
            }
            Matcher m = PAIR.matcher(line);
            while (m.find()) {
                String key = m.group(1);
                String text = m.group(2);
                OptionalLong v = key.equals(DECIMAL_KEY) ? decimal(text) : Hex.parse(text);
                if (v.isEmpty()) {
                    problems.add(new Problem(lineNo, "value of " + key + " is not a number: '" + text + "'"
                            + (digitsOnly(key, text) ? " (out of range)" : "")));
                } else {
                    values.putIfAbsent(key, v.getAsLong());
                }
            }
        }
        return Parsed.of(new PtdumpModInfo(values, markers), problems);
    }

    /** A decimal value: digits only (no sign), or 0x-hexadecimal. */
    private static OptionalLong decimal(String text) {
        if (text.startsWith("0x") || text.startsWith("0X")) {
            return Hex.parse(text);
        }
        if (!DECIMAL.matcher(text).matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Whether a value that did not parse is all digits of its base, so only too large for 64 bits. */
    private static boolean digitsOnly(String key, String text) {
        boolean prefixed = text.startsWith("0x") || text.startsWith("0X");
        String digits = prefixed ? text.substring(2) : text;
        return key.equals(DECIMAL_KEY) && !prefixed ? DECIMAL.matcher(digits).matches() : Hex.digitsOnly(digits);
    }

    /** A value by the name the module printed (TTBR1_EL1, ID_AA64MMFR0, PAGE_OFFSET, PHYS_OFFSET, …). */
    public OptionalLong value(String key) {
        Long v = values.get(key);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    public List<Marker> markers() {
        return markers;
    }

    /** The three ID_AA64MMFRn registers, when all were printed. */
    public java.util.Optional<IdRegisters> idRegisters() {
        OptionalLong r0 = value("ID_AA64MMFR0");
        OptionalLong r1 = value("ID_AA64MMFR1");
        OptionalLong r2 = value("ID_AA64MMFR2");
        if (r0.isEmpty() || r1.isEmpty() || r2.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new IdRegisters(r0.getAsLong(), r1.getAsLong(), r2.getAsLong()));
    }
}
