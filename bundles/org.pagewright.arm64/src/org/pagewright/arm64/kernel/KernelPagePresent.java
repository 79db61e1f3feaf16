package org.pagewright.arm64.kernel;

import java.util.ArrayList;
import java.util.List;

import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.table.Leaf;
import org.pagewright.arm64.table.PageTables;

/**
 * pageattr.c kernel_page_present(page): is the linear alias of a page mapped? From the 7.0.1 fix the walk stops
 * at any leaf (p?d_leaf) and answers with its valid bit; before, a block was recognised only while valid
 * (p?d_sect), so an invalidated block is walked into as if it were a table and the answer is garbage.
 */
public final class KernelPagePresent {

    /** The answer, with the case the old walk cannot answer made explicit. */
    public enum Answer {
        PRESENT, NOT_PRESENT,
        /** Pre-7.0.1 walk through an invalid block: reads the block's memory as a PTE table. */
        MISREAD_INVALID_BLOCK
    }

    private KernelPagePresent() {
    }

    public static Answer of(PageTables state, KernelRules rules, long linearVa) {
        Leaf leaf = state.lookup(new VirtualAddress(linearVa));
        return leaf == null ? Answer.NOT_PRESENT : answer(leaf, rules);
    }

    /** The same answer for every page of one leaf; a VA the walk cannot reach is not present. */
    private static Answer answer(Leaf leaf, KernelRules rules) {
        long d = leaf.descriptor();
        if (Descriptor.isNone(d)) {
            return Answer.NOT_PRESENT;
        }
        if (leaf.level() < 3 && !Descriptor.isValid(d) && !rules.kernelPagePresentUsesLeaf()) {
            return Answer.MISREAD_INVALID_BLOCK;
        }
        return Descriptor.isValid(d) ? Answer.PRESENT : Answer.NOT_PRESENT;
    }

    /** Consecutive pages of a linear range with one answer. */
    public record Run(long linearVa, long pages, Answer answer) {
    }

    /**
     * The answers for {@code pages} pages from {@code linearVa}, one run per leaf (a 1 TiB range of blocks is a few
     * hundred lookups, not 2^28): every page a leaf covers gets the leaf's answer.
     */
    public static List<Run> ofRange(PageTables state, KernelRules rules, long linearVa, long pages) {
        List<Run> runs = new ArrayList<>();
        long page = state.geometry().pageSize();
        VirtualAddress va = new VirtualAddress(linearVa);
        long left = pages;
        while (left > 0) {
            Leaf leaf = state.lookup(va);
            Answer a = leaf == null ? Answer.NOT_PRESENT : answer(leaf, rules);
            long toLeafEnd = leaf == null ? 0 : leaf.va().plus(leaf.size()).minus(va);
            long leafPages = leaf == null ? 1 : Math.max(1, Long.divideUnsigned(toLeafEnd, page));
            long n = Long.compareUnsigned(leafPages, left) < 0 ? leafPages : left;
            if (!runs.isEmpty() && runs.get(runs.size() - 1).answer() == a) {
                Run last = runs.remove(runs.size() - 1);
                runs.add(new Run(last.linearVa(), last.pages() + n, a));
            } else {
                runs.add(new Run(va.value(), n, a));
            }
            va = va.plus(n * page);
            left -= n;
        }
        return runs;
    }
}
