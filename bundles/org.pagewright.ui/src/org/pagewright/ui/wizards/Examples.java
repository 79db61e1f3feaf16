package org.pagewright.ui.wizards;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;

/**
 * The repository's examples/ as shipped in this bundle (the build copies every example's .layout files into
 * /examples of the bundle): one folder an example.
 */
final class Examples {
	private static final String ROOT = "/examples/";

	private Examples() {
	}

	private static Bundle bundle() {
		return Platform.getBundle("org.pagewright.ui");
	}

	/** The example folders, e.g. "qemu-virt", "review-v4-13". */
	static List<String> names() {
		TreeSet<String> names = new TreeSet<>();
		for (URL url : files()) {
			String path = url.getPath();
			String rest = path.substring(path.indexOf(ROOT) + ROOT.length());
			if (rest.contains("/")) {
				names.add(rest.substring(0, rest.indexOf('/')));
			}
		}
		return List.copyOf(names);
	}

	/** The .layout files of one example, by file name. */
	static List<String> files(String example) {
		List<String> out = new ArrayList<>();
		for (URL url : files()) {
			String path = url.getPath();
			if (path.contains(ROOT + example + "/")) {
				out.add(path.substring(path.lastIndexOf('/') + 1));
			}
		}
		Collections.sort(out);
		return out;
	}

	static InputStream open(String example, String file) throws IOException {
		URL url = bundle().getEntry(ROOT + example + "/" + file);
		if (url == null) {
			throw new IOException("the example " + example + " has no " + file);
		}
		return url.openStream();
	}

	private static List<URL> files() {
		var found = bundle().findEntries(ROOT, "*.layout", true);
		return found == null ? List.of() : Collections.list(found);
	}
}
