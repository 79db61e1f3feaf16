package org.pagewright.arm64.ptdump;

import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.table.EntryVisitor;

/**
 * The generic walk of mm/pagewalk.c with the callbacks of mm/ptdump.c, fed by a table visit: it decides which
 * entries reach note_page and with which level.
 */
public final class PtdumpWalk implements EntryVisitor {
    private final PtdumpLevels levels;
    private final KernelRules rules;
    private final NotePageSink sink;

    public PtdumpWalk(PtdumpLevels levels, KernelVersion version, NotePageSink sink) {
        this.levels = levels;
        this.rules = KernelRules.of(version);
        this.sink = sink;
    }

    @Override
    public void entry(long va, int level, long raw) {
        if (level == 3) {
            sink.note(va, PtdumpLevels.PTE, raw);            // mm/ptdump.c ptdump_pte_entry: every PTE, even empty
        } else if (raw == 0) {
            sink.note(va, levels.of(level), 0);              // pagewalk.c pte_hole(real_depth) -> ptdump_hole
        } else if (Descriptor.isTable(raw, level)) {
            return;                                          // pagewalk.c descends; the visit reports the children
        } else if (rules.isLeaf(raw, level)) {
            sink.note(va, levels.of(level), raw);            // mm/ptdump.c ptdump_p?d_entry: p?d_leaf
        }
        // else: pagewalk.c skips a non-none entry that is neither present nor a table; ptdump never sees it
    }

    /** The PTEs table[from, to) of one last-level table, the first at va: each reaches note_page, even empty. */
    @Override
    public void lastLevel(long[] table, int from, int to, long va, long pageSize) {
        sink.noteRun(PtdumpLevels.PTE, table, from, to, va, pageSize); // mm/ptdump.c ptdump_pte_entry
    }

    /** Runs the whole walk over a source and flushes. */
    public void walk(TableEntrySource source) {
        source.visitEntries(this);
        sink.flush();
    }
}
