package org.pagewright.arm64.kernel;

import org.pagewright.arm64.KernelRules;
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
        Leaf leaf = state.lookup(linearVa);
        long d = leaf.descriptor();
        if (Descriptor.isNone(d)) {
            return Answer.NOT_PRESENT;
        }
        if (leaf.level() < 3 && !Descriptor.isValid(d) && !rules.kernelPagePresentUsesLeaf()) {
            return Answer.MISREAD_INVALID_BLOCK;
        }
        return Descriptor.isValid(d) ? Answer.PRESENT : Answer.NOT_PRESENT;
    }
}
