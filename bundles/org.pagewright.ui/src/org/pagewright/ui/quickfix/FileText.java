package org.pagewright.ui.quickfix;

import java.io.IOException;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.text.IDocument;
import org.eclipse.xtext.resource.XtextResource;
import org.pagewright.ui.editor.DocumentResources;

/**
 * A workspace file's text through the shared file buffer: the same document an open editor shows, so a quick fix
 * edits what the user sees. Saves only when no editor holds the buffer.
 */
final class FileText implements AutoCloseable {

	private final ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
	private final IPath path;
	private final boolean openElsewhere;
	private final ITextFileBuffer buffer;

	private FileText(IFile file) throws IOException {
		path = file.getFullPath();
		openElsewhere = manager.getTextFileBuffer(path, LocationKind.IFILE) != null;
		try {
			manager.connect(path, LocationKind.IFILE, null);
		} catch (CoreException e) {
			throw new IOException("Cannot read " + path + ": " + e.getMessage(), e);
		}
		buffer = manager.getTextFileBuffer(path, LocationKind.IFILE);
	}

	static FileText open(IFile file) throws IOException {
		return new FileText(file);
	}

	IDocument document() {
		return buffer.getDocument();
	}

	XtextResource parse() throws IOException {
		return DocumentResources.parse(document(), document().get());
	}

	void saveUnlessOpenElsewhere() throws IOException {
		if (!openElsewhere) {
			try {
				buffer.commit(null, true);
			} catch (CoreException e) {
				throw new IOException("Cannot save " + path + ": " + e.getMessage(), e);
			}
		}
	}

	@Override
	public void close() throws IOException {
		try {
			manager.disconnect(path, LocationKind.IFILE, null);
		} catch (CoreException e) {
			throw new IOException("Cannot release " + path + ": " + e.getMessage(), e);
		}
	}
}
