package org.pagewright.arm64.ptdump;

import java.util.ArrayList;
import java.util.List;

/**
 * How much of a captured kernel_page_tables text a rendered dump reproduces: the longest common subsequence of
 * lines (the classic LCS dynamic programme), so one extra or missing line costs one line, not the rest of the file.
 *
 * @param matched    capture lines reproduced in order, byte for byte
 * @param total      lines in the capture
 * @param missing    capture lines the rendering lacks (in capture order)
 * @param unexpected rendered lines the capture lacks (in rendering order)
 */
public record DumpComparison(int matched, int total, List<String> missing, List<String> unexpected) {
    /** Above this many cells the comparison falls back to a positional one (far beyond real dumps). */
    private static final long MAX_CELLS = 50_000_000L;

    public static DumpComparison compare(String rendered, String captured) {
        List<String> r = lines(rendered);
        List<String> c = lines(captured);
        if ((long) (r.size() + 1) * (c.size() + 1) > MAX_CELLS) {
            return positional(r, c);
        }
        int[][] lcs = new int[r.size() + 1][c.size() + 1];
        for (int i = r.size() - 1; i >= 0; i--) {
            for (int j = c.size() - 1; j >= 0; j--) {
                lcs[i][j] = r.get(i).equals(c.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < r.size() && j < c.size()) {
            if (r.get(i).equals(c.get(j))) {
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                unexpected.add(r.get(i++));
            } else {
                missing.add(c.get(j++));
            }
        }
        unexpected.addAll(r.subList(i, r.size()));
        missing.addAll(c.subList(j, c.size()));
        return new DumpComparison(lcs[0][0], c.size(), List.copyOf(missing), List.copyOf(unexpected));
    }

    private static DumpComparison positional(List<String> r, List<String> c) {
        int matched = 0;
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        for (int k = 0; k < Math.max(r.size(), c.size()); k++) {
            String a = k < r.size() ? r.get(k) : null;
            String b = k < c.size() ? c.get(k) : null;
            if (a != null && a.equals(b)) {
                matched++;
            } else {
                if (b != null) missing.add(b);
                if (a != null) unexpected.add(a);
            }
        }
        return new DumpComparison(matched, c.size(), missing, unexpected);
    }

    /** Lines without their "\n"; a final newline does not make an extra empty line. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** Share of capture lines reproduced, 0..1 (1 for an empty capture). */
    public double share() {
        return total == 0 ? 1.0 : (double) matched / total;
    }

    public boolean identical() {
        return matched == total && unexpected.isEmpty();
    }

    @Override
    public String toString() {
        return String.format("%d/%d lines (%.1f%%), %d missing, %d unexpected", matched, total, 100 * share(),
                missing.size(), unexpected.size());
    }
}
