package org.pagewright.ui.editor;

import java.io.IOException;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IPath;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ITextRegion;
import org.pagewright.ui.LayoutLanguage;

/**
 * F3 and Ctrl+click in the layout editor: a reference (symbol, step, policy, platform, image, series) links to
 * where its target is declared, in this file or an imported one, found by Xtext's cross-reference resolution.
 */
public class LayoutHyperlinkDetector extends AbstractHyperlinkDetector {

	@Override
	public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
		IDocument document = viewer.getDocument();
		if (!DocumentResources.fileOf(document).map(f -> "layout".equals(f.getFileExtension())).orElse(false)) {
			return null; // the Generic Editor asks every detector, for every content type
		}
		try {
			XtextResource resource = DocumentResources.parse(document, document.get());
			EObjectAtOffsetHelper helper = LayoutLanguage.injector().getInstance(EObjectAtOffsetHelper.class);
			INode reference = helper.getCrossReferenceNode(resource, new org.eclipse.xtext.util.TextRegion(region.getOffset(), 0));
			EObject target = helper.resolveCrossReferencedElementAt(resource, region.getOffset());
			if (reference == null || target == null || target.eIsProxy()) {
				return null;
			}
			ITextRegion name = LayoutLanguage.injector().getInstance(ILocationInFileProvider.class).getSignificantTextRegion(target);
			IRegion link = new Region(reference.getOffset(), reference.getLength());
			return new IHyperlink[] { new Declaration(link, target.eResource().getURI(), name.getOffset(), name.getLength(),
					NodeModelUtils.getTokenText(reference)) };
		} catch (IOException | RuntimeException e) {
			ILog.of(getClass()).warn("No hyperlink at " + region.getOffset(), e);
			return null;
		}
	}

	/** Opens a declaration's file in the layout editor and selects its name. */
	record Declaration(IRegion getHyperlinkRegion, URI file, int offset, int length, String name) implements IHyperlink {

		@Override
		public String getTypeLabel() {
			return "Declaration";
		}

		@Override
		public String getHyperlinkText() {
			return "Open the declaration of " + name;
		}

		@Override
		public void open() {
			IFile target = workspaceFile(file);
			if (target == null) {
				return;
			}
			try {
				IEditorPart editor = IDE.openEditor(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(),
						target);
				if (editor instanceof ITextEditor text) {
					text.selectAndReveal(offset, length);
				}
			} catch (PartInitException e) {
				ILog.of(LayoutHyperlinkDetector.class).warn("Cannot open " + file, e);
			}
		}

		private static IFile workspaceFile(URI uri) {
			if (uri.isPlatformResource()) {
				return ResourcesPlugin.getWorkspace().getRoot().getFile(IPath.fromOSString(uri.toPlatformString(true)));
			}
			if (uri.isFile()) {
				return ResourcesPlugin.getWorkspace().getRoot().getFileForLocation(IPath.fromOSString(uri.toFileString()));
			}
			return null;
		}
	}
}
