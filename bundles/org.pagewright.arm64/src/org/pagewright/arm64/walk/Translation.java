package org.pagewright.arm64.walk;

import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.VirtualAddress;

/** Outcome of translating one VA for one access at EL1. */
public sealed interface Translation {

    VirtualAddress va();

    Access access();

    default boolean isFault() {
        return this instanceof Fault;
    }

    /**
     * The access succeeds.
     *
     * @param pa output physical address
     * @param level level of the leaf
     * @param descriptor the leaf descriptor
     * @param note assumption that mattered (e.g. hardware DBM cleared RDONLY), or empty
     */
    record Ok(VirtualAddress va, Access access, PhysicalAddress pa, int level, long descriptor, String note)
            implements Translation {
    }

    /**
     * The access faults.
     *
     * @param kind translation, access flag or permission
     * @param level the level reported in the FSC
     * @param descriptor the descriptor that caused it (0 for an empty entry)
     * @param reason human explanation
     */
    record Fault(VirtualAddress va, Access access, FaultKind kind, int level, long descriptor, String reason)
            implements Translation {

        /** DFSC/IFSC (fault.c fault_info[] index). */
        public int fsc() {
            return kind.fsc(level);
        }

        /** ESR_EL1 for this abort taken from EL1: EC 0x25 (data) or 0x21 (instruction), IL=1, WnR for writes. */
        public long esr() {
            long ec = access == Access.EXEC ? 0x21 : 0x25;
            long wnr = access == Access.WRITE ? 1L << 6 : 0;
            return (ec << 26) | (1L << 25) | wnr | fsc();
        }

        /** fault.c's name, e.g. "level 2 translation fault". */
        public String faultName() {
            String k = switch (kind) {
                case TRANSLATION -> "translation fault";
                case ACCESS_FLAG -> "access flag fault";
                case PERMISSION -> "permission fault";
            };
            return "level " + level + " " + k;
        }
    }
}
