package org.pagewright.lang;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.parser.DefaultEcoreElementFactory;

/**
 * The parser's element factory, filling objects without notifications. While the parser sets an object's features the
 * object is new and its only adapter is its node, whose notifyChanged does nothing; each set or add still allocated
 * and dispatched a notification (800,000 for a file of 100,000 checks). The observers that matter, the resource's
 * cache and modification tracking, attach when the parsed tree joins the resource, after these sets.
 */
public class NotificationFreeAstFactory extends DefaultEcoreElementFactory {

	@Override
	public void set(EObject object, String feature, Object value, String ruleName, INode node)
			throws ValueConverterException {
		silently(object, () -> super.set(object, feature, value, ruleName, node));
	}

	@Override
	public void add(EObject object, String feature, Object value, String ruleName, INode node)
			throws ValueConverterException {
		silently(object, () -> super.add(object, feature, value, ruleName, node));
	}

	/** A change of the parser's, made with the object's notifications off. */
	private interface Change {
		void apply() throws ValueConverterException;
	}

	private static void silently(EObject object, Change change) throws ValueConverterException {
		boolean deliver = object.eDeliver();
		object.eSetDeliver(false);
		try {
			change.apply();
		} finally {
			object.eSetDeliver(deliver);
		}
	}
}
