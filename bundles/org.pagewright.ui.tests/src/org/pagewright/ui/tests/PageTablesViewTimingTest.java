package org.pagewright.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pagewright.ui.checks.LayoutCheckJob;
import org.pagewright.ui.checks.LayoutRuns;
import org.pagewright.ui.view.PageTablesView;

/**
 * Prints how long the view takes, for the README (figures, not assertions: timed assertions fail on a loaded
 * machine): save → run → view refreshed for every example, and time to first paint of a page-mapped 64 GiB state.
 */
class PageTablesViewTimingTest {
	private static final Path EXAMPLES = Path.of("../../examples");
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
			IDE.openEditor(Workbench.page(), file);
			for (int i = 0; i < 3; i++) { // the first run of a file also loads its imports
				long start = System.nanoTime();
				LayoutRuns.FileRun before = LayoutRuns.latest(file).orElse(null);
				Workbench.file(project, file.getProjectRelativePath().toString(), Files.readString(layout) + "\n".repeat(i));
				assertTrue(Workbench.waitUntil(() -> LayoutRuns.latest(file).filter(r -> r != before
						&& view.status().equals(file.getName() + ": " + r.summary())).isPresent() && idle(), 120_000),
						view.status());
				long millis = (System.nanoTime() - start) / 1_000_000;
				System.out.printf("TIMING save->view %s run %d: %d ms (%s)%n", EXAMPLES.relativize(layout), i, millis,
						view.status());
			}
		}
	}

	@Test
	void aPageMapped64GiBStateOpensAndPaints() throws CoreException {
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
		PageTablesView view = (PageTablesView) Workbench.page().showView(PageTablesView.ID);
		waitForRuns();
		IDE.openEditor(Workbench.page(), big);
		long start = System.nanoTime();
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
		System.out.printf("TIMING 64 GiB page-mapped: shown %d ms after opening, then ptdump first paint %d ms, tree of two levels %d ms,"
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
