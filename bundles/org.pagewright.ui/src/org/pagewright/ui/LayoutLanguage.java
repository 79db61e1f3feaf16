package org.pagewright.ui;

import org.pagewright.lang.ide.LayoutIdeSetup;

import com.google.inject.Injector;

/** The one injector of the layout language's IDE services inside the workbench, created on first use. */
public final class LayoutLanguage {

	private static final class Holder {
		static final Injector INJECTOR = new LayoutIdeSetup().createInjectorAndDoEMFRegistration();
	}

	private LayoutLanguage() {
	}

	public static Injector injector() {
		return Holder.INJECTOR;
	}
}
