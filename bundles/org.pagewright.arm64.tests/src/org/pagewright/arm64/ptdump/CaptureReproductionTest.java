package org.pagewright.arm64.ptdump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pagewright.arm64.layout.KernelVaLayout;

/**
 * The renderer reproduces each real kernel_page_tables dump from the descriptors that the independent raw walk of
 * the same boot printed (kernel_page_tables_raw): markers, merging, holes, columns, line ends. The two walks ran a
 * moment apart, so vmalloc allocations made in between may differ; everything else must match byte for byte.
 */
class CaptureReproductionTest {

    @Test
    void the61CaptureIsReproducedByteForByte() {
        CaptureLogs k61 = CaptureLogs.K61;

        assertEquals(k61.kernelPageTables(), Ptdump.render(k61.rawTables(), k61.layout()));
    }

    @ParameterizedTest
    @EnumSource(CaptureLogs.class)
    void everyLineOutsideTheVmallocAreaIsReproducedByteForByte(CaptureLogs capture) {
        KernelVaLayout layout = capture.layout();
        String rendered = Ptdump.render(capture.rawTables(), layout);

        DumpComparison c = DumpComparison.compare(outsideVmalloc(rendered, layout),
                outsideVmalloc(capture.kernelPageTables(), layout));

        assertTrue(c.identical(), () -> capture + ": " + c + "\nmissing: " + c.missing() + "\nunexpected: "
                + c.unexpected());
    }

    @ParameterizedTest
    @EnumSource(CaptureLogs.class)
    void atLeast98PercentOfAllLinesMatch(CaptureLogs capture) {
        DumpComparison c = DumpComparison.compare(Ptdump.render(capture.rawTables(), capture.layout()),
                capture.kernelPageTables());

        assertTrue(c.share() >= 0.98, () -> capture + ": " + c);
    }

    private static String outsideVmalloc(String dump, KernelVaLayout layout) {
        return dump.lines().filter(line -> !startsInVmalloc(line, layout)).collect(Collectors.joining("\n", "", "\n"));
    }

    private static boolean startsInVmalloc(String line, KernelVaLayout layout) {
        if (!line.startsWith("0x")) {
            return false;
        }
        long start = Long.parseUnsignedLong(line.substring(2, 18), 16);
        return Long.compareUnsigned(start, layout.vmallocStart()) >= 0
                && Long.compareUnsigned(start, layout.vmallocEnd()) < 0;
    }
}
