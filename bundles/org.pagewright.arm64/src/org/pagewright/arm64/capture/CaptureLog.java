package org.pagewright.arm64.capture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A capture log split into its named sections. Text outside sections (the serial console) is kept aside. */
public final class CaptureLog {
    private static final Pattern MARK = Pattern.compile("^===== (BEGIN|END) (\\S+) =====\\s*$");

    private final Map<String, Section> sections;

    private CaptureLog(Map<String, Section> sections) {
        this.sections = sections;
    }

    public static Parsed<CaptureLog> parse(String text) {
        Map<String, Section> sections = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        List<String> lines = text.lines().toList();
        String open = null;
        int openLine = 0;
        List<String> body = new ArrayList<>();
        boolean lastInBody = false;
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            Matcher m = MARK.matcher(lines.get(i));
            boolean mark = m.matches();
            lastInBody = !mark && open != null;
            if (!mark) {
                if (open != null) {
                    body.add(lines.get(i));
                }
                continue;
            }
            String name = m.group(2);
            if (m.group(1).equals("BEGIN")) {
                if (open != null) {
                    problems.add(new Problem(lineNo, "section '" + name + "' begins inside unterminated section '"
                            + open + "' (opened at line " + openLine + ")"));
                    sections.putIfAbsent(open, new Section(open, openLine + 1, body));
                }
                open = name;
                openLine = lineNo;
                body = new ArrayList<>();
            } else if (open == null || !open.equals(name)) {
                problems.add(new Problem(lineNo, "END of section '" + name + "' without its BEGIN"));
            } else {
                if (sections.containsKey(name)) {
                    problems.add(new Problem(openLine, "duplicate section '" + name + "'; the first one is used"));
                } else {
                    sections.put(name, new Section(name, openLine + 1, body));
                }
                open = null;
                body = new ArrayList<>();
            }
        }
        if (open != null) {
            problems.add(new Problem(openLine, "section '" + open + "' is never closed"));
            // a log cut off mid-line (no newline at its end) leaves the open section's last line partial: not read
            if (lastInBody && !text.endsWith("\n") && !text.endsWith("\r")) {
                problems.add(new Problem(openLine + body.size(), "section '" + open + "' ends in a partial line"));
                body.remove(body.size() - 1);
            }
            sections.putIfAbsent(open, new Section(open, openLine + 1, body));
        }
        return Parsed.of(new CaptureLog(sections), problems);
    }

    public Optional<Section> section(String name) {
        return Optional.ofNullable(sections.get(name));
    }

    public List<String> sectionNames() {
        return List.copyOf(sections.keySet());
    }
}
