package org.pagewright.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;

/**
 * Opens the layout files named on the command line ({@code pagewright examples/seed/review.layout}). Each file's
 * folder is linked into the workspace project {@value #PROJECT}, so the file is a workspace file (markers,
 * imports of its siblings) while nothing is written into the user's folder.
 */
public class OpenFilesAtStartup implements IStartup {

	static final String PROJECT = "Layouts";

	@Override
	public void earlyStartup() {
		List<Path> files = layoutFiles(Platform.getApplicationArgs());
		if (files.isEmpty()) {
			return;
		}
		PlatformUI.getWorkbench().getDisplay().asyncExec(() -> {
			IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
			if (window == null) {
				return;
			}
			for (Path file : files) {
				open(window.getActivePage(), file);
			}
		});
	}

	static List<Path> layoutFiles(String[] args) {
		List<Path> files = new ArrayList<>();
		for (String arg : args) {
			if (arg.endsWith(".layout")) {
				Path path = Path.of(arg).toAbsolutePath().normalize();
				if (Files.isRegularFile(path)) {
					files.add(path);
				} else {
					ILog.of(OpenFilesAtStartup.class).warn("No such layout file: " + path);
				}
			}
		}
		return files;
	}

	private static void open(IWorkbenchPage page, Path path) {
		try {
			IDE.openEditor(page, linkedFile(path));
		} catch (CoreException e) {
			ILog.of(OpenFilesAtStartup.class).error("Cannot open " + path, e);
		}
	}

	private static IFile linkedFile(Path path) throws CoreException {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(PROJECT);
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
		Path folderPath = path.getParent();
		IFolder folder = project.getFolder(folderPath.getFileName().toString());
		if (folder.exists() && !folderPath.toUri().equals(folder.getLocationURI())) {
			folder = project.getFolder(folderPath.getFileName() + "-" + Integer.toHexString(folderPath.hashCode()));
		}
		if (!folder.exists()) {
			folder.createLink(folderPath.toUri(), IResource.REPLACE, null);
		}
		IFile file = folder.getFile(path.getFileName().toString());
		file.refreshLocal(IResource.DEPTH_ZERO, null);
		return file;
	}
}
