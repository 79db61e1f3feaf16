package org.pagewright.arm64.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PCI host bridge's I/O window as the kernel log prints it (drivers/pci/of.c
 * devm_of_pci_get_host_bridge_resources: "IO 0x&lt;cpu start&gt;..0x&lt;cpu end&gt; -&gt; 0x&lt;bus address&gt;").
 *
 * @param cpuStart the CPU physical address of the window
 * @param size its size in bytes
 */
public record PciIoWindow(long cpuStart, long size) {
    private static final Pattern LINE =
            Pattern.compile("\\bIO 0x([0-9a-fA-F]+)\\.\\.0x([0-9a-fA-F]+) -> 0x[0-9a-fA-F]+");

    /** The windows of a kernel log, in order (the first host's first). */
    static List<PciIoWindow> parse(String kernelLog) {
        List<PciIoWindow> out = new ArrayList<>();
        for (String line : kernelLog.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (!m.find()) {
                continue;
            }
            OptionalLong s = Hex.parse(m.group(1));
            OptionalLong e = Hex.parse(m.group(2));
            if (s.isPresent() && e.isPresent() && Long.compareUnsigned(e.getAsLong(), s.getAsLong()) >= 0) {
                PciIoWindow w = new PciIoWindow(s.getAsLong(), e.getAsLong() - s.getAsLong() + 1);
                if (!out.contains(w)) {
                    out.add(w); // the log holds dmesg twice (dmesg_memory, dmesg_full)
                }
            }
        }
        return List.copyOf(out);
    }
}
