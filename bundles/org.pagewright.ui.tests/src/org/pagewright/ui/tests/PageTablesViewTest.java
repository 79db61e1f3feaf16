package org.pagewright.ui.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pagewright.arm64.ptdump.PtdumpRow;
import org.pagewright.config.Phase;
import org.pagewright.config.run.PtdumpDiff;
import org.pagewright.lang.tests.SampleSeries;
import org.pagewright.ui.view.PageTablesView;

/**
 * The Page Tables view on the v4 review example: the data/bss alias after patch 15 in every tab, the diff between
 * patches 14 and 15, a failing file, the PNG export and the address lookup; nothing may be logged at ERROR.
 */
class PageTablesViewTest {
	private static final Path REVIEW = Path.of("../../examples/review-v4-13");
	/** lm_alias(__init_end): where the data/bss alias starts in the linear map of this platform. */
	private static final String DATA_ALIAS = "0xffff000002d00000";

	private static IProject project;
	private static IFile review;
	private final List<IStatus> errors = new ArrayList<>();
	private final ILogListener logged = (status, plugin) -> {
		if (status.matches(IStatus.ERROR)) {
			errors.add(status);
		}
	};
	private PageTablesView view;

	@BeforeAll
	static void copyTheReviewExample() throws CoreException, IOException {
		project = Workbench.project("page-tables-view-test");
		Workbench.file(project, "v7.1-rc1.layout", Files.readString(REVIEW.resolve("v7.1-rc1.layout")));
		review = Workbench.file(project, "data-bss-v4.layout", Files.readString(REVIEW.resolve("data-bss-v4.layout")));
	}

	@AfterAll
	static void deleteProject() throws CoreException {
		project.delete(true, true, null);
	}

	@BeforeEach
	void openTheReviewInTheView() throws CoreException {
		Platform.addLogListener(logged);
		IDE.openEditor(Workbench.page(), review);
		view = (PageTablesView) Workbench.page().showView(PageTablesView.ID);
		view.showFile(review);
		assertTrue(Workbench.waitUntil(view::hasRun, 120_000), "the review was never run: " + view.status());
		assertTrue(view.select("data_bss_v4", 15, Phase.RUNTIME), view.status());
	}

	@AfterEach
	void noErrorWasLogged() {
		Platform.removeLogListener(logged);
		assertEquals(List.of(), errors.stream().map(IStatus::getMessage).toList());
	}

	@Test
	void thePtdumpTabShowsTheDataBssAliasPresentInvalidAfterPatch15() {
		PtdumpRow.Range alias = range(view.ptdumpRows(), DATA_ALIAS).orElseThrow(() -> new AssertionError(view.ptdumpRows()));

		assertEquals(PtdumpRow.Kind.INVALID, alias.kind());
		assertTrue(alias.attributes().startsWith("F "), alias.text());
		assertEquals("Linear Mapping start", alias.section());
		assertTrue(view.status().contains("checks:"), view.status());

		view.filterPtdump("", "F");
		assertTrue(view.ptdumpRows().stream().allMatch(r -> r instanceof PtdumpRow.Marker
				|| ((PtdumpRow.Range) r).attributes().contains("F")), view.ptdumpRows()::toString);
		int at = view.ptdumpRows().indexOf(range(view.ptdumpRows(), DATA_ALIAS).orElseThrow());
		assertEquals(DATA_ALIAS, view.ptdumpTable().getItem(at).getText(0), "the virtual table fills the row on demand");
		view.filterPtdump("", "");
	}

	@Test
	void theTreeShowsAPresentInvalidBlockWhenTheAliasKeepsItsBlocks() {
		assertTrue(view.select("data_bss_v4", 16, Phase.RUNTIME));
		TreeViewer tree = view.tablesTree();
		tree.expandAll();
		Display.getCurrent().readAndDispatch();

		TreeItem block = find(tree.getTree().getItems(), "present-invalid block");
		assertNotNull(block, "no present-invalid block in the tree");
		tree.getTree().setSelection(block);
		tree.setSelection(tree.getSelection()); // fire the selection as a click would
		tree.getTree().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
		assertTrue(view.selectedEntryFields().contains("valid=0x0 (invalid (present-invalid: nG set))"),
				view.selectedEntryFields()::toString);
	}

	@Test
	void theVerdictsTabListsTheChecksOfTheRevisionWithTheirResults() {
		List<String[]> lines = view.verdictLines();

		assertTrue(lines.stream().anyMatch(l -> l[0].equals("PASS")
				&& l[1].equals("read lm_alias(__bss_start) expect fault level 3 translation")
				&& l[3].startsWith("data-bss-v4.layout:")), () -> lines.stream().map(l -> String.join(" | ", l)).toList().toString());
		assertTrue(lines.stream().noneMatch(l -> l[0].equals("FAIL")));
	}

	@Test
	void theDiffBetweenPatches14And15ShowsTheAliasTurningInvalid() {
		List<PtdumpDiff.Row> rows = view.diffWith(14, Phase.RUNTIME);

		assertTrue(rows.stream().anyMatch(r -> r.change() != PtdumpDiff.Change.EQUAL && r.after().startsWith(DATA_ALIAS)
				&& r.after().contains(" F ")), rows::toString);
		assertTrue(rows.stream().anyMatch(r -> r.before().startsWith(DATA_ALIAS) && !r.before().contains(" F ")),
				"patch 14 maps the alias read-only and valid: " + rows);
		assertTrue(rows.stream().noneMatch(r -> r.change() == PtdumpDiff.Change.EQUAL), "changed lines only by default");
	}

