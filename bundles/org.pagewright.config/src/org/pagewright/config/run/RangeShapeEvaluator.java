package org.pagewright.config.run;

import java.util.List;

import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.VaRange;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.desc.MemoryType;
import org.pagewright.arm64.ptdump.AttributeColumns;
import org.pagewright.arm64.query.RangeLeaves;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.config.DescriptorBit;
import org.pagewright.config.DescriptorBitsCheck;
import org.pagewright.config.MappingShape;
import org.pagewright.config.MappingShapeCheck;

/**
 * What the leaves of a range are: the descriptor bits they have or lack, and whether they are blocks, pages,
 * present-invalid or nothing. One visit per leaf ({@link RangeLeaves}), not per page.
 */
final class RangeShapeEvaluator {
    private final Geometry geometry;

    RangeShapeEvaluator(Geometry geometry) {
        this.geometry = geometry;
    }

    CheckEvaluator.Outcome bits(DescriptorBitsCheck check, PageTables state) {
        List<RangeLeaves.Span> spans = RangeLeaves.of(state, new VaRange(check.getStart(), check.getEnd()));
        if (spans.isEmpty()) {
            return notWalkable(check.getStart());
        }
        String words = String.join(" ", check.getBits().stream().map(DescriptorBit::getLiteral).toList());
        for (RangeLeaves.Span span : spans) {
            if (check.isExpectSet() && span.empty()) {
                return new CheckEvaluator.Outcome(false, describe(span) + ": nothing mapped has " + words);
            }
            for (DescriptorBit bit : check.getBits()) {
                if (span.leaf() && has(span, bit) != check.isExpectSet()) {
                    return new CheckEvaluator.Outcome(false, describe(span) + (check.isExpectSet() ? " lacks " : " has ")
                            + bit.getLiteral());
                }
            }
        }
        return new CheckEvaluator.Outcome(true, String.format("%d leaf run(s) over 0x%016x-0x%016x %s %s", spans.size(),
                check.getStart(), check.getEnd(), check.isExpectSet() ? "all have" : "all lack", words));
    }

    CheckEvaluator.Outcome shape(MappingShapeCheck check, PageTables state) {
        List<RangeLeaves.Span> spans = RangeLeaves.of(state, new VaRange(check.getStart(), check.getEnd()));
        if (spans.isEmpty()) {
            return notWalkable(check.getStart());
        }
        String expected = check.getShape().getLiteral() + (check.getLevel() == null ? "" : " at level " + check.getLevel());
        for (RangeLeaves.Span span : spans) {
            if (!is(span, check.getShape(), check.getLevel())) {
                return new CheckEvaluator.Outcome(false, describe(span) + ", expected " + expected);
            }
        }
        return new CheckEvaluator.Outcome(true, String.format("0x%016x-0x%016x is %s: %s", check.getStart(),
                check.getEnd(), expected, spans.size() == 1 ? describe(spans.get(0)) : spans.size() + " leaf runs"));
    }

    private static boolean is(RangeLeaves.Span span, MappingShape shape, Integer level) {
        return switch (shape) {
            case BLOCK_MAPPED -> span.valid() && span.level() < Geometry.LAST_LEVEL
                    && (level == null || level == span.level());
            case PAGE_MAPPED -> span.valid() && span.level() == Geometry.LAST_LEVEL;
            case PRESENT_INVALID -> !span.valid() && Descriptor.isPresent(span.descriptor());
            case UNMAPPED -> !Descriptor.isPresent(span.descriptor());
        };
    }

    private static boolean has(RangeLeaves.Span span, DescriptorBit bit) {
        long d = span.descriptor();
        return switch (bit) {
            case NG -> (d & Descriptor.NG) != 0;
            case CONT -> (d & Descriptor.CONT) != 0;
            case BLK -> span.level() < Geometry.LAST_LEVEL;
            case PXN_TABLE -> (span.pathTableBits() & Descriptor.TABLE_PXN) != 0;
            case UXN_TABLE -> (span.pathTableBits() & Descriptor.TABLE_UXN) != 0;
            case TAGGED -> Descriptor.attrIndex(d) == MemoryType.NORMAL_TAGGED.index();
            case DBM -> (d & Descriptor.DBM) != 0;
            case PXN -> (d & Descriptor.PXN) != 0;
            case UXN -> (d & Descriptor.UXN) != 0;
            case AF -> (d & Descriptor.AF) != 0;
            case RDONLY -> (d & Descriptor.RDONLY) != 0;
        };
    }

    /** "0x…-0x… is a level 2 PMD block [RW NX …]", "… is present-invalid level 3 PTE entries", "… is unmapped". */
    private String describe(RangeLeaves.Span span) {
        String where = String.format("0x%016x-0x%016x", span.vaStart(), span.vaEnd());
        String level = "level " + span.level() + " " + geometry.linuxLevelName(span.level());
        if (span.empty()) {
            return where + " is unmapped (empty " + level + " entry)";
        }
        String kind = span.valid() ? (span.level() == Geometry.LAST_LEVEL ? "pages" : "block(s)")
                : Descriptor.isPresent(span.descriptor()) ? "present-invalid entries" : "invalid entries (not present)";
        StringBuilder columns = new StringBuilder();
        AttributeColumns.append(columns, span.descriptor() & AttributeColumns.mask());
        String path = (span.pathTableBits() & Descriptor.TABLE_PXN) != 0 ? " under PXNTable" : "";
        return where + " is " + level + " " + kind + " [" + columns.toString().strip().replaceAll("\\s+", " ") + "]"
                + path;
    }

    private static CheckEvaluator.Outcome notWalkable(long va) {
        return new CheckEvaluator.Outcome(false, String.format("0x%016x is not a kernel VA: nothing to walk", va));
    }
}
