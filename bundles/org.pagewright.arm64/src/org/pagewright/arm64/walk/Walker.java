package org.pagewright.arm64.walk;

import static org.pagewright.arm64.desc.Descriptor.*;

import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.VaRange;
import org.pagewright.arm64.Granule;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.arm64.table.RangeVisitor;
import org.pagewright.arm64.table.Step;

/**
 * Translates a kernel VA for a read, write or instruction fetch at EL1 the way the MMU would, honouring the
 * hierarchical table attributes (PXNTable, APTable; UXNTable only matters at EL0), the access flag and AP[2].
 *
 * <p>Assumptions, stated because they decide outcomes: PAN is on (Linux enables it), so EL1 data accesses to
 * EL0-accessible pages fault; SCTLR.WXN is off (Linux does not set it); without {@link
 * CpuFeatures#hardwareDirtyBit()} a write to a RDONLY page faults even if DBM (Linux's PTE_WRITE) is set, because
 * DBM only acts when TCR.HD is on; without {@link CpuFeatures#hardwareAccessFlag()} an AF=0 leaf raises an access
 * flag fault, which takes priority over a permission fault.
 */
public final class Walker {
    private final PageTables tables;
    private final Geometry geometry;
    private final CpuFeatures cpu;

    public Walker(PageTables tables, CpuFeatures cpu) {
        this.tables = tables;
        this.geometry = tables.geometry();
        this.cpu = cpu;
    }

    public Translation translate(VirtualAddress va, Access access) {
        if (!geometry.isKernelVa(va.value())) {
            return new Translation.Fault(va, access, FaultKind.TRANSLATION, 0, 0,
                    "VA outside the TTBR1 range of a " + geometry.vaBits() + "-bit kernel [A: reported at level 0]");
        }
        Translation[] out = new Translation[1];
        long[] inherited = new long[1]; // accumulated PXNTable / APTable bits
        tables.read(VaRange.at(va.value()), new RangeVisitor() {
            @Override
            public Step entry(int level, long tablePa, long[] table, int index, long addr, long next) {
                long d = table[index];
                if (isTable(d, level)) {
                    inherited[0] |= d & (TABLE_PXN | TABLE_AP_RDONLY | TABLE_AP_NO_EL0);
                    return Step.CONTINUE;
                }
                out[0] = leaf(va, access, level, d, inherited[0]);
                return Step.STOP;
            }

            @Override
            public boolean lastLevel(long tablePa, long[] table, int from, int to, long addr) {
                out[0] = leaf(va, access, Geometry.LAST_LEVEL, table[from], inherited[0]);
                return false;
            }
        });
        if (out[0] == null) { // a table descriptor pointing outside the pool
            return new Translation.Fault(va, access, FaultKind.TRANSLATION, geometry.startLevel(), 0,
                    "table descriptor points to memory that holds no table page");
        }
        return out[0];
    }

    private Translation leaf(VirtualAddress va, Access access, int level, long d, long inherited) {
        if (!isValid(d)) {
            return fault(va, access, FaultKind.TRANSLATION, level, d,
                    d == 0 ? "empty entry" : "invalid entry (bit 0 clear)");
        }
        boolean page = level == Geometry.LAST_LEVEL;
        if (page ? (d & TYPE_MASK) != TYPE_PAGE : !architecturalBlockLevel(level)) {
            return fault(va, access, FaultKind.TRANSLATION, level, d,
                    page ? "reserved encoding 0b01 at level 3" : "no block descriptors at level " + level);
        }
        if ((d & AF) == 0 && !cpu.hardwareAccessFlag()) {
            return fault(va, access, FaultKind.ACCESS_FLAG, level, d, "access flag clear");
        }
        String note = "";
        boolean el0Accessible = (d & USER) != 0 && (inherited & TABLE_AP_NO_EL0) == 0;
        switch (access) {
            case READ -> {
                if (el0Accessible) {
                    return fault(va, access, FaultKind.PERMISSION, level, d, "EL0-accessible page under PAN");
                }
            }
            case WRITE -> {
                if (el0Accessible) {
                    return fault(va, access, FaultKind.PERMISSION, level, d, "EL0-accessible page under PAN");
                }
                if ((inherited & TABLE_AP_RDONLY) != 0) {
                    return fault(va, access, FaultKind.PERMISSION, level, d, "APTable makes the range read-only");
                }
                if ((d & RDONLY) != 0) {
                    if ((d & DBM) == 0 || !cpu.hardwareDirtyBit()) {
                        return fault(va, access, FaultKind.PERMISSION, level, d, (d & DBM) != 0
                                ? "read-only (DBM/PTE_WRITE set, but no hardware dirty-bit management)"
                                : "read-only (AP[2])");
                    }
                    note = "hardware DBM clears RDONLY on this write";
                }
            }
            case EXEC -> {
                if ((d & PXN) != 0 || (inherited & TABLE_PXN) != 0) {
                    return fault(va, access, FaultKind.PERMISSION, level, d,
                            (d & PXN) != 0 ? "PXN set" : "PXNTable set on a table above");
                }
                if ((d & USER) != 0 && (d & RDONLY) == 0) {
                    return fault(va, access, FaultKind.PERMISSION, level, d, "EL0-writable memory is PXN");
                }
            }
        }
        long size = geometry.levelSize(level);
        long pa = (geometry.outputAddress(d) & -size) | (va.value() & (size - 1));
        return new Translation.Ok(va, access, new PhysicalAddress(pa), level, d, note);
    }

    /** Levels where the architecture accepts block descriptors for this granule and output size. */
    private boolean architecturalBlockLevel(int level) {
        Granule g = geometry.granule();
        return switch (level) {
            case 2 -> true;
            case 1 -> g == Granule.G4K || geometry.paBits() == 52; // 16K needs DS=1, 64K needs 52-bit PA
            case 0 -> g == Granule.G4K && geometry.lpa2();
            default -> false;
        };
    }

    private static Translation fault(VirtualAddress va, Access a, FaultKind k, int level, long d, String why) {
        return new Translation.Fault(va, a, k, level, d, why);
    }
}
