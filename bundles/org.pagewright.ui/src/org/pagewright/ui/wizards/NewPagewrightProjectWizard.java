package org.pagewright.ui.wizards;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.List;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.WorkspaceModifyOperation;
import org.eclipse.ui.dialogs.WizardNewProjectCreationPage;
import org.eclipse.ui.ide.IDE;

/**
 * File > New > Pagewright Project: a project holding one of the examples (its layout files, which run as they are),
 * the first of them opened in the layout editor.
 */
public class NewPagewrightProjectWizard extends Wizard implements INewWizard {
	private IWorkbench workbench;
	private WizardNewProjectCreationPage projectPage;
	private ExamplePage examplePage;

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		this.workbench = workbench;
		setWindowTitle("New Pagewright Project");
		setNeedsProgressMonitor(true);
	}

	@Override
	public void addPages() {
		projectPage = new WizardNewProjectCreationPage("project");
		projectPage.setTitle("Pagewright project");
		projectPage.setDescription("A project with the layout files of an example.");
		projectPage.setInitialProjectName("review");
		addPage(projectPage);
		examplePage = new ExamplePage();
		addPage(examplePage);
	}

	@Override
	public boolean performFinish() {
		IProject project = projectPage.getProjectHandle();
		String example = examplePage.example();
		try {
			getContainer().run(true, false, new WorkspaceModifyOperation() {
				@Override
				protected void execute(org.eclipse.core.runtime.IProgressMonitor monitor) throws CoreException {
					create(project, example);
				}
			});
		} catch (InvocationTargetException e) {
			examplePage.setErrorMessage("Cannot create the project: " + e.getCause().getMessage());
			return false;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
		java.util.List<String> files = Examples.files(example);
		if (!files.isEmpty()) {
			try {
				IDE.openEditor(workbench.getActiveWorkbenchWindow().getActivePage(), project.getFile(main(files)));
			} catch (PartInitException e) {
				// the project exists; the editor can be opened from the Project Explorer
			}
		}
		return true;
	}

	/** The file to open: the first that imports another (a series on a shared platform), else the first. */
	private String main(java.util.List<String> files) {
		String example = examplePage.example();
		for (String name : files) {
			try (InputStream in = Examples.open(example, name)) {
				if (new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).contains("import \"")) {
					return name;
				}
			} catch (IOException e) {
				// not readable: not the one to open
			}
		}
		return files.get(0);
	}

	/**
	 * Creates the project with the example's files (used by the wizard and by tests), in one workspace operation so
	 * that the files are there together when they are first run (one imports another).
	 */
	public static void create(IProject project, String example) throws CoreException {
		project.getWorkspace().run(monitor -> {
			if (!project.exists()) {
				project.create(null);
			}
			project.open(null);
			for (String name : Examples.files(example)) {
				copy(project.getFile(name), example, name);
			}
		}, project.getWorkspace().getRoot(), org.eclipse.core.resources.IWorkspace.AVOID_UPDATE, null);
	}

	private static void copy(IFile file, String example, String name) throws CoreException {
		try (InputStream in = Examples.open(example, name)) {
			if (file.exists()) {
				file.setContents(in, true, false, null);
			} else {
				file.create(in, true, null);
			}
		} catch (IOException e) {
			throw new CoreException(org.eclipse.core.runtime.Status.error("Cannot copy " + name, e));
		}
	}

	/** The names of the examples shipped with the workbench. */
	public static java.util.List<String> examples() {
		return Examples.names();
	}

	/** Chooses the example. */
	private static final class ExamplePage extends WizardPage {
		private List list;

		ExamplePage() {
			super("example");
			setTitle("Example");
			setDescription("The example the project starts from.");
		}

		@Override
		public void createControl(Composite parent) {
			Composite root = new Composite(parent, SWT.NONE);
			GridLayoutFactory.swtDefaults().applyTo(root);
			new Label(root, SWT.NONE).setText("Examples (each runs as it is; see examples/README.md):");
			list = new List(root, SWT.BORDER | SWT.SINGLE);
			Examples.names().forEach(list::add);
			if (list.getItemCount() > 0) {
				list.select(list.indexOf("review-v4-13") >= 0 ? list.indexOf("review-v4-13") : 0);
			}
			GridDataFactory.fillDefaults().grab(true, true).hint(300, 160).applyTo(list);
			setControl(root);
			setPageComplete(list.getItemCount() > 0);
		}

		String example() {
			return list.getSelection()[0];
		}
	}
}
