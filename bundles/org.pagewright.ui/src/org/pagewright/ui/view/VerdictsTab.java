package org.pagewright.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.pagewright.config.run.CheckVerdict;
import org.pagewright.config.run.OperationOutcome;

/**
 * The verdicts of the selected revision and phase (pass or fail, and why), then the operations of that phase that
 * returned an error, warned or would BUG; double-click opens the check's or the step's line.
 */
final class VerdictsTab implements StateTab {
	private static final RGB PASSED = new RGB(0xd4, 0xf7, 0xd4);
	private static final RGB FAILED = new RGB(0xff, 0xc8, 0xc8);
	private static final RGB TROUBLE = new RGB(0xff, 0xf2, 0xb3);

	/** One line of the tab: a verdict or an operation's outcome. */
	record Line(String status, String what, String reason, String source, RGB colour) {
		static Line of(CheckVerdict v) {
			return new Line(v.passed() ? "PASS" : "FAIL", v.description(), v.reason(), v.source(), v.passed() ? PASSED : FAILED);
		}

		static Line of(OperationOutcome o) {
			String status = o.bug() ? "BUG" : o.errno() != 0 ? "errno " + o.errno() : "WARN";
			String reason = o.result() + (o.warnings().isEmpty() ? "" : "; " + String.join("; ", o.warnings()));
			return new Line(status, o.origin() + ": " + o.operation(), reason, o.source(), o.bug() ? FAILED : TROUBLE);
		}
	}

	private TableViewer viewer;
	private Selection selection;

	@Override
	public String title() {
		return "Verdicts";
	}

	@Override
	public Control create(Composite parent) {
		viewer = Columns.table(parent, SWT.NONE);
		org.eclipse.jface.viewers.ColumnViewerToolTipSupport.enableFor(viewer);
		column("Result", 70, Line::status);
		column("Check or operation", 420, Line::what);
		column("Reason", 620, Line::reason);
		column("Source", 150, l -> l.source() == null ? "" : l.source());
		viewer.addDoubleClickListener(e -> {
			Line line = (Line) ((IStructuredSelection) e.getSelection()).getFirstElement();
			if (line != null && selection != null) {
				SourceLinks.open(selection.file(), line.source());
			}
		});
		return viewer.getControl();
	}


	private void column(String title, int width, Function<Line, String> text) {
		Columns.add(viewer, Line.class, title, width, text, Line::colour);
	}

	@Override
	public void show(Selection selection) {
		this.selection = selection;
		viewer.setInput(selection == null ? List.of() : lines(selection));
	}

	static List<Line> lines(Selection selection) {
		List<Line> lines = new ArrayList<>();
		selection.state().verdicts().forEach(v -> lines.add(Line.of(v)));
		selection.state().phase().troubles().forEach(o -> lines.add(Line.of(o)));
		return lines;
	}

	@SuppressWarnings("unchecked")
	List<Line> shownLines() {
		return (List<Line>) viewer.getInput();
	}
}
