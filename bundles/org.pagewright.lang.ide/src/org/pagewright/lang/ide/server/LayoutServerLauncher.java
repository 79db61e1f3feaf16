package org.pagewright.lang.ide.server;

import org.eclipse.xtext.ide.server.ServerLauncher;

/** A layout language server on stdin/stdout: {@code java -cp … org.pagewright.lang.ide.server.LayoutServerLauncher}. */
public final class LayoutServerLauncher {

	private LayoutServerLauncher() {
	}

	public static void main(String[] args) {
		ServerLauncher.launch(LayoutServerLauncher.class.getName(), args, LayoutServerModule.create());
	}
}
