package org.pagewright.lang.compiler;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/** Why (part of) a layout could not be compiled, attached to the element that caused it. */
public record CompileProblem(EObject where, String message) {

    /** "file.layout:12: message", the form the command line and the Maven build print. */
    public String located() {
        return location(where) + ": " + message;
    }

    /** "file.layout:12" for an AST element (or the resource URI when it has no node). */
    public static String location(EObject element) {
        return location(element, element == null ? null : NodeModelUtils.findActualNodeFor(element));
    }

    /** {@link #location(EObject)} of an element whose node is already known. */
    static String location(EObject element, ICompositeNode node) {
        if (element == null || element.eResource() == null) {
            return "<unknown>";
        }
        String file = element.eResource().getURI().lastSegment();
        return node == null ? file : file + ":" + node.getStartLine();
    }
}
