package org.pagewright.ui.quickfix;

import java.io.IOException;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IMarkerResolution2;
import org.pagewright.lang.ide.codeactions.LayoutQuickFixes.Fix;
import org.pagewright.lang.ide.codeactions.LayoutQuickFixes.Replacement;

/** One quick fix: its replacements applied to the file's document (the open editor's, if there is one). */
final class LayoutMarkerResolution implements IMarkerResolution2 {

	private final Fix fix;

	LayoutMarkerResolution(Fix fix) {
		this.fix = fix;
	}

	@Override
	public String getLabel() {
		return fix.title();
	}

	@Override
	public String getDescription() {
		return fix.title();
	}

	@Override
	public Image getImage() {
		return null;
	}

	@Override
	public void run(IMarker marker) {
		if (!(marker.getResource() instanceof IFile file)) {
			return;
		}
		try (FileText text = FileText.open(file)) {
			// from the end backwards, so that earlier offsets stay valid
			for (Replacement r : fix.replacements().stream()
					.sorted((a, b) -> Integer.compare(b.offset(), a.offset())).toList()) {
				text.document().replace(r.offset(), r.length(), r.text());
			}
			text.saveUnlessOpenElsewhere();
		} catch (IOException | BadLocationException | RuntimeException e) {
			ILog.of(getClass()).error("Quick fix '" + fix.title() + "' failed on " + file.getFullPath(), e);
		}
	}
}
