package org.pagewright.ui.checks;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

/**
 * Tells that a run happened: the status line of the workbench window whose active editor shows the file says
 * "data-bss-v4.layout: 44 checks: 44 passed (120 ms)" (or which failed), as a build tool's last line would.
 */
final class RunFeedback {

	private RunFeedback() {
	}

	static void install() {
		LayoutRuns.addListener(run -> Display.getDefault().asyncExec(() -> show(run)));
	}

	private static void show(LayoutRuns.FileRun run) {
		if (!PlatformUI.isWorkbenchRunning()) {
			return;
		}
		for (IWorkbenchWindow window : PlatformUI.getWorkbench().getWorkbenchWindows()) {
			IEditorPart editor = window.getActivePage() == null ? null : window.getActivePage().getActiveEditor();
			if (editor != null && editor.getEditorInput() instanceof IFileEditorInput input && input.getFile().equals(run.file())) {
				boolean failed = run.summary().contains("failed") || run.summary().startsWith("Not run");
				String text = run.file().getName() + ": " + run.summary();
				if (failed) {
					editor.getEditorSite().getActionBars().getStatusLineManager().setErrorMessage(text);
					editor.getEditorSite().getActionBars().getStatusLineManager().setMessage(null);
				} else {
					editor.getEditorSite().getActionBars().getStatusLineManager().setErrorMessage(null);
					editor.getEditorSite().getActionBars().getStatusLineManager().setMessage(text);
				}
			}
		}
	}
}
