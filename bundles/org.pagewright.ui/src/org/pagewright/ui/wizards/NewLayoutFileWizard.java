package org.pagewright.ui.wizards;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.eclipse.ui.ide.IDE;

/** File > New > Layout File: a .layout file from {@link LayoutTemplates#NEW_FILE}, opened in the layout editor. */
public class NewLayoutFileWizard extends Wizard implements INewWizard {
	private IWorkbench workbench;
	private IStructuredSelection selection;
	private WizardNewFileCreationPage page;

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		this.workbench = workbench;
		this.selection = selection;
		setWindowTitle("New Layout File");
	}

	@Override
	public void addPages() {
		page = new WizardNewFileCreationPage("layoutFile", selection) {
			@Override
			protected InputStream getInitialContents() {
				return new ByteArrayInputStream(LayoutTemplates.NEW_FILE.getBytes(StandardCharsets.UTF_8));
			}
		};
		page.setTitle("Layout file");
		page.setDescription("A platform, a kernel image, a boot policy, a one-patch series and its checks, ready to run.");
		page.setFileExtension("layout");
		page.setFileName("new.layout");
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		IFile file = page.createNewFile();
		if (file == null) {
			return false;
		}
		try {
			IDE.openEditor(workbench.getActiveWorkbenchWindow().getActivePage(), file);
		} catch (PartInitException e) {
			page.setErrorMessage("Created, but cannot open it: " + e.getMessage());
		}
		return true;
	}
}
