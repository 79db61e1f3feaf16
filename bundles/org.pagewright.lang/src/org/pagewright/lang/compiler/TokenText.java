package org.pagewright.lang.compiler;

import java.util.ArrayDeque;
import java.util.Deque;

import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * {@link NodeModelUtils#getTokenText} with the file's text looked up once per node instead of once per leaf: a leaf
 * finds its text by walking up to the root, and describing 100,000 checks of a dozen leaves each walked that far
 * more than a million times. Same result: the visible tokens in order, one space where hidden ones (whitespace,
 * comments) were between them. The leaves are visited with an explicit stack: an expression may nest 3,000 deep.
 */
final class TokenText {

    private TokenText() {
    }

    static String of(INode node) {
        ICompositeNode root = node instanceof ICompositeNode ? node.getRootNode() : null;
        if (root == null) {
            return NodeModelUtils.getTokenText(node);
        }
        String text = root.getText();
        StringBuilder b = new StringBuilder();
        boolean hiddenSeen = false;
        Deque<INode> pending = new ArrayDeque<>();
        pending.push(node);
        while (!pending.isEmpty()) {
            INode next = pending.pop();
            if (next instanceof ICompositeNode composite) {
                for (INode child = composite.getLastChild(); child != null; child = child.getPreviousSibling()) {
                    pending.push(child); // the first child on top
                }
            } else if (((ILeafNode) next).isHidden()) {
                hiddenSeen = true;
            } else {
                if (hiddenSeen && b.length() > 0) {
                    b.append(' ');
                }
                b.append(text, next.getTotalOffset(), next.getTotalEndOffset());
                hiddenSeen = false;
            }
        }
        return b.toString();
    }
}
