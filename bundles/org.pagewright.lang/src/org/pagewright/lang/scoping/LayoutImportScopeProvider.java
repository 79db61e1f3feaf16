package org.pagewright.lang.scoping;

import java.util.LinkedHashSet;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.scoping.impl.ImportUriGlobalScopeProvider;
import org.eclipse.xtext.util.IAcceptor;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.pagewright.lang.layout.Import;
import org.pagewright.lang.layout.Model;

import com.google.inject.Inject;

/**
 * `import "platform.layout"` scoping that loads only importable files: an import of a directory, a device or a
 * non-layout file would otherwise reach the resource set and throw during linking. ImportValidator reports them.
 * Imports are read where the grammar allows them, at the top of the file: the default visits every object of the
 * file for an importURI, which a 5,000-line file paid on each keystroke pause.
 */
public class LayoutImportScopeProvider extends ImportUriGlobalScopeProvider {

	@Inject
	private IResourceScopeCache importsCache;

	@Override
	protected LinkedHashSet<URI> getImportedUris(Resource resource) {
		return importsCache.get(LayoutImportScopeProvider.class, resource, () -> {
			LinkedHashSet<URI> uris = new LinkedHashSet<>();
			IAcceptor<String> collector = createURICollector(resource, uris);
			for (EObject root : resource.getContents()) {
				if (root instanceof Model model) {
					for (Import imported : model.getImports()) {
						if (imported.getImportURI() != null) {
							collector.accept(imported.getImportURI());
						}
					}
				}
			}
			URI base = resource.getURI();
			uris.removeIf(uri -> !EcoreUtil2.isValidUri(resource, uri)
					|| ImportTargets.problem(base != null && uri.isRelative() ? uri.resolve(base) : uri) != null);
			return uris;
		});
	}
}
