package org.pagewright.ui.view;

import java.util.function.Function;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Composite;

/** The widgets the tabs share: tables of records with typed columns, and tool bars that wrap when narrow. */
final class Columns {

	private Columns() {
	}

	/** A table of a list of rows, with headers and lines. */
	static TableViewer table(Composite parent, int style) {
		TableViewer viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | style);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		return viewer;
	}

	static <T> void add(TableViewer viewer, Class<T> row, String title, int width, Function<T, String> text,
			Function<T, RGB> background) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.setLabelProvider(labels(row, text, background));
	}

	static <T> void add(TreeViewer viewer, Class<T> row, String title, int width, Function<T, String> text) {
		TreeViewerColumn column = new TreeViewerColumn(viewer, SWT.LEFT);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.setLabelProvider(labels(row, text, null));
	}

	/** Text, background (or none) and a tooltip of the whole text, for a column of rows of one type. */
	private static <T> ColumnLabelProvider labels(Class<T> row, Function<T, String> text, Function<T, RGB> background) {
		return new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply(row.cast(element));
			}

			@Override
			public Color getBackground(Object element) {
				return background == null ? null : Colors.color(background.apply(row.cast(element)));
			}

			@Override
			public String getToolTipText(Object element) {
				return getText(element);
			}
		};
	}

	/** A bar of labelled controls that wraps onto a second line when the view is narrow. */
	static Composite wrappingBar(Composite parent) {
		Composite bar = new Composite(parent, SWT.NONE);
		RowLayout row = new RowLayout();
		row.center = true;
		row.wrap = true;
		row.marginLeft = row.marginTop = row.marginBottom = 0;
		bar.setLayout(row);
		return bar;
	}
}
