package org.pagewright.ui.tests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;

/** Helpers for tests that drive the real workbench on the UI thread. */
final class Workbench {

	private Workbench() {
	}

	static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	static IProject project(String name) throws CoreException {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
		return project;
	}

	static IFile file(IProject project, String name, String content) throws CoreException {
		IFile file = project.getFile(name);
		ByteArrayInputStream source = new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
		if (file.exists()) {
			file.setContents(source, true, false, null);
		} else {
			file.create(source, true, null);
		}
		return file;
	}

	/** Runs the event loop until the condition holds; false if it still does not after the timeout. */
	static boolean waitUntil(BooleanSupplier condition, long timeoutMillis) {
		Display display = Display.getCurrent();
		long deadline = System.currentTimeMillis() + timeoutMillis;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > deadline) {
				return false;
			}
			if (!display.readAndDispatch()) {
				display.timerExec(20, () -> { });
				display.sleep();
			}
		}
		return true;
	}
}
