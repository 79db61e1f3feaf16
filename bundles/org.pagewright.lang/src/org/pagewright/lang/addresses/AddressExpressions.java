package org.pagewright.lang.addresses;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.EcoreUtil2;
import org.pagewright.lang.layout.AccessCheck;
import org.pagewright.lang.layout.Expression;

/**
 * Evaluates an address typed by a user ("lm_alias(__bss_start)", "_text + 2M", "0xffff0000_40200000") in the
 * context of a layout file and one of its series or policies, with the language's own parser, scoping and
 * {@link AddressEvaluator}: the text is parsed as the address of a read check on that subject, in a scratch
 * resource beside the file that imports it.
 */
public final class AddressExpressions {
	private static final AtomicInteger SCRATCH = new AtomicInteger();

	/** The value, or why there is none. */
	public record Result(BigInteger value, String error) {
		public boolean ok() {
			return value != null;
		}
	}

	private AddressExpressions() {
	}

	public static Result evaluate(Resource context, String subject, String expression) {
		if (expression.isBlank()) {
			return new Result(null, "no address given");
		}
		ResourceSet resources = context.getResourceSet();
		URI uri = context.getURI().trimSegments(1).appendSegment("__address" + SCRATCH.incrementAndGet() + ".layout");
		String text = "import \"" + context.getURI().lastSegment() + "\"\nchecks __address on " + subject + " {\n  read "
				+ expression.strip() + " expect ok\n}\n";
		Resource scratch = resources.createResource(uri);
		try {
			scratch.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
			if (!scratch.getErrors().isEmpty()) {
				return new Result(null, "not an address: " + expression.strip());
			}
			AccessCheck check = EcoreUtil2.getAllContentsOfType(scratch.getContents().get(0), AccessCheck.class).get(0);
			if (!(check.getLocation() instanceof Expression address)) {
				return new Result(null, "a range, not one address: " + expression.strip());
			}
			BigInteger value = AddressEvaluator.forContext(check).valueOf(address);
			return value == null ? new Result(null, "cannot evaluate " + expression.strip()
					+ ": an unknown symbol, or no platform to compute a linear alias with") : new Result(value, null);
		} catch (IOException | RuntimeException e) {
			return new Result(null, "cannot evaluate " + expression.strip() + ": " + e.getMessage());
		} finally {
			resources.getResources().remove(scratch);
		}
	}
}
