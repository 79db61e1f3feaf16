package org.pagewright.ui.view;

import java.util.ArrayList;
import java.util.List;
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
import org.eclipse.swt.widgets.Text;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.query.Alias;
import org.pagewright.arm64.walk.Access;
import org.pagewright.arm64.walk.Translation;
import org.pagewright.arm64.walk.WalkTrace;
import org.pagewright.lang.addresses.AddressExpressions;

/**
 * Address lookup, as an MMU view shows it: a VA walked level by level with each descriptor, then the PA or the
 * fault (level, FSC, ESR); or a PA with every VA that maps it and its rights. Addresses are the language's
 * (numbers, symbols, lm_alias(), page_address(), sums), evaluated in the viewed file.
 */
final class LookupTab implements StateTab {

	/** One line of the result table. */
	record Line(String what, String where, String descriptor, String meaning) {
	}

	private Text address;
	private Combo access;
	private Label outcome;
	private TableViewer viewer;
	private Selection selection;

	@Override
	public String title() {
		return "Lookup";
	}

	@Override
	public Control create(Composite parent) {
		Composite root = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(5).margins(4, 4).applyTo(root);
		new Label(root, SWT.NONE).setText("Address:");
		address = new Text(root, SWT.BORDER | SWT.SEARCH);
		address.setMessage("lm_alias(__bss_start), _text + 2M, 0xffff000040200000 …");
		GridDataFactory.fillDefaults().grab(true, false).applyTo(address);
		access = new Combo(root, SWT.READ_ONLY);
		access.setItems("read", "write", "exec");
		access.select(0);
		Button va = new Button(root, SWT.PUSH);
		va.setText("Walk VA");
		Button pa = new Button(root, SWT.PUSH);
		pa.setText("VAs of PA");
		outcome = new Label(root, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).span(5, 1).applyTo(outcome);
		viewer = Columns.table(root, SWT.NONE);
		column("Level / alias", 200, Line::what);
		column("Table page / VA range", 330, Line::where);
		column("Descriptor / PA", 170, Line::descriptor);
		column("Meaning", 560, Line::meaning);
		GridDataFactory.fillDefaults().grab(true, true).span(5, 1).applyTo(viewer.getControl());
		va.addListener(SWT.Selection, e -> walk(address.getText(), Access.values()[access.getSelectionIndex()]));
		address.addListener(SWT.DefaultSelection, e -> walk(address.getText(), Access.values()[access.getSelectionIndex()]));
		pa.addListener(SWT.Selection, e -> aliases(address.getText()));
		return root;
	}

	@Override
	public void show(Selection selection) {
		this.selection = selection;
		if (selection != null && !address.getText().isBlank()) {
			walk(address.getText(), Access.values()[access.getSelectionIndex()]);
		} else {
			viewer.setInput(List.of());
			outcome.setText(selection == null ? "" : "Type an address and press Enter.");
		}
	}

	/** Walks an address of the language for an access and shows every level and the outcome. */
	void walk(String text, Access kind) {
		address.setText(text);
		access.select(kind.ordinal());
		Long va = evaluate(text);
		if (va == null) {
			return;
		}
		WalkTrace trace = selection.state().lookup(va, kind);
		List<Line> lines = new ArrayList<>();
		for (WalkTrace.Level l : trace.levels()) {
			lines.add(new Line("level " + l.level() + " [" + l.index() + "] " + l.kind(),
					String.format("PA 0x%x (linear alias 0x%016x)", l.tablePa().value(),
							selection.state().linearAlias(l.tablePa().value())),
					String.format("0x%016x", l.descriptor()), Descriptor.describe(l.descriptor(), l.level())));
		}
		viewer.setInput(lines);
		outcome.setText(describe(trace.translation()));
		outcome.getParent().layout();
	}

	private static String describe(Translation t) {
		return switch (t) {
		case Translation.Ok ok -> String.format("%s of 0x%016x: PA 0x%x through a level %d %s%s", ok.access().name()
				.toLowerCase(), ok.va().value(), ok.pa().value(), ok.level(), ok.level() == 3 ? "page" : "block",
				ok.note().isEmpty() ? "" : " (" + ok.note() + ")");
		case Translation.Fault f -> String.format("%s of 0x%016x: %s (FSC 0x%02x, ESR 0x%08x): %s", f.access().name()
				.toLowerCase(), f.va().value(), f.faultName(), f.fsc(), f.esr(), f.reason());
		};
	}

	/** Every VA that maps the page of an address given as a PA. */
	void aliases(String text) {
		address.setText(text);
		Long pa = evaluate(text);
		if (pa == null) {
			return;
		}
		long page = selection.state().layout().geometry().pageSize();
		List<Alias> aliases = selection.state().aliasesOf(pa & -page, page);
		List<Line> lines = new ArrayList<>();
		for (Alias a : aliases) {
			lines.add(new Line(a.region() + " " + a.levelName(), String.format("0x%016x-0x%016x", a.vaStart(), a.vaEnd()),
					String.format("PA 0x%x", a.paStart()), rights(a) + "  " + a.ptdumpAttributes()));
		}
		viewer.setInput(lines);
		outcome.setText(String.format("PA 0x%x: %d alias(es) of its page", pa, aliases.size()));
		outcome.getParent().layout();
	}

	private static String rights(Alias a) {
		if (!a.readable()) {
			return "faults";
		}
		return (a.writable() ? "read/write" : "read-only") + (a.executable() ? ", executable" : "");
	}

	private Long evaluate(String text) {
		if (selection == null) {
			outcome.setText("Nothing to look up in: no state is selected.");
			return null;
		}
		AddressExpressions.Result r = AddressExpressions.evaluate(selection.run().compilation().subject().eResource(),
				selection.run().compilation().subject().getName(), text);
		if (!r.ok() || r.value().signum() < 0 || r.value().bitLength() > 64) {
			outcome.setText(r.ok() ? "not a 64-bit address: " + text : r.error());
			viewer.setInput(List.of());
			return null;
		}
		return r.value().longValue();
	}


	private void column(String title, int width, Function<Line, String> text) {
		Columns.add(viewer, Line.class, title, width, text, null);
	}

	String outcome() {
		return outcome.getText();
	}

	@SuppressWarnings("unchecked")
	List<Line> shownLines() {
		return (List<Line>) viewer.getInput();
	}

}
