package org.pagewright.arm64.table;

import java.util.ArrayList;
import java.util.List;

import org.pagewright.arm64.VirtualAddress;

/** The vmalloc areas known to the simulation (what find_vm_area would find); small, kept with the state. */
public final class VmAreas {

    /** One vm_struct: [start, start+size), VM_ALLOC and VM_ALLOW_HUGE_VMAP flags. */
    public record Area(VirtualAddress start, long size, boolean vmAlloc, boolean allowHugeVmap, String origin) {
        public boolean contains(VirtualAddress va) {
            return !va.isBelow(start) && Long.compareUnsigned(va.minus(start), size) < 0;
        }
    }

    private final List<Area> areas = new ArrayList<>();

    public void add(Area a) {
        areas.add(a);
    }

    /** find_vm_area: the area containing va, or null. */
    public Area find(VirtualAddress va) {
        for (Area a : areas) {
            if (a.contains(va)) {
                return a;
            }
        }
        return null;
    }

    public List<Area> all() {
        return List.copyOf(areas);
    }

    VmAreas copy() {
        VmAreas c = new VmAreas();
        c.areas.addAll(areas);
        return c;
    }
}
