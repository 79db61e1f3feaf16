package org.pagewright.arm64.op;

import java.util.ArrayList;
import java.util.List;

import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.attr.DirectMapPolicy;
import org.pagewright.arm64.attr.PageAttr;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.map.EarlyMapper;
import org.pagewright.arm64.map.Mapper;
import org.pagewright.arm64.map.ObservedWriter;
import org.pagewright.arm64.attr.TransPgd;
import org.pagewright.arm64.map.Unmapper;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.arm64.table.VmAreas;

/**
 * Applies {@link Operation}s to a {@link PageTables} state under one kernel (rules), CPU and direct-map policy.
 * Prots are given as the Linux constants; PTE_MAYBE_NG is resolved here (nG when the CPU needs KPTI).
 */
public final class Executor {
    private final Geometry geometry;
    private final KernelRules rules;
    private final CpuFeatures cpu;
    private final DirectMapPolicy directMap;

    private Executor(Geometry geometry, KernelRules rules, CpuFeatures cpu, DirectMapPolicy directMap) {
        this.geometry = geometry;
        this.rules = rules;
        this.cpu = cpu;
        this.directMap = directMap;
    }

    public static Executor of(Geometry geometry, KernelRules rules, CpuFeatures cpu) {
        return new Executor(geometry, rules, cpu, DirectMapPolicy.defaults());
    }

    public Executor withDirectMap(DirectMapPolicy policy) {
        return new Executor(geometry, rules, cpu, policy);
    }

    public Geometry geometry() {
        return geometry;
    }

    public KernelRules rules() {
        return rules;
    }

    public CpuFeatures cpu() {
        return cpu;
    }

    public DirectMapPolicy directMap() {
        return directMap;
    }

    /** A fresh, empty state for this executor's geometry with the default pool. */
    public PageTables newTables() {
        return PageTables.create(geometry);
    }

    /**
     * Applies one operation; the state is changed in place (also partially, as the kernel would). The typed
     * addresses end here: the mappers and pageattr take raw longs, as their walks do.
     */
    public OpResult apply(PageTables tables, Operation op) {
        if (!tables.geometry().equals(geometry)) {
            return new OpResult.Refused("state geometry " + tables.geometry() + " differs from the executor's "
                    + geometry, false);
        }
        PageAttr pageattr = new PageAttr(tables, rules, cpu, directMap);
        return switch (op) {
            case Operation.CreateMapping c ->
                    new Mapper(tables, rules).createMapping(c.phys().value(), c.virt().value(), c.size(),
                            ng(c.prot()), c.flags());
            case Operation.MapRange m -> new EarlyMapper(tables).mapRange(m.phys().value(), m.virt().value(),
                    m.size(), ng(m.prot()), m.mayUseCont());
            case Operation.UpdateMappingProt u -> new Mapper(tables, rules).updateMappingProt(u.phys().value(),
                    u.virt().value(), u.size(), ng(u.prot()));
            case Operation.SetMemoryValid s -> pageattr.setMemoryValid(s.virt().value(), s.numPages(), s.valid());
            case Operation.ChangeMemoryCommon c ->
                    pageattr.changeMemoryCommon(c.virt().value(), c.numPages(), c.change());
            case Operation.SetDirectMap s -> pageattr.setDirectMap(s.virt().value(), s.numPages(), s.valid());
            case Operation.MirrorToLinearAlias m ->
                    pageattr.mirrorToLinearAlias(m.linearVirt().value(), m.numPages(), m.change());
            case Operation.ClearMapping c -> new Unmapper(tables).clear(c.virt().value(), c.size());
            case Operation.TransPgdCopy t -> TransPgd.copyInPlace(tables, rules, t.linearStart().value(),
                    t.linearEnd().value(), t.debugPagealloc(), t.ng());
            case Operation.WriteObserved w -> ObservedWriter.write(tables, w.virt().value(), w.count(), w.level(),
                    w.table(), w.phys().value(), w.attrs());
            case Operation.RegisterVmArea r -> {
                tables.vmAreas().add(new VmAreas.Area(r.virt(), r.size(), r.vmAlloc(), r.allowHugeVmap(),
                        r.origin()));
                yield new OpResult.Ok(Changes.NONE);
            }
        };
    }

    /** Applies operations in order, continuing after failures as boot would (a Bug result still ends nothing). */
    public List<OpResult> applyAll(PageTables tables, List<? extends Operation> ops) {
        List<OpResult> results = new ArrayList<>(ops.size());
        for (Operation op : ops) {
            results.add(apply(tables, op));
        }
        return results;
    }

    /** pageattr.c kernel_page_present() for the page at a linear-map VA, as this kernel would answer it. */
    public org.pagewright.arm64.attr.PagePresence kernelPagePresent(PageTables tables, VirtualAddress va) {
        return new PageAttr(tables, rules, cpu, directMap).kernelPagePresent(va.value());
    }

    /**
     * PTE_MAYBE_NG: nG on every kernel mapping when KPTI is needed (arm64_use_ng_mappings); a zero prot stays 0, and
     * so does one whose PTE_NG the kernel cleared (the entry trampoline).
     */
    private Prot ng(Prot prot) {
        return prot.bits() == 0 || prot.ngCleared() ? prot : prot.withNgIf(cpu.kptiNeeded());
    }
}
