package org.pagewright.arm64.query;

import java.util.ArrayList;
import java.util.List;

import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.layout.AddressMarker;
import org.pagewright.arm64.layout.KernelVaLayout;
import org.pagewright.arm64.ptdump.NotePageMerger;
import org.pagewright.arm64.ptdump.Ptdump;
import org.pagewright.arm64.ptdump.PtdumpLevels;
import org.pagewright.arm64.ptdump.PtdumpWalk;
import org.pagewright.arm64.ptdump.RangeSink;
import org.pagewright.arm64.ptdump.TableEntrySource;
import org.pagewright.arm64.table.PageTables;

/**
 * arm64 ptdump.c ptdump_check_wx (CONFIG_DEBUG_WX, run after mark_rodata_ro): the ptdump walk without markers, and
 * at each merged range with non-zero prot note_prot_uxn and note_prot_wx. Like the kernel it looks at the leaf
 * bits only: PXNTable on the path does not make a leaf pass, and a present-invalid leaf counts as mapped.
 */
public final class WxAudit {
    /** ptdump.c pr_info text when nothing is found (same in 6.1, 6.12 and 7.3; all three captures print it). */
    public static final String PASSED = "Checked W+X mappings: passed, no W+X pages found";

    private WxAudit() {
    }

    /**
     * @param wxPages  pages with neither RDONLY nor PXN
     * @param uxnPages pages without UXN
     * @param warnings the WARN_ONCE texts, at most one of each kind; the kernel prints the address with %p
     *                 (hashed), here it is shown in full
     * @param wxRanges every offending range, for the reviewer (the kernel only counts them)
     */
    public record Report(long wxPages, long uxnPages, List<String> warnings, List<String> wxRanges) {
        public boolean passed() {
            return wxPages == 0 && uxnPages == 0;
        }

        /** The pass/fail line ptdump_check_wx prints. */
        public String summary() {
            return passed() ? PASSED
                    : "Checked W+X mappings: FAILED, " + wxPages + " W+X pages found, " + uxnPages
                            + " non-UXN pages found";
        }
    }

    public static Report check(PageTables tables, KernelVaLayout layout) {
        return check(Ptdump.source(tables, layout.ptdumpWalkStart()), layout);
    }

    /** Walks [ptdumpWalkStart, 2^64) as ptdump_check_wx does. */
    public static Report check(TableEntrySource tables, KernelVaLayout layout) {
        Checker checker = new Checker(layout.geometry().pageShift());
        NotePageMerger merger = new NotePageMerger(List.of(new AddressMarker(0, null)), checker);
        new PtdumpWalk(PtdumpLevels.of(layout), layout.version(), merger)
                .walk(Ptdump.startingAt(tables, layout.ptdumpWalkStart()));
        return new Report(checker.wxPages, checker.uxnPages, List.copyOf(checker.warnings), List.copyOf(checker.wxRanges));
    }

    private static final class Checker implements RangeSink {
        private final int pageShift;
        private long wxPages;
        private long uxnPages;
        private boolean warnedUxn;
        private boolean warnedWx;
        private final List<String> warnings = new ArrayList<>();
        private final List<String> wxRanges = new ArrayList<>();

        Checker(int pageShift) {
            this.pageShift = pageShift;
        }

        @Override
        public void marker(String name) {
            // check_wx prints nothing (seq == NULL)
        }

        @Override
        public void range(long start, long end, int level, long prot) {
            if (prot == 0) {
                return; // note_page: only "if (st->current_prot)"
            }
            long pages = (end - start) >>> pageShift;
            if ((prot & Descriptor.UXN) == 0) { // ptdump.c note_prot_uxn
                if (!warnedUxn) {
                    warnings.add(String.format("arm64/mm: Found non-UXN mapping at address 0x%016x", start));
                    warnedUxn = true;
                }
                uxnPages += pages;
            }
            if ((prot & Descriptor.RDONLY) == 0 && (prot & Descriptor.PXN) == 0) { // ptdump.c note_prot_wx
                if (!warnedWx) {
                    warnings.add(String.format("arm64/mm: Found insecure W+X mapping at address 0x%016x", start));
                    warnedWx = true;
                }
                wxPages += pages;
                wxRanges.add(String.format("0x%016x-0x%016x", start, end));
            }
        }
    }
}
