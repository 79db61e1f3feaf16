package org.pagewright.ui.view;

import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.desc.DescriptorFields;
import org.pagewright.config.run.StateView;

/**
 * The tables by level from the root, expanded lazily: each entry's index, VA span, kind and raw value; the
 * selected entry decoded bit by bit, with its table page's PA and that page's linear alias.
 */
final class TreeTab implements StateTab {
	private TreeViewer tree;
	private TableViewer fields;
	private Label where;
	private StateView state;

	@Override
	public String title() {
		return "Tree";
	}

	@Override
	public Control create(Composite parent) {
		SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
		tree = new TreeViewer(sash, SWT.BORDER | SWT.FULL_SELECTION);
		tree.getTree().setHeaderVisible(true);
		tree.setUseHashlookup(true);
		column("Entry", 150, n -> n.label());
		column("VA span", 330, n -> String.format("0x%016x-0x%016x", n.spanStart(), n.spanStart() + n.spanSize()));
		column("Kind", 150, TableEntryNode::kind);
		column("Attributes", 260, n -> Descriptor.describe(n.descriptor(), n.level()));
		column("Descriptor", 150, n -> String.format("0x%016x", n.descriptor()));
		tree.setContentProvider(new ITreeContentProvider() {
			@Override
			public Object[] getElements(Object input) {
				return ((List<?>) input).toArray();
			}

			@Override
			public Object[] getChildren(Object parent) {
				return ((TableEntryNode) parent).children().toArray();
			}

			@Override
			public Object getParent(Object element) {
				return null;
			}

			@Override
			public boolean hasChildren(Object element) {
				return ((TableEntryNode) element).isTable();
			}
		});

		Composite details = new Composite(sash, SWT.NONE);
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(details);
		where = new Label(details, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(where);
		fields = Columns.table(details, SWT.NONE);
		field("Field", 130, DescriptorFields.Field::name);
		field("Bits", 80, DescriptorFields.Field::bits);
		field("Value", 110, f -> "0x" + Long.toHexString(f.value()));
		field("Meaning", 260, DescriptorFields.Field::meaning);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(fields.getControl());
		sash.setWeights(62, 38);
		tree.addSelectionChangedListener(e -> select((TableEntryNode) ((IStructuredSelection) e.getSelection())
				.getFirstElement()));
		return sash;
	}



	private void column(String title, int width, java.util.function.Function<TableEntryNode, String> text) {
		Columns.add(tree, TableEntryNode.class, title, width, text);
	}

	private void field(String title, int width, java.util.function.Function<DescriptorFields.Field, String> text) {
		Columns.add(fields, DescriptorFields.Field.class, title, width, text, null);
	}

	@Override
	public void show(Selection selection) {
		state = selection == null ? null : selection.state();
		tree.setInput(state == null ? List.of() : TableEntryNode.roots(state.phase().state()));
		select(null);
	}

	private void select(TableEntryNode node) {
		if (node == null || state == null) {
			where.setText(state == null ? "" : String.format("swapper_pg_dir at PA 0x%x (linear alias 0x%016x)",
					state.phase().state().rootPa().value(), state.linearAlias(state.phase().state().rootPa().value())));
			fields.setInput(List.of());
		} else {
			where.setText(String.format("%s in the table page at PA 0x%x (linear alias 0x%016x)%s", node.label(),
					node.tablePa(), state.linearAlias(node.tablePa()), node.isTable() ? String.format(
							"; next-level table at PA 0x%x (linear alias 0x%016x)", node.nextTablePa(),
							state.linearAlias(node.nextTablePa())) : ""));
			fields.setInput(state.decode(node.descriptor(), node.level()));
		}
		where.getParent().layout();
	}

	// ---- for tests ----

	TreeViewer viewer() {
		return tree;
	}

	List<DescriptorFields.Field> shownFields() {
		@SuppressWarnings("unchecked")
		List<DescriptorFields.Field> input = (List<DescriptorFields.Field>) fields.getInput();
		return input;
	}
}
