package org.pagewright.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Output files are written whole or not at all: a temporary file beside the target, then a move over it. */
final class AtomicFile {
	private AtomicFile() {
	}

	/** Writes the text to a temporary file in the target's folder (so that relative imports resolve the same). */
	static Path writeTemporary(Path target, String text) throws InputException {
		Path dir = target.toAbsolutePath().getParent();
		if (dir == null || !Files.isDirectory(dir)) {
			throw new InputException(target + ": its folder does not exist");
		}
		try {
			// the .layout extension keeps the temporary file loadable as a layout for the self-check
			Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp.layout");
			Files.writeString(temp, text, StandardCharsets.UTF_8);
			return temp;
		} catch (IOException e) {
			throw new InputException(target + ": cannot be written: " + e.getMessage());
		}
	}

	/** Replaces the target by the temporary file in one step where the file system allows it. */
	static void commit(Path temp, Path target) throws InputException {
		try {
			try {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		} catch (IOException e) {
			discard(temp);
			throw new InputException(target + ": cannot be written: " + e.getMessage());
		}
	}

	static void discard(Path temp) {
		try {
			Files.deleteIfExists(temp);
		} catch (IOException e) {
			// nothing else to do: the temporary file is hidden and named after the target
		}
	}
}
