package org.pagewright.lang.scoping;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.naming.IQualifiedNameConverter;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.ISelectable;
import org.eclipse.xtext.scoping.ICaseInsensitivityHelper;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.scoping.impl.ImportedNamespaceAwareLocalScopeProvider;
import org.eclipse.xtext.scoping.impl.MultimapBasedSelectable;
import org.pagewright.lang.layout.Model;

import com.google.inject.Inject;

/**
 * The file's own names that references look up through the default local scope: its platforms, images, policies,
 * series and checks blocks (symbols and steps have scopes of their own, LayoutScopeProvider). The default indexes
 * every object of the file, and a file of 100,000 checks paid that on its first link.
 */
public class LayoutLocalScopeProvider extends ImportedNamespaceAwareLocalScopeProvider {

	@Inject
	public LayoutLocalScopeProvider(IGlobalScopeProvider globalScopeProvider, IQualifiedNameProvider qualifiedNameProvider,
			IQualifiedNameConverter qualifiedNameConverter, ICaseInsensitivityHelper caseInsensitivityHelper) {
		super(globalScopeProvider, qualifiedNameProvider, qualifiedNameConverter, caseInsensitivityHelper);
	}

	@Override
	protected ISelectable internalGetAllDescriptions(Resource resource) {
		List<IEObjectDescription> elements = new ArrayList<>();
		for (EObject root : resource.getContents()) {
			if (root instanceof Model model) {
				for (EObject element : model.getElements()) {
					QualifiedName name = getQualifiedNameProvider().getFullyQualifiedName(element);
					if (name != null) {
						elements.add(EObjectDescription.create(name, element));
					}
				}
			}
		}
		return new MultimapBasedSelectable(elements);
	}
}
