package org.pagewright.lang.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.pagewright.arm64.kernel.EarlyFixmapInit;
import org.pagewright.arm64.kernel.FixmapRemapFdt;
import org.pagewright.arm64.kernel.MapEntryTrampoline;
import org.pagewright.arm64.kernel.MapKernel;
import org.pagewright.arm64.kernel.PciRemapIospace;
import org.pagewright.arm64.kernel.VmemmapPopulate;
import org.pagewright.arm64.kernel.MapMem;
import org.pagewright.arm64.kernel.MarkLinearTextAliasRo;
import org.pagewright.arm64.kernel.MarkRodataRo;
import org.pagewright.arm64.kernel.FreeInitmem;
import org.pagewright.arm64.kernel.KfencePool;
import org.pagewright.arm64.kernel.SwsuspArchResume;
import org.pagewright.arm64.kernel.Recipe;
import org.pagewright.config.ConfigFactory;
import org.pagewright.config.Operation;
import org.pagewright.config.Origin;
import org.pagewright.config.run.ProtConversion;
import org.pagewright.lang.layout.DirectMapStep;
import org.pagewright.lang.layout.Flag;
import org.pagewright.lang.layout.MapStep;
import org.pagewright.lang.layout.ObservedStep;
import org.pagewright.lang.layout.Prot;
import org.pagewright.lang.layout.SetMemoryStep;
import org.pagewright.lang.layout.SetValidStep;
import org.pagewright.lang.layout.UpdateProtStep;
import org.pagewright.lang.naming.StepNames;

/**
 * One policy step to primitive configuration operations: a kernel recipe through the engine's recipe for this
 * platform's kernel, cmdline and CPU; a primitive directly, with its addresses resolved.
 */
final class StepExpander {
    private static final ConfigFactory F = ConfigFactory.eINSTANCE;

    private final CompiledPlatform platform;

    StepExpander(CompiledPlatform platform) {
        this.platform = platform;
    }

    List<Operation> expand(PolicySteps.Entry entry) {
        String stepName = StepNames.nameOf(entry.step);
        String source = CompileProblem.location(entry.step);
        List<Operation> out = new ArrayList<>();
        switch (entry.step.getAction()) {
            case org.pagewright.lang.layout.Recipe r -> {
                for (org.pagewright.arm64.op.Operation op : recipe(r).operations(platform.boot(r))) {
                    Operation o = EngineOperations.toConfig(op);
                    o.setOrigin(origin(stepName, r.getKind().getLiteral(), entry.patch, op.origin(), source));
                    out.add(o);
                }
            }
            case MapStep m -> {
                long[] r = platform.addresses.range(m.getRange());
                org.pagewright.config.CreateMapping c = F.createCreateMapping();
                c.setVirt(r[0]);
                c.setSize(r[1] - r[0]);
                c.setPhys(m.getPhys() != null ? platform.addresses.value(m.getPhys())
                        : platform.addresses.physical(m.getRange(), r[0]));
                c.setProt(prot(entry.prot));
                Set<String> flags = new TreeSet<>();
                entry.flags.forEach(f -> flags.add(f.getLiteral()));
                if (entry.mapMemFlags) {
                    MapMem.bankFlags(platform.kernel).forEach(f -> flags.add(f.name()));
                }
                flags.forEach(f -> c.getFlags().add(org.pagewright.config.MapFlag.get(f)));
                out.add(withOrigin(c, stepName, entry, source, "map"));
            }
            case UpdateProtStep u -> {
                long[] r = platform.addresses.range(u.getRange());
                org.pagewright.config.UpdateMappingProt c = F.createUpdateMappingProt();
                c.setVirt(r[0]);
                c.setSize(r[1] - r[0]);
                c.setPhys(u.getPhys() != null ? platform.addresses.value(u.getPhys())
                        : platform.addresses.physical(u.getRange(), r[0]));
                c.setProt(prot(entry.prot));
                out.add(withOrigin(c, stepName, entry, source, "update_mapping_prot"));
            }
            case SetValidStep s -> {
                long[] r = platform.addresses.range(s.getRange());
                org.pagewright.config.SetMemoryValid c = F.createSetMemoryValid();
                c.setVirt(r[0]);
                c.setNumPages(pages(r));
                c.setValid(s.getValidity() == org.pagewright.lang.layout.Validity.VALID);
                out.add(withOrigin(c, stepName, entry, source, "set_memory_valid"));
            }
            case SetMemoryStep s when s.isVmallocBacked() -> {
                long[] r = platform.addresses.range(s.getRange());
                org.pagewright.config.Permission change = org.pagewright.config.Permission.get(s.getKind().getName());
                // pageattr.c change_memory_common: only a PTE_RDONLY change, and only with rodata=full
                if (platform.kernel.mirrorsReadOnlyToLinearAlias()
                        && org.pagewright.arm64.op.Permission.valueOf(change.getName()).changesRdonly()) {
                    org.pagewright.config.MirrorToLinearAlias c = F.createMirrorToLinearAlias();
                    c.setLinearVirt(r[0]);
                    c.setNumPages(pages(r));
                    c.setChange(change);
                    out.add(withOrigin(c, stepName, entry, source, s.getKind().getLiteral() + " vmalloc_backed"));
                }
            }
            case SetMemoryStep s -> {
                long[] r = platform.addresses.range(s.getRange());
                org.pagewright.config.ChangeMemoryCommon c = F.createChangeMemoryCommon();
                c.setVirt(r[0]);
                c.setNumPages(pages(r));
                c.setChange(org.pagewright.config.Permission.get(s.getKind().getName()));
                out.add(withOrigin(c, stepName, entry, source, s.getKind().getLiteral()));
            }
            case DirectMapStep d -> {
                long[] r = platform.addresses.range(d.getRange());
                org.pagewright.config.SetDirectMap c = F.createSetDirectMap();
                c.setVirt(r[0]);
                c.setNumPages(pages(r));
                c.setValid(d.getKind() == org.pagewright.lang.layout.DirectMapKind.DEFAULT);
                out.add(withOrigin(c, stepName, entry, source, d.getKind().getLiteral()));
            }
            case ObservedStep o -> {
                long[] r = platform.addresses.range(o.getRange());
                long size = platform.geometry.levelSize(o.getLevel());
                if (((r[0] | r[1]) & (size - 1)) != 0) {
                    throw new CompileException(o, String.format("[0x%x, 0x%x) is not a run of level-%d entries: "
                            + "both ends must be multiples of 0x%x", r[0], r[1], o.getLevel(), size));
                }
                org.pagewright.config.WriteObserved c = F.createWriteObserved();
                c.setVirt(r[0]);
                c.setCount(Long.divideUnsigned(r[1] - r[0], size));
                c.setLevel(o.getLevel());
                c.setTable(o.isTable());
                c.setPhys(o.isTable() ? 0 : o.getPhys().longValue());
                c.setAttrs(o.isTable() ? 0 : o.getAttrs().longValue());
                out.add(withOrigin(c, stepName, entry, source, o.isTable() ? "observed table" : "observed"));
            }
            default -> throw new CompileException(entry.step, "no expansion for " + entry.step.getAction().eClass().getName());
        }
        out.forEach(o -> o.getOrigin().setExpect(entry.step.getExpected()));
        return out;
    }

