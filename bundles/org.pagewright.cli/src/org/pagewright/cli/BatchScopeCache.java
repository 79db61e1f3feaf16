package org.pagewright.cli;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.Notifier;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.util.OnChangeEvictingCache;

import com.google.inject.Singleton;

/**
 * Xtext's resource-scope cache for a command line that loads files and never edits them. Xtext's cache listens to
 * every object of a resource (a content adapter), so that an edit anywhere evicts the cached scopes; the linker
 * installs it on all objects of a file before linking, 400,000 of them for a 100,000-check file. Here it listens to
 * the resource only: nothing edits a loaded model, and what replaces or unloads its contents still evicts.
 */
@Singleton
final class BatchScopeCache extends OnChangeEvictingCache {

	@Override
	protected CacheAdapter createCacheAdapter() {
		return new ResourceOnlyCacheAdapter();
	}

	/** A cache adapter on the resource alone: it neither adds itself to the contents nor follows new ones. */
	private static final class ResourceOnlyCacheAdapter extends CacheAdapter {

		@Override
		protected void setTarget(Resource target) {
			basicSetTarget(target);
		}

		@Override
		protected void unsetTarget(Resource target) {
			basicUnsetTarget(target);
		}

		@Override
		protected void selfAdapt(Notification notification) {
			// the contents are not followed
		}

		@Override
		protected void addAdapter(Notifier notifier) {
			// nor adapted
		}
	}
}
