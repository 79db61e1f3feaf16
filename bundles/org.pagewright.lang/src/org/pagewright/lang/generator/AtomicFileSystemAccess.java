package org.pagewright.lang.generator;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.eclipse.xtext.generator.JavaIoFileSystemAccess;
import org.eclipse.xtext.util.RuntimeIOException;

/**
 * Every generated file (configuration, ptdump text, reports) is written to a temporary file beside it and moved into
 * place, so that a run killed midway leaves the previous outputs whole, never a truncated report.
 */
public class AtomicFileSystemAccess extends JavaIoFileSystemAccess {

	@Override
	public void generateFile(String fileName, String outputConfigName, CharSequence contents) throws RuntimeIOException {
		File file = getFile(fileName, outputConfigName);
		CharSequence text = postProcess(fileName, outputConfigName, contents);
		String encoding = getEncoding(getURI(fileName, outputConfigName));
		write(file.toPath(), text.toString().getBytes(Charset.forName(encoding == null ? "UTF-8" : encoding)));
	}

	/** Writes bytes to a temporary file in the target's folder, then renames it over the target. */
	public static void write(Path target, byte[] bytes) {
		Path dir = target.toAbsolutePath().getParent();
		Path tmp = null;
		try {
			Files.createDirectories(dir);
			tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
			Files.write(tmp, bytes);
			try {
				Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
			}
			tmp = null;
		} catch (IOException e) {
			throw new RuntimeIOException(e);
		} finally {
			if (tmp != null) {
				try {
					Files.deleteIfExists(tmp);
				} catch (IOException ignored) {
					// the write already failed; that failure is the one reported
				}
			}
		}
	}
}
