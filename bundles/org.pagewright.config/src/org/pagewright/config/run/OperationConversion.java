package org.pagewright.config.run;

import java.util.EnumSet;
import java.util.Set;

import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.map.MapFlag;
import org.pagewright.arm64.op.Operation;
import org.pagewright.arm64.op.Permission;
import org.pagewright.config.ChangeMemoryCommon;
import org.pagewright.config.ClearMapping;
import org.pagewright.config.CreateMapping;
import org.pagewright.config.MapRange;
import org.pagewright.config.MirrorToLinearAlias;
import org.pagewright.config.Origin;
import org.pagewright.config.TransPgdCopy;
import org.pagewright.config.RegisterVmArea;
import org.pagewright.config.SetDirectMap;
import org.pagewright.config.SetMemoryValid;
import org.pagewright.config.UpdateMappingProt;
import org.pagewright.config.WriteObserved;

/**
 * Configuration operations to the engine's {@link Operation} records (one record per configuration class). The
 * model keeps addresses as plain longs; here each becomes the VA or PA its record says it is.
 */
public final class OperationConversion {
    private OperationConversion() {
    }

    public static Operation toEngine(org.pagewright.config.Operation op) {
        String origin = label(op.getOrigin());
        return switch (op) {
            case CreateMapping c -> new Operation.CreateMapping(new PhysicalAddress(c.getPhys()),
                    new VirtualAddress(c.getVirt()), c.getSize(), ProtConversion.toEngine(c.getProt()), flags(c),
                    origin);
            case MapRange m -> new Operation.MapRange(new PhysicalAddress(m.getPhys()), new VirtualAddress(m.getVirt()),
                    m.getSize(), ProtConversion.toEngine(m.getProt()), m.isMayUseCont(), origin);
            case UpdateMappingProt u -> new Operation.UpdateMappingProt(new PhysicalAddress(u.getPhys()),
                    new VirtualAddress(u.getVirt()), u.getSize(), ProtConversion.toEngine(u.getProt()), origin);
            case SetMemoryValid s -> new Operation.SetMemoryValid(new VirtualAddress(s.getVirt()), s.getNumPages(),
                    s.isValid(), origin);
            case ChangeMemoryCommon c -> new Operation.ChangeMemoryCommon(new VirtualAddress(c.getVirt()),
                    c.getNumPages(), permission(c.getChange()), origin);
            case MirrorToLinearAlias m -> new Operation.MirrorToLinearAlias(new VirtualAddress(m.getLinearVirt()),
                    m.getNumPages(), permission(m.getChange()), origin);
            case SetDirectMap s -> new Operation.SetDirectMap(new VirtualAddress(s.getVirt()), s.getNumPages(),
                    s.isValid(), origin);
            case ClearMapping c -> new Operation.ClearMapping(new VirtualAddress(c.getVirt()), c.getSize(), origin);
            case TransPgdCopy t -> new Operation.TransPgdCopy(new VirtualAddress(t.getLinearStart()),
                    new VirtualAddress(t.getLinearEnd()), t.isDebugPagealloc(), t.isNg(), origin);
            case RegisterVmArea r -> new Operation.RegisterVmArea(new VirtualAddress(r.getVirt()), r.getSize(),
                    r.isVmAlloc(), r.isAllowHugeVmap(), origin);
            case WriteObserved w -> new Operation.WriteObserved(new VirtualAddress(w.getVirt()), w.getCount(),
                    w.getLevel(), w.isTable(), new PhysicalAddress(w.getPhys()), w.getAttrs(), origin);
            default -> throw new IllegalArgumentException("no engine operation for " + op.eClass().getName());
        };
    }

    /** "map_mem: memblock bank 0 [patch 13]": the recipe's own label, else the step, and the patch if any. */
    public static String label(Origin origin) {
        if (origin == null) {
            return "(no origin)";
        }
        String text = origin.getDetail() != null ? origin.getDetail()
                : origin.getStep() != null ? origin.getStep() : "(unnamed step)";
        return origin.getPatch() > 0 ? text + " [patch " + origin.getPatch() + "]" : text;
    }

    private static Set<MapFlag> flags(CreateMapping c) {
        Set<MapFlag> out = EnumSet.noneOf(MapFlag.class);
        for (org.pagewright.config.MapFlag f : c.getFlags()) {
            out.add(MapFlag.valueOf(f.getName()));
        }
        return out;
    }

    private static Permission permission(org.pagewright.config.Permission p) {
        return Permission.valueOf(p.getName());
    }
}
