package org.pagewright.arm64.desc;

import static org.pagewright.arm64.desc.Descriptor.*;

import java.util.ArrayList;
import java.util.List;

import org.pagewright.arm64.Geometry;

/**
 * A descriptor decoded field by field (ARM ARM D8.3, VMSAv8-64 stage-1 formats), with Linux's names for the
 * software bits, for the workbench's tree and address lookup: what each bit range holds and what it means here.
 */
public final class DescriptorFields {

    /**
     * One field.
     *
     * @param name the architecture's name (Linux's for software bits)
     * @param bits the bit range, e.g. "54" or "4:2"
     * @param value the field's value, shifted down
     * @param meaning what that value means for this entry
     */
    public record Field(String name, String bits, long value, String meaning) {
    }

    private DescriptorFields() {
    }

    public static List<Field> decode(long d, int level, Geometry geometry) {
        List<Field> out = new ArrayList<>();
        out.add(bit(d, "valid", 0, isValid(d) ? "valid" : presentInvalid(d) ? "invalid (present-invalid: nG set)"
                : d == 0 ? "empty" : "invalid"));
        if (d == 0) {
            return out;
        }
        boolean table = isTable(d, level);
        String type = table ? "table" : level == Geometry.LAST_LEVEL ? ((d & TYPE_MASK) == TYPE_PAGE ? "page"
                : "reserved (0b01 at level 3)") : "block";
        out.add(bit(d, "type", 1, type));
        if (table) {
            out.add(new Field("next-level table", addressBits(geometry, geometry.pageShift()), geometry.outputAddress(d) & -geometry.pageSize(),
                    String.format("PA 0x%x", geometry.outputAddress(d) & -geometry.pageSize())));
            out.add(bit(d, "AF (table)", 10, (d & TABLE_AF) != 0 ? "set (FEAT_HAFT)" : "clear"));
            out.add(bit(d, "PXNTable", 59, (d & TABLE_PXN) != 0 ? "nothing below executes at EL1" : "clear"));
            out.add(bit(d, "UXNTable", 60, (d & TABLE_UXN) != 0 ? "nothing below executes at EL0" : "clear"));
            out.add(new Field("APTable", "62:61", (d >>> 61) & 3, apTable((int) ((d >>> 61) & 3))));
            return out;
        }
        int attr = attrIndex(d);
        MemoryType type0 = MemoryType.ofIndex(attr);
        out.add(new Field("AttrIndx", "4:2", attr, type0 == null ? "MAIR index " + attr + " (not defined by Linux)"
                : type0.ptdumpName()));
        out.add(new Field("AP", "7:6", (d >>> 6) & 3, ap((int) ((d >>> 6) & 3))));
        if (geometry.hasShareabilityField()) {
            out.add(new Field("SH", "9:8", (d >>> 8) & 3, shareability((int) ((d >>> 8) & 3))));
        }
        out.add(bit(d, "AF", 10, (d & AF) != 0 ? "accessed" : "clear: first access faults without hardware AF"));
        out.add(bit(d, "nG", 11, (d & NG) != 0 ? "not global (ASID-tagged)" : "global"));
        long pa = geometry.outputAddress(d) & -geometry.levelSize(level);
        out.add(new Field("output address", addressBits(geometry, geometry.levelShift(level)), pa, String.format("PA 0x%x", pa)));
        out.add(bit(d, "GP", 50, (d & GP) != 0 ? "BTI guarded" : "clear"));
        out.add(bit(d, "DBM", 51, (d & DBM) != 0 ? "dirty-bit modifier (Linux PTE_WRITE)" : "clear"));
        out.add(bit(d, "Contiguous", 52, (d & CONT) != 0 ? "part of a contiguous group of "
                + geometry.contEntries(level) + " entries" : "clear"));
        out.add(bit(d, "PXN", 53, (d & PXN) != 0 ? "EL1 cannot execute" : "EL1 may execute"));
        out.add(bit(d, "UXN", 54, (d & UXN) != 0 ? "EL0 cannot execute" : "EL0 may execute"));
        out.add(bit(d, "PTE_DIRTY (sw)", 55, (d & DIRTY) != 0 ? "set" : "clear"));
        out.add(bit(d, "PTE_SPECIAL (sw)", 56, (d & SPECIAL) != 0 ? "set" : "clear"));
        return out;
    }

    private static boolean presentInvalid(long d) {
        return !isValid(d) && (d & PRESENT_INVALID) != 0;
    }

    private static Field bit(long d, String name, int bit, String meaning) {
        return new Field(name, Integer.toString(bit), (d >>> bit) & 1, meaning);
    }

    /** Where the output address sits: OA[47:shift], plus OA[51:50] in 9:8 (LPA2) or OA[51:48] in 15:12 (64K LPA). */
    private static String addressBits(Geometry geometry, int shift) {
        if (geometry.lpa2()) {
            return "49:" + shift + ", 9:8";
        }
        return geometry.paBits() == 52 ? "47:" + shift + ", 15:12" : "47:" + shift;
    }

    private static String ap(int ap) {
        return switch (ap) {
            case 0 -> "EL1 read/write, EL0 none";
            case 1 -> "EL1 and EL0 read/write";
            case 2 -> "EL1 read-only, EL0 none";
            default -> "EL1 and EL0 read-only";
        };
    }

    private static String apTable(int ap) {
        return switch (ap) {
            case 0 -> "no limit";
            case 1 -> "no EL0 access below";
            case 2 -> "read-only below";
            default -> "read-only and no EL0 access below";
        };
    }

    private static String shareability(int sh) {
        return switch (sh) {
            case 0 -> "non-shareable";
            case 2 -> "outer shareable";
            case 3 -> "inner shareable";
            default -> "reserved";
        };
    }
}
