package org.pagewright.lang.ide.server;

import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.impl.ResourceServiceProviderRegistryImpl;
import org.eclipse.xtext.util.Modules2;
import org.pagewright.lang.ide.LayoutIdeSetup;

import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Singleton;

/**
 * Xtext's language-server module with the layout language registered directly, rather than found through
 * META-INF/services, which an OSGi class loader does not see.
 */
public final class LayoutServerModule {

	private LayoutServerModule() {
	}

	public static Module create() {
		return Modules2.mixin(new ServerModule(),
				binder -> binder.bind(IResourceServiceProvider.Registry.class).toProvider(LayoutServerModule::registry).in(Singleton.class));
	}

	private static IResourceServiceProvider.Registry registry() {
		Injector injector = new LayoutIdeSetup().createInjectorAndDoEMFRegistration();
		IResourceServiceProvider.Registry registry = new ResourceServiceProviderRegistryImpl();
		registry.getExtensionToFactoryMap().put("layout", injector.getInstance(IResourceServiceProvider.class));
		return registry;
	}
}
