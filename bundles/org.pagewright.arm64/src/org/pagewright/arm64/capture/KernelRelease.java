package org.pagewright.arm64.capture;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernel version a capture ran. Distribution releases hide the upstream patch level ("6.1.0-56-arm64"), so
 * the upstream version printed in the build string ("Debian 6.1.192-2") wins when present.
 */
public record KernelRelease(String release, int major, int minor, int patch) {
    private static final Pattern RELEASE = Pattern.compile("^(\\d+)\\.(\\d+)(?:\\.(\\d+))?");
    private static final Pattern DEBIAN = Pattern.compile("Debian (\\d+)\\.(\\d+)\\.(\\d+)");

    /** "major.minor.patch". */
    public String version() {
        return major + "." + minor + "." + patch;
    }

    /** Parses the uname section: its first line is {@code uname -a}, a later one may be /proc/version. */
    public static Parsed<Optional<KernelRelease>> parse(Section uname) {
        for (int i = 0; i < uname.lines().size(); i++) {
            String[] f = uname.lines().get(i).trim().split("\\s+");
            if (f.length >= 3 && f[0].equals("Linux")) {
                String release = f[2].equals("version") && f.length >= 4 ? f[3] : f[2];
                Matcher m = RELEASE.matcher(release);
                if (!m.find()) {
                    return Parsed.of(Optional.empty(), java.util.List.of(new Problem(uname.lineNumber(i),
                            "kernel release '" + release + "' does not start with <major>.<minor>")));
                }
                if (!fitsInt(m.group(1)) || !fitsInt(m.group(2)) || (m.group(3) != null && !fitsInt(m.group(3)))) {
                    return Parsed.of(Optional.empty(), java.util.List.of(new Problem(uname.lineNumber(i),
                            "kernel release '" + release + "' has a number too large for a version")));
                }
                int major = Integer.parseInt(m.group(1));
                int minor = Integer.parseInt(m.group(2));
                int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
                Matcher d = DEBIAN.matcher(String.join("\n", uname.lines()));
                if (d.find() && fitsInt(d.group(1)) && fitsInt(d.group(2)) && fitsInt(d.group(3))
                        && Integer.parseInt(d.group(1)) == major && Integer.parseInt(d.group(2)) == minor) {
                    patch = Integer.parseInt(d.group(3));
                }
                return Parsed.of(Optional.of(new KernelRelease(release, major, minor, patch)), java.util.List.of());
            }
        }
        return Parsed.of(Optional.empty(), java.util.List.of(new Problem(uname.firstLine(),
                "no 'Linux <host> <release>' line in uname")));
    }

    private static boolean fitsInt(String digits) {
        return digits.length() < 10;
    }
}
