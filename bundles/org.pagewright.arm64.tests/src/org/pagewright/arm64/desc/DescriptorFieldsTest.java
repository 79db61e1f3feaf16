package org.pagewright.arm64.desc;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.pagewright.arm64.Geometry;

/** A descriptor decoded field by field, as the workbench's tree shows it. */
class DescriptorFieldsTest {

    private static Map<String, DescriptorFields.Field> decode(long d, int level, Geometry g) {
        return DescriptorFields.decode(d, level, g).stream()
                .collect(Collectors.toMap(DescriptorFields.Field::name, f -> f));
    }

    @Test
    void aTaggedKernelBlockShowsItsAttributesAndOutputAddress() {
        // a PMD block of the 7.3 linear map: RW NX SHD AF UXN MEM/NORMAL-TAGGED at PA 0x40200000
        long d = Prot.PAGE_KERNEL_TAGGED.bits() & ~Descriptor.TABLE_BIT | 0x4020_0000L;
        Map<String, DescriptorFields.Field> f = decode(d, 2, Geometry.G4K_48);

        assertEquals("block", f.get("type").meaning());
        assertEquals("MEM/NORMAL-TAGGED", f.get("AttrIndx").meaning());
        assertEquals(0, f.get("AP").value());
        assertEquals(3, f.get("SH").value());
        assertEquals(1, f.get("AF").value());
        assertEquals(1, f.get("PXN").value());
        assertEquals(1, f.get("UXN").value());
        assertEquals(1, f.get("DBM").value());
        assertEquals(0x4020_0000L, f.get("output address").value());
        assertEquals("47:21", f.get("output address").bits());
    }

    @Test
    void aTableEntryShowsTheNextTableAndItsHierarchicalBits() {
        long d = 0x4100_3000L | Descriptor.TYPE_TABLE | Descriptor.TABLE_PXN | Descriptor.TABLE_UXN;
        Map<String, DescriptorFields.Field> f = decode(d, 1, Geometry.G4K_48);

        assertEquals("table", f.get("type").meaning());
        assertEquals(0x4100_3000L, f.get("next-level table").value());
        assertEquals(1, f.get("PXNTable").value());
        assertEquals(1, f.get("UXNTable").value());
        assertNull(f.get("AttrIndx"), "a table entry has no leaf attributes");
    }

    @Test
    void aPresentInvalidEntryIsNamedSoAndAnEmptyOneHasNothingElse() {
        long presentInvalid = (Prot.PAGE_KERNEL.bits() | Descriptor.NG) & ~Descriptor.VALID;
        assertEquals("invalid (present-invalid: nG set)",
                decode(presentInvalid, 3, Geometry.G4K_48).get("valid").meaning());
        assertEquals(List.of("valid"), DescriptorFields.decode(0, 3, Geometry.G4K_48).stream()
                .map(DescriptorFields.Field::name).toList());
    }

    @Test
    void underLpa2TheShareabilityBitsHoldTheHighOutputAddress() {
        Map<String, DescriptorFields.Field> f = decode(Prot.PAGE_KERNEL.bits() | 0x4000_0000L, 3, Geometry.G4K_52);

        assertNull(f.get("SH"));
        assertEquals("49:12, 9:8", f.get("output address").bits());
    }
}
