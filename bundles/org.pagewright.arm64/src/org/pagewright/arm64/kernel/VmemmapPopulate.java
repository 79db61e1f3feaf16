package org.pagewright.arm64.kernel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.map.MapFlag;
import org.pagewright.arm64.op.Operation;
import org.pagewright.arm64.op.Operation.CreateMapping;

/**
 * sparse_init → __populate_section_memmap → mmu.c vmemmap_populate: the struct pages of every memory section
 * holding memblock memory (sparse.c memblocks_present) are mapped at vmemmap + pfn (pgtable.h vmemmap =
 * VMEMMAP_START - (memstart_addr &gt;&gt; PAGE_SHIFT)). With 4K pages vmemmap_populate_hugepages maps each
 * PMD of it with a block (vmemmap_set_pmd: PROT_SECT_NORMAL, no PTE_DIRTY), else vmemmap_populate_basepages
 * maps pages with PAGE_KERNEL. The backing comes from memblock top-down; ptdump does not show it, so the blocks
 * are placed from the top of the highest bank down.
 */
public final class VmemmapPopulate implements Recipe {
    private static final int STRUCT_PAGE_SHIFT = 6; // sizeof(struct page) = 64

    @Override
    public List<Operation> operations(Boot boot) {
        KernelConfig c = boot.config();
        Geometry g = c.runtimeGeometry();
        int pageShift = g.pageShift();
        long section = 1L << c.sectionSizeBits();                       // sparsemem.h SECTION_SIZE_BITS
        long memmapPerSection = (section >>> pageShift) << STRUCT_PAGE_SHIFT;
        long memstartPfn = boot.memory().physOffset() >> pageShift;       // s64 memstart_addr >> PAGE_SHIFT
        boolean huge = g.pageShift() == 12;
        long unit = huge ? g.levelSize(2) : g.pageSize();
        Prot prot = c.resolve(huge ? Prot.PROT_SECT_NORMAL : Prot.PAGE_KERNEL);
        List<PhysicalMemory.Bank> banks = boot.memory().banks();
        long backing = banks.get(banks.size() - 1).end() & -unit;
        List<Operation> ops = new ArrayList<>();
        long lastSection = Long.MIN_VALUE;
        for (PhysicalMemory.Bank bank : banks) {
            for (long s = bank.start() & -section; Long.compareUnsigned(s, bank.end()) < 0; s += section) {
                if (s == lastSection) {
                    continue;
                }
                lastSection = s;
                long va = boot.layout().vmemmapStart() + (((s >>> pageShift) - memstartPfn) << STRUCT_PAGE_SHIFT);
                for (long off = 0; off < memmapPerSection; off += unit) {
                    backing -= unit;
                    ops.add(new CreateMapping(new PhysicalAddress(backing), new VirtualAddress(va + off), unit, prot,
                            EnumSet.of(MapFlag.NO_CONT_MAPPINGS), "vmemmap_populate: memmap of section 0x"
                                    + Long.toHexString(s)));
                }
            }
        }
        return List.copyOf(ops);
    }
}
