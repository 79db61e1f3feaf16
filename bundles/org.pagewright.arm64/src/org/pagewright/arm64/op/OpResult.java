package org.pagewright.arm64.op;

/**
 * The closed set of outcomes of an {@link Operation}, as the kernel would end it. Every variant carries the
 * changes made (possibly partial: the kernel does not roll back).
 */
public sealed interface OpResult {

    Changes changes();

    /** The kernel's return value (0, -EINVAL, -ENOMEM), or 0 for void functions that complete. */
    int errno();

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** Completed (return 0). Warnings the kernel would print are in the changes' events. */
    record Ok(Changes changes) implements OpResult {
        @Override
        public int errno() {
            return 0;
        }
    }

    /** -EINVAL; {@code warned} when the kernel WARNs (e.g. WARN_ON_ONCE on a partial block). */
    record Einval(String reason, boolean warned, Changes changes) implements OpResult {
        @Override
        public int errno() {
            return -22;
        }
    }

    /** -ENOMEM: the table-page budget ran out before a needed table could be allocated. */
    record Enomem(String reason, Changes changes) implements OpResult {
        @Override
        public int errno() {
            return -12;
        }
    }

    /** The kernel refuses before touching any entry (WARN + return, or a range check); nothing changed. */
    record Refused(String reason, boolean warned) implements OpResult {
        @Override
        public Changes changes() {
            return Changes.NONE;
        }

        @Override
        public int errno() {
            return -22;
        }
    }

    /** The kernel would BUG (oops): e.g. init_pte's BUG_ON(!pgattr_change_is_safe) or a bad table entry. */
    record Bug(String reason, long va, int level, long oldDescriptor, long newDescriptor, Changes changes)
            implements OpResult {
        @Override
        public int errno() {
            return 0;
        }
    }
}
