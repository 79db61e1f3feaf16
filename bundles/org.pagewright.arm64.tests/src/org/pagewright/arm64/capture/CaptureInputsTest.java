package org.pagewright.arm64.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.kernel.Boot;
import org.pagewright.arm64.kernel.KernelBuild;
import org.pagewright.arm64.kernel.ReadOnlyVmallocPages;

class CaptureInputsTest {

    static CaptureInputs inputs(String name) {
        Parsed<java.util.Optional<CaptureInputs>> p = CaptureInputs.from(Captures.capture(name), KernelBuild::debian);
        assertEquals(List.of(), p.problems());
        return p.value().orElseThrow();
    }

    @Test
    void k73InputsComeFromKallsymsMemblockAndTheIdRegisters() {
        Boot boot = inputs(Captures.K73).boot();
        assertEquals(new KernelVersion(7, 3, 4), boot.config().version());
        assertEquals(52, boot.config().build().geometry().vaBits());
        assertTrue(boot.config().cpu().va52());
        assertFalse(boot.config().cpu().bbml2Noabort());
        assertFalse(boot.config().cpu().kptiNeeded());
        assertEquals(0x4341e000L, boot.image().pa(boot.image().bssStop()));
        assertEquals(0x40000000L, boot.memory().physOffset());
        assertEquals(0xfff0000002d00000L, boot.lmAlias(boot.image().initEnd()));
    }

    @Test
    void k61ImageSymbolsMissingFromKallsymsAreCompletedFromIomem() {
        CaptureInputs in = inputs(Captures.K61);
        assertEquals(0xffff800009cb0000L, in.boot().image().data());
        assertEquals(0xffff80000a010000L, in.boot().image().end());
        assertEquals(in.boot().image().etext(), in.boot().image().startRodata());
        assertTrue(in.assumptions().stream().anyMatch(a -> a.startsWith("_sdata from iomem")));
    }

    @Test
    void readOnlyVmallocPagesOutsideTheImageAreTheRunTimeInputs() {
        List<ReadOnlyVmallocPages> ro = inputs(Captures.K73).readOnlyVmallocPages();
        assertEquals(List.of(0x461b0000L, 0x461ac000L, 0x44200000L), ro.stream().map(ReadOnlyVmallocPages::phys)
                .toList());
        assertEquals(0x200000L, ro.get(2).size());
    }

    /**
     * pageattr.c: set_memory_rw() (or a vfree without VM_FLUSH_RESET_PERMS) leaves a module page's linear alias as
     * set_memory_ro() made it under rodata=full: k61's module area maps PA 0x4803b000 and 0x4803c000 read-write,
     * its linear map shows them read-only, and only the alias says so.
     */
    @Test
    void aModulePageMappedReadWriteWhoseLinearAliasIsReadOnlyIsARunTimeReadOnlyInput() {
        List<ReadOnlyVmallocPages> aliasOnly = inputs(Captures.K61).readOnlyVmallocPages().stream()
                .filter(p -> p.origin().contains("linear alias")).toList();
        assertEquals(List.of(0x4803b000L, 0x4803c000L), aliasOnly.stream().map(ReadOnlyVmallocPages::phys).sorted()
                .toList());

        CaptureReplay.Result replay = CaptureReplay.replay(Captures.capture(Captures.K61), List.of()).value()
                .orElseThrow();
        assertEquals(String.join("\n", replay.expectedLinear()), String.join("\n", replay.actualLinear()));
    }

    @Test
    void missingEssentialsGiveProblemsNotExceptions() {
        Parsed<java.util.Optional<CaptureInputs>> p = CaptureInputs.from(Capture.parse("nothing").value(),
                KernelBuild::debian);
        assertTrue(p.value().isEmpty());
        assertFalse(p.problems().isEmpty());
    }
}
