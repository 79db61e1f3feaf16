package org.pagewright.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.common.notify.Adapter;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.OnChangeEvictingCache;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.junit.jupiter.api.Test;
import org.pagewright.cli.BatchLayoutSetup;

import com.google.inject.Injector;

/**
 * The command line's scope cache listens to a loaded file's resource, not to each of its objects (Xtext's default
 * adapts all of them, 400,000 for a 100,000-check file), and still forgets what it cached when the contents go.
 */
class BatchLayoutSetupTest {
	private static final Injector INJECTOR = new BatchLayoutSetup().createInjectorAndDoEMFRegistration();

	@Test
	void aLinkedAndValidatedFileCarriesTheCacheOnItsResourceOnly() {
		Resource resource = load("review-v4-13/data-bss-v4.layout");

		assertTrue(INJECTOR.getInstance(IResourceValidator.class)
				.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl).isEmpty());
		assertEquals(1, cacheAdapters(resource.eAdapters()));
		int objects = 0;
		for (EObject object : (Iterable<EObject>) resource::getAllContents) {
			assertEquals(0, cacheAdapters(object.eAdapters()), () -> "a cache adapter on " + object);
			objects++;
		}
		assertTrue(objects > 300, "objects: " + objects);
	}

	@Test
	void replacingTheContentsEvictsWhatWasCached() {
		Resource resource = load("review-v4-13/data-bss-v4.layout");
		IResourceScopeCache cache = INJECTOR.getInstance(IResourceScopeCache.class);
		assertSame(cache, INJECTOR.getInstance(OnChangeEvictingCache.class)); // what the linker is given
		assertEquals("first", cache.get("key", resource, () -> "first"));
		assertEquals("first", cache.get("key", resource, () -> "second"));

		EObject model = resource.getContents().get(0);
		resource.getContents().set(0, EcoreUtil.copy(model));

		assertEquals("second", cache.get("key", resource, () -> "second"));
	}

	private static Resource load(String example) {
		XtextResourceSet set = INJECTOR.getInstance(XtextResourceSet.class);
		Resource resource = set.getResource(URI.createFileURI(Cli.EXAMPLES.resolve(example).toString()), true);
		EcoreUtil.resolveAll(resource);
		assertFalse(resource.getContents().isEmpty());
		return resource;
	}

	private static long cacheAdapters(List<Adapter> adapters) {
		return adapters.stream().filter(a -> a instanceof OnChangeEvictingCache.CacheAdapter).count();
	}
}
