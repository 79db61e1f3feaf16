package org.pagewright.lang.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.pagewright.lang.ide.LayoutIdeSetup;

import com.google.inject.Injector;

/** The IDE injector (runtime + .ide modules), as the workbench creates it, and resources parsed with it. */
final class IdeServices {

	static final Injector INJECTOR = new LayoutIdeSetup().createInjectorAndDoEMFRegistration();

	private IdeServices() {
	}

	static <T> T get(Class<T> type) {
		return INJECTOR.getInstance(type);
	}

	static XtextResource parse(String text) {
		XtextResourceSet resourceSet = INJECTOR.getInstance(XtextResourceSet.class);
		XtextResource resource = (XtextResource) resourceSet.createResource(URI.createURI("test.layout"));
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return resource;
	}
}
