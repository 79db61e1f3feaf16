package org.pagewright.arm64.ptdump;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.layout.FixmapSize;
import org.pagewright.arm64.layout.KernelVaLayout;

/** The three ground-truth captures (test resources captures/*.log, copies of /work/shared/groundtruth). */
public enum CaptureLogs {
    K61("k61-max-1G-nokaslr", KernelVersion.V6_1, 48, FixmapSize.DEBIAN_6_1),
    K612("k612-max-1G-nokaslr", KernelVersion.V6_12, 52, FixmapSize.DEBIAN_6_12),
    K73("k73-max-1G-nokaslr", KernelVersion.V7_3, 52, FixmapSize.DEBIAN_7_3);

    private static final Pattern RAW_RUN = Pattern.compile(
            "^([LT])(-?\\d) 0x([0-9a-f]+)-0x([0-9a-f]+) n=(\\d+)\\s+(?:oa=0x([0-9a-f]+)-0x[0-9a-f]+ )?desc0=0x[0-9a-f]+ attrs=0x([0-9a-f]+)");

    private final String name;
    private final KernelVersion version;
    private final int vaBits;
    private final long fixmapPages;
    private String text;

    CaptureLogs(String name, KernelVersion version, int vaBits, long fixmapPages) {
        this.name = name;
        this.version = version;
        this.vaBits = vaBits;
        this.fixmapPages = fixmapPages;
    }

    public KernelVersion version() {
        return version;
    }

    public Geometry geometry() {
        return vaBits == 52 ? Geometry.G4K_52 : Geometry.G4K_48;
    }

    public KernelVaLayout layout() {
        return KernelVaLayout.of(geometry(), version, fixmapPages);
    }

    public synchronized String text() {
        if (text == null) {
            try (InputStream in = CaptureLogs.class.getResourceAsStream("/captures/" + name + ".log")) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource captures/" + name + ".log");
                }
                // the serial console adds CR before LF; the kernel's own text has bare LF
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text;
    }

    /** The lines between ===== BEGIN name ===== and ===== END name =====, each with its "\n". */
    public String section(String section) {
        String begin = "===== BEGIN " + section + " =====\n";
        int from = text().indexOf(begin);
        int to = text().indexOf("===== END " + section + " =====", from);
        if (from < 0 || to < 0) {
            throw new IllegalStateException(name + " has no section " + section);
        }
        return text().substring(from + begin.length(), to);
    }

    /** The kernel_page_tables section: exactly what the kernel's debugfs file printed. */
    public String kernelPageTables() {
        return section("kernel_page_tables");
    }

    /** ptdump_mod_insmod "marker N addr name" lines as (address, name). */
    public List<long[]> markerAddresses() {
        List<long[]> out = new ArrayList<>();
        for (String line : section("ptdump_mod_insmod").split("\n")) {
            Matcher m = Pattern.compile("marker +(\\d+) ([0-9a-f]{16}) ").matcher(line);
            if (m.find()) {
                out.add(new long[] {Long.parseUnsignedLong(m.group(2), 16)});
            }
        }
        return out;
    }

    public List<String> markerNames() {
        List<String> out = new ArrayList<>();
        for (String line : section("ptdump_mod_insmod").split("\n")) {
            Matcher m = Pattern.compile("marker +\\d+ [0-9a-f]{16} (.*)$").matcher(line);
            if (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** A hex value printed as NAME=hex in ptdump_mod_insmod (PAGE_OFFSET, PAGE_END, PHYS_OFFSET …). */
    public long insmodValue(String key) {
        Matcher m = Pattern.compile(key + "=([0-9a-f]+)").matcher(section("ptdump_mod_insmod"));
        if (!m.find()) {
            throw new IllegalStateException(name + ": no " + key);
        }
        return Long.parseUnsignedLong(m.group(1), 16);
    }

    /** The state the kernel_page_tables_raw walk saw, rebuilt entry by entry from its leaf and table runs. */
    public SparseTables rawTables() {
        Geometry g = geometry();
        SparseTables tables = new SparseTables(g);
        for (String line : section("kernel_page_tables_raw").split("\n")) {
            Matcher m = RAW_RUN.matcher(line);
            if (!m.find()) {
                continue;
            }
            int level = Integer.parseInt(m.group(2));
            long va = Long.parseUnsignedLong(m.group(3), 16);
            long n = Long.parseLong(m.group(5));
            long attrs = Long.parseUnsignedLong(m.group(7), 16);
            if (m.group(1).equals("L")) {
                tables.putRun(level, va, n, attrs, Long.parseUnsignedLong(m.group(6), 16));
            } else {
                for (long i = 0; i < n; i++) {
                    tables.putTable(level, va + i * g.levelSize(level), attrs | 0x7ff00000L);
                }
            }
        }
        return tables;
    }
}
