package org.pagewright.ui.view;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/** One tab of the Page Tables view: it shows the selected state, or nothing when there is none. */
interface StateTab {

	String title();

	Control create(Composite parent);

	/** Shows a selection; null clears the tab. Called on the UI thread. */
	void show(Selection selection);
}
