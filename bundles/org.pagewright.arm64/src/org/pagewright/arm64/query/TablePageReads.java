package org.pagewright.arm64.query;

import java.util.Optional;
import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.layout.KernelVaLayout;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.arm64.walk.Access;
import org.pagewright.arm64.walk.Translation;
import org.pagewright.arm64.walk.Walker;

/**
 * How ptdump reads the tables (ptdump.c ptdump_walk_pgd via mm/pagewalk.c): init_mm.pgd, swapper_pg_dir, through
 * the kernel image; every lower table through p?d_offset / pte_offset_kernel, i.e. __va(table PA), the linear
 * map. A table page whose linear alias does not translate for a read makes the walk take a kernel fault.
 */
public final class TablePageReads {
    private TablePageReads() {
    }

    /** The first table page, in walk order, that ptdump cannot read. */
    public record Unreadable(PhysicalAddress tablePa, VirtualAddress linearVa, Translation.Fault fault) {
        public String message() {
            return message(fault.faultName());
        }

        /** "table page PA … is not readable at its linear alias …: " and how the read faulted. */
        public String message(String howItFaulted) {
            return String.format("table page PA 0x%x is not readable at its linear alias 0x%016x: %s",
                    tablePa.value(), linearVa.value(), howItFaulted);
        }
    }

    /** The first table page below the root that ptdump's walk cannot read, or empty when the walk completes. */
    public static Optional<Unreadable> firstUnreadable(PageTables tables, KernelVaLayout layout, long physOffset,
            CpuFeatures cpu) {
        Walker walker = new Walker(tables, cpu);
        for (PhysicalAddress pa : tables.reachableTablePages()) {
            if (pa.equals(tables.rootPa())) {
                continue; // init_mm.pgd is read through the image mapping
            }
            VirtualAddress va = new VirtualAddress(layout.physToVirt(pa.value(), physOffset));
            if (walker.translate(va, Access.READ) instanceof Translation.Fault f) {
                return Optional.of(new Unreadable(pa, va, f));
            }
        }
        return Optional.empty();
    }
}
