package org.pagewright.lang.scoping;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.eclipse.emf.common.util.URI;

/** What an import may name: a readable regular .layout file. The scope loads nothing else; validation says why. */
public final class ImportTargets {

	private ImportTargets() {
	}

	/** Why a resolved import URI names nothing importable, or null if it does (non-file URIs are not judged). */
	public static String problem(URI uri) {
		if (uri == null) {
			return "not a file name";
		}
		if (!uri.isFile()) {
			return null;
		}
		Path path;
		try {
			path = Paths.get(uri.toFileString());
		} catch (RuntimeException badPath) {
			return "not a file name";
		}
		if (!Files.exists(path)) {
			return "no such file";
		}
		if (Files.isDirectory(path)) {
			return "a directory, not a layout file";
		}
		if (!Files.isRegularFile(path)) {
			return "not a regular file";
		}
		if (!Files.isReadable(path)) {
			return "not readable";
		}
		if (!"layout".equals(uri.fileExtension())) {
			return "not a .layout file";
		}
		return null;
	}
}
