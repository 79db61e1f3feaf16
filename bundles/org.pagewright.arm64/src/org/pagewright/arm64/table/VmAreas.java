package org.pagewright.arm64.table;

import java.util.ArrayList;
import java.util.List;

/** The vmalloc areas known to the simulation (what find_vm_area would find); small, kept with the state. */
public final class VmAreas {

    /** One vm_struct: [start, start+size), VM_ALLOC and VM_ALLOW_HUGE_VMAP flags. */
    public record Area(long start, long size, boolean vmAlloc, boolean allowHugeVmap, String origin) {
        public boolean contains(long va) {
            return Long.compareUnsigned(va, start) >= 0 && Long.compareUnsigned(va - start, size) < 0;
        }
    }

    private final List<Area> areas = new ArrayList<>();

    public void add(Area a) {
        areas.add(a);
    }

    /** find_vm_area: the area containing va, or null. */
    public Area find(long va) {
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
