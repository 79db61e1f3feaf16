package org.pagewright.ui.editor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;

/** Problem markers of the layout language: one per Xtext issue, carrying its issue code for quick fixes. */
public final class LayoutMarkers {

	/** Marker type of validation problems, declared in plugin.xml (a problem marker and a text marker). */
	public static final String TYPE = "org.pagewright.ui.problem";
	/** Marker type of checks that failed when the file was last saved (see plugin.xml). */
	public static final String CHECK_FAILURE = "org.pagewright.ui.checkFailure";
	/** Marker attribute holding the validator's public issue code. */
	public static final String ISSUE_CODE = "org.pagewright.ui.issueCode";

	private LayoutMarkers() {
	}

	/** Replaces the file's markers of this type by one per issue. */
	public static void replace(IFile file, String type, List<Issue> issues) {
		IWorkspaceRunnable update = monitor -> {
			file.deleteMarkers(type, true, IResource.DEPTH_ZERO);
			for (Issue issue : issues) {
				create(file, type, issue);
			}
		};
		try {
			// As a workspace operation on the file alone: one resource-change event, no lock on the whole workspace.
			file.getWorkspace().run(update, file, IResource.NONE, null);
		} catch (CoreException e) {
			ILog.of(LayoutMarkers.class).error("Cannot update the markers of " + file.getFullPath(), e);
		}
	}

	private static void create(IFile file, String type, Issue issue) throws CoreException {
		if (issue.getSeverity() == Severity.IGNORE) {
			return;
		}
		// All attributes at once: other threads never see a marker without its line or severity.
		Map<String, Object> attributes = new HashMap<>();
		attributes.put(IMarker.MESSAGE, issue.getMessage());
		attributes.put(IMarker.SEVERITY, switch (issue.getSeverity()) {
		case ERROR -> IMarker.SEVERITY_ERROR;
		case WARNING -> IMarker.SEVERITY_WARNING;
		default -> IMarker.SEVERITY_INFO;
		});
		if (issue.getLineNumber() != null) {
			attributes.put(IMarker.LINE_NUMBER, issue.getLineNumber());
		}
		if (issue.getOffset() != null && issue.getLength() != null) {
			attributes.put(IMarker.CHAR_START, issue.getOffset());
			attributes.put(IMarker.CHAR_END, issue.getOffset() + issue.getLength());
		}
		if (issue.getCode() != null) {
			attributes.put(ISSUE_CODE, issue.getCode());
		}
		file.createMarker(type, attributes);
	}
}
