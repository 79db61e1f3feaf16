package org.pagewright.ui.checks;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.ui.IStartup;

/**
 * Runs a layout file's checks each time it is saved (or added to the workspace), in the background, so that the
 * Problems view and the editor ruler show which checks fail, as a build would.
 */
public class RunChecksOnSave implements IStartup, IResourceChangeListener {

	private static final String EXTENSION = "layout";

	@Override
	public void earlyStartup() {
		ResourcesPlugin.getWorkspace().addResourceChangeListener(this, IResourceChangeEvent.POST_CHANGE);
		RunFeedback.install();
	}

	@Override
	public void resourceChanged(IResourceChangeEvent event) {
		List<IFile> saved = new ArrayList<>();
		try {
			event.getDelta().accept(delta -> {
				boolean contentChanged = delta.getKind() == IResourceDelta.ADDED
						|| delta.getKind() == IResourceDelta.CHANGED && (delta.getFlags() & IResourceDelta.CONTENT) != 0;
				if (contentChanged && delta.getResource() instanceof IFile file
						&& EXTENSION.equals(file.getFileExtension())) {
					saved.add(file);
				}
				return true;
			});
		} catch (CoreException e) {
			ILog.of(getClass()).error("Cannot read the workspace changes", e);
		}
		saved.forEach(file -> new LayoutCheckJob(file).schedule());
	}
}
