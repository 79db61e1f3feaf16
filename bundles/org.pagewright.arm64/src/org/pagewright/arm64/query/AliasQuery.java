package org.pagewright.arm64.query;

import java.util.ArrayList;
import java.util.List;

import org.pagewright.arm64.layout.KernelVaLayout;
import org.pagewright.arm64.ptdump.Ptdump;
import org.pagewright.arm64.ptdump.TableEntrySource;
import org.pagewright.arm64.table.PageTables;

/** Every VA that maps a physical range: the linear map, the kernel image, fixmap, vmalloc … each with its rights. */
public final class AliasQuery {
    private final List<Alias> leaves;

    private AliasQuery(List<Alias> leaves) {
        this.leaves = leaves;
    }

    public static AliasQuery of(PageTables tables, KernelVaLayout layout) {
        return of(Ptdump.source(tables, layout.geometry().kernelVaStart()), layout);
    }

    public static AliasQuery of(TableEntrySource tables, KernelVaLayout layout) {
        return new AliasQuery(LeafRuns.of(tables, layout));
    }

    /** All leaf runs of the state (valid and invalid-but-non-empty), in VA order. */
    public List<Alias> allLeaves() {
        return leaves;
    }

    /** The parts of every leaf run that map [pa, pa + size), clipped to that range, in VA order. */
    public List<Alias> aliasesOf(long pa, long size) {
        long end = pa + size;
        List<Alias> out = new ArrayList<>();
        for (Alias a : leaves) {
            long aEnd = a.paStart() + a.size();
            long from = Math.max(pa, a.paStart());
            long to = Math.min(end, aEnd);
            if (Long.compareUnsigned(from, to) < 0 && Long.compareUnsigned(from, pa) >= 0) {
                long vaFrom = a.vaStart() + (from - a.paStart());
                out.add(new Alias(vaFrom, vaFrom + (to - from), from, a.level(), a.descriptor(), a.pathTableBits(),
                        a.region(), a.levelName()));
            }
        }
        return out;
    }

    /** "Is this secret readable through any alias?": one finding per readable alias of [pa, pa + size). */
    public List<Finding> readableAliasesOf(long pa, long size) {
        List<Finding> out = new ArrayList<>();
        for (Alias a : aliasesOf(pa, size)) {
            if (a.readable()) {
                out.add(new Finding(a, String.format("PA 0x%x-0x%x readable%s via %s alias 0x%016x-0x%016x (%s %s)",
                        a.paStart(), a.paStart() + a.size(), a.writable() ? " and writable" : "", a.region(),
                        a.vaStart(), a.vaEnd(), a.levelName(), a.ptdumpAttributes())));
            }
        }
        return out;
    }

    /** One readable alias of a secret, with a message naming its VA range, level and prot. */
    public record Finding(Alias alias, String message) {
    }
}
