package org.pagewright.ui.view;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.pagewright.arm64.ptdump.PtdumpRow;

/**
 * An address-space picture of the state: one lane per ptdump section, ranges coloured as in the ptdump tab,
 * blocks full height and pages half height (contiguous groups striped), zoom with the mouse wheel, pan by
 * dragging, the ptdump row as tooltip, and export to PNG.
 */
final class MapTab implements StateTab {
	private Canvas canvas;
	private Label hint;
	private AddressSpaceMap map = new AddressSpaceMap(List.of());
	private String title = "";
	private int dragX = -1;

	@Override
	public String title() {
		return "Map";
	}

	@Override
	public Control create(Composite parent) {
		Composite root = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).margins(4, 4).applyTo(root);
		hint = new Label(root, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(hint);
		Button reset = new Button(root, SWT.PUSH);
		reset.setText("Reset zoom");
		Button export = new Button(root, SWT.PUSH);
		export.setText("Export PNG…");
		canvas = new Canvas(root, SWT.DOUBLE_BUFFERED | SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(canvas);
		canvas.addPaintListener(e -> paint(e.gc, canvas.getClientArea().width));
		canvas.addListener(SWT.MouseVerticalWheel, e -> {
			map.zoom(e.count > 0 ? 1.25 : 0.8, e.x, canvas.getClientArea().width);
			updateHint();
			canvas.redraw();
		});
		canvas.addListener(SWT.MouseDown, e -> dragX = e.x);
		canvas.addListener(SWT.MouseUp, e -> dragX = -1);
		canvas.addListener(SWT.MouseMove, e -> {
			if (dragX >= 0) {
				map.pan(e.x - dragX, canvas.getClientArea().width);
				dragX = e.x;
				canvas.redraw();
			}
			PtdumpRow.Range r = map.rangeAt(e.x, e.y, canvas.getClientArea().width);
			String tip = r == null ? null : r.section() + "\n" + r.text();
			if (tip == null ? canvas.getToolTipText() != null : !tip.equals(canvas.getToolTipText())) {
				canvas.setToolTipText(tip);
			}
		});
		reset.addListener(SWT.Selection, e -> {
			map.reset();
			updateHint();
			canvas.redraw();
		});
		export.addListener(SWT.Selection, e -> {
			FileDialog dialog = new FileDialog(canvas.getShell(), SWT.SAVE);
			dialog.setFilterExtensions(new String[] { "*.png" });
			dialog.setFileName("page-tables.png");
			dialog.setOverwrite(true);
			String path = dialog.open();
			if (path != null) {
				try {
					exportPng(Path.of(path));
				} catch (IOException ex) {
					hint.setText("Export failed: " + ex.getMessage());
				}
			}
		});
		return root;
	}

	@Override
	public void show(Selection selection) {
		map = new AddressSpaceMap(selection == null ? List.of() : selection.rows());
		title = selection == null ? "" : selection.state().label();
		updateHint();
		canvas.redraw();
	}

	private void updateHint() {
		hint.setText(String.format("%s — one lane per section, each to its own scale; zoom %.0fx (wheel), drag to pan",
				title, map.zoomFactor()));
		hint.getParent().layout();
	}

	private void paint(GC gc, int width) {
		gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
		gc.fillRectangle(0, 0, width, Math.max(map.height(), canvas.getClientArea().height));
		gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
		gc.drawText(title, 4, 4, true);
		int barWidth = width - AddressSpaceMap.LABEL_WIDTH - 2;
		int y = AddressSpaceMap.TOP;
		for (AddressSpaceMap.Lane lane : map.lanes()) {
			gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
			gc.drawText(lane.name(), 4, y + 8, true);
			gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_GRAY));
			gc.drawRectangle(AddressSpaceMap.LABEL_WIDTH, y + 2, barWidth, AddressSpaceMap.BAR_HEIGHT - 4);
			gc.setClipping(AddressSpaceMap.LABEL_WIDTH, y, barWidth, AddressSpaceMap.BAR_HEIGHT);
			boolean anything = false;
			for (PtdumpRow.Range r : lane.ranges()) {
				if (r.kind() != PtdumpRow.Kind.UNMAPPED) {
					drawRange(gc, lane, r, y, width);
					anything = true;
				}
			}
			gc.setClipping((org.eclipse.swt.graphics.Rectangle) null);
			gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
			String from = String.format("0x%016x", map.zoomFactor() == 1 ? lane.start()
					: map.vaAt(lane, AddressSpaceMap.LABEL_WIDTH, width) & ~0xfffL);
			String to = String.format("0x%016x", map.zoomFactor() == 1 ? lane.end() : map.vaAt(lane, width - 2, width) & ~0xfffL);
			int textY = y + AddressSpaceMap.BAR_HEIGHT - 2;
			gc.drawText(anything ? from : "nothing mapped", AddressSpaceMap.LABEL_WIDTH, textY, true);
			if (anything) {
				gc.drawText(to, width - 4 - gc.textExtent(to).x, textY, true);
			}
			y += AddressSpaceMap.LANE_HEIGHT;
		}
	}

	private void drawRange(GC gc, AddressSpaceMap.Lane lane, PtdumpRow.Range r, int y, int width) {
		int x0 = map.x(lane, r.start(), width);
		int x1 = Math.max(x0 + 1, map.x(lane, r.end() == 0 ? lane.end() : r.end(), width));
		boolean page = "PTE".equals(r.level());
		int top = y + (page ? 11 : 3);
		int height = AddressSpaceMap.BAR_HEIGHT - (page ? 15 : 7);
		gc.setBackground(Colors.color(Colors.of(r.kind())));
		gc.fillRectangle(x0, top, x1 - x0, height);
		gc.setForeground(Colors.color(darker(Colors.of(r.kind()))));
		gc.drawRectangle(x0, top, Math.max(0, x1 - x0 - 1), height - 1);
		if (r.attributes().contains("CON")) {
			for (int x = x0 + 3; x < x1; x += 6) {
				gc.drawLine(x, top + 1, x, top + height - 2);
			}
		}
	}

	private static org.eclipse.swt.graphics.RGB darker(org.eclipse.swt.graphics.RGB c) {
		return new org.eclipse.swt.graphics.RGB(c.red * 3 / 5, c.green * 3 / 5, c.blue * 3 / 5);
	}

	/** Draws the map at the canvas's width (at least 1200 px) into a PNG, written atomically. */
	void exportPng(Path target) throws IOException {
		Point size = canvas.getSize();
		int width = Math.max(1200, size.x);
		Image image = new Image(canvas.getDisplay(), width, map.height());
		try {
			GC gc = new GC(image);
			try {
				paint(gc, width);
			} finally {
				gc.dispose();
			}
			ImageData data = image.getImageData();
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { data };
			Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".page-tables", ".png");
			try {
				loader.save(temp.toString(), SWT.IMAGE_PNG);
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			} finally {
				Files.deleteIfExists(temp);
			}
		} finally {
			image.dispose();
		}
	}

	AddressSpaceMap map() {
		return map;
	}
}
