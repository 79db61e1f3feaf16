package org.pagewright.arm64.table;

import java.util.Arrays;
import java.util.Map;

/**
 * Descriptor arrays shared copy-on-write between a pool and its copies: {@link #copy()} copies only the list of
 * references, and an array that may be shared is cloned before its first write, so neither side ever sees the
 * other's writes. Ownership is not counted: after a copy both sides clone on their first write, at worst one clone
 * more than needed per array and side.
 */
final class SharedChunks {
    private long[][] arrays = new long[8][];
    private boolean[] owned = new boolean[8];
    private int count;

    int count() {
        return count;
    }

    /** Appends an array this side alone holds; returns its number. */
    int add(long[] array) {
        if (count == arrays.length) {
            arrays = Arrays.copyOf(arrays, count * 2);
            owned = Arrays.copyOf(owned, count * 2);
        }
        arrays[count] = array;
        owned[count] = true;
        return count++;
    }

    /** Array k for reading: must not be written (it may be a copy's too). */
    long[] readable(int k) {
        return arrays[k];
    }

    /** Array k for writing: cloned first if a copy may share it. */
    long[] writable(int k) {
        if (!owned[k]) {
            arrays[k] = arrays[k].clone();
            owned[k] = true;
        }
        return arrays[k];
    }

    /** A copy sharing every array; from now on both sides clone an array before writing it. */
    SharedChunks copy() {
        Arrays.fill(owned, 0, count, false);
        SharedChunks c = new SharedChunks();
        c.arrays = Arrays.copyOf(arrays, arrays.length);
        c.owned = new boolean[owned.length];
        c.count = count;
        return c;
    }

    /** Adds the arrays not yet in seen to it; returns their bytes and those of this list's own bookkeeping. */
    long retainedBytes(Map<long[], Boolean> seen) {
        long bytes = 8L * arrays.length + owned.length;
        for (int k = 0; k < count; k++) {
            if (seen.put(arrays[k], Boolean.TRUE) == null) {
                bytes += 8L * arrays[k].length;
            }
        }
        return bytes;
    }
}
