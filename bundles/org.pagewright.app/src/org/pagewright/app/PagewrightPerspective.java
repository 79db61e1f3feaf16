package org.pagewright.app;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** Layout files on the left, the editor in the middle, the Page Tables view and problems below, the outline on the right. */
public class PagewrightPerspective implements IPerspectiveFactory {

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editors = layout.getEditorArea();
		layout.addView(IPageLayout.ID_PROJECT_EXPLORER, IPageLayout.LEFT, 0.22f, editors);
		IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.5f, editors);
		bottom.addView("org.pagewright.ui.pageTablesView");
		bottom.addView(IPageLayout.ID_PROBLEM_VIEW);
		layout.addView(IPageLayout.ID_OUTLINE, IPageLayout.RIGHT, 0.78f, editors);
		layout.addNewWizardShortcut("org.pagewright.ui.newProject");
		layout.addNewWizardShortcut("org.pagewright.ui.newLayoutFile");
		layout.addShowViewShortcut("org.pagewright.ui.pageTablesView");
	}
}
