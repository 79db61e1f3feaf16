package org.pagewright.arm64.ptdump;

/** What {@link NotePageMerger} produces: marker lines and merged ranges, in output order. */
public interface RangeSink {
    void marker(String name);

    /** A run [start, end) of entries at one ptdump level with equal masked prot; prot 0 means empty entries. */
    void range(long start, long end, int level, long prot);
}
