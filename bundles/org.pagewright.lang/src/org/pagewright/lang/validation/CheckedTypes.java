package org.pagewright.lang.validation;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;

/**
 * The model classes a declarative validator has {@code @Check} methods for. Xtext hands every object of the file to
 * every registered validator, and each call costs a state, a method lookup and thread-local bookkeeping even when no
 * method applies: the validators that check only imports, platforms, images or patches (BesideLayoutValidator) use
 * this to decline the 400,000 other objects of a 100,000-check file (declining is what finding no method means: no
 * diagnostic).
 */
final class CheckedTypes {
	private final List<Class<?>> parameterTypes = new ArrayList<>();

	private final ClassValue<Boolean> covered = new ClassValue<>() {
		@Override
		protected Boolean computeValue(Class<?> type) {
			return parameterTypes.stream().anyMatch(p -> p.isAssignableFrom(type));
		}
	};

	/** The parameter types of the one-argument {@code @Check} methods of {@code validator} and its superclasses. */
	CheckedTypes(Class<?> validator) {
		for (Class<?> c = validator; c != null; c = c.getSuperclass()) {
			for (Method m : c.getDeclaredMethods()) {
				if (m.isAnnotationPresent(Check.class) && m.getParameterCount() == 1) {
					parameterTypes.add(m.getParameterTypes()[0]);
				}
			}
		}
	}

	boolean covers(EObject object) {
		return covered.get(object.getClass());
	}
}
