package org.pagewright.lang.scoping;

import java.util.LinkedHashSet;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.scoping.impl.ImportUriGlobalScopeProvider;

/**
 * `import "platform.layout"` scoping that loads only importable files: an import of a directory, a device or a
 * non-layout file would otherwise reach the resource set and throw during linking. ImportValidator reports them.
 */
public class LayoutImportScopeProvider extends ImportUriGlobalScopeProvider {

	@Override
	protected LinkedHashSet<URI> getImportedUris(Resource resource) {
		LinkedHashSet<URI> uris = new LinkedHashSet<>(super.getImportedUris(resource));
		URI base = resource.getURI();
		uris.removeIf(uri -> ImportTargets.problem(base != null && uri.isRelative() ? uri.resolve(base) : uri) != null);
		return uris;
	}
}
