package org.pagewright.ui.editor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IPath;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.IDocument;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.pagewright.ui.LayoutLanguage;

/** Turns the text of an editor document into an Xtext resource that the IDE services can work on. */
public final class DocumentResources {

	private DocumentResources() {
	}

	/** The workspace file behind a document, if the document is one. */
	public static Optional<IFile> fileOf(IDocument document) {
		ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
		if (buffer == null) {
			return Optional.empty();
		}
		IPath location = buffer.getLocation();
		IFile file = location == null ? null : ResourcesPlugin.getWorkspace().getRoot().getFile(location);
		return file != null && file.exists() ? Optional.of(file) : Optional.empty();
	}

	/**
	 * Parses {@code text} as the content of the document's file: a platform resource URI when the document is a
	 * workspace file, so that imports resolve relative to it.
	 */
	public static XtextResource parse(IDocument document, String text) throws IOException {
		return parse(uriOf(document), text);
	}

	/** The URI a document's text is parsed as: its workspace file's, or an in-memory one. */
	public static URI uriOf(IDocument document) {
		return fileOf(document).map(DocumentResources::uriOf).orElse(URI.createURI("inmemory:/document.layout"));
	}

	public static URI uriOf(IFile file) {
		return URI.createPlatformResourceURI(file.getFullPath().toString(), true);
	}

	/** Parses {@code text} as the content of the resource at {@code uri}, in a fresh resource set. */
	public static XtextResource parse(URI uri, String text) throws IOException {
		XtextResourceSet resourceSet = LayoutLanguage.injector().getInstance(XtextResourceSet.class);
		XtextResource resource = (XtextResource) resourceSet.createResource(uri);
		resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
		return resource;
	}
}
