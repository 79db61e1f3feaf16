package org.pagewright.arm64.kernel;

import org.pagewright.arm64.table.PageTables;

/**
 * kernel/power/snapshot.c saveable_page: whether hibernation puts a page frame in the image. The rule that matters
 * here: a PageReserved page is skipped when its linear alias is not present (kernel_page_present) or it is
 * nosave. Kernel-image pages are PageReserved, so an unmapped data/bss alias drops the kernel's data from the
 * image — the reason for the series' PM_HIBERNATION_PREPARE notifier.
 */
public final class SaveablePage {

    /** The verdict for one page frame. */
    public enum Verdict {
        SAVED, SKIPPED_RESERVED_NOT_PRESENT, SKIPPED_NOSAVE,
        /** kernel_page_present misread an invalid block (pre-7.0.1): the outcome depends on memory contents. */
        UNDEFINED
    }

    private SaveablePage() {
    }

    /**
     * @param reserved PageReserved (kernel image, memblock-reserved at boot); use {@link #reservedImagePage}
     * @param nosave pfn_is_nosave: inside [__nosave_begin, __nosave_end) or the crash kernel
     */
    public static Verdict of(PageTables state, Boot boot, long pa, boolean reserved, boolean nosave) {
        return of(KernelPagePresent.of(state, boot.config().rules(), boot.linear(pa)), reserved, nosave);
    }

    /** The rule itself, for a caller that already knows kernel_page_present's answer for the frame. */
    public static Verdict of(KernelPagePresent.Answer present, boolean reserved, boolean nosave) {
        if (!reserved) {
            return Verdict.SAVED;
        }
        return switch (present) {
            case NOT_PRESENT -> Verdict.SKIPPED_RESERVED_NOT_PRESENT;
            case MISREAD_INVALID_BLOCK -> Verdict.UNDEFINED;
            case PRESENT -> nosave ? Verdict.SKIPPED_NOSAVE : Verdict.SAVED;
        };
    }

    /** Kernel-image frames stay PageReserved except the init region free_initmem gave back. */
    public static boolean reservedImagePage(Boot boot, long pa) {
        KernelImage i = boot.image();
        long start = i.pa(boot.config().imageMappedFrom(i.text(), i.stext()));
        boolean inImage = pa >= start && pa < i.pa(i.end());
        boolean inInit = pa >= i.pa(i.initBegin()) && pa < i.pa(i.initEnd());
        return inImage && !inInit;
    }
}
