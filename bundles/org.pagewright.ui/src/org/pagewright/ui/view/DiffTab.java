package org.pagewright.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.pagewright.config.Phase;
import org.pagewright.config.run.PhaseResult;
import org.pagewright.config.run.PtdumpDiff;
import org.pagewright.config.run.RevisionResult;
import org.pagewright.config.run.StateView;

/**
 * ptdump-level changes of the selected state against the previous revision (same phase) or any revision and
 * phase of the run: added, removed and changed rows coloured, unchanged rows on request.
 */
final class DiffTab implements StateTab {
	private static final String PREVIOUS = "the previous revision";

	private Combo against;
	private Button changedOnly;
	private Label summary;
	private TableViewer viewer;
	private Selection selection;
	private final List<StateView> choices = new ArrayList<>();

	@Override
	public String title() {
		return "Diff";
	}

	@Override
	public Control create(Composite parent) {
		Composite root = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(4).margins(4, 4).applyTo(root);
		new Label(root, SWT.NONE).setText("Compare with:");
		against = new Combo(root, SWT.READ_ONLY);
		GridDataFactory.fillDefaults().hint(320, SWT.DEFAULT).applyTo(against);
		changedOnly = new Button(root, SWT.CHECK);
		changedOnly.setText("Changed lines only");
		changedOnly.setSelection(true);
		summary = new Label(root, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
		viewer = Columns.table(root, SWT.MULTI);
		viewer.getTable().setLinesVisible(false);
		viewer.getTable().setFont(org.eclipse.jface.resource.JFaceResources.getTextFont()); // ptdump columns align
		column("Change", 80, r -> r.change().name().toLowerCase());
		column("Before", 640, PtdumpDiff.Row::before);
		column("After", 640, PtdumpDiff.Row::after);
		GridDataFactory.fillDefaults().grab(true, true).span(4, 1).applyTo(viewer.getControl());
		against.addListener(SWT.Selection, e -> refresh());
		changedOnly.addListener(SWT.Selection, e -> refresh());
		return root;
	}


	private void column(String title, int width, Function<PtdumpDiff.Row, String> text) {
		Columns.add(viewer, PtdumpDiff.Row.class, title, width, text, r -> Colors.of(r.change()));
	}

	@Override
	public void show(Selection selection) {
		String old = against.getText();
		this.selection = selection;
		choices.clear();
		List<String> items = new ArrayList<>(List.of(PREVIOUS));
		if (selection != null) {
			for (RevisionResult revision : selection.result().revisions()) {
				for (PhaseResult phase : revision.phases()) {
					selection.other(revision.patch(), phase.phase()).ifPresent(s -> {
						choices.add(s);
						items.add(revision.label() + " " + phase.phase().getLiteral());
					});
				}
			}
		}
		against.setItems(items.toArray(String[]::new));
		against.select(Math.max(0, against.indexOf(old)));
		refresh();
	}

	/** Compares with patch N (0 = baseline) in a phase; null patch = the previous revision. */
	void compareWith(Integer patch, Phase phase) {
		if (patch == null) {
			against.select(0);
		} else {
			String label = (patch == 0 ? "baseline" : "patch " + patch) + " " + phase.getLiteral();
			against.select(Math.max(0, against.indexOf(label)));
		}
		refresh();
	}

	private Optional<StateView> base() {
		int at = against.getSelectionIndex();
		return at <= 0 ? selection.previous() : Optional.of(choices.get(at - 1));
	}

	private void refresh() {
		if (selection == null) {
			viewer.setInput(List.of());
			summary.setText("");
			return;
		}
		Optional<StateView> base = base();
		if (base.isEmpty()) {
			viewer.setInput(List.of());
			summary.setText("The baseline has no previous revision: choose a state to compare with.");
		} else {
			List<PtdumpDiff.Row> rows = changedOnly.getSelection() ? PtdumpDiff.changes(base.get(), selection.state())
					: PtdumpDiff.rows(base.get(), selection.state());
			viewer.setInput(rows);
			for (org.eclipse.swt.widgets.TableColumn column : viewer.getTable().getColumns()) {
				column.pack();
			}
			long changed = rows.stream().filter(r -> r.change() != PtdumpDiff.Change.EQUAL).count();
			summary.setText(changed == 0 ? base.get().label() + " and " + selection.state().label() + " print the same dump"
					: changed + " line(s) differ: " + base.get().label() + " → " + selection.state().label());
		}
		summary.getParent().layout();
	}

	@SuppressWarnings("unchecked")
	List<PtdumpDiff.Row> shownRows() {
		return (List<PtdumpDiff.Row>) viewer.getInput();
	}
}
