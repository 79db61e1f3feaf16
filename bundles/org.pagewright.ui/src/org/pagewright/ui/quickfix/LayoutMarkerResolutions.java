package org.pagewright.ui.quickfix;

import java.io.IOException;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.ILog;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.pagewright.lang.ide.codeactions.LayoutQuickFixes;
import org.pagewright.lang.ide.codeactions.LayoutQuickFixes.Fix;
import org.pagewright.ui.LayoutLanguage;
import org.pagewright.ui.editor.LayoutMarkers;

/**
 * Quick fixes for layout problem markers (Problems view and Ctrl+1 in the editor): the language's own fixes for
 * the marker's issue code, computed on the file's current text.
 */
public class LayoutMarkerResolutions implements IMarkerResolutionGenerator2 {

	@Override
	public boolean hasResolutions(IMarker marker) {
		return marker.getAttribute(LayoutMarkers.ISSUE_CODE, null) != null && !fixes(marker).isEmpty();
	}

	@Override
	public IMarkerResolution[] getResolutions(IMarker marker) {
		return fixes(marker).stream().map(LayoutMarkerResolution::new).toArray(IMarkerResolution[]::new);
	}

	static List<Fix> fixes(IMarker marker) {
		String code = marker.getAttribute(LayoutMarkers.ISSUE_CODE, null);
		int start = marker.getAttribute(IMarker.CHAR_START, -1);
		int end = marker.getAttribute(IMarker.CHAR_END, -1);
		if (code == null || start < 0 || end < start || !(marker.getResource() instanceof IFile file)) {
			return List.of();
		}
		try (FileText text = FileText.open(file)) {
			return LayoutLanguage.injector().getInstance(LayoutQuickFixes.class)
					.fixesFor(text.parse(), code, start, end - start);
		} catch (IOException | RuntimeException e) {
			ILog.of(LayoutMarkerResolutions.class).error("Cannot compute quick fixes for " + file.getFullPath(), e);
			return List.of();
		}
	}
}
