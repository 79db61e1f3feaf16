package org.pagewright.ui.tests;

import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;

/** Runs a command as its key binding or menu item would, in the active workbench window. */
final class PlatformUIHandlers {

	private PlatformUIHandlers() {
	}

	static void execute(String commandId) throws Exception {
		IHandlerService handlers = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getService(IHandlerService.class);
		handlers.executeCommand(commandId, null);
	}
}
