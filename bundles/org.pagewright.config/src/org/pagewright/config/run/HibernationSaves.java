package org.pagewright.config.run;

import java.util.Optional;

import org.pagewright.arm64.kernel.KernelPagePresent;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.config.HibernationSaveCheck;

/**
 * snapshot.c saveable_page: kernel-image pages are PageReserved, so they are saved only while their linear alias is
 * present. Judged one leaf at a time (KernelPagePresent.ofRange), so a terabyte range costs a few lookups.
 */
final class HibernationSaves {

    private HibernationSaves() {
    }

    static CheckEvaluator.Outcome evaluate(HibernationSaveCheck check, PageTables state, EngineSetup setup) {
        Optional<Long> start = setup.physical(check.getStart());
        if (start.isEmpty()) {
            return new CheckEvaluator.Outcome(false,
                    String.format("0x%016x has no known physical address", check.getStart()));
        }
        long page = setup.geometry().pageSize();
        long pages = Long.compareUnsigned(check.getEnd(), check.getStart()) <= 0 ? 0
                : Long.divideUnsigned(check.getEnd() - check.getStart() - 1, page) + 1;
        long linearStart = setup.linear(start.get());
        long saved = 0;
        long skipped = 0;
        String firstDeviation = null;
        for (KernelPagePresent.Run run : KernelPagePresent.ofRange(state, setup.rules(), linearStart, pages)) {
            boolean isSaved = run.answer() == KernelPagePresent.Answer.PRESENT;
            if (isSaved) {
                saved += run.pages();
            } else {
                skipped += run.pages();
            }
            if (isSaved != check.isExpectSaved() && firstDeviation == null) {
                long va = check.getStart() + (run.linearVa() - linearStart);
                firstDeviation = String.format("page at 0x%016x (linear alias 0x%016x) is %s", va, run.linearVa(),
                        run.answer() == KernelPagePresent.Answer.MISREAD_INVALID_BLOCK
                                ? "behind an invalid block that kernel_page_present misreads (pre-7.0.1)"
                                : isSaved ? "saved" : "skipped: PageReserved and its linear alias is not present");
            }
        }
        String counts = saved + " page(s) saved, " + skipped + " skipped";
        return new CheckEvaluator.Outcome(firstDeviation == null,
                firstDeviation == null ? counts : counts + "; first: " + firstDeviation);
    }
}
