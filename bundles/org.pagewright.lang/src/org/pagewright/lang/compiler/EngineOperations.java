package org.pagewright.lang.compiler;

import org.pagewright.arm64.op.Operation;
import org.pagewright.config.ConfigFactory;
import org.pagewright.config.MapFlag;
import org.pagewright.config.Permission;
import org.pagewright.config.run.ProtConversion;

/** The engine's operation records (as the kernel recipes return them) to configuration operations. */
final class EngineOperations {
    private static final ConfigFactory F = ConfigFactory.eINSTANCE;

    private EngineOperations() {
    }

    static org.pagewright.config.Operation toConfig(Operation op) {
        return switch (op) {
            case Operation.CreateMapping c -> {
                var o = F.createCreateMapping();
                o.setPhys(c.phys().value());
                o.setVirt(c.virt().value());
                o.setSize(c.size());
                o.setProt(ProtConversion.toConfig(c.prot()));
                c.flags().stream().sorted().forEach(f -> o.getFlags().add(MapFlag.get(f.name())));
                yield o;
            }
            case Operation.MapRange m -> {
                var o = F.createMapRange();
                o.setPhys(m.phys().value());
                o.setVirt(m.virt().value());
                o.setSize(m.size());
                o.setProt(ProtConversion.toConfig(m.prot()));
                o.setMayUseCont(m.mayUseCont());
                yield o;
            }
            case Operation.UpdateMappingProt u -> {
                var o = F.createUpdateMappingProt();
                o.setPhys(u.phys().value());
                o.setVirt(u.virt().value());
                o.setSize(u.size());
                o.setProt(ProtConversion.toConfig(u.prot()));
                yield o;
            }
            case Operation.SetMemoryValid s -> {
                var o = F.createSetMemoryValid();
                o.setVirt(s.virt().value());
                o.setNumPages(s.numPages());
                o.setValid(s.valid());
                yield o;
            }
            case Operation.ChangeMemoryCommon c -> {
                var o = F.createChangeMemoryCommon();
                o.setVirt(c.virt().value());
                o.setNumPages(c.numPages());
                o.setChange(Permission.get(c.change().name()));
                yield o;
            }
            case Operation.MirrorToLinearAlias m -> {
                var o = F.createMirrorToLinearAlias();
                o.setLinearVirt(m.linearVirt().value());
                o.setNumPages(m.numPages());
                o.setChange(Permission.get(m.change().name()));
                yield o;
            }
            case Operation.SetDirectMap s -> {
                var o = F.createSetDirectMap();
                o.setVirt(s.virt().value());
                o.setNumPages(s.numPages());
                o.setValid(s.valid());
                yield o;
            }
            case Operation.ClearMapping c -> {
                var o = F.createClearMapping();
                o.setVirt(c.virt().value());
                o.setSize(c.size());
                yield o;
            }
            case Operation.TransPgdCopy t -> {
                var o = F.createTransPgdCopy();
                o.setLinearStart(t.linearStart().value());
                o.setLinearEnd(t.linearEnd().value());
                o.setDebugPagealloc(t.debugPagealloc());
                o.setNg(t.ng());
                yield o;
            }
            case Operation.WriteObserved w -> {
                var o = F.createWriteObserved();
                o.setVirt(w.virt().value());
                o.setCount(w.count());
                o.setLevel(w.level());
                o.setTable(w.table());
                o.setPhys(w.phys().value());
                o.setAttrs(w.attrs());
                yield o;
            }
            case Operation.RegisterVmArea r -> {
                var o = F.createRegisterVmArea();
                o.setVirt(r.virt().value());
                o.setSize(r.size());
                o.setVmAlloc(r.vmAlloc());
                o.setAllowHugeVmap(r.allowHugeVmap());
                yield o;
            }
        };
    }
}
