package org.pagewright.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pagewright.ui.checks.LayoutCheckJob;
import org.pagewright.ui.checks.LayoutRuns;
import org.pagewright.ui.view.PageTablesView;

/**
 * Prints how long the view takes, for the README (figures, not assertions: timed assertions fail on a loaded
 * machine): save → run → view refreshed for every example, and time to first paint of a page-mapped 64 GiB state.
 * A save is the user's: the editor's text changed, a pause in which the editor validates it as it does while the
 * user types, then saved (Ctrl+S), with the Page Tables view open; and once saved at once after the change, which
 * pays the parse and validation too.
 */
class PageTablesViewTimingTest {
	private static final Path EXAMPLES = Path.of("../../examples");
	private static final int SAVES = 6;
	/** Longer than the editor's reconciler delay (300 ms) and its validation. */
	private static final long PAUSE_MILLIS = 700;
	private static IProject project;

	@BeforeAll
	static void createProject() throws CoreException {
		project = Workbench.project("page-tables-timings");
	}

	@AfterAll
	static void deleteProject() throws CoreException {
		project.delete(true, true, null);
	}

	@Test
	void saveToRefreshedViewForEveryExample() throws Exception {
		List<Path> layouts;
		try (Stream<Path> files = Files.walk(EXAMPLES)) {
			layouts = files.filter(p -> p.toString().endsWith(".layout") && !p.toString().contains("/target/")).sorted()
					.toList();
		}
		for (Path layout : layouts) {
			copy(layout);
		}
		PageTablesView view = (PageTablesView) Workbench.page().showView(PageTablesView.ID);
		waitForRuns();
		for (Path layout : layouts) {
			IFile file = project.getFile(EXAMPLES.relativize(layout).toString());
			ITextEditor editor = (ITextEditor) IDE.openEditor(Workbench.page(), file);
			waitForRuns();
			IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
			String text = document.get();
			List<Long> saves = new ArrayList<>();
			for (int i = 1; i <= SAVES; i++) { // the first save of a file in a fresh workbench also warms the JIT up
				document.set(text + "\n".repeat(i % 2));
				Workbench.waitUntil(() -> false, PAUSE_MILLIS);
				saves.add(saveAndWait(editor, file, view));
			}
			document.set(text);
			long atOnce = saveAndWait(editor, file, view);
			List<Long> warm = saves.subList(SAVES / 2, SAVES).stream().sorted().toList();
			System.out.printf("TIMING save->view %s: first %d ms, median of the last %d saves %d ms, saved at once "
					+ "after the change %d ms (%s)%n", EXAMPLES.relativize(layout), saves.get(0), warm.size(),
					warm.get(warm.size() / 2), atOnce, view.status());
		}
	}

	/** Saves the editor and waits until the view shows the run: the milliseconds that took. */
	private static long saveAndWait(ITextEditor editor, IFile file, PageTablesView view) {
		long start = System.nanoTime();
		LayoutRuns.FileRun before = LayoutRuns.latest(file).orElse(null);
		editor.doSave(null);
		assertTrue(Workbench.waitUntil(() -> LayoutRuns.latest(file).filter(r -> r != before
				&& view.status().equals(file.getName() + ": " + r.summary())).isPresent() && idle(), 120_000),
				view.status());
		return (System.nanoTime() - start) / 1_000_000;
	}

	@Test
	void aPageMapped64GiBStateOpensAndPaints() throws CoreException {
		PageTablesView view = (PageTablesView) Workbench.page().showView(PageTablesView.ID);
		waitForRuns();
		long start = System.nanoTime(); // from the file's creation: its run starts then
		IFile big = Workbench.file(project, "linear-64g.layout", """
				platform big {
				  arch arm64
				  granule 4K
				  va_bits 48
				  kernel 6.12
				  dram ram at 0x40_0000_0000 size 64G
				}
				image img {
				  load phys 0x4020_0000 virt 0xffff_8000_8000_0000
				  symbol _text = 0xffff800080000000
				}
				policy flat on big with img {
				  boot {
				    bank_map: map [0xffff000000000000, +64G) phys 0x40_0000_0000 PAGE_KERNEL NO_BLOCK_MAPPINGS | NO_CONT_MAPPINGS
				  }
				}
				checks mapped on flat {
				  read 0xffff000800000000 expect ok
				}
				""");
		IDE.openEditor(Workbench.page(), big);
		assertTrue(Workbench.waitUntil(() -> big.equals(view.file()) && view.status().startsWith(big.getName() + ":"),
				300_000), view.status());
		assertTrue(view.status().contains("1 checks: 1 passed"), view.status());
		long run = System.nanoTime();
		view.showTab("ptdump");
		view.ptdumpTable().redraw();
		view.ptdumpTable().update();
		long ptdumpPaint = System.nanoTime();
		view.showTab("Tree");
		view.tablesTree().expandToLevel(2);
		view.tablesTree().getTree().update();
		long tree = System.nanoTime();
		view.showTab("Map");
		Display.getCurrent().readAndDispatch();
		long map = System.nanoTime();
		System.out.printf("TIMING 64 GiB page-mapped: shown %d ms after the file was created, then ptdump first paint %d ms, tree of two levels %d ms,"
				+ " map %d ms (%s)%n", (run - start) / 1_000_000, (ptdumpPaint - run) / 1_000_000,
				(tree - ptdumpPaint) / 1_000_000, (map - tree) / 1_000_000, view.status());
	}

	private static void copy(Path layout) throws CoreException, IOException {
		Path relative = EXAMPLES.relativize(layout);
		if (relative.getParent() != null) {
			IFolder folder = project.getFolder(relative.getParent().toString());
			if (!folder.exists()) {
				folder.create(true, true, null);
			}
		}
		Workbench.file(project, relative.toString(), Files.readString(layout));
	}

	private static void waitForRuns() {
		assertTrue(Workbench.waitUntil(PageTablesViewTimingTest::idle, 300_000));
	}

	private static boolean idle() {
		return Job.getJobManager().find(LayoutCheckJob.FAMILY).length == 0;
	}
}
