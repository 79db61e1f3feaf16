package org.pagewright.lang.naming;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.DefaultDeclarativeQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.pagewright.lang.layout.Expression;

/**
 * Names as the default provider gives them, but an expression has none, said without asking for its resource: an
 * EObject finds its resource by walking up its containers, and a 10,000-term sum nests 10,000 deep, so the default's
 * per-object cache lookup made the local scope of such a file quadratic.
 */
public class LayoutQualifiedNameProvider extends DefaultDeclarativeQualifiedNameProvider {

	@Override
	public QualifiedName getFullyQualifiedName(EObject obj) {
		return obj instanceof Expression ? null : super.getFullyQualifiedName(obj);
	}
}
