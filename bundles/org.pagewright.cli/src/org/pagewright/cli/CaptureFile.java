package org.pagewright.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.pagewright.arm64.capture.Capture;
import org.pagewright.arm64.capture.CaptureLog;
import org.pagewright.arm64.capture.Parsed;

/** A capture log read and parsed; its problems located on the file's lines. */
record CaptureFile(Path path, String text, Parsed<Capture> parsed) {

	static CaptureFile read(Path path) throws InputException {
		if (Files.isDirectory(path)) {
			throw new InputException(path + ": is a directory, not a capture log");
		}
		if (!Files.isRegularFile(path)) {
			throw new InputException(path + ": no such file");
		}
		String text;
		try {
			text = Files.readString(path, StandardCharsets.ISO_8859_1); // console logs are not always UTF-8
		} catch (IOException e) {
			throw new InputException(path + ": cannot be read: " + e.getMessage());
		}
		if (CaptureLog.parse(text).value().sectionNames().isEmpty()) {
			// a file of some other kind: one line, not a "missing section" per section
			throw new InputException(path + ": not a capture log: no '===== BEGIN name =====' section in it");
		}
		return new CaptureFile(path, text, Capture.parse(text));
	}

	/** "capture.log:12: reason" (line 0: the capture as a whole). */
	String located(org.pagewright.arm64.capture.Problem p) {
		return path + ":" + p.line() + ": " + p.reason();
	}
}
