package org.pagewright.ui.view;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.part.ViewPart;
import org.pagewright.config.Phase;
import org.pagewright.config.run.PhaseResult;
import org.pagewright.config.run.RevisionResult;
import org.pagewright.config.run.StateView;
import org.pagewright.lang.generator.LayoutChecks;
import org.pagewright.ui.checks.LayoutCheckJob;
import org.pagewright.ui.checks.LayoutRuns;

/**
 * The Page Tables view: the page-table states that the series of the active layout file produce, refreshed after
 * each run (a save, or the Run command). Selectors pick the series (or policy, and its platform variants), the
 * revision (baseline or a patch) and the phase; the tabs show that state as ptdump rows, a tree of tables, an
 * address-space map, the verdicts, a diff against another state and an address lookup. Only the tab in front
 * renders a new state; the others catch up when they are brought forward, so a save costs one tab's refresh.
 */
public class PageTablesView extends ViewPart {
	public static final String ID = "org.pagewright.ui.pageTablesView";
	private static final String LAYOUT = "layout";

	private final PtdumpTab ptdump = new PtdumpTab();
	private final TreeTab tree = new TreeTab();
	private final MapTab map = new MapTab();
	private final VerdictsTab verdicts = new VerdictsTab();
	private final DiffTab diff = new DiffTab();
	private final LookupTab lookup = new LookupTab();
	private final List<StateTab> tabs = List.of(ptdump, tree, map, verdicts, diff, lookup);
	/** Tabs that have not shown the current selection yet. */
	private final Set<StateTab> stale = new HashSet<>();

	private Combo series;
	private Combo revision;
	private Combo phase;
	private Label status;
	private CTabFolder folder;
	private IFile file;
	private LayoutRuns.FileRun fileRun;
	private Selection selection;
	private final Consumer<LayoutRuns.FileRun> onRun = run -> Display.getDefault().asyncExec(() -> {
		if (!status.isDisposed() && run.file().equals(file)) {
			show(run);
		}
	});
	private final IPartListener2 followEditor = new IPartListener2() {
		@Override
		public void partActivated(IWorkbenchPartReference ref) {
			if (ref.getPart(false) instanceof IEditorPart editor) {
				follow(editor);
			}
		}
	};

	@Override
	public void createPartControl(Composite parent) {
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		Composite bar = Columns.wrappingBar(parent);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
		series = selector(bar, "Series:", 240);
		revision = selector(bar, "Revision:", 400);
		phase = selector(bar, "Phase:", 150);
		status = new Label(bar, SWT.NONE);
		status.setLayoutData(new org.eclipse.swt.layout.RowData(520, SWT.DEFAULT));
		folder = new CTabFolder(parent, SWT.BORDER | SWT.TOP);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(folder);
		for (StateTab tab : tabs) {
			CTabItem item = new CTabItem(folder, SWT.NONE);
			item.setText(tab.title());
			item.setControl(tab.create(folder));
		}
		folder.setSelection(0);
		folder.addListener(SWT.Selection, e -> upToDate(tabInFront()));
		series.addListener(SWT.Selection, e -> fillRevisions());
		revision.addListener(SWT.Selection, e -> showState());
		phase.addListener(SWT.Selection, e -> showState());
		LayoutRuns.addListener(onRun);
		getSite().getPage().addPartListener(followEditor);
		IEditorPart active = getSite().getPage().getActiveEditor();
		if (active != null) {
			follow(active);
		} else {
			setStatus("Open a .layout file: its page tables appear here after a save or Run (Ctrl+Alt+R).");
		}
	}

	private static Combo selector(Composite parent, String label, int width) {
		new Label(parent, SWT.NONE).setText(label);
		Combo combo = new Combo(parent, SWT.READ_ONLY);
		combo.setLayoutData(new org.eclipse.swt.layout.RowData(width, SWT.DEFAULT));
		return combo;
	}

	@Override
	public void dispose() {
		LayoutRuns.removeListener(onRun);
		getSite().getPage().removePartListener(followEditor);
		super.dispose();
	}

	@Override
	public void setFocus() {
		folder.setFocus();
	}

	private void follow(IEditorPart editor) {
		if (editor.getEditorInput() instanceof IFileEditorInput input && LAYOUT.equals(input.getFile().getFileExtension())) {
			showFile(input.getFile());
		}
	}

	/** Shows a file's latest run, running it first when it has none yet. */
	public void showFile(IFile layoutFile) {
		if (layoutFile.equals(file) && fileRun != null) {
			return;
		}
		file = layoutFile;
		setPartName("Page Tables: " + layoutFile.getName());
		Optional<LayoutRuns.FileRun> latest = LayoutRuns.latest(layoutFile);
		if (latest.isPresent()) {
			show(latest.get());
		} else {
			fileRun = null;
			clear("Running " + layoutFile.getName() + " …");
			new LayoutCheckJob(layoutFile).schedule();
		}
	}

	private void show(LayoutRuns.FileRun run) {
		fileRun = run;
		setStatus(run.file().getName() + ": " + run.summary());
		String old = series.getText();
		series.setItems(runnable(run).stream().map(r -> r.compilation().name()).toArray(String[]::new));
		if (series.getItemCount() == 0) {
			clear(status.getText());
			return;
		}
		series.select(Math.max(0, series.indexOf(old)));
		fillRevisions();
	}

	private static List<LayoutChecks.Run> runnable(LayoutRuns.FileRun run) {
		return run.runs().stream().filter(r -> r.result() != null && r.result().problems().isEmpty()).toList();
	}

	private Optional<LayoutChecks.Run> selectedRun() {
		int at = series.getSelectionIndex();
		return fileRun == null || at < 0 ? Optional.empty() : Optional.of(runnable(fileRun).get(at));
	}