    /** The engine recipe of a kernel step; hibernation entry points have no page-table effect of their own yet. */
    private Recipe recipe(org.pagewright.lang.layout.Recipe r) {
        return switch (r.getKind()) {
            case MAP_KERNEL -> new MapKernel();
            case MAP_MEM -> new MapMem();
            case MARK_RODATA_RO -> new MarkRodataRo();
            case MARK_LINEAR_TEXT_ALIAS_RO -> new MarkLinearTextAliasRo();
            case KFENCE_POOL -> new KfencePool();
            case FREE_INITMEM -> new FreeInitmem();
            // swsusp_save changes no mapping: safe_copy_page() maps and unmaps each page it copies (snapshot.c);
            // what it saves is judged by the `hibernation saves|skips` checks on the snapshot state
            case SWSUSP_SAVE -> boot -> List.of();
            case SWSUSP_ARCH_RESUME -> new SwsuspArchResume();
            case EARLY_FIXMAP_INIT -> new EarlyFixmapInit();
            case FIXMAP_REMAP_FDT -> new FixmapRemapFdt(platform.firmware);
            case MAP_ENTRY_TRAMPOLINE -> new MapEntryTrampoline(platform.firmware);
            case VMEMMAP_POPULATE -> new VmemmapPopulate();
            case PCI_REMAP_IOSPACE -> new PciRemapIospace(platform.firmware);
        };
    }

    private long pages(long[] range) {
        long page = platform.geometry.pageSize();
        return (range[1] - range[0] + page - 1) / page;
    }

    private static org.pagewright.config.Prot prot(Prot p) {
        org.pagewright.arm64.desc.Prot base = switch (p.getBase()) {
            case PAGE_KERNEL -> org.pagewright.arm64.desc.Prot.PAGE_KERNEL;
            case PAGE_KERNEL_RO -> org.pagewright.arm64.desc.Prot.PAGE_KERNEL_RO;
            case PAGE_KERNEL_ROX -> org.pagewright.arm64.desc.Prot.PAGE_KERNEL_ROX;
            case PAGE_KERNEL_EXEC -> org.pagewright.arm64.desc.Prot.PAGE_KERNEL_EXEC;
        };
        return ProtConversion.toConfig(p.isTagged() ? base.tagged() : base);
    }

    private static Operation withOrigin(Operation o, String step, PolicySteps.Entry entry, String source, String what) {
        o.setOrigin(origin(step, null, entry.patch, step == null ? what : step + ": " + what, source));
        return o;
    }

    private static Origin origin(String step, String recipe, int patch, String detail, String source) {
        Origin o = F.createOrigin();
        o.setStep(step);
        o.setRecipe(recipe);
        o.setPatch(patch);
        o.setDetail(detail);
        o.setSource(source);
        return o;
    }
}
