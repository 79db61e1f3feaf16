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

	/**
	 * Makes the file's markers of this type one per issue. Markers that still stand for an issue are kept as they
	 * are and only the others are deleted or created: the Problems view never shows a marker that was deleted and
	 * recreated under it ("Marker … not found").
	 */
	public static void replace(IFile file, String type, List<Issue> issues) {
		IWorkspaceRunnable update = monitor -> {
			List<Map<String, Object>> wanted = new java.util.ArrayList<>(issues.stream()
					.filter(i -> i.getSeverity() != Severity.IGNORE).map(LayoutMarkers::attributes).distinct().toList());
			for (IMarker marker : file.findMarkers(type, true, IResource.DEPTH_ZERO)) {
				if (!wanted.remove(known(marker))) {
					marker.delete();
				}
			}
			for (Map<String, Object> attributes : wanted) {
				file.createMarker(type, attributes);
			}
		};
		try {
			// As a workspace operation on the file alone: one resource-change event, no lock on the whole workspace.
			file.getWorkspace().run(update, file, IResource.NONE, null);
		} catch (CoreException e) {
			ILog.of(LayoutMarkers.class).error("Cannot update the markers of " + file.getFullPath(), e);
		}
	}

	private static Map<String, Object> known(IMarker marker) throws CoreException {
		Map<String, Object> out = new HashMap<>();
		for (String key : KEYS) {
			Object value = marker.getAttribute(key);
			if (value != null) {
				out.put(key, value);
			}
		}
		return out;
	}

	/** The attributes a marker of an issue has; two markers with equal values stand for the same issue. */
	private static final String[] KEYS = { IMarker.MESSAGE, IMarker.SEVERITY, IMarker.LINE_NUMBER, IMarker.CHAR_START,
			IMarker.CHAR_END, ISSUE_CODE };

	private static Map<String, Object> attributes(Issue issue) {
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
		return attributes;
	}
}
