package org.pagewright.config.run;

import java.util.List;

import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.desc.DescriptorFields;
import org.pagewright.arm64.layout.KernelVaLayout;
import org.pagewright.arm64.layout.RunTimeAreas;
import org.pagewright.arm64.ptdump.PtdumpRow;
import org.pagewright.arm64.ptdump.PtdumpRows;
import org.pagewright.arm64.query.Alias;
import org.pagewright.arm64.query.AliasQuery;
import org.pagewright.arm64.walk.Access;
import org.pagewright.arm64.walk.WalkTrace;

/**
 * One page-table state as a reviewer inspects it: a revision of a run at the end of a phase. The workbench's Page
 * Tables view and the command line's run, ptdump and diff read states only through this class.
 */
public record StateView(String configuration, RevisionResult revision, PhaseResult phase, KernelVaLayout layout,
        CpuFeatures cpu, long physOffset, RunTimeAreas runTime) {

    /** "data_bss_v4 patch 15 runtime". */
    public String label() {
        return configuration + " " + revision.label() + " " + phase.phase().getLiteral();
    }

    /** The kernel_page_tables rows of the state; their texts joined are {@link PhaseResult#ptdump()}. */
    public List<PtdumpRow> ptdumpRows() {
        return PtdumpRows.of(phase.state(), layout);
    }

    /** The MMU's walk of va for an access, level by level, and its outcome. */
    public WalkTrace lookup(long va, Access access) {
        return WalkTrace.of(phase.state(), cpu, new VirtualAddress(va), access);
    }

    /** Every VA that maps [pa, pa + size) in this state (linear map, image, fixmap …) with its rights. */
    public List<Alias> aliasesOf(long pa, long size) {
        return AliasQuery.of(phase.state(), layout).aliasesOf(pa, size);
    }

    /** __va(pa): where the linear map shows a physical address, e.g. a table page as ptdump reads it. */
    public long linearAlias(long pa) {
        return layout.physToVirt(pa, physOffset);
    }

    public List<DescriptorFields.Field> decode(long descriptor, int level) {
        return DescriptorFields.decode(descriptor, level, layout.geometry());
    }

    /** The verdicts of the checks judged on this revision in this phase. */
    public List<CheckVerdict> verdicts() {
        return revision.verdicts().stream().filter(v -> v.phase() == phase.phase()).toList();
    }
}
