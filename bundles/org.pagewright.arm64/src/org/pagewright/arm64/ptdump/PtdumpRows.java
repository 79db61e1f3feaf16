package org.pagewright.arm64.ptdump;

import java.util.ArrayList;
import java.util.List;

import org.pagewright.arm64.layout.KernelVaLayout;
import org.pagewright.arm64.table.PageTables;

/**
 * The kernel_page_tables dump of a state as rows ({@link PtdumpRow}), produced by the same walk and merge as
 * {@link Ptdump#render}; each row's text is formatted by {@link PtdumpText}, so joining the texts with newlines
 * gives the rendered dump exactly.
 */
public final class PtdumpRows implements RangeSink {
    private final List<PtdumpRow> rows = new ArrayList<>();
    private final PtdumpLevels levels;
    private final StringBuilder line = new StringBuilder(160);
    private final PtdumpText text;
    private String section = "";

    private PtdumpRows(PtdumpLevels levels) {
        this.levels = levels;
        this.text = new PtdumpText(line, levels);
    }

    public static List<PtdumpRow> of(PageTables tables, KernelVaLayout layout) {
        PtdumpRows sink = new PtdumpRows(PtdumpLevels.of(layout));
        Ptdump.walk(tables, layout, sink);
        return List.copyOf(sink.rows);
    }

    /** The dump text of rows, as {@link Ptdump#render} prints it. */
    public static String text(List<PtdumpRow> rows) {
        StringBuilder out = new StringBuilder(rows.size() * 100);
        rows.forEach(r -> out.append(r.text()).append('\n'));
        return out.toString();
    }

    @Override
    public void marker(String name) {
        section = name;
        rows.add(new PtdumpRow.Marker(name, format(() -> text.marker(name))));
    }

    @Override
    public void range(long start, long end, int level, long prot) {
        String printed = format(() -> text.range(start, end, level, prot));
        StringBuilder columns = new StringBuilder();
        if (prot != 0) {
            AttributeColumns.append(columns, prot);
        }
        String levelName = levels.name(level);
        rows.add(new PtdumpRow.Range(section, start, end, PtdumpText.size(end - start), levelName,
                columns.toString().strip(), prot, PtdumpRow.Kind.of(prot),
                printed));
    }

    private String format(Runnable print) {
        line.setLength(0);
        print.run();
        return line.substring(0, line.length() - 1); // without the newline
    }
}
