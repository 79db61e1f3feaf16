package org.pagewright.lang.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.osgi.framework.FrameworkUtil;

/** The v4 13/15 review written as a layout file, read from this bundle's resources/ folder. */
final class SeedReview {

	static final String PATH = "resources/seed-review-v4-13.layout";

	private SeedReview() {
	}

	static String text() {
		URL entry = FrameworkUtil.getBundle(SeedReview.class).getEntry(PATH);
		try (InputStream in = entry.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
