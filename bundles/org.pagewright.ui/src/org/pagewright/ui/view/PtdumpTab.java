package org.pagewright.ui.view;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.pagewright.arm64.ptdump.PtdumpRow;
import org.pagewright.arm64.ptdump.PtdumpRows;

/**
 * The state's kernel_page_tables as a virtual table (rows are materialised only when shown, so a page-mapped
 * 64 GiB linear map stays responsive), section markers as bold group rows, filters, colours by kind, and Copy
 * as text exactly as the kernel prints it.
 */
final class PtdumpTab implements StateTab {
	static final String[] COLUMNS = { "Start", "End", "Size", "Level", "Attributes" };

	private Table table;
	private Text range;
	private Combo section;
	private Combo level;
	private Text words;
	private Label message;
	private Font bold;
	private List<PtdumpRow> all = List.of();
	private List<PtdumpRow> shown = List.of();

	@Override
	public String title() {
		return "ptdump";
	}

	@Override
	public Control create(Composite parent) {
		Composite root = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(root);
		Composite bar = Columns.wrappingBar(root);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
		new Label(bar, SWT.NONE).setText("VA:");
		range = new Text(bar, SWT.BORDER | SWT.SEARCH);
		range.setMessage("0xffff000000000000-0xffff000040000000");
		range.setLayoutData(new org.eclipse.swt.layout.RowData(290, SWT.DEFAULT));
		new Label(bar, SWT.NONE).setText("Section:");
		section = new Combo(bar, SWT.READ_ONLY);
		section.setLayoutData(new org.eclipse.swt.layout.RowData(220, SWT.DEFAULT)); // sized before it has items
		new Label(bar, SWT.NONE).setText("Level:");
		level = new Combo(bar, SWT.READ_ONLY);
		level.setLayoutData(new org.eclipse.swt.layout.RowData(90, SWT.DEFAULT));
		new Label(bar, SWT.NONE).setText("Attributes:");
		words = new Text(bar, SWT.BORDER | SWT.SEARCH);
		words.setMessage("F, RW NX, BLK CON, MEM/NORMAL-TAGGED");
		words.setLayoutData(new org.eclipse.swt.layout.RowData(260, SWT.DEFAULT));
		Button copy = new Button(bar, SWT.PUSH);
		copy.setText("Copy as text");
		copy.setToolTipText("Copy the selected rows (or every shown row) as the kernel prints them");
		message = new Label(bar, SWT.NONE);
		message.setLayoutData(new org.eclipse.swt.layout.RowData(200, SWT.DEFAULT));

		table = new Table(root, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		int[] widths = { 190, 190, 90, 60, 560 };
		for (int i = 0; i < COLUMNS.length; i++) {
			TableColumn column = new TableColumn(table, i == 2 ? SWT.RIGHT : SWT.LEFT);
			column.setText(COLUMNS[i]);
			column.setWidth(widths[i]);
		}
		GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
		table.setFont(org.eclipse.jface.resource.JFaceResources.getTextFont()); // the attribute columns align as in the dump
		FontData data = table.getFont().getFontData()[0];
		bold = new Font(table.getDisplay(), data.getName(), data.getHeight(), SWT.BOLD);
		table.addDisposeListener(e -> bold.dispose());
		table.addListener(SWT.SetData, e -> fill((TableItem) e.item, table.indexOf((TableItem) e.item)));
		// a marker is a group row: its text runs across the columns, as the kernel prints it on a line of its own
		table.addListener(SWT.EraseItem, e -> {
			if (isMarker((TableItem) e.item)) {
				e.detail &= ~SWT.FOREGROUND;
			}
		});
		table.addListener(SWT.PaintItem, e -> {
			TableItem item = (TableItem) e.item;
			if (isMarker(item)) { // each cell paints its slice of the one line (cells are clipped to themselves)
				org.eclipse.swt.graphics.Rectangle first = item.getBounds(0);
				e.gc.setFont(bold);
				e.gc.drawText(item.getText(0), first.x + 4, first.y + (first.height - e.gc.getFontMetrics().getHeight()) / 2,
						true);
			}
		});
		table.addListener(SWT.KeyDown, e -> {
			if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'c' || e.keyCode == 'C')) {
				copySelection();
			}
		});
		copy.addListener(SWT.Selection, e -> copySelection());
		range.addListener(SWT.Modify, e -> refilter());
		words.addListener(SWT.Modify, e -> refilter());
		section.addListener(SWT.Selection, e -> refilter());
		level.addListener(SWT.Selection, e -> refilter());
		return root;
	}

	@Override
	public void show(Selection selection) {
		all = selection == null ? List.of() : selection.rows();
		Set<String> sections = new LinkedHashSet<>(List.of(PtdumpFilter.ANY));
		Set<String> levels = new LinkedHashSet<>(List.of(PtdumpFilter.ANY));
		for (PtdumpRow row : all) {
			if (row instanceof PtdumpRow.Marker m) {
				sections.add(m.name());
			} else {
				levels.add(((PtdumpRow.Range) row).level());
			}
		}
		keepSelection(section, sections);
		keepSelection(level, levels);
		refilter();
	}

	private static void keepSelection(Combo combo, Set<String> items) {
		String old = combo.getText();
		combo.setItems(items.toArray(String[]::new));
		int at = combo.indexOf(old);
		combo.select(at < 0 ? 0 : at);
	}

	private void refilter() {
		PtdumpFilter filter;
		try {
			long[] va = PtdumpFilter.range(range.getText());
			filter = new PtdumpFilter(va[0], va[1], section.getText(), level.getText(), PtdumpFilter.words(words.getText()));
			message.setText("");
		} catch (NumberFormatException e) {
			message.setText("VA: hex address or range");
			return;
		}
		shown = filter.apply(all);
		long ranges = shown.stream().filter(PtdumpRow.Range.class::isInstance).count();
		message.setText(ranges + " of " + all.stream().filter(PtdumpRow.Range.class::isInstance).count() + " ranges");
		table.clearAll();
		table.setItemCount(shown.size());
	}

	private void fill(TableItem item, int index) {
		PtdumpRow row = shown.get(index);
		if (row instanceof PtdumpRow.Marker m) {
			item.setText(new String[] { m.text(), "", "", "", "" });
			item.setFont(bold);
			item.setBackground(table.getDisplay().getSystemColor(SWT.COLOR_WIDGET_LIGHT_SHADOW));
		} else {
			PtdumpRow.Range r = (PtdumpRow.Range) row;
			item.setText(new String[] { String.format("0x%016x", r.start()), String.format("0x%016x", r.end()), r.size(),
					r.level(), r.attributes() });
			item.setBackground(Colors.color(Colors.of(r.kind())));
		}
	}

	private boolean isMarker(TableItem item) {
		int index = table.indexOf(item);
		return index >= 0 && index < shown.size() && shown.get(index) instanceof PtdumpRow.Marker;
	}

	private void copySelection() {
		int[] selected = table.getSelectionIndices();
		List<PtdumpRow> rows = new ArrayList<>();
		if (selected.length == 0) {
			rows.addAll(shown);
		} else {
			for (int i : selected) {
				rows.add(shown.get(i));
			}
		}
		Clipboard clipboard = new Clipboard(table.getDisplay());
		clipboard.setContents(new Object[] { PtdumpRows.text(rows) }, new Transfer[] { TextTransfer.getInstance() });
		clipboard.dispose();
	}

	// ---- for tests and the lookup tab ----

	List<PtdumpRow> shownRows() {
		return shown;
	}

	Table table() {
		return table;
	}

	void filter(String va, String attributeWords) {
		range.setText(va);
		words.setText(attributeWords);
	}
}