	private void fillRevisions() {
		Optional<LayoutChecks.Run> run = selectedRun();
		if (run.isEmpty()) {
			return;
		}
		String oldRevision = revision.getText();
		String oldPhase = phase.getText();
		List<String> revisions = new ArrayList<>();
		for (RevisionResult r : run.get().result().revisions()) {
			revisions.add(r.patch() == 0 ? "baseline" : r.label() + " — " + r.title());
		}
		revision.setItems(revisions.toArray(String[]::new));
		int at = revision.indexOf(oldRevision);
		revision.select(at < 0 ? revisions.size() - 1 : at);
		phase.setItems(Phase.VALUES.stream().map(Phase::getLiteral).toArray(String[]::new));
		int p = phase.indexOf(oldPhase);
		phase.select(p < 0 ? phase.indexOf(Phase.RUNTIME.getLiteral()) : p);
		showState();
	}

	private void showState() {
		Optional<LayoutChecks.Run> run = selectedRun();
		if (run.isEmpty() || revision.getSelectionIndex() < 0 || phase.getSelectionIndex() < 0) {
			return;
		}
		RevisionResult r = run.get().result().revisions().get(revision.getSelectionIndex());
		Phase ph = Phase.VALUES.get(phase.getSelectionIndex());
		Optional<StateView> state = run.get().result().state(r.patch(), ph);
		selection = state.map(s -> Selection.of(file, run.get(), s)).orElse(null);
		if (selection != null) {
			PhaseResult p = selection.state().phase();
			setContentDescription(selection.state().label() + ": " + p.tablePages() + " table pages, "
					+ selection.state().verdicts().size() + " verdicts, " + p.troubles().size() + " troubled operations");
		}
		showSelection();
	}

	/** Every tab is behind the new selection; the one in front catches up now. */
	private void showSelection() {
		stale.addAll(tabs);
		upToDate(tabInFront());
	}

	private StateTab tabInFront() {
		return tabs.get(Math.max(0, folder.getSelectionIndex()));
	}

	private <T extends StateTab> T upToDate(T tab) {
		if (stale.remove(tab)) {
			tab.show(selection);
		}
		return tab;
	}

	private void setStatus(String text) {
		status.setText(text);
		status.setToolTipText(text);
	}

	private void clear(String message) {
		setStatus(message);
		selection = null;
		series.removeAll();
		revision.removeAll();
		phase.removeAll();
		setContentDescription("");
		showSelection();
	}

	// ---- used by the commands and by tests ----

	/** Selects a series (its compilation name), a revision (0 = baseline) and a phase; false if there is none. */
	public boolean select(String seriesName, int patch, Phase phaseToShow) {
		int s = series.indexOf(seriesName);
		if (s < 0) {
			return false;
		}
		series.select(s);
		fillRevisions();
		List<RevisionResult> revisions = selectedRun().get().result().revisions();
		for (int i = 0; i < revisions.size(); i++) {
			if (revisions.get(i).patch() == patch) {
				revision.select(i);
				phase.select(Phase.VALUES.indexOf(phaseToShow));
				showState();
				return true;
			}
		}
		return false;
	}

	/** Looks an address of the language up in the selected state and brings the Lookup tab forward. */
	public void lookUp(String address) {
		folder.setSelection(tabs.indexOf(lookup));
		upToDate(lookup).walk(address, org.pagewright.arm64.walk.Access.READ);
	}

	public IFile file() {
		return file;
	}

	public String status() {
		return status.getText();
	}

	public boolean hasRun() {
		return fileRun != null;
	}

	/** The ptdump rows the table shows (after its filter). */
	public List<org.pagewright.arm64.ptdump.PtdumpRow> ptdumpRows() {
		return upToDate(ptdump).shownRows();
	}

	public org.eclipse.swt.widgets.Table ptdumpTable() {
		return upToDate(ptdump).table();
	}

	/** Sets the ptdump tab's VA range and attribute-word filters. */
	public void filterPtdump(String vaRange, String attributeWords) {
		upToDate(ptdump).filter(vaRange, attributeWords);
	}

	public org.eclipse.jface.viewers.TreeViewer tablesTree() {
		return upToDate(tree).viewer();
	}

	/** The decoded fields of the entry selected in the Tree tab, as "name=value (meaning)". */
	public List<String> selectedEntryFields() {
		return upToDate(tree).shownFields().stream().map(f -> f.name() + "=0x" + Long.toHexString(f.value()) + " (" + f.meaning() + ")")
				.toList();
	}

	/** The Verdicts tab's lines as {result, check or operation, reason, source}. */
	public List<String[]> verdictLines() {
		return upToDate(verdicts).shownLines().stream().map(l -> new String[] { l.status(), l.what(), l.reason(),
				l.source() == null ? "" : l.source() }).toList();
	}

	/** Compares the selected state with patch N (0 = baseline) in a phase, or with the previous revision (null). */
	public List<org.pagewright.config.run.PtdumpDiff.Row> diffWith(Integer patch, Phase phaseToCompare) {
		upToDate(diff).compareWith(patch, phaseToCompare);
		return diff.shownRows();
	}

	public String lookupOutcome() {
		return upToDate(lookup).outcome();
	}

	/** Writes the Map tab's picture of the selected state as a PNG. */
	public void exportMap(java.nio.file.Path png) throws java.io.IOException {
		upToDate(map).exportPng(png);
	}

	/** Brings a tab forward by its title ("ptdump", "Tree", "Map", "Verdicts", "Diff", "Lookup"). */
	public void showTab(String title) {
		for (int i = 0; i < tabs.size(); i++) {
			if (tabs.get(i).title().equals(title)) {
				folder.setSelection(i);
				upToDate(tabs.get(i));
			}
		}
	}
}
