package org.pagewright.arm64.query;

import java.util.List;

import org.pagewright.arm64.layout.AddressMarker;
import org.pagewright.arm64.layout.KernelVaLayout;

/** Names the kernel VA region of an address after the ptdump section it falls in. */
final class Regions {
    private final List<AddressMarker> markers;

    Regions(KernelVaLayout layout) {
        this.markers = layout.ptdumpMarkers();
    }

    /** "Linear Mapping", "vmalloc()" (which holds the kernel image), "Modules", "Fixmap", … or "gap". */
    String of(long va) {
        String region = "gap";
        for (AddressMarker m : markers) {
            if (Long.compareUnsigned(va, m.address()) < 0) {
                break;
            }
            region = m.name().endsWith(" start") || m.name().endsWith(" area")
                    ? m.name().replace(" start", "").replace(" area", "")
                    : "gap";
        }
        return region;
    }
}