	@Test
	void theLookupOfTheBssAliasReportsTheLevel3TranslationFault() {
		view.lookUp("lm_alias(__bss_start)");

		assertTrue(view.lookupOutcome().contains("level 3 translation fault (FSC 0x07"), view.lookupOutcome());
		view.lookUp("no_such_symbol");
		assertTrue(view.lookupOutcome().startsWith("cannot evaluate no_such_symbol"), view.lookupOutcome());
	}

	@Test
	void theMapExportsANonEmptyPng() throws IOException {
		view.showTab("Map");
		Path png = Files.createTempDirectory("map").resolve("page-tables.png");

		view.exportMap(png);

		byte[] bytes = Files.readAllBytes(png);
		assertTrue(bytes.length > 1000, "PNG of " + bytes.length + " bytes");
		assertEquals((byte) 0x89, bytes[0]);
		assertEquals('P', bytes[1]);
	}

	@Test
	void fileExportWritesTheMapAsAPng() throws IOException {
		Path png = Files.createTempDirectory("export").resolve("map.png");
		org.pagewright.ui.view.ExportMapWizard wizard = new org.pagewright.ui.view.ExportMapWizard();
		wizard.init(org.eclipse.ui.PlatformUI.getWorkbench(), org.eclipse.jface.viewers.StructuredSelection.EMPTY);
		org.eclipse.jface.wizard.WizardDialog dialog = new org.eclipse.jface.wizard.WizardDialog(
				Workbench.page().getWorkbenchWindow().getShell(), wizard);
		dialog.create();
		org.eclipse.swt.widgets.Text path = find(dialog.getShell(), org.eclipse.swt.widgets.Text.class);
		path.setText(png.toString());

		assertTrue(wizard.canFinish());
		assertTrue(wizard.performFinish());
		dialog.close();
		assertTrue(Files.size(png) > 1000);
	}

	private static <T> T find(org.eclipse.swt.widgets.Control control, Class<T> type) {
		if (type.isInstance(control)) {
			return type.cast(control);
		}
		if (control instanceof org.eclipse.swt.widgets.Composite c) {
			for (org.eclipse.swt.widgets.Control child : c.getChildren()) {
				T found = find(child, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	@Test
	void aFailingFileShowsItsFailure() throws CoreException {
		IFile failing = Workbench.file(project, "failing.layout", SampleSeries.UNMAP_DATA_ALIAS.formatted("ok"));
		IDE.openEditor(Workbench.page(), failing);
		assertTrue(Workbench.waitUntil(() -> failing.equals(view.file()) && view.status().contains("1 failed"), 60_000),
				view.status());

		assertTrue(view.select("unmap", 1, Phase.RUNTIME));
		assertTrue(view.verdictLines().stream().anyMatch(l -> l[0].equals("FAIL") && l[2].contains("translation fault")),
				() -> view.verdictLines().stream().map(l -> String.join(" | ", l)).toList().toString());
	}

	@Test
	void runRunsTheEditorsUnsavedTextAndLeavesTheFileAlone() throws Exception {
		String passing = SampleSeries.UNMAP_DATA_ALIAS.formatted("fault level 3 translation");
		IFile file = Workbench.file(project, "unsaved.layout", passing);
		org.eclipse.ui.texteditor.ITextEditor editor = (org.eclipse.ui.texteditor.ITextEditor) IDE.openEditor(
				Workbench.page(), file);
		assertTrue(Workbench.waitUntil(() -> file.equals(view.file()) && view.status().contains("3 checks: 3 passed"),
				60_000), view.status());

		editor.getDocumentProvider().getDocument(editor.getEditorInput())
				.set(SampleSeries.UNMAP_DATA_ALIAS.formatted("ok"));
		PlatformUIHandlers.execute("org.pagewright.ui.run");

		assertTrue(Workbench.waitUntil(() -> view.status().contains("1 failed"), 60_000), view.status());
		assertTrue(editor.isDirty(), "Run does not save");
		assertEquals(passing, new String(file.getContents().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
		editor.doRevertToSaved();
	}

	@Test
	void lookUpFromTheEditorWalksTheAddressUnderTheCaret() throws Exception {
		org.eclipse.ui.texteditor.ITextEditor editor = (org.eclipse.ui.texteditor.ITextEditor) IDE.openEditor(
				Workbench.page(), review);
		String text = editor.getDocumentProvider().getDocument(editor.getEditorInput()).get();
		int caret = text.indexOf("read lm_alias(__bss_start) expect fault level 3") + "read lm_alias(__b".length();
		editor.selectAndReveal(caret, 0);
		assertTrue(view.select("data_bss_v4", 15, Phase.RUNTIME));

		PlatformUIHandlers.execute("org.pagewright.ui.lookUpAddress");

		assertTrue(view.lookupOutcome().startsWith("read of 0xffff000003340000: level 3 translation fault"),
				view.lookupOutcome());
	}

	private static Optional<PtdumpRow.Range> range(List<PtdumpRow> rows, String start) {
		return rows.stream().filter(r -> r instanceof PtdumpRow.Range x && String.format("0x%016x", x.start()).equals(start))
				.map(PtdumpRow.Range.class::cast).findFirst();
	}

	private static TreeItem find(TreeItem[] items, String kind) {
		for (TreeItem item : items) {
			if (item.getText(2).equals(kind)) {
				return item;
			}
			TreeItem below = find(item.getItems(), kind);
			if (below != null) {
				return below;
			}
		}
		return null;
	}
}
