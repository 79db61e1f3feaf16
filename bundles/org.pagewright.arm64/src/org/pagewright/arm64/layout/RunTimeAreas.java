package org.pagewright.arm64.layout;

/**
 * The part of the kernel's VA space whose content is made at run time, never at boot: the Modules and vmalloc areas
 * (modules, vmalloc, ioremap, per-CPU chunks, BPF) less the kernel image, which lies in the vmalloc area
 * (memory.h KIMAGE_VADDR). A simulation does not derive it; a capture shows it as observed content.
 *
 * @param imageStart the first VA of the image that ptdump shows (_text, or _stext before 6.2)
 * @param imageEnd _end
 */
public record RunTimeAreas(long areaStart, long areaEnd, long imageStart, long imageEnd) {

    public static RunTimeAreas of(KernelVaLayout layout, long imageStart, long imageEnd) {
        return new RunTimeAreas(layout.modulesVaddr(), layout.vmallocEnd(), imageStart, imageEnd);
    }

    /** No VA: every line is judged (a comparison that includes the run-time content). */
    public static RunTimeAreas none() {
        return new RunTimeAreas(0, 0, 0, 0);
    }

    /** Whether a dump line starting at {@code va} shows run-time content. */
    public boolean contains(long va) {
        return in(va, areaStart, areaEnd) && !inImage(va);
    }

    /** Whether {@code va} lies in the image as ptdump shows it. */
    public boolean inImage(long va) {
        return in(va, imageStart, imageEnd);
    }

    private static boolean in(long va, long start, long end) {
        return Long.compareUnsigned(va, start) >= 0 && Long.compareUnsigned(va, end) < 0;
    }
}
