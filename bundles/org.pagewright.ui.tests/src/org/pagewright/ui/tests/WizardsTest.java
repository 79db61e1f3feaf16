package org.pagewright.ui.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pagewright.ui.checks.LayoutCheckJob;
import org.pagewright.ui.checks.LayoutRuns;
import org.pagewright.ui.wizards.NewLayoutFileWizard;
import org.pagewright.ui.wizards.NewPagewrightProjectWizard;

/** File > New: projects from the shipped examples and a layout file from the template, each passing as created. */
class WizardsTest {
	private IProject project;

	@AfterEach
	void deleteProject() throws CoreException {
		Workbench.page().closeAllEditors(false);
		if (project != null) {
			project.delete(true, true, null);
		}
	}

	@Test
	void everyShippedExampleBecomesAProjectWhoseChecksAllHold() throws CoreException {
		List<String> examples = NewPagewrightProjectWizard.examples();
		assertTrue(examples.containsAll(List.of("qemu-virt", "review-v4-13")), examples::toString);

		project = ResourcesPlugin.getWorkspace().getRoot().getProject("from-review-example");
		NewPagewrightProjectWizard.create(project, "review-v4-13");

		IFile series = project.getFile("data-bss-v4.layout");
		assertTrue(series.exists() && project.getFile("v7.1-rc1.layout").exists());
		assertTrue(Workbench.waitUntil(() -> LayoutRuns.latest(series).isPresent() && idle(), 120_000));
		String summary = LayoutRuns.latest(series).orElseThrow().summary();
		assertTrue(summary.matches("(\\d+) checks: \\1 passed.*") && LayoutRuns.latest(series).get().verdicts().size() >= 44,
				summary);
	}

	@Test
	void theNewLayoutFileWizardCreatesAFileThatRunsAndPasses() throws CoreException {
		project = Workbench.project("new-layout-file");
		NewLayoutFileWizard wizard = new NewLayoutFileWizard();
		wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(project));
		WizardDialog dialog = new WizardDialog(Workbench.page().getWorkbenchWindow().getShell(), wizard);
		dialog.create();
		((WizardNewFileCreationPage) wizard.getPage("layoutFile")).setFileName("fresh.layout");

		assertTrue(wizard.performFinish());
		dialog.close();

		IFile created = project.getFile("fresh.layout");
		assertTrue(created.exists());
		assertEquals("fresh.layout", Workbench.page().getActiveEditor().getEditorInput().getName());
		assertTrue(Workbench.waitUntil(() -> LayoutRuns.latest(created).isPresent() && idle(), 60_000));
		String summary = LayoutRuns.latest(created).orElseThrow().summary();
		assertTrue(summary.startsWith("3 checks: 3 passed"), summary);
	}

	@Test
	void helpGettingStartedOpensATourOfTheLanguageThatRunsAndPasses() throws Exception {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject(
				org.pagewright.ui.wizards.GettingStartedHandler.PROJECT);

		PlatformUIHandlers.execute("org.pagewright.ui.gettingStarted");

		IFile tour = project.getFile(org.pagewright.ui.wizards.GettingStartedHandler.FILE);
		assertEquals(tour.getName(), Workbench.page().getActiveEditor().getEditorInput().getName());
		assertNotNull(Workbench.page().findView("org.pagewright.ui.pageTablesView"));
		assertTrue(Workbench.waitUntil(() -> LayoutRuns.latest(tour).isPresent() && idle(), 60_000));
		String summary = LayoutRuns.latest(tour).orElseThrow().summary();
		assertTrue(summary.startsWith("11 checks: 11 passed"), summary);
	}

	private static boolean idle() {
		return Job.getJobManager().find(LayoutCheckJob.FAMILY).length == 0;
	}
}
