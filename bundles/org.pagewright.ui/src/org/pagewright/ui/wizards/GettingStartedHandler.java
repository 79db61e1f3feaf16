package org.pagewright.ui.wizards;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.ide.IDE;

/**
 * Help > Pagewright Getting Started: a tour of the language that runs (help/getting-started.layout of this
 * bundle), copied into a project "Getting Started" unless it is there already, opened with the Page Tables view.
 */
public class GettingStartedHandler extends AbstractHandler {
	public static final String PROJECT = "Getting Started";
	public static final String FILE = "getting-started.layout";

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		try {
			IFile tour = tour();
			IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage();
			page.showView("org.pagewright.ui.pageTablesView", null, IWorkbenchPage.VIEW_VISIBLE);
			IDE.openEditor(page, tour);
		} catch (CoreException | IOException e) {
			throw new ExecutionException("Cannot open the getting-started tour", e);
		}
		return null;
	}

	/** The tour in the workspace; a copy the user edited is kept. */
	public static IFile tour() throws CoreException, IOException {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(PROJECT);
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
		IFile file = project.getFile(FILE);
		if (!file.exists()) {
			URL url = Platform.getBundle("org.pagewright.ui").getEntry("/help/" + FILE);
			try (InputStream in = url.openStream()) {
				file.create(in, true, null);
			}
		}
		return file;
	}
}
