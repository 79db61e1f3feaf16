package org.pagewright.config.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pagewright.config.AddressRange;
import org.pagewright.config.Configuration;

/**
 * The page frames hibernation treats specially (snapshot.c saveable_page): PageReserved ones (the kernel image,
 * from _text to _end, and the configuration's reserved ranges) and nosave ones. Without a known image extent every
 * page counts as reserved, as before reserved ranges could be said.
 *
 * @param reserved physical ranges [start, end) of PageReserved frames
 * @param nosave physical ranges [start, end) of nosave frames
 * @param allReserved the image extent is unknown: every frame is taken as PageReserved
 */
public record ReservedPages(List<Range> reserved, List<Range> nosave, boolean allReserved, List<Range> dram) {

    /** A physical range [start, end). */
    public record Range(long start, long end) {
        boolean contains(long pa) {
            return Long.compareUnsigned(pa, start) >= 0 && Long.compareUnsigned(pa, end) < 0;
        }
    }

    public ReservedPages {
        reserved = List.copyOf(reserved);
        nosave = List.copyOf(nosave);
        dram = List.copyOf(dram);
    }

    static ReservedPages of(Configuration configuration, Optional<Long> imageStartPa, Optional<Long> imageEndPa) {
        List<Range> reserved = new ArrayList<>(ranges(configuration.getReserved()));
        boolean imageKnown = imageStartPa.isPresent() && imageEndPa.isPresent();
        if (imageKnown) {
            reserved.add(new Range(imageStartPa.get(), imageEndPa.get()));
        }
        List<Range> dram = configuration.getMemory().stream().map(b -> new Range(b.getBase(), b.getBase() + b.getSize()))
                .toList();
        return new ReservedPages(reserved, ranges(configuration.getNosave()), !imageKnown, dram);
    }

    private static List<Range> ranges(List<AddressRange> ranges) {
        return ranges.stream().map(r -> new Range(r.getStart(), r.getEnd())).toList();
    }

    boolean isReserved(long pa) {
        return allReserved || reserved.stream().anyMatch(r -> r.contains(pa));
    }

    /** The frame has a struct page: snapshot.c counts and saves only the pfns of the memory zones (DRAM). */
    boolean hasPage(long pa) {
        return dram.stream().anyMatch(r -> r.contains(pa));
    }

    boolean isNosave(long pa) {
        return nosave.stream().anyMatch(r -> r.contains(pa));
    }

    /** Where reserved or nosave begins or ends, for cutting a range of frames into alike pieces. */
    List<Long> boundaries() {
        List<Long> out = new ArrayList<>();
        for (List<Range> list : List.of(reserved, nosave, dram)) {
            for (Range r : list) {
                out.add(r.start());
                out.add(r.end());
            }
        }
        return out;
    }
}
