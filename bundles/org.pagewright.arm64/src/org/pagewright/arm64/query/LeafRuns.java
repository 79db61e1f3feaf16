package org.pagewright.arm64.query;

import java.util.ArrayList;
import java.util.List;

import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.layout.KernelVaLayout;
import org.pagewright.arm64.ptdump.PtdumpLevels;
import org.pagewright.arm64.ptdump.TableEntrySource;

/**
 * All non-empty leaves of a state as {@link Alias} runs, with the hierarchical table attributes of their path.
 * Tracks the table entry seen last at each level: the visit is pre-order, so it is the parent of what follows.
 */
final class LeafRuns {
    private LeafRuns() {
    }

    static List<Alias> of(TableEntrySource tables, KernelVaLayout layout) {
        Geometry g = layout.geometry();
        PtdumpLevels names = new PtdumpLevels(g);
        Regions regions = new Regions(layout);
        List<Alias> out = new ArrayList<>();
        long[] tableBitsAt = new long[5];
        int top = g.startLevel();
        tables.visitEntries((va, level, raw) -> {
            if (level < 3 && Descriptor.isTable(raw, level)) {
                tableBitsAt[level - top] = raw & Descriptor.TABLE_ATTRS;
                return;
            }
            if (raw == 0) {
                return;
            }
            long path = 0;
            for (int l = top; l < level; l++) {
                path |= tableBitsAt[l - top];
            }
            long size = g.levelSize(level);
            long pa = g.outputAddress(raw) & -size;
            long attrs = raw & ~g.outputAddressMask(level);
            Alias last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.vaEnd() == va && last.level() == level && last.pathTableBits() == path
                    && (last.descriptor() & ~g.outputAddressMask(level)) == attrs
                    && last.paStart() + last.size() == pa) {
                out.set(out.size() - 1, new Alias(last.vaStart(), va + size, last.paStart(), level, last.descriptor(),
                        path, last.region(), last.levelName()));
            } else {
                out.add(new Alias(va, va + size, pa, level, raw, path, regions.of(va),
                        names.name(names.of(level))));
            }
        });
        return out;
    }
}
