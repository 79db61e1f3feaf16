package org.pagewright.cli;

import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Modules2;
import org.eclipse.xtext.util.OnChangeEvictingCache;
import org.pagewright.lang.LayoutRuntimeModule;
import org.pagewright.lang.LayoutStandaloneSetup;

import com.google.inject.Guice;
import com.google.inject.Injector;

/** The language's setup as the command line uses it: its one change, a scope cache for files never edited. */
public final class BatchLayoutSetup extends LayoutStandaloneSetup {

	@Override
	public Injector createInjector() {
		return Guice.createInjector(Modules2.mixin(new LayoutRuntimeModule(), binder -> {
			binder.bind(IResourceScopeCache.class).to(BatchScopeCache.class);
			binder.bind(OnChangeEvictingCache.class).to(BatchScopeCache.class); // the linker asks for the class
		}));
	}
}
