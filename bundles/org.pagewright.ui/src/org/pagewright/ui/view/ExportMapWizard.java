package org.pagewright.ui.view;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IExportWizard;
import org.eclipse.ui.IWorkbench;

/** File > Export > Pagewright > Page Tables Map as PNG: the Map tab's picture of the state the view shows. */
public class ExportMapWizard extends Wizard implements IExportWizard {
	private PageTablesView view;
	private TargetPage page;

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		setWindowTitle("Export the Page Tables Map");
		var active = workbench.getActiveWorkbenchWindow() == null ? null
				: workbench.getActiveWorkbenchWindow().getActivePage();
		view = active == null ? null : (PageTablesView) active.findView(PageTablesView.ID);
	}

	@Override
	public void addPages() {
		page = new TargetPage(view != null && view.hasRun());
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		try {
			view.exportMap(Path.of(page.target()));
			return true;
		} catch (IOException | RuntimeException e) {
			page.setErrorMessage("Cannot write " + page.target() + ": " + e.getMessage());
			return false;
		}
	}

	/** Where the PNG goes. */
	private static final class TargetPage extends WizardPage {
		private final boolean hasState;
		private Text path;

		TargetPage(boolean hasState) {
			super("target");
			this.hasState = hasState;
			setTitle("Page Tables Map as PNG");
			setDescription("The address-space picture of the state the Page Tables view shows.");
		}

		@Override
		public void createControl(Composite parent) {
			Composite root = new Composite(parent, SWT.NONE);
			GridLayoutFactory.swtDefaults().numColumns(3).applyTo(root);
			new Label(root, SWT.NONE).setText("PNG file:");
			path = new Text(root, SWT.BORDER);
			path.setText(System.getProperty("user.home") + "/page-tables.png");
			GridDataFactory.fillDefaults().grab(true, false).applyTo(path);
			Button browse = new Button(root, SWT.PUSH);
			browse.setText("Browse…");
			browse.addListener(SWT.Selection, e -> {
				FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
				dialog.setFilterExtensions(new String[] { "*.png" });
				String chosen = dialog.open();
				if (chosen != null) {
					path.setText(chosen);
				}
			});
			path.addListener(SWT.Modify, e -> validate());
			setControl(root);
			validate();
		}

		private void validate() {
			String error = !hasState ? "Open the Page Tables view on a layout file that has run first."
					: path.getText().isBlank() ? "Give the PNG file." : null;
			setErrorMessage(error);
			setPageComplete(error == null);
		}

		String target() {
			return path.getText();
		}
	}
}
