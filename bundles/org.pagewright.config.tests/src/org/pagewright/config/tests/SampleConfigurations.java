package org.pagewright.config.tests;

import org.pagewright.config.AccessCheck;
import org.pagewright.config.AccessKind;
import org.pagewright.config.Check;
import org.pagewright.config.ConfigFactory;
import org.pagewright.config.Configuration;
import org.pagewright.config.CpuFeature;
import org.pagewright.config.CreateMapping;
import org.pagewright.config.DramBank;
import org.pagewright.config.FaultKind;
import org.pagewright.config.HibernationSaveCheck;
import org.pagewright.config.Granule;
import org.pagewright.config.Machine;
import org.pagewright.config.MapFlag;
import org.pagewright.config.Operation;
import org.pagewright.config.Origin;
import org.pagewright.config.Patch;
import org.pagewright.config.Phase;
import org.pagewright.config.PhaseOperations;
import org.pagewright.config.Prot;
import org.pagewright.config.ProtBase;
import org.pagewright.config.Revision;
import org.pagewright.config.SetMemoryValid;
import org.pagewright.config.run.CheckVerdict;
import org.pagewright.config.run.RunResult;

/** Small configurations built in code, as the compiler would produce them, for the tests of this bundle. */
final class SampleConfigurations {
    static final ConfigFactory F = ConfigFactory.eINSTANCE;

    static final long PHYS_OFFSET = 0x40000000L;
    static final long PAGE_OFFSET = 0xffff000000000000L;
    /** lm_alias(__init_end) .. lm_alias(__bss_stop): a 2M-aligned 2M range in the linear map. */
    static final long DATA_ALIAS = PAGE_OFFSET + 0xa00000L;
    static final long DATA_SIZE = 0x200000L;
    static final long BANK_SIZE = 64L << 20;

    private SampleConfigurations() {
    }

    /** 6.18 4K/48 machine, one 64M bank mapped by map_mem, and a patch 13 that unmaps a 2M data alias. */
    static Configuration dataBssSeries(MapFlag... bankFlags) {
        Configuration c = F.createConfiguration();
        c.setName("data_bss_v4");
        c.setMachine(machine("6.18", Granule.G4K, 48));
        DramBank bank = F.createDramBank();
        bank.setName("bank0");
        bank.setBase(PHYS_OFFSET);
        bank.setSize(BANK_SIZE);
        c.getMemory().add(bank);

        Revision baseline = F.createRevision();
        baseline.setName("baseline");
        baseline.getPhases().add(phase(Phase.BOOT, mapBank(0, bankFlags)));
        c.setBaseline(baseline);

        Patch p13 = F.createPatch();
        p13.setNumber(13);
        p13.setTitle("arm64: mm: Unmap kernel data/bss entirely from the linear map");
        p13.getEdits().add("after map_mem: set_memory_valid lm_alias[__init_end, __bss_stop) invalid");
        p13.getPhases().add(phase(Phase.BOOT, mapBank(0, bankFlags), setValid(DATA_ALIAS, DATA_SIZE / 4096, false, 13)));
        c.getPatches().add(p13);

        AccessCheck read = F.createAccessCheck();
        read.setDescription("read lm_alias(__init_end) expect fault level 3");
        read.setAddress(DATA_ALIAS);
        read.setAccess(AccessKind.READ);
        read.setExpectFault(true);
        read.setFaultLevel(3);
        read.setFaultKind(FaultKind.TRANSLATION);
        read.setAfterPatch(13);
        c.getChecks().add(read);
        return c;
    }

    static Machine machine(String kernel, Granule granule, int vaBits, CpuFeature... features) {
        Machine m = F.createMachine();
        m.setKernelVersion(kernel);
        m.setGranule(granule);
        m.setVaBits(vaBits);
        m.setPhysOffset(PHYS_OFFSET);
        m.setFixmapPages(985);
        m.getCmdline().add("nokaslr");
        m.getCpuFeatures().addAll(java.util.List.of(features));
        return m;
    }

    static PhaseOperations phase(Phase phase, Operation... operations) {
        PhaseOperations p = F.createPhaseOperations();
        p.setPhase(phase);
        p.getOperations().addAll(java.util.List.of(operations));
        return p;
    }

    static CreateMapping mapBank(int patch, MapFlag... extraFlags) {
        CreateMapping m = F.createCreateMapping();
        m.setPhys(PHYS_OFFSET);
        m.setVirt(PAGE_OFFSET);
        m.setSize(BANK_SIZE);
        m.setProt(prot(ProtBase.PAGE_KERNEL, true));
        m.getFlags().add(MapFlag.NO_EXEC_MAPPINGS);
        m.getFlags().addAll(java.util.List.of(extraFlags));
        m.setOrigin(origin("map_mem", "map_mem", patch, "map_mem: memblock bank 0"));
        return m;
    }

    static SetMemoryValid setValid(long virt, long pages, boolean valid, int patch) {
        SetMemoryValid s = F.createSetMemoryValid();
        s.setVirt(virt);
        s.setNumPages(pages);
        s.setValid(valid);
        s.setOrigin(origin("set_memory_valid", null, patch, "patch " + patch));
        return s;
    }

    static Prot prot(ProtBase base, boolean tagged) {
        Prot p = F.createProt();
        p.setBase(base);
        p.setTagged(tagged);
        return p;
    }

    static Origin origin(String step, String recipe, int patch, String detail) {
        Origin o = F.createOrigin();
        o.setStep(step);
        o.setRecipe(recipe);
        o.setPatch(patch);
        o.setDetail(detail);
        return o;
    }

    /** `hibernation saves [start, end)` judged after patch 13. */
    static HibernationSaveCheck hibernationSaves(String description, long start, long end) {
        HibernationSaveCheck h = F.createHibernationSaveCheck();
        h.setDescription(description);
        h.setStart(start);
        h.setEnd(end);
        h.setExpectSaved(true);
        h.setAfterPatch(13);
        return h;
    }

    /** The verdict of a check in a run, found by its description. */
    static CheckVerdict verdict(RunResult result, Check check) {
        return result.verdicts().stream().filter(v -> v.description().equals(check.getDescription())).findFirst()
                .orElseThrow(() -> new AssertionError("no verdict for " + check.getDescription() + " in "
                        + result.verdicts() + result.problems()));
    }
}
