package org.pagewright.arm64.op;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.map.MapFlag;

/**
 * One primitive kernel page-table step, as the kernel recipes and the compiler produce them and the
 * {@link Executor} applies them. Addresses are typed (a PA cannot be passed where a VA is meant); sizes and page
 * counts are plain longs; {@code origin} is a human label for reports such as "map_mem: memblock bank 0".
 */
public sealed interface Operation {

    String origin();

    /** __create_pgd_mapping / __map_memblock (mmu.c). */
    record CreateMapping(PhysicalAddress phys, VirtualAddress virt, long size, Prot prot, Set<MapFlag> flags,
            String origin) implements Operation {
        public CreateMapping {
            Objects.requireNonNull(prot, "prot");
            // in declaration order, so that messages naming the flags read the same in every run
            flags = flags == null || flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
        }
    }

    /**
     * map_range (arch/arm64/kernel/pi/map_range.c): the early kernel-image mapping. A zero prot clears (the
     * unmap-before-remap of text), leaving the physical address bits in the now invalid entries as the kernel does.
     */
    record MapRange(PhysicalAddress phys, VirtualAddress virt, long size, Prot prot, boolean mayUseCont,
            String origin) implements Operation {
        public MapRange {
            Objects.requireNonNull(prot, "prot");
        }
    }

    /** update_mapping_prot (mmu.c): __create_pgd_mapping over an existing range + TLB flush. */
    record UpdateMappingProt(PhysicalAddress phys, VirtualAddress virt, long size, Prot prot, String origin)
            implements Operation {
        public UpdateMappingProt {
            Objects.requireNonNull(prot, "prot");
        }
    }

    /** set_memory_valid (pageattr.c): toggles validity only; any kernel VA. */
    record SetMemoryValid(VirtualAddress virt, long numPages, boolean valid, String origin) implements Operation {
    }

    /** set_memory_ro/rw/x/nx through change_memory_common (pageattr.c): single VM_ALLOC vmalloc area only. */
    record ChangeMemoryCommon(VirtualAddress virt, long numPages, Permission change, String origin)
            implements Operation {
        public ChangeMemoryCommon {
            Objects.requireNonNull(change, "change");
        }
    }

    /** set_direct_map_invalid_noflush (valid=false) / set_direct_map_default_noflush (valid=true). */
    record SetDirectMap(VirtualAddress virt, long numPages, boolean valid, String origin) implements Operation {
    }

    /** Clears the leaves of [virt, virt+size) to zero (pte/pmd clear); tables stay. */
    record ClearMapping(VirtualAddress virt, long size, String origin) implements Operation {
    }

    /**
     * The rodata_full mirror of change_memory_common (pageattr.c): __change_memory_common on the linear alias
     * [linearVirt, +numPages pages) of a vmalloc area's backing pages, without the vmalloc-area check.
     */
    record MirrorToLinearAlias(VirtualAddress linearVirt, long numPages, Permission change, String origin)
            implements Operation {
        public MirrorToLinearAlias {
            Objects.requireNonNull(change, "change");
        }
    }

    /**
     * swsusp_arch_resume: the state becomes trans_pgd's writable copy of the linear map [linearStart, linearEnd)
     * (arch/arm64/mm/trans_pgd.c); every other mapping is absent from it.
     */
    record TransPgdCopy(VirtualAddress linearStart, VirtualAddress linearEnd, boolean debugPagealloc, boolean ng,
            String origin) implements Operation {
    }

    /** Registers a vmalloc area (get_vm_area), which change_memory_common accepts if VM_ALLOC and not huge. */
    record RegisterVmArea(VirtualAddress virt, long size, boolean vmAlloc, boolean allowHugeVmap, String origin)
            implements Operation {
    }

    /**
     * Content only run time makes (modules, vmalloc, ioremap, per-CPU chunks), copied raw from a capture's hardware
     * walk and never derived: {@code count} entries of {@code level} from {@code virt}, each a leaf {@code attrs} with
     * the output address {@code phys + i * level size}, or with {@code table} a table descriptor to an empty table
     * of the next level. The tables on the way are created empty.
     */
    record WriteObserved(VirtualAddress virt, long count, int level, boolean table, PhysicalAddress phys,
            long attrs, String origin) implements Operation {
    }
}
